// Applications and access (SPEC §2, §3.10, §3.11; docs/adr/0019, 0020). Plain data: no behaviour, no I/O.
import type { GroupId, Instant, TenantId, UserId } from './model.js';

export type AppId = string;
export type AssignmentId = string;

/** Graph's id for the implicit "Default Access" role of an app without roles of its own. */
export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

export interface AppRole {
  id: string;
  displayName: string;
  value: string | null;
  description: string | null;
  isEnabled: boolean;
  /** Roster assigns roles to users, and through groups and audiences to users: always ['User']. */
  allowedMemberTypes: ['User'];
}

/** An enterprise application (Graph `servicePrincipal`). */
export interface Application {
  tenantId: TenantId;
  id: AppId;
  /** The application (client) id, distinct from the object id, as in Graph. */
  appId: string;
  displayName: string;
  description: string | null;
  homepage: string | null;
  loginUrl: string | null;
  logoUrl: string | null;
  /** Off = nobody has access through any path (a kill switch); provisioning is paused separately. */
  accountEnabled: boolean;
  /** Graph's `appRoleAssignmentRequired`: when off, the app is open to every enabled user of the tenant. */
  appRoleAssignmentRequired: boolean;
  /** Shown in My Apps to those who have it. */
  visibleToUsers: boolean;
  /** Members of nested groups of an assigned group have access too (Roster's default; Entra does not cascade). */
  cascadeNestedGroups: boolean;
  appRoles: AppRole[];
  createdBy: string | null;
  createdDateTime: Instant;
}

/** Who an assignment names: a user, a group, or the audience of another application. */
export const PRINCIPAL_TYPES = ['User', 'Group', 'ServicePrincipal'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** Graph `appRoleAssignment`: `resourceId` is the app that is given; the principal receives it. */
export interface AppAssignment {
  tenantId: TenantId;
  id: AssignmentId;
  resourceId: AppId;
  appRoleId: string;
  principalType: PrincipalType;
  principalId: UserId | GroupId | AppId;
  createdBy: string | null;
  createdDateTime: Instant;
}

/** An administrator's block: overrides every path that would give `userId` the app. */
export interface AppBlock {
  tenantId: TenantId;
  appId: AppId;
  userId: UserId;
  reason: string | null;
  createdBy: string | null;
  createdDateTime: Instant;
}

/** One step of an explain path, from the user towards the app. */
export type AccessStep =
  | { kind: 'user'; id: UserId }
  | { kind: 'group'; id: GroupId }
  | { kind: 'app'; id: AppId };

/**
 * One reason a user has an app: the chain from the user to the app, e.g.
 * user → group (direct member) → group (nested in) → app (assigned), or … → app B → app A (audience).
 * `assignmentId` is the assignment at the end of the chain; `appRoleId` the role it gives.
 */
export interface AccessPath {
  steps: AccessStep[];
  assignmentId: AssignmentId | null;
  appRoleId: string;
}

/** `userDisabled`: a disabled user has no access, whatever the paths (they are kept, as for a block). */
export type AccessVerdict = 'granted' | 'blocked' | 'appDisabled' | 'userDisabled' | 'noPath';

export interface AccessExplanation {
  userId: UserId;
  appId: AppId;
  verdict: AccessVerdict;
  /** Every path, shortest first; kept when blocked so the admin sees what the block overrides. */
  paths: AccessPath[];
  block: AppBlock | null;
}

// ---- Outbound provisioning (§3.11) ----

export const PROVISIONING_STATES = ['enabled', 'paused', 'quarantined'] as const;
export type ProvisioningState = (typeof PROVISIONING_STATES)[number];

export const DEPROVISION_MODES = ['disableThenDelete', 'disable', 'delete'] as const;
export type DeprovisionMode = (typeof DEPROVISION_MODES)[number];

/** SCIM attribute ← Roster user field. Values are user field names (model.ts `User`) or literals in quotes. */
export type AttributeMapping = Record<string, string>;

export interface ProvisioningConfig {
  tenantId: TenantId;
  appId: AppId;
  baseUrl: string;
  /** Never leaves the server in clear; only whether one is set is shown. */
  tokenCiphertext: string;
  userMapping: AttributeMapping;
  state: ProvisioningState;
  deprovision: DeprovisionMode;
  provisionGroups: boolean;
  reconcileIntervalMinutes: number;
  lastReconciledAt: Instant | null;
  consecutiveFailures: number;
  quarantinedAt: Instant | null;
  lastError: string | null;
  createdDateTime: Instant;
  updatedDateTime: Instant;
}
