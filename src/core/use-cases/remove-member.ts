// An owner or admin removes a member (SPEC §3.6).
import { DomainError } from '../domain/errors.js';
import { decideRemoveMember } from '../domain/policy/membership.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export async function removeMember(deps: CoreDeps, caller: Caller, input: { groupId: string; memberId: string }): Promise<void> {
  return runUseCase(deps, caller, 'member.remove', { type: 'membership', id: `${input.groupId}/${input.memberId}` }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    const existing = await uc.scope.memberships.get(group.id, input.memberId);
    uc.enforce(decideRemoveMember(uc.policy, group, rel, existing !== null));
    if (!existing || !(await uc.scope.memberships.remove(group.id, input.memberId))) throw new DomainError('notMember');
    await uc.audit({ action: 'member.remove', targetType: 'membership', targetId: group.id, before: existing });
    await uc.scope.outbox.enqueue({ topic: 'membership.removed', payload: { groupId: group.id, memberId: input.memberId } }, uc.now);
  });
}
