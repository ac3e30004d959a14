// Who may manage applications and read who has them (SPEC §3.10, docs/adr/0019). Global and
// Application Administrators do everything; an app's owners manage its properties, assignments and
// blocks and read its effective access, but not its owners nor its deletion; API clients act through
// Application.ReadWrite.All (and read through Application.Read.All).
import { appHas, isGroupAdmin, type Actor } from '../actor.js';
import { DEFAULT_ACCESS_ROLE_ID, type Application } from '../apps.js';
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import type { Group, UserId } from '../model.js';
import { requireEnabled, type GroupRelation, type PolicyContext } from './context.js';

/** The caller's relation to one app, read by the use case before it asks. */
export interface AppRelation {
  readonly isOwner: boolean;
  /** The caller (a user) has the app: a granted explain verdict. */
  readonly hasAccess: boolean;
}

export const NO_APP_RELATION: AppRelation = Object.freeze({ isOwner: false, hasAccess: false });

export function isAppAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.accountEnabled && actor.roles.some((r) => r === 'globalAdmin' || r === 'appAdmin'));
}

const WRITE = 'Application.ReadWrite.All' as const;
const READ = 'Application.Read.All' as const;

/** Create and delete apps, change their owners. */
export function decideAdministerApps(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, WRITE) ? ALLOW : deny('missingPermission');
  return firstDenial(() => requireEnabled(ctx), () => (isAppAdmin(actor) ? ALLOW : deny('notAppAdmin')));
}

/** Update the app, assign and unassign it, block and unblock users: admins and its owners. */
export function decideManageApp(ctx: PolicyContext, rel: AppRelation): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, WRITE) ? ALLOW : deny('missingPermission');
  return firstDenial(() => requireEnabled(ctx), () => (isAppAdmin(actor) || rel.isOwner ? ALLOW : deny('notAppOwner')));
}

/** Everyone who has the app and through what (effective access, assignments, blocks, others' paths). */
export function decideReadAppAccess(ctx: PolicyContext, rel: AppRelation): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, READ, WRITE) ? ALLOW : deny('missingPermission');
  return firstDenial(() => requireEnabled(ctx), () => (isAppAdmin(actor) || rel.isOwner ? ALLOW : deny('notAccessReader')));
}

/**
 * Whether the app exists for the caller at all (§3.9: otherwise appNotFound, no existence leak):
 * readers of its access, and users who have it while it is shown to users (My Apps). An API client
 * without an Application permission gets appNotFound too, not missingPermission: a 403 for an app
 * that exists beside a 404 for one that does not would tell it which ids name apps (SECURITY #6).
 */
export function decideSeeApp(ctx: PolicyContext, app: Application, rel: AppRelation): Decision {
  const reads = decideReadAppAccess(ctx, rel);
  if (reads.outcome === 'allow') return reads;
  if (ctx.actor.kind === 'app') return deny('appNotFound');
  if (ctx.actor.kind !== 'user') return reads;
  return ctx.actor.accountEnabled && app.visibleToUsers && rel.hasAccess ? ALLOW : deny('appNotFound');
}

/**
 * The apps given to one group (Graph /groups/{id}/appRoleAssignments): readers of every app's access,
 * the group's owners and Groups Administrators. It is also the group page's `seeApps` ability.
 */
export function decideReadGroupAssignments(ctx: PolicyContext, groupRel: Pick<GroupRelation, 'isOwner'>): Decision {
  const reader = decideReadAppAccess(ctx, NO_APP_RELATION);
  if (reader.outcome !== 'allow' && !groupRel.isOwner && !isGroupAdmin(ctx.actor)) return reader;
  return requireEnabled(ctx);
}

/** "Why do I have this app?" — anyone for themselves; another user's paths only for readers of the app's access. */
export function decideExplain(ctx: PolicyContext, rel: AppRelation, subject: UserId): Decision {
  const { actor } = ctx;
  if (actor.kind === 'user' && actor.id === subject) return requireEnabled(ctx);
  return decideReadAppAccess(ctx, rel);
}

/** What is given: a user, a security group (live), or the audience of an app the caller may read. */
export type AssignTarget =
  | { readonly type: 'User' }
  | { readonly type: 'Group'; readonly group: Group }
  | { readonly type: 'ServicePrincipal'; readonly source: AppRelation };

/** Assign the app (rights on both ends for an audience), with a role the app has. */
export function decideAssign(ctx: PolicyContext, app: Application, rel: AppRelation, target: AssignTarget, appRoleId: string): Decision {
  return firstDenial(
    () => decideManageApp(ctx, rel),
    () => decideRole(app, appRoleId),
    () => {
      if (target.type === 'Group') {
        if (target.group.deletedDateTime !== null) return deny('groupNotFound');
        return target.group.securityEnabled ? ALLOW : deny('groupNotAssignable');
      }
      if (target.type === 'ServicePrincipal') return decideReadAppAccess(ctx, target.source).outcome === 'allow' ? ALLOW : deny('notAppOwner');
      return ALLOW;
    },
  );
}

/** Default Access always; otherwise an enabled role of the app. */
export function decideRole(app: Application, appRoleId: string): Decision {
  if (appRoleId === DEFAULT_ACCESS_ROLE_ID) return ALLOW;
  return app.appRoles.some((r) => r.id === appRoleId && r.isEnabled) ? ALLOW : deny('appRoleNotFound');
}

/** The impact preview of a join request: those who may decide it, and administrators. */
export function decidePreviewImpact(ctx: PolicyContext, canDecide: boolean): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, READ, WRITE) ? ALLOW : deny('missingPermission');
  return firstDenial(() => requireEnabled(ctx), () => (canDecide || isGroupAdmin(actor) || isAppAdmin(actor) ? ALLOW : deny('notApprover')));
}

/** My Apps: a signed-in, enabled user. */
export function decideListMyApps(ctx: PolicyContext): Decision {
  if (ctx.actor.kind !== 'user') return deny('missingPermission');
  return requireEnabled(ctx);
}
