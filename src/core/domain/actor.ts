// Who is asking. Built by a use case from the caller's identity; policy functions read only this.
import type { DirectoryRole, GroupId, UserId, UserType } from './model.js';

/** Graph-style application permissions (SPEC §4): service principals are bound by these, not by user settings. */
export const APP_PERMISSIONS = [
  'Group.Read.All', 'Group.ReadWrite.All', 'Group.Create',
  'GroupMember.Read.All', 'GroupMember.ReadWrite.All',
  'User.Read.All', 'User.ReadWrite.All',
  'Directory.Read.All', 'Application.Read.All', 'Application.ReadWrite.All', 'AuditLog.Read.All',
] as const;
export type AppPermission = (typeof APP_PERMISSIONS)[number];

export interface UserActor {
  readonly kind: 'user';
  readonly id: UserId;
  readonly roles: readonly DirectoryRole[];
  readonly accountEnabled: boolean;
  readonly userType: UserType;
  readonly hasPremiumLicence: boolean;
  /** Every group the user is in, directly or through nesting (for "Selected" settings). */
  readonly transitiveGroupIds: ReadonlySet<GroupId>;
}

export interface AppActor {
  readonly kind: 'app';
  readonly id: string;
  readonly permissions: readonly AppPermission[];
}

/** Roster itself: bootstrap, scheduled sweeps (request expiry). Never reachable from a wire. */
export interface SystemActor {
  readonly kind: 'system';
}

export type Actor = UserActor | AppActor | SystemActor;

/** Roles that administer groups (Entra: Global, Groups and User Administrators). */
const GROUP_ADMIN_ROLES: readonly DirectoryRole[] = ['globalAdmin', 'groupsAdmin', 'userAdmin'];
const USER_ADMIN_ROLES: readonly DirectoryRole[] = ['globalAdmin', 'userAdmin'];

export function isGroupAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.accountEnabled && actor.roles.some((r) => GROUP_ADMIN_ROLES.includes(r)));
}

export function isUserAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.accountEnabled && actor.roles.some((r) => USER_ADMIN_ROLES.includes(r)));
}

export function isGlobalAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.accountEnabled && actor.roles.includes('globalAdmin'));
}

export function appHas(actor: Actor, ...anyOf: AppPermission[]): boolean {
  return actor.kind === 'app' && anyOf.some((p) => actor.permissions.includes(p));
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'system' ? null : actor.id;
}
