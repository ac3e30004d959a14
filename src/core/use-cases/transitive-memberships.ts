// Transitive memberships (memberOf through nesting), scoped to what the caller may see (SPEC §3.9).
import { DomainError } from '../domain/errors.js';
import type { Group } from '../domain/model.js';
import { NO_RELATION } from '../domain/policy/context.js';
import { canSeeMembershipOf } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { requireMember } from './support/member-subject.js';
import { relationsOf } from './support/relation.js';

/** The live groups among these that the caller may see the member in; relations read in bulk. */
async function visibleGroupsOf(uc: UseCaseContext, memberId: string, groupIds: readonly string[]): Promise<Group[]> {
  const groups = (await uc.scope.groups.getMany(groupIds)).filter((g) => g.deletedDateTime === null);
  const { relations } = await relationsOf(uc, uc.actor, groups);
  return groups.filter((g) => canSeeMembershipOf(uc.policy, g, relations.get(g.id) ?? NO_RELATION, memberId))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

/** Every group a user or group is in, directly or through nesting. */
export async function listTransitiveGroups(deps: CoreDeps, caller: Caller, input: { memberId: string }): Promise<Group[]> {
  return runUseCase(deps, caller, 'member.transitiveGroups', { type: 'user', id: input.memberId }, async (uc) => {
    await requireMember(uc, input.memberId);
    return visibleGroupsOf(uc, input.memberId, await uc.scope.memberships.transitiveGroupIdsOf(input.memberId));
  });
}

/** Direct memberships of a user or group. */
export async function listDirectGroups(deps: CoreDeps, caller: Caller, input: { memberId: string }): Promise<Group[]> {
  return runUseCase(deps, caller, 'member.directGroups', { type: 'user', id: input.memberId }, async (uc) => {
    await requireMember(uc, input.memberId);
    const direct = await uc.scope.memberships.listGroupsOf(input.memberId);
    return visibleGroupsOf(uc, input.memberId, direct.map((m) => m.groupId));
  });
}

/** Which of the given groups the member is in, transitively (Graph checkMemberGroups: ≤ 20 ids). */
export async function checkMemberGroups(deps: CoreDeps, caller: Caller, input: { memberId: string; groupIds: string[] }): Promise<string[]> {
  if (input.groupIds.length > 20) throw new DomainError('invalidInput', 'At most 20 group ids may be checked at once.');
  return runUseCase(deps, caller, 'member.checkGroups', { type: 'user', id: input.memberId }, async (uc) => {
    await requireMember(uc, input.memberId);
    const all = new Set(await uc.scope.memberships.transitiveGroupIdsOf(input.memberId));
    const candidates = [...new Set(input.groupIds)].filter((id) => all.has(id));
    return (await visibleGroupsOf(uc, input.memberId, candidates)).map((g) => g.id);
  });
}
