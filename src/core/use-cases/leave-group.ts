// A member leaves a group.
import { DomainError } from '../domain/errors.js';
import { decideLeave } from '../domain/policy/membership.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export async function leaveGroup(deps: CoreDeps, caller: Caller, input: { groupId: string }): Promise<void> {
  return runUseCase(deps, caller, 'group.leave', { type: 'group', id: input.groupId }, async (uc) => {
    const { group } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    const membership = uc.actor.kind === 'user' ? await uc.scope.memberships.get(group.id, uc.actor.id) : null;
    uc.enforce(decideLeave(uc.policy, group, membership));
    if (!membership || !(await uc.scope.memberships.remove(group.id, membership.memberId))) throw new DomainError('notMember');
    await uc.audit({ action: 'group.leave', targetType: 'membership', targetId: group.id, before: membership });
    await uc.scope.outbox.enqueue({ topic: 'membership.removed', payload: { groupId: group.id, memberId: membership.memberId } }, uc.now);
  });
}
