// Sweep: pending requests past their expiry become expired (SPEC §3.5). Run by the system on a schedule.
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { markExpired } from './support/requests.js';

export async function expireJoinRequests(deps: CoreDeps, tenantId: string, limit = 500): Promise<number> {
  const caller: Caller = { tenantId, principal: { type: 'system' }, channel: 'api' };
  return runUseCase(deps, caller, 'request.expire', { type: 'joinRequest', id: null }, async (uc) => {
    let expired = 0;
    for (const request of await uc.scope.requests.listDue(uc.now, limit)) {
      if (await markExpired(uc, request)) expired++;
    }
    return expired;
  });
}
