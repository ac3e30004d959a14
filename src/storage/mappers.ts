// Row ↔ domain object mapping, one pair per table. Repositories never hand rows to the core.
import type { Insertable, Selectable } from 'kysely';
import type { AuditEvent, AuditEventInput } from '../core/ports.js';
import type {
  DirectoryRole, Group, GroupType, JoinRequest, LicenceSku, Membership, Ownership, Tenant, User,
} from '../core/domain/model.js';
import type {
  AuditEventsTable, GroupsTable, JoinRequestsTable, MembershipsTable, OwnersTable, TenantsTable, UsersTable,
} from './schema.js';
import { bool, flag } from './sql-helpers.js';

export type UserRow = Selectable<UsersTable>;
export type GroupRow = Selectable<GroupsTable>;

export const tenantFromRow = (r: Selectable<TenantsTable>): Tenant => ({ id: r.id, name: r.name, createdDateTime: r.created_at });

export function userToRow(u: User): Insertable<UsersTable> {
  return {
    tenant_id: u.tenantId,
    id: u.id,
    user_principal_name: u.userPrincipalName,
    upn_lower: u.userPrincipalName.toLowerCase(),
    display_name: u.displayName,
    mail: u.mail,
    given_name: u.givenName,
    surname: u.surname,
    department: u.department,
    job_title: u.jobTitle,
    company_name: u.companyName,
    office_location: u.officeLocation,
    account_enabled: flag(u.accountEnabled),
    user_type: u.userType,
    external_id: u.externalId,
    created_at: u.createdDateTime,
  };
}

export function userFromRow(r: UserRow, roles: readonly string[], licences: readonly string[]): User {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    userPrincipalName: r.user_principal_name,
    displayName: r.display_name,
    mail: r.mail,
    givenName: r.given_name,
    surname: r.surname,
    department: r.department,
    jobTitle: r.job_title,
    companyName: r.company_name,
    officeLocation: r.office_location,
    accountEnabled: bool(r.account_enabled),
    userType: r.user_type as User['userType'],
    externalId: r.external_id,
    assignedLicenses: [...licences].sort() as LicenceSku[],
    roles: [...roles].sort() as DirectoryRole[],
    createdDateTime: r.created_at,
  };
}

export function groupToRow(g: Group): Insertable<GroupsTable> {
  return {
    tenant_id: g.tenantId,
    id: g.id,
    display_name: g.displayName,
    description: g.description,
    mail_nickname: g.mailNickname,
    mail_nickname_lower: g.mailNickname.toLowerCase(),
    mail: g.mail,
    is_unified: flag(g.groupTypes.includes('Unified')),
    is_dynamic: flag(g.groupTypes.includes('DynamicMembership')),
    security_enabled: flag(g.securityEnabled),
    mail_enabled: flag(g.mailEnabled),
    visibility: g.visibility,
    join_policy: g.joinPolicy,
    classification: g.classification,
    created_via: g.createdVia,
    created_by: g.createdBy,
    created_at: g.createdDateTime,
    renewed_at: g.renewedDateTime,
    expires_at: g.expirationDateTime,
    deleted_at: g.deletedDateTime,
    membership_rule: g.membershipRule,
    membership_rule_state: g.membershipRuleProcessingState,
    is_assignable_to_role: flag(g.isAssignableToRole),
    on_prem_sync_enabled: flag(g.onPremisesSyncEnabled),
    externally_managed: flag(g.externallyManaged),
  };
}

export function groupFromRow(r: GroupRow): Group {
  const groupTypes: GroupType[] = [];
  if (bool(r.is_unified)) groupTypes.push('Unified');
  if (bool(r.is_dynamic)) groupTypes.push('DynamicMembership');
  return {
    tenantId: r.tenant_id,
    id: r.id,
    displayName: r.display_name,
    description: r.description,
    mailNickname: r.mail_nickname,
    mail: r.mail,
    groupTypes,
    securityEnabled: bool(r.security_enabled),
    mailEnabled: bool(r.mail_enabled),
    visibility: r.visibility as Group['visibility'],
    joinPolicy: r.join_policy as Group['joinPolicy'],
    classification: r.classification,
    createdVia: r.created_via as Group['createdVia'],
    createdBy: r.created_by,
    createdDateTime: r.created_at,
    renewedDateTime: r.renewed_at,
    expirationDateTime: r.expires_at,
    deletedDateTime: r.deleted_at,
    membershipRule: r.membership_rule,
    membershipRuleProcessingState: r.membership_rule_state as Group['membershipRuleProcessingState'],
    isAssignableToRole: bool(r.is_assignable_to_role),
    onPremisesSyncEnabled: bool(r.on_prem_sync_enabled),
    externallyManaged: bool(r.externally_managed),
  };
}

export const membershipToRow = (m: Membership): Insertable<MembershipsTable> => ({
  tenant_id: m.tenantId,
  group_id: m.groupId,
  member_id: m.memberId,
  member_type: m.memberType,
  source: m.source,
  added_by: m.addedBy,
  added_at: m.addedDateTime,
  expires_at: m.expiresDateTime,
  request_id: m.requestId,
});

export const membershipFromRow = (r: Selectable<MembershipsTable>): Membership => ({
  tenantId: r.tenant_id,
  groupId: r.group_id,
  memberId: r.member_id,
  memberType: r.member_type as Membership['memberType'],
  source: r.source as Membership['source'],
  addedBy: r.added_by,
  addedDateTime: r.added_at,
  expiresDateTime: r.expires_at,
  requestId: r.request_id,
});

export const ownershipToRow = (o: Ownership): Insertable<OwnersTable> => ({
  tenant_id: o.tenantId, group_id: o.groupId, user_id: o.userId, added_by: o.addedBy, added_at: o.addedDateTime,
});

export const ownershipFromRow = (r: Selectable<OwnersTable>): Ownership => ({
  tenantId: r.tenant_id, groupId: r.group_id, userId: r.user_id, addedBy: r.added_by, addedDateTime: r.added_at,
});

export const joinRequestToRow = (q: JoinRequest): Insertable<JoinRequestsTable> => ({
  tenant_id: q.tenantId,
  id: q.id,
  group_id: q.groupId,
  requester_id: q.requesterId,
  justification: q.justification,
  requested_duration_days: q.requestedDurationDays,
  status: q.status,
  decided_by: q.decidedBy,
  decision_reason: q.decisionReason,
  created_at: q.createdDateTime,
  decided_at: q.decidedDateTime,
  expires_at: q.expiresDateTime,
  membership_expires_at: q.membershipExpiresDateTime,
});

export const joinRequestFromRow = (r: Selectable<JoinRequestsTable>): JoinRequest => ({
  tenantId: r.tenant_id,
  id: r.id,
  groupId: r.group_id,
  requesterId: r.requester_id,
  justification: r.justification,
  requestedDurationDays: r.requested_duration_days === null ? null : Number(r.requested_duration_days),
  status: r.status as JoinRequest['status'],
  decidedBy: r.decided_by,
  decisionReason: r.decision_reason,
  createdDateTime: r.created_at,
  decidedDateTime: r.decided_at,
  expiresDateTime: r.expires_at,
  membershipExpiresDateTime: r.membership_expires_at,
});

const toJson = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
const fromJson = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export const auditToRow = (tenantId: string, id: string, e: AuditEventInput): Insertable<AuditEventsTable> => ({
  tenant_id: tenantId,
  id,
  occurred_at: e.occurredAt,
  action: e.action,
  actor_type: e.actorType,
  actor_id: e.actorId,
  channel: e.channel,
  target_type: e.targetType,
  target_id: e.targetId,
  outcome: e.outcome,
  reason: e.reason,
  before_json: toJson(e.before),
  after_json: toJson(e.after),
  request_id: e.requestId,
});

export const auditFromRow = (r: Selectable<AuditEventsTable>): AuditEvent => ({
  tenantId: r.tenant_id,
  id: r.id,
  occurredAt: r.occurred_at,
  action: r.action,
  actorType: r.actor_type as AuditEvent['actorType'],
  actorId: r.actor_id,
  channel: r.channel as AuditEvent['channel'],
  targetType: r.target_type as AuditEvent['targetType'],
  targetId: r.target_id,
  outcome: r.outcome as AuditEvent['outcome'],
  reason: r.reason as AuditEvent['reason'],
  before: fromJson(r.before_json),
  after: fromJson(r.after_json),
  requestId: r.request_id,
});
