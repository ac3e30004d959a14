// Sweep: a soft-deleted group past the 30-day restore window is deleted for good (SPEC §3.7, as in
// Entra ID), with its memberships, owners and requests. Run by the system on a schedule.
import { isPurgeDue } from '../domain/policy/lifecycle.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';

export async function purgeDeletedGroups(deps: CoreDeps, tenantId: string, limit = 100): Promise<number> {
  const caller: Caller = { tenantId, principal: { type: 'system' }, channel: 'api' };
  return runUseCase(deps, caller, 'group.purge', { type: 'group', id: null }, async (uc) => {
    let purged = 0;
    for (let after: string | undefined, more = true; more && purged < limit;) {
      const page = await uc.scope.groups.list({ deleted: true, after, limit: 500 });
      for (const group of page) {
        if (purged >= limit || !isPurgeDue(group, uc.now)) continue;
        await uc.scope.groups.purge(group.id);
        purged++;
        await uc.audit({ action: 'group.purge', targetType: 'group', targetId: group.id, before: group });
        await uc.scope.outbox.enqueue({ topic: 'group.purged', payload: { groupId: group.id } }, uc.now);
      }
      more = page.length === 500;
      after = page.at(-1)?.id;
    }
    return purged;
  });
}
