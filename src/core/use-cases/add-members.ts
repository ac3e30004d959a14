// PATCH /groups/{id} with `members@odata.bind`: up to 20 members in one transaction, all or nothing
// (FIDELITY §4.6). Each one goes through the same policy as addMember; the first refusal undoes all.
import { actorId } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import type { Membership } from '../domain/model.js';
import { decideAddMember } from '../domain/policy/membership.js';
import type { Caller, CoreDeps } from '../ports.js';
import { memberTarget } from './add-member.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export const MAX_BIND = 20;

export async function addMembers(deps: CoreDeps, caller: Caller, input: { groupId: string; memberIds: readonly string[] }): Promise<Membership[]> {
  if (input.memberIds.length > MAX_BIND) throw new DomainError('invalidInput', `At most ${MAX_BIND} members may be added in one request.`);
  return runUseCase(deps, caller, 'member.addMany', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    const added: Membership[] = [];
    for (const memberId of input.memberIds) {
      const target = await memberTarget(uc, group.id, memberId);
      const existing = await uc.scope.memberships.get(group.id, memberId);
      uc.enforce(decideAddMember(uc.policy, group, rel, target, existing !== null));
      const membership: Membership = {
        tenantId: caller.tenantId, groupId: group.id, memberId, memberType: target.type,
        source: caller.channel === 'scim' ? 'sync' : 'direct', addedBy: actorId(uc.actor), addedDateTime: uc.now,
        expiresDateTime: null, requestId: null,
      };
      if (!(await uc.scope.memberships.add(membership))) throw new DomainError('alreadyMember');
      await uc.audit({ action: 'member.add', targetType: 'membership', targetId: group.id, after: membership });
      await uc.scope.outbox.enqueue({ topic: 'membership.added', payload: { groupId: group.id, memberId } }, uc.now);
      added.push(membership);
    }
    return added;
  });
}
