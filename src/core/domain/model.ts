// The domain model (SPEC §2). Plain data: no behaviour, no I/O.

export type TenantId = string;
export type UserId = string;
export type GroupId = string;
export type JoinRequestId = string;
/** ISO-8601 UTC timestamp, e.g. 2026-11-23T12:00:00.000Z — sorts as text on every engine. */
export type Instant = string;

/** Where a change arrives from (SPEC §3.1). `sync` exists only as a group origin. */
export const CHANNELS = ['myGroups', 'adminCenter', 'api', 'scim'] as const;
export type Channel = (typeof CHANNELS)[number];
export type GroupOrigin = Channel | 'sync';

export const DIRECTORY_ROLES = ['globalAdmin', 'privilegedRoleAdmin', 'groupsAdmin', 'userAdmin', 'appAdmin', 'auditReader'] as const;
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];

/** Premium licences (Entra ID P1 / P2). Either one counts as "premium" for §3.13. */
export const LICENCE_SKUS = ['premiumP1', 'premiumP2'] as const;
export type LicenceSku = (typeof LICENCE_SKUS)[number];

export interface Tenant {
  id: TenantId;
  name: string;
  createdDateTime: Instant;
}

export interface LicenceSeats {
  sku: LicenceSku;
  seats: number;
}

export const USER_TYPES = ['Member', 'Guest'] as const;
export type UserType = (typeof USER_TYPES)[number];

export interface User {
  tenantId: TenantId;
  id: UserId;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  givenName: string | null;
  surname: string | null;
  department: string | null;
  jobTitle: string | null;
  companyName: string | null;
  officeLocation: string | null;
  accountEnabled: boolean;
  userType: UserType;
  externalId: string | null;
  assignedLicenses: LicenceSku[];
  roles: DirectoryRole[];
  createdDateTime: Instant;
}

export const GROUP_TYPES = ['Unified', 'DynamicMembership'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const VISIBILITIES = ['Public', 'Private', 'HiddenMembership'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Roster's own field (SPEC §3.4); ordered from most open to most closed. */
export const JOIN_POLICIES = ['open', 'approval', 'closed'] as const;
export type JoinPolicy = (typeof JOIN_POLICIES)[number];

export interface Group {
  tenantId: TenantId;
  id: GroupId;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mail: string | null;
  groupTypes: GroupType[];
  securityEnabled: boolean;
  mailEnabled: boolean;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  classification: string | null;
  createdVia: GroupOrigin;
  /** The principal that created it: a user id, a service principal id, or null for the system. */
  createdBy: string | null;
  createdDateTime: Instant;
  renewedDateTime: Instant;
  expirationDateTime: Instant | null;
  deletedDateTime: Instant | null;
  membershipRule: string | null;
  membershipRuleProcessingState: 'On' | 'Paused' | null;
  isAssignableToRole: boolean;
  onPremisesSyncEnabled: boolean;
  /** Membership is owned by an outside system (SCIM inbound, directory sync): read-only in self-service. */
  externallyManaged: boolean;
}

export type MemberType = 'user' | 'group';
/** How a membership came to be. `join` = an open (auto-approved) join; `request` = an approved join request. */
export const MEMBERSHIP_SOURCES = ['direct', 'join', 'request', 'rule', 'sync'] as const;
export type MembershipSource = (typeof MEMBERSHIP_SOURCES)[number];

export interface Membership {
  tenantId: TenantId;
  groupId: GroupId;
  memberId: string;
  memberType: MemberType;
  source: MembershipSource;
  addedBy: string | null;
  addedDateTime: Instant;
  expiresDateTime: Instant | null;
  requestId: JoinRequestId | null;
}

export interface Ownership {
  tenantId: TenantId;
  groupId: GroupId;
  userId: UserId;
  addedBy: string | null;
  addedDateTime: Instant;
}

export const MAX_OWNERS_PER_GROUP = 100;
export const RESTORE_WINDOW_DAYS = 30;

export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'denied', 'cancelled', 'expired'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

export interface JoinRequest {
  tenantId: TenantId;
  id: JoinRequestId;
  groupId: GroupId;
  requesterId: UserId;
  justification: string | null;
  /** Asked-for membership length in days; null = permanent. */
  requestedDurationDays: number | null;
  status: JoinRequestStatus;
  decidedBy: string | null;
  decisionReason: string | null;
  createdDateTime: Instant;
  decidedDateTime: Instant | null;
  /** When a still-pending request expires by itself. */
  expiresDateTime: Instant;
  /** For an approved time-bound request: when the membership it created ends. */
  membershipExpiresDateTime: Instant | null;
}

/** The four kinds derived from the flags (SPEC §2). */
export type GroupKind = 'security' | 'microsoft365' | 'mailEnabledSecurity' | 'distribution';

export function groupKind(g: Pick<Group, 'groupTypes' | 'securityEnabled' | 'mailEnabled'>): GroupKind {
  if (g.groupTypes.includes('Unified')) return 'microsoft365';
  if (g.securityEnabled) return g.mailEnabled ? 'mailEnabledSecurity' : 'security';
  return 'distribution';
}

/** Only security and Microsoft 365 groups take part in self-service. */
export type SelfServiceKind = 'security' | 'microsoft365';
export function isSelfServiceKind(kind: GroupKind): kind is SelfServiceKind {
  return kind === 'security' || kind === 'microsoft365';
}

export function isDynamic(g: Pick<Group, 'groupTypes'>): boolean {
  return g.groupTypes.includes('DynamicMembership');
}
