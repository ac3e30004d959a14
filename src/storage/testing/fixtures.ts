// Domain objects with every field set, for storage tests (and any other test that needs rows).
import { randomUUID } from 'node:crypto';
import type { AuditEventInput, TenantScope } from '../../core/ports.js';
import type { Group, GroupId, JoinRequest, Membership, Ownership, TenantId, User } from '../../core/domain/model.js';
import type { Storage } from '../open-storage.js';

export const T0 = '2026-01-01T00:00:00.000Z';

/** `2026-01-01T00:00:00.000Z` plus n minutes: distinct instants that sort as text. */
export function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

export const newId = (): string => randomUUID();

/** Inserts a fresh tenant and returns its id. Tests share a database, so each makes its own tenants. */
export async function newTenant(storage: Storage, name = 'Contoso'): Promise<TenantId> {
  const id = newId();
  await storage.uow.tenants.insert({ id, name, createdDateTime: T0 });
  return id;
}

/** Shorthand for one transaction in a tenant. */
export function inTenant<T>(storage: Storage, tenantId: TenantId, fn: (s: TenantScope) => Promise<T>): Promise<T> {
  return storage.uow.transaction(tenantId, fn);
}

export function makeUser(tenantId: TenantId, over: Partial<User> = {}): User {
  const id = over.id ?? newId();
  return {
    tenantId,
    id,
    userPrincipalName: `user-${id}@contoso.example`,
    displayName: `User ${id.slice(0, 8)}`,
    mail: `user-${id}@contoso.example`,
    givenName: 'Ada',
    surname: 'Lovelace',
    department: 'Engineering',
    jobTitle: 'Engineer',
    companyName: 'Contoso',
    officeLocation: 'Building 1',
    accountEnabled: true,
    userType: 'Member',
    externalId: null,
    assignedLicenses: [],
    roles: [],
    createdDateTime: T0,
    ...over,
  };
}

export function makeGroup(tenantId: TenantId, over: Partial<Group> = {}): Group {
  const id = over.id ?? newId();
  return {
    tenantId,
    id,
    displayName: `Group ${id.slice(0, 8)}`,
    description: null,
    mailNickname: `g-${id}`,
    mail: null,
    groupTypes: [],
    securityEnabled: true,
    mailEnabled: false,
    visibility: 'Private',
    joinPolicy: 'approval',
    classification: null,
    createdVia: 'api',
    createdBy: null,
    createdDateTime: T0,
    renewedDateTime: T0,
    expirationDateTime: null,
    deletedDateTime: null,
    membershipRule: null,
    membershipRuleProcessingState: null,
    isAssignableToRole: false,
    onPremisesSyncEnabled: false,
    externallyManaged: false,
    ...over,
  };
}

export function makeMembership(tenantId: TenantId, groupId: GroupId, memberId: string, over: Partial<Membership> = {}): Membership {
  return {
    tenantId,
    groupId,
    memberId,
    memberType: 'user',
    source: 'direct',
    addedBy: null,
    addedDateTime: T0,
    expiresDateTime: null,
    requestId: null,
    ...over,
  };
}

/** A group-in-group membership: `childId` becomes a member of `parentId`. */
export const makeNesting = (tenantId: TenantId, parentId: GroupId, childId: GroupId): Membership =>
  makeMembership(tenantId, parentId, childId, { memberType: 'group' });

export function makeOwnership(tenantId: TenantId, groupId: GroupId, userId: string, over: Partial<Ownership> = {}): Ownership {
  return { tenantId, groupId, userId, addedBy: null, addedDateTime: T0, ...over };
}

export function makeRequest(tenantId: TenantId, groupId: GroupId, requesterId: string, over: Partial<JoinRequest> = {}): JoinRequest {
  return {
    tenantId,
    id: newId(),
    groupId,
    requesterId,
    justification: 'I need access',
    requestedDurationDays: null,
    status: 'pending',
    decidedBy: null,
    decisionReason: null,
    createdDateTime: T0,
    decidedDateTime: null,
    expiresDateTime: at(60 * 24 * 14),
    membershipExpiresDateTime: null,
    ...over,
  };
}

export function makeAuditEvent(over: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    action: 'group.update',
    actorType: 'user',
    actorId: newId(),
    channel: 'api',
    targetType: 'group',
    targetId: newId(),
    outcome: 'success',
    reason: null,
    before: { displayName: 'Old' },
    after: { displayName: 'New' },
    requestId: newId(),
    occurredAt: T0,
    ...over,
  };
}
