// Builders for policy tests: actors, groups, relations, requests and contexts, each with only what the
// case under test changes spelled out. Pure: no storage, no clock.
import type { AppActor, AppPermission, SystemActor, UserActor } from '../domain/actor.js';
import type { Channel, DirectoryRole, Group, GroupKind, Instant, JoinRequest } from '../domain/model.js';
import { NO_RELATION, type GroupRelation, type PolicyContext } from '../domain/policy/context.js';
import { defaultSettings, type TenantSettings } from '../domain/settings.js';

export const NOW: Instant = '2026-06-01T12:00:00.000Z';
export const TENANT = '00000000-0000-4000-8000-000000000000';

/** Fixed ids so table rows read well. */
export const IDS = {
  user: '11111111-1111-4111-8111-111111111111',
  other: '22222222-2222-4222-8222-222222222222',
  admin: '33333333-3333-4333-8333-333333333333',
  app: '44444444-4444-4444-8444-444444444444',
  group: '55555555-5555-4555-8555-555555555555',
  selected: '66666666-6666-4666-8666-666666666666',
  child: '77777777-7777-4777-8777-777777777777',
  request: '88888888-8888-4888-8888-888888888888',
  ssgm: '99999999-9999-4999-8999-999999999999',
} as const;

export function user(over: Partial<UserActor> = {}): UserActor {
  return {
    kind: 'user', id: IDS.user, roles: [], accountEnabled: true, userType: 'Member', hasPremiumLicence: false,
    transitiveGroupIds: new Set(), ...over,
  };
}

export function admin(role: DirectoryRole = 'groupsAdmin', over: Partial<UserActor> = {}): UserActor {
  return user({ id: IDS.admin, roles: [role], ...over });
}

/** A user in these groups (directly or through nesting: the use case flattens both into one set). */
export function userIn(...groupIds: string[]): UserActor {
  return user({ transitiveGroupIds: new Set(groupIds) });
}

export function app(...permissions: AppPermission[]): AppActor {
  return { kind: 'app', id: IDS.app, permissions };
}

export const SYSTEM: SystemActor = { kind: 'system' };

export function ctx(
  actor: PolicyContext['actor'],
  opts: { settings?: Partial<TenantSettings>; channel?: Channel; now?: Instant } = {},
): PolicyContext {
  return { actor, settings: { ...defaultSettings(), ...opts.settings }, channel: opts.channel ?? 'api', now: opts.now ?? NOW };
}

const KIND_FLAGS: Record<GroupKind, Pick<Group, 'groupTypes' | 'securityEnabled' | 'mailEnabled'>> = {
  security: { groupTypes: [], securityEnabled: true, mailEnabled: false },
  microsoft365: { groupTypes: ['Unified'], securityEnabled: false, mailEnabled: true },
  mailEnabledSecurity: { groupTypes: [], securityEnabled: true, mailEnabled: true },
  distribution: { groupTypes: [], securityEnabled: false, mailEnabled: true },
};

export function group(over: Partial<Group> & { kind?: GroupKind } = {}): Group {
  const { kind = 'security', ...rest } = over;
  return {
    tenantId: TENANT, id: IDS.group, displayName: 'Sales', description: null, mailNickname: 'sales', mail: null,
    ...KIND_FLAGS[kind],
    visibility: kind === 'microsoft365' ? 'Public' : 'Private',
    joinPolicy: 'approval', classification: null, createdVia: 'myGroups', createdBy: IDS.user,
    createdDateTime: NOW, renewedDateTime: NOW, expirationDateTime: null, deletedDateTime: null,
    membershipRule: null, membershipRuleProcessingState: null, isAssignableToRole: false,
    onPremisesSyncEnabled: false, externallyManaged: false,
    ...rest,
  };
}

export const dynamicGroup = (over: Partial<Group> & { kind?: GroupKind } = {}): Group =>
  group({ groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"', membershipRuleProcessingState: 'On', ...over });

export function rel(over: Partial<GroupRelation> = {}): GroupRelation {
  return { ...NO_RELATION, ownerCount: 1, ...over };
}

/** The common relations, named as the SPEC names them. */
export const REL = {
  outsider: rel(),
  member: rel({ isDirectMember: true, isTransitiveMember: true }),
  nestedMember: rel({ isTransitiveMember: true }),
  owner: rel({ isOwner: true, ownerCount: 2 }),
  soleOwner: rel({ isOwner: true, ownerCount: 1 }),
  ownerAndMember: rel({ isOwner: true, isDirectMember: true, isTransitiveMember: true, ownerCount: 2 }),
  pending: rel({ hasPendingRequest: true }),
} as const;

export function joinRequest(over: Partial<JoinRequest> = {}): JoinRequest {
  return {
    tenantId: TENANT, id: IDS.request, groupId: IDS.group, requesterId: IDS.other, justification: 'Need it',
    requestedDurationDays: null, status: 'pending', decidedBy: null, decisionReason: null,
    createdDateTime: NOW, decidedDateTime: null, expiresDateTime: '2026-06-15T12:00:00.000Z', membershipExpiresDateTime: null,
    ...over,
  };
}

export function daysAfter(at: Instant, days: number): Instant {
  return new Date(Date.parse(at) + days * 86_400_000).toISOString();
}
