// What use cases return for a group: the group with the caller's abilities on it.
import type { Group, Membership, MembershipSource } from '../../domain/model.js';
import { groupAbilities, type GroupAbilities } from '../../domain/policy/abilities.js';
import { NO_RELATION, type GroupRelation } from '../../domain/policy/context.js';
import type { UseCaseContext } from './context.js';
import { relationOf, relationsOf } from './relation.js';

export interface GroupView {
  readonly group: Group;
  readonly abilities: GroupAbilities;
  /** The caller's own direct membership of the group (null when not a direct member, or not a user). */
  readonly myMembership: MyMembership | null;
}

/** When and how the caller joined, and until when (ADR 0021); a time-bound membership has an expiry. */
export interface MyMembership {
  readonly source: MembershipSource;
  readonly addedDateTime: string;
  readonly expiresDateTime: string | null;
}

function myMembershipOf(m: Membership | null): MyMembership | null {
  return m === null ? null : { source: m.source, addedDateTime: m.addedDateTime, expiresDateTime: m.expiresDateTime };
}

export async function viewOf(uc: UseCaseContext, group: Group, rel?: GroupRelation): Promise<GroupView> {
  const relation = rel ?? await relationOf(uc, uc.actor, group);
  const membership = uc.actor.kind === 'user' && relation.isDirectMember ? await uc.scope.memberships.get(group.id, uc.actor.id) : null;
  return { group, abilities: groupAbilities(uc.policy, group, relation, membership), myMembership: myMembershipOf(membership) };
}

export async function viewsOf(uc: UseCaseContext, groups: readonly Group[]): Promise<GroupView[]> {
  const out: GroupView[] = [];
  for (const g of groups) out.push(await viewOf(uc, g));
  return out;
}

/** The views of a page of groups with their relations read in bulk (relationsOf), for list reads. */
export async function viewsOfPage(uc: UseCaseContext, groups: readonly Group[]): Promise<Array<{ view: GroupView; rel: GroupRelation }>> {
  const { relations, memberships } = await relationsOf(uc, uc.actor, groups);
  return groups.map((group) => {
    const rel = relations.get(group.id) ?? NO_RELATION;
    const membership = memberships.get(group.id) ?? null;
    return { view: { group, abilities: groupAbilities(uc.policy, group, rel, membership), myMembership: myMembershipOf(membership) }, rel };
  });
}
