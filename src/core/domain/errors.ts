// Domain reason codes. Every deny carries one; each wire format (Graph, SCIM, portal, CLI)
// maps the *category* once, and may show the message. Messages never name objects the caller
// may not see (SPEC §3.9).

export type ErrorCategory = 'invalid' | 'unauthenticated' | 'forbidden' | 'notFound' | 'conflict';

export const REASONS = {
  // existence and scoping (§3.9) — always notFound so existence does not leak
  groupNotFound: ['notFound', 'The group does not exist or you cannot see it.'],
  userNotFound: ['notFound', 'The user does not exist or you cannot see it.'],
  memberNotFound: ['notFound', 'The member does not exist or you cannot see it.'],
  requestNotFound: ['notFound', 'The join request does not exist or you cannot see it.'],
  tenantNotFound: ['notFound', 'The tenant does not exist.'],
  // who the actor is
  accountDisabled: ['forbidden', 'Your account is disabled.'],
  notAdmin: ['forbidden', 'Only an administrator may do this.'],
  notOwner: ['forbidden', 'Only an owner of the group or an administrator may do this.'],
  notRequester: ['forbidden', 'Only the requester may cancel this request.'],
  missingPermission: ['forbidden', 'The application lacks the permission this operation needs.'],
  myGroupsRestricted: ['forbidden', 'Group features in My Groups are turned off for your organisation.'],
  // creation (§3.2)
  creationDisabledForKind: ['forbidden', 'Your organisation does not let users create groups of this kind.'],
  notInCreationGroup: ['forbidden', 'Only members of the designated group may create groups of this kind.'],
  notSelfServiceKind: ['forbidden', 'Mail-enabled security groups and distribution lists are managed by administrators only.'],
  // editing (§3.2, §3.7)
  creationDisabledCannotEdit: ['forbidden', 'Your organisation does not let users create groups of this kind, so owners cannot change them; members can still be managed.'],
  ownerDeleteDisabled: ['forbidden', 'Your organisation does not let owners delete groups.'],
  joinPolicyAboveCeiling: ['forbidden', 'Your organisation does not let owners choose a join policy this open.'],
  hiddenMembershipImmutable: ['invalid', 'HiddenMembership can be set only when a Microsoft 365 group is created, and cannot be changed later.'],
  hiddenMembershipOnlyForM365: ['invalid', 'HiddenMembership exists only for Microsoft 365 groups.'],
  externallyManaged: ['forbidden', 'This group is managed by an external system and is read-only here.'],
  dynamicMembership: ['forbidden', 'Members of a dynamic group are set by its rule and cannot be changed by hand.'],
  groupDeleted: ['conflict', 'The group is deleted.'],
  groupNotDeleted: ['conflict', 'The group is not deleted.'],
  restoreWindowPassed: ['notFound', 'The group was deleted more than 30 days ago and can no longer be restored.'],
  // joining and requests (§3.4, §3.5, §3.13)
  groupClosed: ['forbidden', 'Only owners add members to this group.'],
  approvalRequired: ['forbidden', 'This group needs an owner\'s approval: request to join instead.'],
  groupIsOpen: ['conflict', 'This group is open: join it directly.'],
  joinRequestsDisabled: ['forbidden', 'Your organisation does not let owners manage membership requests, so this group cannot be requested.'],
  licenceRequired: ['forbidden', 'A premium licence is required to do this.'],
  alreadyMember: ['conflict', 'One or more added object references already exist for the following modified properties: \'members\'.'],
  notMember: ['notFound', 'The member is not in the group.'],
  pendingRequestExists: ['conflict', 'You already have a pending request to join this group.'],
  justificationRequired: ['invalid', 'A justification is required.'],
  durationNotAllowed: ['invalid', 'The requested membership duration is not allowed.'],
  requestAlreadyDecided: ['conflict', 'The request has already been decided.'],
  requestNotPending: ['conflict', 'The request is no longer pending.'],
  requestExpired: ['conflict', 'The request has expired.'],
  selfApproval: ['forbidden', 'Nobody may decide their own request.'],
  ownersCannotManageRequests: ['forbidden', 'Your organisation does not let owners manage membership requests.'],
  // owners (§3.6)
  ownerAssignmentDisabled: ['forbidden', 'Your organisation does not let you make members owners.'],
  ownerMustBeMember: ['invalid', 'Only a member of the group can be made an owner.'],
  alreadyOwner: ['conflict', 'One or more added object references already exist for the following modified properties: \'owners\'.'],
  notAnOwner: ['notFound', 'The user is not an owner of the group.'],
  tooManyOwners: ['invalid', 'A group can have at most 100 owners.'],
  lastOwner: ['conflict', 'The last owner of a group can be removed only by an administrator.'],
  // nesting (§2)
  nestingNotAllowed: ['invalid', 'Only security groups can contain groups, and only security groups or Microsoft 365 groups can be nested.'],
  nestingCycle: ['invalid', 'Adding this group would make a group a member of itself.'],
  notOwnerOfMemberGroup: ['forbidden', 'To nest a group you must own both groups or be an administrator.'],
  // role-assignable groups (SECURITY #2; Entra: groups-concept "restrictions for role-assignable groups")
  roleAssignableNesting: ['invalid', 'A role-assignable group cannot contain groups.'],
  roleAssignableSelfService: ['forbidden', 'Membership of this group gives administrator roles, so only a Global Administrator or one of its owners adds members.'],
  roleAssignableRestricted: ['forbidden', 'Only a Global Administrator or an owner of a role-assignable group may change its members or owners.'],
  // users, roles and licences
  roleNotFound: ['notFound', 'The directory role does not exist.'],
  roleNotHeld: ['forbidden', 'You can grant or remove only the roles you hold yourself; only a Global Administrator grants any role.'],
  lastGlobalAdmin: ['conflict', 'The organisation must keep at least one enabled Global Administrator.'],
  userPrincipalNameTaken: ['conflict', 'Another object with the same value for property userPrincipalName already exists.'],
  mailNicknameTaken: ['conflict', 'Another object with the same value for property mailNickname already exists.'],
  noSeatsLeft: ['conflict', 'There are no seats left for this licence.'],
  cannotDeleteSelf: ['forbidden', 'You cannot delete or disable your own account.'],
  // API clients and tokens (SPEC §4 Auth)
  invalidToken: ['unauthenticated', 'Access token is missing, invalid, expired or revoked.'],
  invalidClient: ['unauthenticated', 'The client id or client secret is not valid.'],
  invalidCredentials: ['unauthenticated', 'The sign-in name or password is not valid, or the account cannot sign in now.'],
  apiClientNotFound: ['notFound', 'The application does not exist.'],
  tokenNotFound: ['notFound', 'The token does not exist or you cannot see it.'],
  tokenOutlivesCredential: ['forbidden', 'A token cannot create a token that expires after it does.'],
  // applications and access (§3.10, docs/adr/0019)
  appNotFound: ['notFound', 'The application does not exist or you cannot see it.'],
  assignmentNotFound: ['notFound', 'The app role assignment does not exist or you cannot see it.'],
  notAppAdmin: ['forbidden', 'Only a Global or Application Administrator may do this.'],
  notAppOwner: ['forbidden', 'Only an owner of the application or an administrator may do this.'],
  notAccessReader: ['forbidden', 'Only administrators and the application\'s owners may see who has access to it.'],
  appIdTaken: ['conflict', 'Another application with the same appId already exists.'],
  alreadyAppOwner: ['conflict', 'One or more added object references already exist for the following modified properties: \'owners\'.'],
  notAnAppOwner: ['notFound', 'The user is not an owner of the application.'],
  alreadyAssigned: ['conflict', 'Permission being assigned already exists on the object.'],
  groupNotAssignable: ['invalid', 'Only security groups can be assigned to an application.'],
  appRoleNotFound: ['invalid', 'The app role does not exist on the application, or is disabled.'],
  assignmentCycle: ['conflict', 'Giving this application to that audience would make an application part of its own audience.'],
  alreadyBlocked: ['conflict', 'The user is already blocked from the application.'],
  notBlocked: ['notFound', 'The user is not blocked from the application.'],
  provisioningNotConfigured: ['notFound', 'Provisioning is not configured for this application.'],
  notApprover: ['forbidden', 'Only those who may decide the request, or an administrator, may preview its impact.'],
  // input
  invalidInput: ['invalid', 'The request is not valid.'],
  unknownSetting: ['invalid', 'There is no such setting.'],
  invalidSettingValue: ['invalid', 'The value is not valid for this setting.'],
} as const satisfies Record<string, readonly [ErrorCategory, string]>;

export type ReasonCode = keyof typeof REASONS;

export function categoryOf(reason: ReasonCode): ErrorCategory {
  return REASONS[reason][0];
}

export function messageOf(reason: ReasonCode): string {
  return REASONS[reason][1];
}

/** The one error type use cases throw. Adapters map `category` to their wire format. */
export class DomainError extends Error {
  readonly reason: ReasonCode;
  readonly category: ErrorCategory;
  /** Extra detail safe to show the caller (e.g. which field is invalid). */
  readonly detail: string | undefined;

  constructor(reason: ReasonCode, detail?: string) {
    super(detail ? `${messageOf(reason)} ${detail}` : messageOf(reason));
    this.name = 'DomainError';
    this.reason = reason;
    this.category = categoryOf(reason);
    this.detail = detail;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
