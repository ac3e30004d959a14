// Reads the facts the policy needs about the actor and one group.
import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { effectiveStatus } from '../../domain/join-request.js';
import type { Group, GroupId, Membership } from '../../domain/model.js';
import { NO_RELATION, type GroupRelation } from '../../domain/policy/context.js';
import { canSeeGroup } from '../../domain/policy/visibility.js';
import type { UseCaseContext } from './context.js';

export async function relationOf(uc: UseCaseContext, actor: Actor, group: Group): Promise<GroupRelation> {
  const { scope } = uc;
  const ownerCount = await scope.owners.count(group.id);
  if (actor.kind !== 'user') return { ...NO_RELATION, ownerCount };
  const [isOwner, membership, pending] = await Promise.all([
    scope.owners.isOwner(group.id, actor.id),
    scope.memberships.get(group.id, actor.id),
    scope.requests.findPending(group.id, actor.id),
  ]);
  const isTransitiveMember = membership !== null || actor.transitiveGroupIds.has(group.id);
  // A pending request past its expiry is expired (effectiveStatus), whether or not the sweep has run.
  const hasPendingRequest = pending !== null && effectiveStatus(pending, uc.now) === 'pending';
  return { isOwner, isDirectMember: membership !== null, isTransitiveMember, ownerCount, hasPendingRequest };
}

/**
 * The same facts as relationOf for a page of groups, in five reads instead of five per group (list
 * reads). The direct memberships found are returned too, for the abilities.
 */
export async function relationsOf(uc: UseCaseContext, actor: Actor, groups: readonly Group[]): Promise<{
  relations: Map<GroupId, GroupRelation>; memberships: Map<GroupId, Membership>;
}> {
  const { scope } = uc;
  const ids = groups.map((g) => g.id);
  const ownerCounts = await scope.owners.countMany(ids);
  const relations = new Map<GroupId, GroupRelation>();
  const memberships = new Map<GroupId, Membership>();
  if (actor.kind !== 'user') {
    for (const id of ids) relations.set(id, { ...NO_RELATION, ownerCount: ownerCounts.get(id) ?? 0 });
    return { relations, memberships };
  }
  const wanted = new Set(ids);
  const owned = new Set((await scope.owners.groupIdsOwnedBy(actor.id)).filter((id) => wanted.has(id)));
  for (const m of await scope.memberships.getManyOf(actor.id, ids)) memberships.set(m.groupId, m);
  const pending = new Set<GroupId>();
  for (let after: string | undefined, more = true; more;) {
    const page = await scope.requests.listByRequester(actor.id, { status: 'pending', after, limit: 500 });
    for (const r of page) if (wanted.has(r.groupId) && effectiveStatus(r, uc.now) === 'pending') pending.add(r.groupId);
    more = page.length === 500;
    after = page[page.length - 1]?.id;
  }
  for (const id of ids) {
    const direct = memberships.has(id);
    relations.set(id, {
      isOwner: owned.has(id), isDirectMember: direct, isTransitiveMember: direct || actor.transitiveGroupIds.has(id),
      ownerCount: ownerCounts.get(id) ?? 0, hasPendingRequest: pending.has(id),
    });
  }
  return { relations, memberships };
}

/**
 * Loads a group the caller may see, or answers "not found" — the same answer whether the group is
 * missing, in another tenant, or hidden from this caller (SPEC §3.9). With `lock`, the row stays
 * locked until the transaction ends.
 */
export async function loadVisibleGroup(uc: UseCaseContext, groupId: GroupId, opts: { lock?: boolean } = {}): Promise<{ group: Group; rel: GroupRelation }> {
  const group = opts.lock ? await uc.scope.groups.lock(groupId) : await uc.scope.groups.get(groupId);
  if (!group) throw new DomainError('groupNotFound');
  const rel = await relationOf(uc, uc.actor, group);
  if (!canSeeGroup(uc.policy, group, rel)) throw new DomainError('groupNotFound');
  return { group, rel };
}
