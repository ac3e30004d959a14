// Sweep: time-bound memberships end by themselves (SPEC §3.12). Run by the system on a schedule.
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

export async function expireMemberships(deps: CoreDeps, tenantId: string, limit = 500): Promise<number> {
  const caller: Caller = { tenantId, principal: { type: 'system' }, channel: 'api' };
  return runUseCase(deps, caller, 'member.expire', { type: 'membership', id: null }, async (uc) => {
    let removed = 0;
    for (const m of await uc.scope.memberships.listExpired(uc.now, limit)) {
      if (!(await uc.scope.memberships.remove(m.groupId, m.memberId))) continue;
      removed++;
      await uc.audit({ action: 'member.expire', targetType: 'membership', targetId: m.groupId, before: m });
      await uc.scope.outbox.enqueue({ topic: 'membership.removed', payload: { groupId: m.groupId, memberId: m.memberId } }, uc.now);
    }
    return removed;
  });
}
