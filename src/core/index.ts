// The core's public face: every use case bound to its dependencies. Adapters (HTTP, CLI, SCIM, portal)
// call these and nothing else, so the same case gets the same answer on every path.
import type { CoreDeps } from './ports.js';
import { addAppOwner } from './use-cases/add-app-owner.js';
import { addMember } from './use-cases/add-member.js';
import { assignApp } from './use-cases/assign-app.js';
import { blockUser } from './use-cases/block-user.js';
import { createApp } from './use-cases/create-app.js';
import { deleteApp } from './use-cases/delete-app.js';
import { explainAppAccess } from './use-cases/explain-app-access.js';
import { listAppAssignments, listGroupAssignments, listUserAssignments } from './use-cases/list-assignments.js';
import { listBlocks } from './use-cases/list-blocks.js';
import { listEffectiveUsers } from './use-cases/list-effective-users.js';
import { listMyApps } from './use-cases/list-my-apps.js';
import { previewJoinImpact } from './use-cases/preview-join-impact.js';
import { getApp, listAppOwners, listApps } from './use-cases/read-apps.js';
import { removeAppOwner } from './use-cases/remove-app-owner.js';
import { unassignApp } from './use-cases/unassign-app.js';
import { unassignPrincipal } from './use-cases/unassign-principal.js';
import { unblockUser } from './use-cases/unblock-user.js';
import { updateApp } from './use-cases/update-app.js';
import { addMembers } from './use-cases/add-members.js';
import { addOwner } from './use-cases/add-owner.js';
import { principalTypeOf, viewAppUsers, viewApps, viewAssignments } from './use-cases/app-views.js';
import { authenticate } from './use-cases/authenticate.js';
import { authenticateSession } from './use-cases/authenticate-session.js';
import { bootstrapTenant, createAdmin } from './use-cases/bootstrap-tenant.js';
import { cancelJoinRequest } from './use-cases/cancel-join-request.js';
import { createGroup } from './use-cases/create-group.js';
import { createUser } from './use-cases/create-user.js';
import { createUserToken } from './use-cases/create-user-token.js';
import { decideJoinRequest } from './use-cases/decide-join-request.js';
import { deleteGroup } from './use-cases/delete-group.js';
import { deleteApiClient } from './use-cases/delete-api-client.js';
import { deleteUser } from './use-cases/delete-user.js';
import { expireJoinRequests } from './use-cases/expire-join-requests.js';
import { expireMemberships } from './use-cases/expire-memberships.js';
import { getDirectoryAudit } from './use-cases/get-directory-audit.js';
import { getGroup } from './use-cases/get-group.js';
import { groupDelta, pruneChangeFeed } from './use-cases/group-delta.js';
import { purgeDeletedGroups } from './use-cases/purge-deleted-groups.js';
import { pruneSessions } from './use-cases/prune-sessions.js';
import { getAuthorizationPolicy, getUnifiedGroupSettings, updateAuthorizationPolicy, updateUnifiedGroupSettings } from './use-cases/graph-settings.js';
import { joinGroup } from './use-cases/join-group.js';
import { getJoinRequest, viewJoinRequests } from './use-cases/join-request-views.js';
import { leaveGroup } from './use-cases/leave-group.js';
import { assignLicence, changeLicences, getLicenceSeats, removeLicence, setLicenceSeats } from './use-cases/licences.js';
import { canReadRoles, grantRole, listRoleMembers, listRoles, revokeRole } from './use-cases/directory-roles.js';
import { listJoinableGroups } from './use-cases/list-joinable-groups.js';
import { listGroupJoinRequests, listMyJoinRequests, listPendingApprovals } from './use-cases/list-join-requests.js';
import { listGroups } from './use-cases/list-groups.js';
import { listMembers, listOwners } from './use-cases/list-members.js';
import { listMyGroups, listOwnedGroups } from './use-cases/list-my-groups.js';
import { issueClientCredentialsToken } from './use-cases/issue-client-token.js';
import { listApiClients } from './use-cases/list-api-clients.js';
import { listDeletedGroups } from './use-cases/list-deleted-groups.js';
import { listDeletedOwnedGroups } from './use-cases/list-deleted-owned-groups.js';
import { listDirectoryAudits } from './use-cases/list-directory-audits.js';
import { listTransitiveMembers } from './use-cases/list-transitive-members.js';
import { listMemberObjects, listOwnerUsers, listTransitiveMemberObjects } from './use-cases/list-member-objects.js';
import { listMyTokens } from './use-cases/list-my-tokens.js';
import { listUserTokens } from './use-cases/list-user-tokens.js';
import { getUser, listUsers } from './use-cases/read-users.js';
import { registerApiClient } from './use-cases/register-api-client.js';
import { removeMember } from './use-cases/remove-member.js';
import { removeOwner } from './use-cases/remove-owner.js';
import { requestToJoin } from './use-cases/request-to-join.js';
import { recordSignInRefusal } from './use-cases/record-sign-in-refusal.js';
import { restoreGroup } from './use-cases/restore-group.js';
import { revokeToken } from './use-cases/revoke-token.js';
import { rotateClientSecret } from './use-cases/rotate-client-secret.js';
import { sealAuditLog } from './use-cases/seal-audit-log.js';
import { getSettings, updateSettings } from './use-cases/settings.js';
import { signInWithOidc } from './use-cases/sign-in-with-oidc.js';
import { signInWithPassword } from './use-cases/sign-in-with-password.js';
import { signOut } from './use-cases/sign-out.js';
import { checkMemberGroups, listDirectGroups, listTransitiveGroups } from './use-cases/transitive-memberships.js';
import { listMemberOf } from './use-cases/list-member-of.js';
import { configureProvisioning } from './use-cases/configure-provisioning.js';
import { pauseProvisioning, reconcileProvisioningNow, resumeProvisioning } from './use-cases/provisioning-control.js';
import { dryRunProvisioning, getProvisioning, listProvisioningLog } from './use-cases/read-provisioning.js';
import { updateGroup } from './use-cases/update-group.js';
import { updateUser } from './use-cases/update-user.js';
import { verifyAuditLog } from './use-cases/verify-audit-log.js';

const USE_CASES = {
  bootstrapTenant, createAdmin,
  createUser, updateUser, deleteUser, getUser, listUsers,
  assignLicence, removeLicence, changeLicences, setLicenceSeats, getLicenceSeats,
  grantRole, revokeRole, listRoles, listRoleMembers, canReadRoles,
  getSettings, updateSettings,
  createGroup, updateGroup, deleteGroup, restoreGroup, getGroup, listGroups,
  listMyGroups, listOwnedGroups, listJoinableGroups,
  addMember, removeMember, listMembers, addOwner, removeOwner, listOwners,
  joinGroup, leaveGroup,
  requestToJoin, cancelJoinRequest, decideJoinRequest,
  listPendingApprovals, listMyJoinRequests, listGroupJoinRequests,
  getJoinRequest, viewJoinRequests,
  getAuthorizationPolicy, updateAuthorizationPolicy, getUnifiedGroupSettings, updateUnifiedGroupSettings,
  listTransitiveGroups, listDirectGroups, checkMemberGroups, listMemberOf,
  expireJoinRequests, expireMemberships, pruneChangeFeed, purgeDeletedGroups, pruneSessions,
  groupDelta,
  sealAuditLog, verifyAuditLog, listDirectoryAudits, getDirectoryAudit,
  registerApiClient, rotateClientSecret, deleteApiClient, listApiClients,
  issueClientCredentialsToken, createUserToken, revokeToken, listMyTokens, listUserTokens, authenticate,
  addMembers, listDeletedGroups, listDeletedOwnedGroups, listTransitiveMembers,
  listMemberObjects, listTransitiveMemberObjects, listOwnerUsers,
  signInWithPassword, signInWithOidc, authenticateSession, signOut, recordSignInRefusal,
  createApp, updateApp, deleteApp, getApp, listApps, listAppOwners, addAppOwner, removeAppOwner,
  assignApp, unassignApp, unassignPrincipal, listAppAssignments, listGroupAssignments, listUserAssignments,
  blockUser, unblockUser, listBlocks,
  listEffectiveUsers, explainAppAccess, listMyApps, previewJoinImpact,
  viewApps, viewAssignments, viewAppUsers, principalTypeOf,
  configureProvisioning, pauseProvisioning, resumeProvisioning, reconcileProvisioningNow,
  getProvisioning, listProvisioningLog, dryRunProvisioning,
} as const;

type UseCases = typeof USE_CASES;
type Bound<F> = F extends (deps: CoreDeps, ...args: infer A) => infer R ? (...args: A) => R : never;
export type Core = { readonly [K in keyof UseCases]: Bound<UseCases[K]> };

export function createCore(deps: CoreDeps): Core {
  const core: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(USE_CASES)) {
    core[name] = (...args: unknown[]) => (fn as (d: CoreDeps, ...a: unknown[]) => unknown)(deps, ...args);
  }
  return core as Core;
}

export type { Caller, CoreDeps, Principal } from './ports.js';
export { DomainError, isDomainError, type ErrorCategory, type ReasonCode } from './domain/errors.js';
export type { GroupView, MyMembership } from './use-cases/support/views.js';
export type { MemberObject } from './use-cases/support/member-objects.js';
export type { FilterExpr, ListCursor, ListQuery, ListResource, OrderBy, SearchExpr } from './domain/list-query.js';
export type { ListRequest } from './use-cases/support/list-page.js';
export type { GroupPage } from './use-cases/list-groups.js';
export type { MemberOfRequest } from './use-cases/list-member-of.js';
export type { UserPage } from './use-cases/read-users.js';
export type { AccessTokenView, ApiClientView } from './use-cases/support/credentials.js';
export type { Authenticated } from './use-cases/authenticate.js';
export type { SessionInfo } from './use-cases/authenticate-session.js';
export type { OidcIdentity, OidcMatchPolicy } from './use-cases/sign-in-with-oidc.js';
export type { SessionUser, SignedIn } from './use-cases/support/sessions.js';
export type { UserTokenView } from './use-cases/list-user-tokens.js';
export type { JoinRequestView } from './use-cases/join-request-views.js';
export type { AppView, AssignmentView } from './use-cases/app-views.js';
export type { DeltaEntry, DeltaInput, DeltaPage } from './use-cases/group-delta.js';
export type { DeltaState } from './domain/group-delta.js';
export type { AuditInitiator, DirectoryAuditEntry, DirectoryAuditPage, DirectoryAuditRequest } from './use-cases/list-directory-audits.js';
export type { AuditVerification } from './use-cases/verify-audit-log.js';
export type { AccessExplanation, AccessPath, AccessStep, AccessVerdict, AppAssignment, AppBlock, AppRole, Application, PrincipalType } from './domain/apps.js';
export type { AppRoleInput } from './domain/access/app-fields.js';
export type { AccessPage, ExplanationView } from './use-cases/support/apps.js';
export type { CreateAppInput } from './use-cases/create-app.js';
export type { AppPatch } from './use-cases/update-app.js';
export type { ListAppsInput } from './use-cases/read-apps.js';
export type { AssignAppInput } from './use-cases/assign-app.js';
export type { AssignmentPageInput } from './use-cases/list-assignments.js';
export type { EffectiveUser, EffectiveUsersInput, EffectiveUsersPage } from './use-cases/list-effective-users.js';
export type { MyApp, MyApps } from './use-cases/list-my-apps.js';
export type { JoinImpactView } from './use-cases/preview-join-impact.js';
export type { AppOwnership } from './ports.js';
export type { ConfigureProvisioningInput } from './use-cases/configure-provisioning.js';
export type { DryRunResult, ProvisioningLogPage } from './use-cases/read-provisioning.js';
export type { ProvisioningLogItem } from './use-cases/support/provisioning-log-names.js';
export type { ProvisioningNotConfigured, ProvisioningRead, ProvisioningStatus, ProvisioningView } from './use-cases/support/provisioning.js';
