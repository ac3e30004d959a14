// SPEC §3.4–§3.7, §3.13: joining, requesting, leaving, and owners managing members (incl. nesting).
import { ALLOW, deny, firstDenial, needsApproval, type Decision } from '../decision.js';
import { groupKind, isDynamic, isSelfServiceKind, type Group, type GroupId, type Membership } from '../model.js';
import {
  actsAsAdmin, decideMyGroupsAccess, decideOwnerOrAdmin, decideRoleAssignableChange, requireEnabled, type GroupRelation, type PolicyContext,
} from './context.js';

/** Self-service needs a live security or Microsoft 365 group whose members are set by hand in Roster. */
function selfServiceGroup(group: Group): Decision {
  if (group.deletedDateTime !== null) return deny('groupNotFound');
  if (!isSelfServiceKind(groupKind(group))) return deny('notSelfServiceKind');
  if (isDynamic(group)) return deny('dynamicMembership');
  if (group.externallyManaged) return deny('externallyManaged');
  return ALLOW;
}

/**
 * A role-assignable group hands out directory roles, so nobody joins or requests it by themselves
 * (Entra: only Global / Privileged Role Administrators and its owners add members). Its join policy is
 * always closed anyway; the reason says why, which "closed" alone would not.
 */
function roleAssignableSelfService(group: Group): Decision {
  return group.isAssignableToRole ? deny('roleAssignableSelfService') : ALLOW;
}

/** A user acting for themselves (join, request, leave): apps and the system have no membership of their own. */
function selfServiceActor(ctx: PolicyContext): Decision {
  if (ctx.actor.kind !== 'user') return deny('invalidInput');
  return firstDenial(() => requireEnabled(ctx), () => decideMyGroupsAccess(ctx));
}

/** Join at once (open) / needs approval (approval) / refused (closed and every other reason). */
export function decideJoin(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  return firstDenial(
    () => selfServiceActor(ctx),
    () => selfServiceGroup(group),
    () => (rel.isDirectMember ? deny('alreadyMember') : ALLOW),
    () => roleAssignableSelfService(group),
    () => {
      switch (group.joinPolicy) {
        case 'open': return ALLOW;
        case 'approval': return needsApproval('approvalRequired');
        case 'closed': return deny('groupClosed');
      }
    },
  );
}

export interface JoinRequestInput {
  readonly justification: string | null;
  readonly requestedDurationDays: number | null;
}

export function decideRequestToJoin(ctx: PolicyContext, group: Group, rel: GroupRelation, input: JoinRequestInput): Decision {
  const { settings, actor } = ctx;
  return firstDenial(
    () => selfServiceActor(ctx),
    () => selfServiceGroup(group),
    () => (rel.isDirectMember ? deny('alreadyMember') : ALLOW),
    () => roleAssignableSelfService(group),
    () => (group.joinPolicy === 'open' ? deny('groupIsOpen') : group.joinPolicy === 'closed' ? deny('groupClosed') : ALLOW),
    () => (settings.ownersCanManageJoinRequests ? ALLOW : deny('joinRequestsDisabled')),
    () => (settings.licenceEnforcement && actor.kind === 'user' && !actor.hasPremiumLicence ? deny('licenceRequired') : ALLOW),
    () => (rel.hasPendingRequest ? deny('pendingRequestExists') : ALLOW),
    () => (settings.joinRequestJustificationRequired && !input.justification?.trim() ? deny('justificationRequired') : ALLOW),
    () => decideRequestedDuration(settings.maxMembershipDurationDays, input.requestedDurationDays),
  );
}

export function decideRequestedDuration(maxDays: number | null, days: number | null): Decision {
  if (days !== null && (!Number.isInteger(days) || days < 1)) return deny('durationNotAllowed');
  if (maxDays === null) return ALLOW;
  return days !== null && days <= maxDays ? ALLOW : deny('durationNotAllowed');
}

export function decideLeave(ctx: PolicyContext, group: Group, membership: Membership | null): Decision {
  return firstDenial(
    () => selfServiceActor(ctx),
    () => selfServiceGroup(group),
    () => (membership === null ? deny('notMember') : ALLOW),
    () => (membership && (membership.source === 'rule' || membership.source === 'sync') ? deny('externallyManaged') : ALLOW),
  );
}

/**
 * May the actor manage this group's members at all (add, remove, decide requests)? Owners may, even
 * when the creation setting forbids them to change the group itself (SPEC §3.2). Admins may for every
 * kind; owners only for self-service kinds.
 */
export function decideManageMembers(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  if (group.deletedDateTime !== null) return deny('groupNotFound');
  if (isDynamic(group)) return deny('dynamicMembership');
  if (group.externallyManaged && ctx.channel !== 'scim') return deny('externallyManaged');
  return firstDenial(
    () => decideOwnerOrAdmin(ctx, rel, ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All'],
      () => (isSelfServiceKind(groupKind(group)) ? ALLOW : deny('notSelfServiceKind'))),
    () => decideRoleAssignableChange(ctx, group, rel),
  );
}

export type MemberTarget =
  | { readonly type: 'user'; readonly userId: string }
  | {
    readonly type: 'group';
    readonly group: Group;
    /** Does the actor own the group being nested? (SECURITY #2: rights on both ends.) */
    readonly actorOwnsChild: boolean;
    /** Groups that already contain the parent, transitively (cycle check). */
    readonly ancestorsOfParent: ReadonlySet<GroupId>;
  };

export function decideAddMember(ctx: PolicyContext, group: Group, rel: GroupRelation, target: MemberTarget, alreadyMember: boolean): Decision {
  return firstDenial(
    () => decideManageMembers(ctx, group, rel),
    () => (target.type === 'group' ? decideNesting(ctx, group, target) : ALLOW),
    () => (alreadyMember ? deny('alreadyMember') : ALLOW),
  );
}

/** Security groups may contain groups; Microsoft 365 groups and lists may not (SPEC §2). */
export function decideNesting(ctx: PolicyContext, parent: Group, target: Extract<MemberTarget, { type: 'group' }>): Decision {
  const child = target.group;
  if (child.deletedDateTime !== null) return deny('memberNotFound');
  const parentKind = groupKind(parent);
  const childKind = groupKind(child);
  if (parentKind !== 'security' && parentKind !== 'mailEnabledSecurity') return deny('nestingNotAllowed');
  // Entra: "A group can't be added as a member of a role-assignable group" — its roles would reach
  // whoever the child's owners add (SECURITY #2, re-parenting under a privileged group).
  if (parent.isAssignableToRole) return deny('roleAssignableNesting');
  if (childKind === 'distribution') return deny('nestingNotAllowed');
  if (child.id === parent.id || target.ancestorsOfParent.has(child.id)) return deny('nestingCycle');
  if (!actsAsAdmin(ctx) && ctx.actor.kind === 'user' && !target.actorOwnsChild) return deny('notOwnerOfMemberGroup');
  return ALLOW;
}

export function decideRemoveMember(ctx: PolicyContext, group: Group, rel: GroupRelation, isMember: boolean): Decision {
  return firstDenial(
    () => decideManageMembers(ctx, group, rel),
    () => (isMember ? ALLOW : deny('notMember')),
  );
}
