// What the provisioning engine needs to know about who has an app (docs/adr/0019, 0020). main.ts binds
// it to the effective-access queries (use-cases/support/access.ts); tests may bind a small one.
import type { AppId } from '../core/domain/apps.js';
import type { GroupId, UserId } from '../core/domain/model.js';
import type { TenantScope } from '../core/ports.js';

export interface ProvisioningScope {
  /** Users in the app's provisioning scope (assigned, not blocked, enabled, app enabled), keyset-paged by id. */
  usersPage(scope: TenantScope, appId: AppId, after: UserId | null, limit: number): Promise<UserId[]>;
  isUserInScope(scope: TenantScope, appId: AppId, userId: UserId): Promise<boolean>;
  /** Apps the group (or a group above it) is assigned to. */
  appsReachingGroup(scope: TenantScope, groupId: GroupId): Promise<AppId[]>;
  /** Apps the user has access to through any assignment. */
  appsOfUser(scope: TenantScope, userId: UserId): Promise<AppId[]>;
  /** Groups assigned to the app (pushed as SCIM groups when the app provisions groups). */
  assignedGroups(scope: TenantScope, appId: AppId): Promise<GroupId[]>;
  /** The group's members (through nesting, as the app cascades) who are in the app's scope. */
  groupMembersInScope(scope: TenantScope, appId: AppId, groupId: GroupId): Promise<UserId[]>;
  /** Apps whose scope follows this app's (itself, and every app its audience feeds through assignments). */
  appsDependingOn(scope: TenantScope, appId: AppId): Promise<AppId[]>;
}
