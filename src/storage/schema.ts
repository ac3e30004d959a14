// The database as Kysely sees it: one interface per table, column types as the driver returns them.
// Conventions (both engines): ids and timestamps are text (ISO-8601 UTC sorts as text), booleans are
// integer 0/1, JSON is text. Every table but `tenants` leads its keys with tenant_id.
import type { ColumnType, Generated } from 'kysely';

/** 0 or 1: better-sqlite3 cannot bind booleans, so both engines store integers. */
export type Flag = number;

export interface TenantsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  tenant_id: string;
  id: string;
  user_principal_name: string;
  upn_lower: string;
  display_name: string;
  mail: string | null;
  given_name: string | null;
  surname: string | null;
  department: string | null;
  job_title: string | null;
  company_name: string | null;
  office_location: string | null;
  account_enabled: Flag;
  user_type: string;
  external_id: string | null;
  created_at: string;
}

export interface UserRolesTable {
  tenant_id: string;
  user_id: string;
  role: string;
}

export interface UserLicencesTable {
  tenant_id: string;
  user_id: string;
  sku: string;
}

export interface TenantLicencesTable {
  tenant_id: string;
  sku: string;
  seats: number;
}

export interface UserCredentialsTable {
  tenant_id: string;
  user_id: string;
  password_hash: string;
  updated_at: string;
}

export interface GroupsTable {
  tenant_id: string;
  id: string;
  display_name: string;
  description: string | null;
  mail_nickname: string;
  mail_nickname_lower: string;
  mail: string | null;
  is_unified: Flag;
  is_dynamic: Flag;
  security_enabled: Flag;
  mail_enabled: Flag;
  visibility: string;
  join_policy: string;
  classification: string | null;
  created_via: string;
  created_by: string | null;
  created_at: string;
  renewed_at: string;
  expires_at: string | null;
  deleted_at: string | null;
  membership_rule: string | null;
  membership_rule_state: string | null;
  is_assignable_to_role: Flag;
  on_prem_sync_enabled: Flag;
  externally_managed: Flag;
}

export interface MembershipsTable {
  tenant_id: string;
  group_id: string;
  member_id: string;
  member_type: string;
  source: string;
  added_by: string | null;
  added_at: string;
  expires_at: string | null;
  request_id: string | null;
}

export interface GroupClosureTable {
  tenant_id: string;
  ancestor_id: string;
  descendant_id: string;
  /** Length of the shortest nesting path; 0 for the self row every group has. */
  depth: number;
}

export interface OwnersTable {
  tenant_id: string;
  group_id: string;
  user_id: string;
  added_by: string | null;
  added_at: string;
}

export interface JoinRequestsTable {
  tenant_id: string;
  id: string;
  group_id: string;
  requester_id: string;
  justification: string | null;
  requested_duration_days: number | null;
  status: string;
  decided_by: string | null;
  decision_reason: string | null;
  created_at: string;
  decided_at: string | null;
  expires_at: string;
  membership_expires_at: string | null;
}

export interface SettingsTable {
  tenant_id: string;
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditEventsTable {
  tenant_id: string;
  id: string;
  occurred_at: string;
  action: string;
  actor_type: string;
  actor_id: string | null;
  channel: string;
  target_type: string;
  target_id: string | null;
  outcome: string;
  reason: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  /** Commit order (migration 0004): written by the insert itself; PostgreSQL returns bigint as a string. */
  position: ColumnType<number | string, number | undefined, never>;
  /** Null until sealed into the tenant's hash chain (docs/adr/0016). */
  seq: ColumnType<number | string | null, never, number>;
  prev_hash: ColumnType<string | null, never, string>;
  hash: ColumnType<string | null, never, string>;
}

export interface OutboxTable {
  tenant_id: string;
  id: string;
  topic: string;
  /** JSON text. */
  payload: string;
  created_at: string;
  available_at: string;
  attempts: Generated<number>;
  done_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ChangeLogTable {
  tenant_id: string;
  /** PostgreSQL returns bigint as a string. */
  position: ColumnType<number | string, number, never>;
  group_id: string;
  member_id: string;
  member_type: string | null;
  at: string;
}

export interface ApiClientsTable {
  tenant_id: string;
  id: string;
  display_name: string;
  /** JSON array of permission names. */
  permissions: string;
  secret_hash: string;
  created_by: string | null;
  created_at: string;
  disabled: Flag;
}

export interface AccessTokensTable {
  tenant_id: string;
  id: string;
  secret_hash: string;
  principal_type: string;
  principal_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  description: string | null;
}

export interface SessionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  secret_hash: string;
  method: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface SignInThrottlesTable {
  tenant_id: string;
  user_id: string;
  /** The client's IP, or '*' for the account across clients. */
  client_key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface OidcLinksTable {
  tenant_id: string;
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

export interface ApplicationsTable {
  tenant_id: string;
  id: string;
  app_id: string;
  display_name: string;
  display_name_lower: string;
  description: string | null;
  homepage: string | null;
  login_url: string | null;
  logo_url: string | null;
  account_enabled: Flag;
  assignment_required: Flag;
  visible_to_users: Flag;
  cascade_nested_groups: Flag;
  /** JSON array of AppRole. */
  app_roles: string;
  created_by: string | null;
  created_at: string;
}

export interface AppOwnersTable {
  tenant_id: string;
  app_id: string;
  user_id: string;
  added_by: string | null;
  added_at: string;
}

export interface AppAssignmentsTable {
  tenant_id: string;
  id: string;
  app_id: string;
  app_role_id: string;
  /** 'User' | 'Group' | 'ServicePrincipal' (the audience of that application). */
  principal_type: string;
  principal_id: string;
  created_by: string | null;
  created_at: string;
}

export interface AppBlocksTable {
  tenant_id: string;
  app_id: string;
  user_id: string;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ProvisioningConfigsTable {
  tenant_id: string;
  app_id: string;
  base_url: string;
  token_ciphertext: string;
  /** JSON attribute mapping. */
  mapping: string;
  /** 'enabled' | 'paused' | 'quarantined' */
  state: string;
  /** 'disableThenDelete' | 'disable' | 'delete' */
  deprovision: string;
  provision_groups: Flag;
  reconcile_interval_minutes: number;
  last_reconciled_at: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  quarantined_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProvisionedObjectsTable {
  tenant_id: string;
  app_id: string;
  /** 'user' | 'group' */
  object_type: string;
  local_id: string;
  remote_id: string | null;
  active: Flag;
  attributes_hash: string | null;
  updated_at: string;
}

export interface ProvisioningJobsTable {
  tenant_id: string;
  app_id: string;
  kind: string;
  object_id: string;
  generation: ColumnType<number, number | undefined, number>;
  available_at: string;
  attempts: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
}

export interface ProvisioningLogTable {
  tenant_id: string;
  id: string;
  app_id: string;
  at: string;
  seq: number;
  operation: string;
  object_type: string | null;
  local_id: string | null;
  remote_id: string | null;
  status: number | null;
  /** 'success' | 'failure' | 'skipped' | 'dryRun' */
  outcome: string;
  error: string | null;
  duration_ms: number | null;
  attempt: number | null;
}

export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_licences: UserLicencesTable;
  tenant_licences: TenantLicencesTable;
  user_credentials: UserCredentialsTable;
  groups: GroupsTable;
  memberships: MembershipsTable;
  group_closure: GroupClosureTable;
  owners: OwnersTable;
  join_requests: JoinRequestsTable;
  settings: SettingsTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
  change_log: ChangeLogTable;
  api_clients: ApiClientsTable;
  access_tokens: AccessTokensTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  oidc_links: OidcLinksTable;
  applications: ApplicationsTable;
  app_owners: AppOwnersTable;
  app_assignments: AppAssignmentsTable;
  app_blocks: AppBlocksTable;
  provisioning_configs: ProvisioningConfigsTable;
  provisioned_objects: ProvisionedObjectsTable;
  provisioning_jobs: ProvisioningJobsTable;
  provisioning_log: ProvisioningLogTable;
}
