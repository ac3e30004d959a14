// Transitive memberships (memberOf through nesting), scoped to what the caller may see (SPEC §3.9).
import { DomainError } from '../domain/errors.js';
import type { Group } from '../domain/model.js';
import { canSeeGroup, canSeeMembershipOf, canSeeUser } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { relationOf } from './support/relation.js';

async function visibleGroupsOf(uc: UseCaseContext, memberId: string, groupIds: readonly string[]): Promise<Group[]> {
  const groups = await uc.scope.groups.getMany(groupIds);
  const out: Group[] = [];
  for (const g of groups) {
    if (g.deletedDateTime !== null) continue;
    if (canSeeMembershipOf(uc.policy, g, await relationOf(uc, uc.actor, g), memberId)) out.push(g);
  }
  return out.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

/** The subject must exist *and* be visible to the caller, as for GET /users/{id} and /groups/{id} (SECURITY #1). */
async function requireMember(uc: UseCaseContext, memberId: string): Promise<void> {
  if (await uc.scope.users.get(memberId)) {
    if (canSeeUser(uc.policy)) return;
    throw new DomainError('memberNotFound');
  }
  const group = await uc.scope.groups.get(memberId);
  if (group && canSeeGroup(uc.policy, group, await relationOf(uc, uc.actor, group))) return;
  throw new DomainError('memberNotFound');
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
