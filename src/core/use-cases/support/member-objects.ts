// Turns memberships into the objects they name (users, and groups with the caller's abilities), in the
// caller's transaction: one query per kind for a whole page, never one use case per member.
import type { Membership, User } from '../../domain/model.js';
import type { UseCaseContext } from './context.js';
import { viewsOfPage, type GroupView } from './views.js';

export type MemberObject =
  | { readonly membership: Membership; readonly type: 'user'; readonly user: User }
  | { readonly membership: Membership; readonly type: 'group'; readonly group: GroupView };

/** In the memberships' order; a member whose object is gone (or a deleted group) is left out. */
export async function memberObjects(uc: UseCaseContext, memberships: readonly Membership[]): Promise<MemberObject[]> {
  const users = new Map((await uc.scope.users.getMany(memberships.filter((m) => m.memberType === 'user').map((m) => m.memberId))).map((u) => [u.id, u]));
  const live = (await uc.scope.groups.getMany(memberships.filter((m) => m.memberType === 'group').map((m) => m.memberId)))
    .filter((g) => g.deletedDateTime === null);
  const groups = new Map((await viewsOfPage(uc, live)).map(({ view }) => [view.group.id, view]));
  const out: MemberObject[] = [];
  for (const membership of memberships) {
    const user = users.get(membership.memberId);
    const group = groups.get(membership.memberId);
    if (membership.memberType === 'user' && user) out.push({ membership, type: 'user', user });
    else if (membership.memberType === 'group' && group) out.push({ membership, type: 'group', group });
  }
  return out;
}
