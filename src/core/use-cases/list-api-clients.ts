// Global administrators see the API clients (never their secrets).
import { decideManageApiClients } from '../domain/policy/credentials.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { clientView, type ApiClientView } from './support/credentials.js';

export async function listApiClients(deps: CoreDeps, caller: Caller): Promise<ApiClientView[]> {
  return runUseCase(deps, caller, 'apiClient.list', { type: 'apiClient', id: null }, async (uc) => {
    uc.enforce(decideManageApiClients(uc.policy));
    return (await uc.scope.apiClients.list()).map(clientView);
  });
}
