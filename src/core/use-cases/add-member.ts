// An owner or admin adds a user or a group (nesting) to a group (SPEC §3.6).
import { actorId } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import type { Membership } from '../domain/model.js';
import { decideAddMember, type MemberTarget } from '../domain/policy/membership.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';

export interface AddMemberInput {
  groupId: string;
  /** A user id or a group id. */
  memberId: string;
  /** Time-bound membership (optional). */
  expiresDateTime?: string | null | undefined;
}

export async function addMember(deps: CoreDeps, caller: Caller, input: AddMemberInput): Promise<Membership> {
  return runUseCase(deps, caller, 'member.add', { type: 'membership', id: `${input.groupId}/${input.memberId}` }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    const target = await memberTarget(uc, group.id, input.memberId);
    const existing = await uc.scope.memberships.get(group.id, input.memberId);
    uc.enforce(decideAddMember(uc.policy, group, rel, target, existing !== null));
    if (input.expiresDateTime && input.expiresDateTime <= uc.now) throw new DomainError('invalidInput', 'expiresDateTime must be in the future.');
    const membership: Membership = {
      tenantId: caller.tenantId, groupId: group.id, memberId: input.memberId, memberType: target.type,
      source: caller.channel === 'scim' ? 'sync' : 'direct', addedBy: actorId(uc.actor), addedDateTime: uc.now,
      expiresDateTime: input.expiresDateTime ?? null, requestId: null,
    };
    if (!(await uc.scope.memberships.add(membership))) throw new DomainError('alreadyMember');
    await uc.audit({ action: 'member.add', targetType: 'membership', targetId: group.id, after: membership });
    await uc.scope.outbox.enqueue({ topic: 'membership.added', payload: { groupId: group.id, memberId: input.memberId } }, uc.now);
    return membership;
  });
}

/** Resolves a member id to a user or a live group; unknown ids are "not found" (FIDELITY §4.6: 404). */
export async function memberTarget(uc: UseCaseContext, parentId: string, memberId: string): Promise<MemberTarget> {
  const user = await uc.scope.users.get(memberId);
  if (user) return { type: 'user', userId: user.id };
  const child = await uc.scope.groups.get(memberId);
  if (!child || child.deletedDateTime !== null) throw new DomainError('memberNotFound');
  const actorOwnsChild = uc.actor.kind === 'user' && await uc.scope.owners.isOwner(child.id, uc.actor.id);
  const ancestorsOfParent = new Set(await uc.scope.memberships.ancestorGroupIds(parentId));
  return { type: 'group', group: child, actorOwnsChild, ancestorsOfParent };
}
