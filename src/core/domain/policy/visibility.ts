// SPEC §3.9: what a caller may see. Group existence is tenant-wide for live groups; membership is
// scoped by visibility. Anything a caller may not see answers "not found", never "forbidden".
import { appHas, isGroupAdmin } from '../actor.js';
import { ALLOW, deny, isAllowed, type Decision } from '../decision.js';
import type { Group, JoinRequest } from '../model.js';
import type { GroupRelation, PolicyContext } from './context.js';
import { decideReadDirectory } from './directory.js';

/** Live groups are found tenant-wide: by every enabled user, the system, and apps that read groups. */
export function canSeeLiveGroups(ctx: PolicyContext): boolean {
  const { actor } = ctx;
  if (actor.kind === 'system') return true;
  if (actor.kind === 'app') return appHas(actor, 'Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Directory.Read.All');
  return actor.accountEnabled;
}

export function canSeeGroup(ctx: PolicyContext, group: Group, rel: GroupRelation): boolean {
  const { actor } = ctx;
  if (group.deletedDateTime === null) return canSeeLiveGroups(ctx);
  if (actor.kind === 'system') return true;
  if (actor.kind === 'app') return appHas(actor, 'Group.ReadWrite.All', 'Directory.Read.All');
  if (!actor.accountEnabled) return false;
  return rel.isOwner || isGroupAdmin(actor);
}

/**
 * May the caller learn that a user exists — as the subject of memberOf, transitiveMemberOf or
 * checkMemberGroups too? Exactly when it may read the user (GET /users/{id}); otherwise "not found".
 */
export function canSeeUser(ctx: PolicyContext): boolean {
  return isAllowed(decideReadDirectory(ctx));
}

/** Listing the tenant's live groups (GET /groups): allowed exactly when live groups are visible. */
export function decideListGroups(ctx: PolicyContext): Decision {
  if (canSeeLiveGroups(ctx)) return ALLOW;
  return deny(ctx.actor.kind === 'app' ? 'missingPermission' : 'accountDisabled');
}

/** all: every member; selfOnly: only "you are a member"; none: no member list at all. */
export type MemberListVisibility = 'all' | 'selfOnly' | 'none';

export function memberListVisibility(ctx: PolicyContext, group: Group, rel: GroupRelation): MemberListVisibility {
  if (!canSeeGroup(ctx, group, rel)) return 'none';
  const { actor } = ctx;
  if (actor.kind !== 'user' || isGroupAdmin(actor) || rel.isOwner) return 'all';
  switch (group.visibility) {
    case 'Public':
      return 'all';
    case 'Private':
      return rel.isTransitiveMember ? 'all' : 'none';
    case 'HiddenMembership':
      return rel.isTransitiveMember ? 'selfOnly' : 'none';
  }
}

/** Join requests are seen by the requester, the group's owners and admins (and apps that manage members). */
export function canSeeJoinRequest(ctx: PolicyContext, request: JoinRequest, rel: GroupRelation): boolean {
  const { actor } = ctx;
  if (actor.kind === 'system') return true;
  if (actor.kind === 'app') return appHas(actor, 'GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All');
  if (!actor.accountEnabled) return false;
  return actor.id === request.requesterId || rel.isOwner || isGroupAdmin(actor);
}

/**
 * May the caller see that `memberId` is in this group (memberOf of another user, filters by member)?
 * Self is always visible to self; otherwise the group's member list must be visible in full.
 */
export function canSeeMembershipOf(ctx: PolicyContext, group: Group, rel: GroupRelation, memberId: string): boolean {
  const seen = memberListVisibility(ctx, group, rel);
  if (seen === 'all') return true;
  return seen === 'selfOnly' && ctx.actor.kind === 'user' && ctx.actor.id === memberId;
}

/** A group's list of join requests: its owners, admins, and apps that manage members. */
export function canListGroupRequests(ctx: PolicyContext, group: Group, rel: GroupRelation): boolean {
  const { actor } = ctx;
  if (!canSeeGroup(ctx, group, rel)) return false;
  if (actor.kind === 'system') return true;
  if (actor.kind === 'app') return appHas(actor, 'GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Group.ReadWrite.All');
  return rel.isOwner || isGroupAdmin(actor);
}
