// The shapes the portal reads from the public API (README "The API", /openapi.json), written by hand:
// the portal talks HTTP only and imports nothing from src/ (docs/adr/0018-portal-ui.md).

/** What the caller may do with a group, computed by the server (ADR 0008). The UI never re-derives it. */
export interface GroupAbilities {
  join: boolean;
  request: boolean;
  leave: boolean;
  edit: boolean;
  delete: boolean;
  restore: boolean;
  manageMembers: boolean;
  assignOwners: boolean;
  approve: boolean;
  seeMembers: boolean;
  /** May read the apps given to the group (absent from servers before it). */
  seeApps?: boolean;
  /**
   * Why neither join nor request is offered: the reason code of the refusal trying would get; null when
   * one of them is offered. A code the portal does not know gets a general sentence (join-reasons.ts).
   */
  joinBlockedReason?: string | null;
}

export type JoinPolicy = 'open' | 'approval' | 'closed';
export type Visibility = 'Public' | 'Private' | 'HiddenMembership';

/** The caller's own direct membership of a group (ADR 0021); null on groups the caller is not directly in. */
export interface MyMembership {
  source: 'direct' | 'join' | 'request' | 'rule' | 'sync';
  addedDateTime: string;
  expiresDateTime: string | null;
}

export interface Group {
  '@odata.type'?: string;
  id: string;
  deletedDateTime?: string | null;
  displayName: string;
  description: string | null;
  groupTypes: string[];
  securityEnabled: boolean;
  mailEnabled: boolean;
  mail: string | null;
  visibility: Visibility | null;
  createdDateTime: string | null;
  '@roster.abilities'?: GroupAbilities;
  '@roster.joinPolicy'?: JoinPolicy;
  '@roster.myMembership'?: MyMembership | null;
}

export interface User {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  jobTitle: string | null;
  accountEnabled?: boolean;
  /** Graph's shape: each licence by its SKU id. */
  assignedLicenses?: Array<{ skuId: string; disabledPlans: string[] }>;
  /** Roster's role names; present only when the caller may see roles (administrators). */
  '@roster.roles'?: string[];
}

/** GET /v1.0/directoryRoles (docs/adr/0022). */
export interface DirectoryRole {
  id: string;
  roleTemplateId: string;
  displayName: string;
  description: string;
  '@roster.role': string;
  '@roster.memberCount'?: number;
}

/** GET /v1.0/subscribedSkus: seats bought (prepaidUnits.enabled) and assigned (consumedUnits). */
export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  consumedUnits: number;
  prepaidUnits: { enabled: number };
  '@roster.sku': string;
}

/** A member or owner: a user or a group, with its Graph type. */
export interface DirectoryObject {
  '@odata.type'?: string;
  id: string;
  displayName: string;
  userPrincipalName?: string;
}

export type JoinRequestStatus = 'pending' | 'approved' | 'denied' | 'cancelled' | 'expired';

export interface JoinRequest {
  id: string;
  groupId: string;
  requesterId: string;
  justification: string | null;
  requestedDurationDays: number | null;
  status: JoinRequestStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  createdDateTime: string;
  decidedDateTime: string | null;
  expiresDateTime: string | null;
  membershipExpiresDateTime: string | null;
  '@roster.abilities'?: { approve: boolean; deny: boolean; cancel: boolean };
}

export interface Collection<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

/** GET /auth/session (ADR 0017). */
export interface Session {
  user: { id: string; displayName: string; userPrincipalName: string; roles: string[] };
  tenant: { id: string; name: string };
  csrfToken: string;
  expiresDateTime: string;
}

/** What the caller may do with an application, computed by the server (ADR 0019). */
export interface AppAbilities {
  edit: boolean;
  delete: boolean;
  manageOwners: boolean;
  assign: boolean;
  block: boolean;
  readAccess: boolean;
  /** Configure and run its outbound provisioning, read its log (absent from servers before issue 5). */
  provisioning?: boolean;
}

/** An application (Graph servicePrincipal) with Roster's annotations. */
export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  description: string | null;
  homepage: string | null;
  loginUrl: string | null;
  logoUrl: string | null;
  accountEnabled: boolean;
  appRoleAssignmentRequired: boolean;
  createdDateTime: string;
  '@roster.visibleToUsers': boolean;
  '@roster.cascadeNestedGroups': boolean;
  '@roster.abilities'?: AppAbilities;
}

export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal';

/** Graph appRoleAssignment: `principal` is given `resource`. */
export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalType: PrincipalType;
  principalDisplayName: string | null;
  resourceId: string;
  resourceDisplayName: string | null;
  createdDateTime: string;
}

export interface AccessStep {
  '@odata.type': '#microsoft.graph.user' | '#microsoft.graph.group' | '#microsoft.graph.servicePrincipal';
  /** null: a group whose membership you may not see. */
  id: string | null;
  displayName: string | null;
}

/** One reason a user has an app: user → groups → app(s). */
export interface AccessPath {
  assignmentId: string | null;
  appRoleId: string;
  steps: AccessStep[];
}

export interface EffectiveUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  paths: AccessPath[];
}

export interface AppBlock {
  userId: string;
  userDisplayName: string | null;
  appId: string;
  reason: string | null;
  createdDateTime: string;
}

export interface AccessExplanation {
  userId: string;
  appId: string;
  verdict: 'granted' | 'blocked' | 'appDisabled' | 'userDisabled' | 'noPath';
  paths: AccessPath[];
  block: AppBlock | null;
}

/** GET /me/roster.apps: an app I have and the paths that give it. */
export interface MyApp {
  id: string;
  displayName: string;
  description: string | null;
  homepage: string | null;
  loginUrl: string | null;
  logoUrl: string | null;
  paths: AccessPath[];
}

/** GET /joinRequests/{id}/roster.impactPreview. */
export interface ImpactPreview {
  requestId: string;
  groups: Array<{ id: string; displayName: string }>;
  apps: Array<{ id: string; displayName: string | null; paths: AccessPath[] }>;
}
