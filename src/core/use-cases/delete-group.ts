// Soft-delete a group: restorable for 30 days (SPEC §3.7). Memberships stay so a restore is whole.
import { decideDeleteGroup } from '../domain/policy/lifecycle.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export async function deleteGroup(deps: CoreDeps, caller: Caller, input: { groupId: string }): Promise<void> {
  return runUseCase(deps, caller, 'group.delete', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    uc.enforce(decideDeleteGroup(uc.policy, group, rel));
    const deleted = { ...group, deletedDateTime: uc.now };
    await uc.scope.groups.update(deleted);
    await uc.audit({ action: 'group.delete', targetType: 'group', targetId: group.id, before: group, after: deleted });
    await uc.scope.outbox.enqueue({ topic: 'group.deleted', payload: { groupId: group.id } }, uc.now);
  });
}
