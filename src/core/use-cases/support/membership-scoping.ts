// Which groups' membership the caller may not see (SPEC §3.9), for effective access and explain:
// a group is hidden unless the caller sees its member list in full (or, for `subjectId`, sees that
// this user is in it — a member of a HiddenMembership group sees themselves). Administrators with an
// app role see every path: they are "the administrator [who] can still see all users who have access
// to the application" (SPEC §3.10); an app's owners are business owners, scoped like any owner.
import type { GroupId } from '../../domain/model.js';
import { isAppAdmin } from '../../domain/policy/apps.js';
import { NO_RELATION } from '../../domain/policy/context.js';
import { canSeeMembershipOf } from '../../domain/policy/visibility.js';
import type { UseCaseContext } from './context.js';
import { relationsOf } from './relation.js';

export async function groupsHiddenFrom(uc: UseCaseContext, groupIds: readonly GroupId[], subjectId: string | null = null): Promise<Set<GroupId>> {
  if (groupIds.length === 0 || uc.actor.kind !== 'user' || isAppAdmin(uc.actor)) return new Set();
  const groups = await uc.scope.groups.getMany([...new Set(groupIds)]);
  const { relations } = await relationsOf(uc, uc.actor, groups);
  const hidden = new Set<GroupId>();
  for (const g of groups) {
    if (!canSeeMembershipOf(uc.policy, g, relations.get(g.id) ?? NO_RELATION, subjectId ?? '')) hidden.add(g.id);
  }
  return hidden;
}
