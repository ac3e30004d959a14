// What every policy function is given: who asks, through which channel, under which settings, when.
import { appHas, isGlobalAdmin, isGroupAdmin, type Actor, type AppPermission } from '../actor.js';
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import type { Channel, Group, GroupId, Instant } from '../model.js';
import type { Audience, TenantSettings } from '../settings.js';

export interface PolicyContext {
  readonly actor: Actor;
  /** Settings with every "Selected" group id already resolved (see withSelectedGroupDefault). */
  readonly settings: TenantSettings;
  readonly channel: Channel;
  readonly now: Instant;
}

/** The actor's relation to one group, read by the use case before it asks the policy. */
export interface GroupRelation {
  readonly isOwner: boolean;
  readonly isDirectMember: boolean;
  readonly isTransitiveMember: boolean;
  readonly ownerCount: number;
  readonly hasPendingRequest: boolean;
}

export const NO_RELATION: GroupRelation = Object.freeze({
  isOwner: false, isDirectMember: false, isTransitiveMember: false, ownerCount: 0, hasPendingRequest: false,
});

/** All / Selected (transitive member of the named group) / None. */
export function audienceIncludes(actor: Actor, audience: Audience, groupId: GroupId | null): boolean {
  if (audience === 'All') return true;
  if (audience === 'None') return false;
  return actor.kind === 'user' && groupId !== null && actor.transitiveGroupIds.has(groupId);
}

/** A "Selected" setting with no group chosen means the legacy default group (SSGMSecurityGroupsUsers) if it exists. */
export function withSelectedGroupDefault(settings: TenantSettings, defaultGroupId: GroupId | null): TenantSettings {
  return {
    ...settings,
    securityGroupCreationGroupId: settings.securityGroupCreationGroupId ?? defaultGroupId,
    m365GroupCreationGroupId: settings.m365GroupCreationGroupId ?? defaultGroupId,
    ownerAssignmentGroupId: settings.ownerAssignmentGroupId ?? defaultGroupId,
  };
}

/** Users must be enabled to do anything; apps and the system pass. */
export function requireEnabled(ctx: PolicyContext): Decision {
  return ctx.actor.kind === 'user' && !ctx.actor.accountEnabled ? deny('accountDisabled') : ALLOW;
}

/** SPEC §3.8: "Restrict … in My Groups" hides group features from non-admins in the portal only. */
export function decideMyGroupsAccess(ctx: PolicyContext): Decision {
  if (ctx.channel !== 'myGroups' || !ctx.settings.restrictMyGroups) return ALLOW;
  return isGroupAdmin(ctx.actor) ? ALLOW : deny('myGroupsRestricted');
}

/** True for users with a group-administering role, and for the system. */
export function actsAsAdmin(ctx: PolicyContext): boolean {
  return isGroupAdmin(ctx.actor);
}

/**
 * The frame of every owner-or-admin action: apps are decided by their permissions; users must be
 * enabled and not restricted from My Groups; admins pass; owners pass if every owner check does.
 */
export function decideOwnerOrAdmin(
  ctx: PolicyContext, rel: GroupRelation, appPermissions: readonly AppPermission[], ...ownerChecks: Array<() => Decision>
): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, ...appPermissions) ? ALLOW : deny('missingPermission');
  return firstDenial(
    () => requireEnabled(ctx),
    () => decideMyGroupsAccess(ctx),
    () => (actsAsAdmin(ctx) ? ALLOW : firstDenial(() => (rel.isOwner ? ALLOW : deny('notOwner')), ...ownerChecks)),
  );
}

/**
 * Who is in a role-assignable group, or owns it, decides who holds its roles (SECURITY #2). As in
 * Entra ("restrictions for role-assignable groups"): only global administrators (Roster's stand-in
 * for Privileged Role Administrator, who alone may create one) and the group's own owners change
 * them; Groups and User Administrators do not, and no app permission reaches them (Graph wants
 * RoleManagement.ReadWrite.Directory, which Roster has not). Other groups pass.
 */
/**
 * Who may create a role-assignable group: global administrators and Roster itself. No app permission
 * reaches it (Graph wants RoleManagement.ReadWrite.Directory, which Roster has not) — otherwise an app
 * with Group.ReadWrite.All could make a group that hands out roles, owned by whomever it names.
 */
export function decideCreateRoleAssignable(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return deny('missingPermission');
  return isGlobalAdmin(actor) ? ALLOW : deny('notAdmin');
}

export function decideRoleAssignableChange(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  if (!group.isAssignableToRole) return ALLOW;
  const { actor } = ctx;
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'app') return deny('missingPermission');
  return isGlobalAdmin(actor) || rel.isOwner ? ALLOW : deny('roleAssignableRestricted');
}
