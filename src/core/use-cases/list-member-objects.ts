// Members, transitive members and owners as the objects they name — what a member list shows — read
// in one transaction with the same visibility as the membership lists (SPEC §3.9).
import type { User } from '../domain/model.js';
import type { Caller, CoreDeps } from '../ports.js';
import { pageSize, visibleMemberPage, type MemberListInput } from './list-members.js';
import { visibleTransitiveMembers } from './list-transitive-members.js';
import { runUseCase } from './support/context.js';
import { memberObjects, type MemberObject } from './support/member-objects.js';
import { loadVisibleGroup } from './support/relation.js';

export async function listMemberObjects(deps: CoreDeps, caller: Caller, input: MemberListInput): Promise<MemberObject[]> {
  return runUseCase(deps, caller, 'member.list', { type: 'group', id: input.groupId }, async (uc) => memberObjects(uc, await visibleMemberPage(uc, input)));
}

/** One keyset page (by member id) of the transitive members. */
export async function listTransitiveMemberObjects(
  deps: CoreDeps, caller: Caller, input: { groupId: string; after?: string | undefined; limit?: number | undefined },
): Promise<{ members: MemberObject[]; more: boolean }> {
  return runUseCase(deps, caller, 'member.transitiveList', { type: 'group', id: input.groupId }, async (uc) => {
    const all = await visibleTransitiveMembers(uc, input.groupId);
    const after = input.after;
    const rest = after === undefined ? all : all.filter((m) => m.memberId > after);
    const page = rest.slice(0, pageSize(input.limit));
    return { members: await memberObjects(uc, page), more: rest.length > page.length };
  });
}

/** Owners are visible to everyone who can see the group (whom to ask — ADR 0004). */
export async function listOwnerUsers(deps: CoreDeps, caller: Caller, input: { groupId: string }): Promise<User[]> {
  return runUseCase(deps, caller, 'owner.list', { type: 'group', id: input.groupId }, async (uc) => {
    const { group } = await loadVisibleGroup(uc, input.groupId);
    const owners = await uc.scope.owners.list(group.id);
    const users = new Map((await uc.scope.users.getMany(owners.map((o) => o.userId))).map((u) => [u.id, u]));
    return owners.flatMap((o) => users.get(o.userId) ?? []);
  });
}
