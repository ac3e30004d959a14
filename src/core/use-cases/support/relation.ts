// Reads the facts the policy needs about the actor and one group.
import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { effectiveStatus } from '../../domain/join-request.js';
import type { Group, GroupId } from '../../domain/model.js';
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
