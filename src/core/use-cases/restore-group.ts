// Restore a soft-deleted group within 30 days (SPEC §3.7).
import { decideRestoreGroup } from '../domain/policy/lifecycle.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';
import { viewOf, type GroupView } from './support/views.js';

export async function restoreGroup(deps: CoreDeps, caller: Caller, input: { groupId: string }): Promise<GroupView> {
  return runUseCase(deps, caller, 'group.restore', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    uc.enforce(decideRestoreGroup(uc.policy, group, rel));
    const restored = { ...group, deletedDateTime: null };
    await uc.scope.groups.update(restored);
    await uc.audit({ action: 'group.restore', targetType: 'group', targetId: group.id, before: group, after: restored });
    await uc.scope.outbox.enqueue({ topic: 'group.restored', payload: { groupId: group.id } }, uc.now);
    return viewOf(uc, restored);
  });
}
