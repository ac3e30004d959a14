// Remove an owner. The last owner goes only when an admin removes it (SPEC §3.6); the group row is
// locked first, so two owners removing each other at once cannot both succeed.
import { DomainError } from '../domain/errors.js';
import { decideRemoveOwner } from '../domain/policy/owners.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export async function removeOwner(deps: CoreDeps, caller: Caller, input: { groupId: string; userId: string }): Promise<void> {
  return runUseCase(deps, caller, 'owner.remove', { type: 'ownership', id: `${input.groupId}/${input.userId}` }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    const isOwner = await uc.scope.owners.isOwner(group.id, input.userId);
    uc.enforce(decideRemoveOwner(uc.policy, group, rel, { isOwner, isMember: false }));
    if (!(await uc.scope.owners.remove(group.id, input.userId))) throw new DomainError('notAnOwner');
    await uc.audit({ action: 'owner.remove', targetType: 'ownership', targetId: group.id, before: { groupId: group.id, userId: input.userId } });
    await uc.scope.outbox.enqueue({ topic: 'owner.removed', payload: { groupId: group.id, userId: input.userId, ownerless: rel.ownerCount <= 1 } }, uc.now);
  });
}
