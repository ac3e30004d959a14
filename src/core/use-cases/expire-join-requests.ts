// Sweep: pending requests past their expiry become expired (SPEC §3.5). Run by the system on a schedule.
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

export async function expireJoinRequests(deps: CoreDeps, tenantId: string, limit = 500): Promise<number> {
  const caller: Caller = { tenantId, principal: { type: 'system' }, channel: 'api' };
  return runUseCase(deps, caller, 'request.expire', { type: 'joinRequest', id: null }, async (uc) => {
    let expired = 0;
    for (const request of await uc.scope.requests.listDue(uc.now, limit)) {
      const patch = { status: 'expired' as const, decidedBy: null, decisionReason: null, decidedDateTime: uc.now, membershipExpiresDateTime: null };
      if (!(await uc.scope.requests.decide(request.id, patch))) continue;
      expired++;
      await uc.audit({ action: 'request.expire', targetType: 'joinRequest', targetId: request.id, before: request, after: { ...request, ...patch } });
      await uc.scope.outbox.enqueue({ topic: 'request.decided', payload: { requestId: request.id, groupId: request.groupId, status: 'expired' } }, uc.now);
    }
    return expired;
  });
}
