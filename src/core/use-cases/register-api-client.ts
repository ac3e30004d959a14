// A global administrator registers an API client (app registration) with Graph-style application
// permissions; the client secret is returned once and stored only as a hash (SECURITY #2, §4 Auth).
import { actorId, APP_PERMISSIONS, type AppPermission } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import type { ApiClient } from '../domain/credentials.js';
import { decideManageApiClients } from '../domain/policy/credentials.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { clientView, secretsOf, type ApiClientView } from './support/credentials.js';

export interface RegisterApiClientInput {
  displayName: string;
  permissions: readonly string[];
}

export function validPermissions(permissions: readonly string[]): AppPermission[] {
  for (const p of permissions) {
    if (!(APP_PERMISSIONS as readonly string[]).includes(p)) throw new DomainError('invalidInput', `Unknown permission '${p.slice(0, 60)}'; known: ${APP_PERMISSIONS.join(', ')}.`);
  }
  return [...new Set(permissions as AppPermission[])].sort();
}

export async function registerApiClient(deps: CoreDeps, caller: Caller, input: RegisterApiClientInput): Promise<{ client: ApiClientView; clientSecret: string }> {
  return runUseCase(deps, caller, 'apiClient.register', { type: 'apiClient', id: null }, async (uc) => {
    uc.enforce(decideManageApiClients(uc.policy));
    const displayName = input.displayName.trim();
    if (!displayName || displayName.length > 256) throw new DomainError('invalidInput', 'displayName must be 1–256 characters.');
    const clientSecret = secretsOf(deps).newSecret();
    const client: ApiClient = {
      tenantId: caller.tenantId, id: deps.ids.newId(), displayName, permissions: validPermissions(input.permissions),
      secretHash: await deps.passwords.hash(clientSecret), createdBy: actorId(uc.actor), createdDateTime: uc.now, disabled: false,
    };
    await uc.scope.apiClients.insert(client);
    await uc.audit({ action: 'apiClient.register', targetType: 'apiClient', targetId: client.id, after: clientView(client) });
    return { client: clientView(client), clientSecret };
  });
}
