// A global administrator deletes an API client; every token it holds is revoked in the same transaction.
import { DomainError } from '../domain/errors.js';
import { decideManageApiClients } from '../domain/policy/credentials.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { clientView } from './support/credentials.js';

export async function deleteApiClient(deps: CoreDeps, caller: Caller, input: { clientId: string }): Promise<void> {
  return runUseCase(deps, caller, 'apiClient.delete', { type: 'apiClient', id: input.clientId }, async (uc) => {
    uc.enforce(decideManageApiClients(uc.policy));
    const client = await uc.scope.apiClients.get(input.clientId);
    if (!client) throw new DomainError('apiClientNotFound');
    const revoked = await uc.scope.tokens.revokeAllOf({ type: 'app', clientId: client.id }, uc.now);
    await uc.scope.apiClients.delete(client.id);
    await uc.audit({ action: 'apiClient.delete', targetType: 'apiClient', targetId: client.id, before: clientView(client), after: { revokedTokens: revoked } });
  });
}
