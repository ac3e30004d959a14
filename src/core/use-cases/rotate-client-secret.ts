// A global administrator replaces an API client's secret (the new one is returned once). Tokens already
// issued keep working until they expire, as in Entra; delete the client to cut them off at once.
import { DomainError } from '../domain/errors.js';
import { decideManageApiClients } from '../domain/policy/credentials.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { secretsOf } from './support/credentials.js';

export async function rotateClientSecret(deps: CoreDeps, caller: Caller, input: { clientId: string }): Promise<{ clientSecret: string }> {
  return runUseCase(deps, caller, 'apiClient.rotateSecret', { type: 'apiClient', id: input.clientId }, async (uc) => {
    uc.enforce(decideManageApiClients(uc.policy));
    const client = await uc.scope.apiClients.get(input.clientId);
    if (!client) throw new DomainError('apiClientNotFound');
    const clientSecret = secretsOf(deps).newSecret();
    await uc.scope.apiClients.update({ ...client, secretHash: await deps.passwords.hash(clientSecret) });
    await uc.audit({ action: 'apiClient.rotateSecret', targetType: 'apiClient', targetId: client.id });
    return { clientSecret };
  });
}
