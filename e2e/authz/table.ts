// The authorization table (SECURITY "Matrix", rows 1, 2, 6, 10, 13, 15; SPEC §3.6–§3.9): every
// id-bearing or state-changing /v1.0 route × every actor × the target's relation → expected status.
// Plain data: another interface (SCIM, CLI, portal) can replay the same rows with its own runner.
//
// Each endpoint carries a small matrix: one line per actor, one status per target in TARGET order.
// ROWS expands them into one row per cell. A denial (any 4xx) must change nothing.
//
// Readings worth knowing (all deliberate, SPEC §3.9 / ADR 8, 11):
// - What a caller may not see is 404, never 403: a deleted group for non-owners, another tenant's
//   objects, and everything for an app without a group or user permission (appUnrelated).
// - Live groups and their owners are visible tenant-wide; what Private/HiddenMembership hide is the
//   member list (scoping.test.ts compares those answers), so GET rows are 200 for every user.
// - Owners and admins still find a deleted group by id (GET, members), as they may restore it.
// - restore on a live group is 409 for everyone who can see the group, before any owner check.
// - Apps have no membership of their own: join/leave/request as an app is 400.
// A new route gets its matrix by running the table with ROSTER_AUTHZ_DISCOVER=1 (answers written to
// $TMPDIR/roster-authz-discovered-<suite>.json) and reviewing every cell against SPEC before copying it here.

/** Who asks. The relation each has to the targets is built by world.ts. */
export const ACTORS = {
  anonymous: 'no token at all',
  disabled: 'a member of every target whose account was disabled after its token was issued',
  plainUser: 'an enabled user of the tenant with no relation to anything',
  nonMember: 'the owner and member of another group of the tenant, with no relation to the target (SPEC §3.9)',
  member: 'a direct member of the target group',
  pending: 'a user with a pending join request on the target group (where the group takes requests: the Private one; the Public Microsoft 365 group is open, the HiddenMembership one closed)',
  owner: 'an owner of the target group',
  coOwner: 'the second owner of the target group',
  groupsAdmin: 'a Groups Administrator',
  globalAdmin: 'a Global Administrator',
  appReadWrite: 'an API client with Group.ReadWrite.All, GroupMember.ReadWrite.All, User.ReadWrite.All',
  appReadOnly: 'an API client with Group.Read.All, GroupMember.Read.All, User.Read.All (read, no write)',
  appUnrelated: 'an API client with AuditLog.Read.All only (no group or user permission)',
  otherTenantUser: 'an enabled plain user of ANOTHER tenant, with its own valid token',
} as const;
export type ActorId = keyof typeof ACTORS;
export const ACTOR_ORDER = Object.keys(ACTORS) as ActorId[];

/** Group targets, in matrix column order. */
export const GROUP_TARGETS = {
  public: 'a Public Microsoft 365 group (approval join policy)',
  private: 'a Private security group (approval join policy)',
  hidden: 'a HiddenMembership Microsoft 365 group (approval join policy)',
  deleted: 'a soft-deleted Private security group (the owners and member kept)',
  otherTenant: 'a Public group of the other tenant (owned and joined by that tenant\'s users)',
  missing: 'a random id that names nothing',
} as const;
export type GroupTargetId = keyof typeof GROUP_TARGETS;

/** User targets, in matrix column order. */
export const USER_TARGETS = {
  user: 'a plain user of the tenant',
  adminUser: 'a Global Administrator of the tenant (not the actor)',
  otherTenantUser: 'a user of the other tenant',
  missingUser: 'a random id that names nothing',
} as const;
export type UserTargetId = keyof typeof USER_TARGETS;

/** Join request targets, in matrix column order (all on Private security groups with the approval policy). */
export const REQUEST_TARGETS = {
  pendingsRequest: 'the pending actor\'s pending request to join a group (owned by owner and coOwner, member joined)',
  ownersOwnRequest: 'a pending request by the owner actor to join a group they own (SECURITY #3: no self-approval)',
  otherTenantRequest: 'a pending request in the other tenant',
  missingRequest: 'a random id that names nothing',
} as const;
export type RequestTargetId = keyof typeof REQUEST_TARGETS;

/**
 * Group kinds beyond the self-service ones (table-kinds.ts), in matrix column order. Each is owned by
 * owner and coOwner; the member actor is a member where the kind lets anyone add one by hand.
 */
export const KIND_TARGETS = {
  dynamic: 'a dynamic-membership security group (membershipRule; nobody is a member by hand, so the member actor is not one)',
  synced: 'an externally managed group (created over inbound SCIM: membership source sync, read-only in self-service)',
  roleAssignable: 'a role-assignable security group (isAssignableToRole: Private and closed)',
  nested: 'a Private security group (approval) that contains a child group and is itself a member of a parent group',
} as const;
export type KindTargetId = keyof typeof KIND_TARGETS;

/** Routes without an id (tenant settings): one column, the caller's own tenant. */
export const TENANT_TARGETS = { tenant: 'the caller\'s own tenant' } as const;
export type TenantTargetId = keyof typeof TENANT_TARGETS;

export type TargetId = GroupTargetId | UserTargetId | RequestTargetId | TenantTargetId | KindTargetId;

export const TARGETS_OF = { group: GROUP_TARGETS, user: USER_TARGETS, request: REQUEST_TARGETS, tenant: TENANT_TARGETS, kind: KIND_TARGETS } as const;
export type TargetFamily = keyof typeof TARGETS_OF;

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Endpoint {
  /** Tells apart two rows on one method and path (e.g. PATCH with members@odata.bind). */
  label?: string;
  method: Method;
  /**
   * Path template: {group} / {user} / {request} is the target; {member} the target group's member, {coOwner} its
   * second owner, {plainUser} the actor-less plain user, {memberUser} the member user, {unique} a fresh
   * suffix per row (mailNickname of a created group), {nestParent} / {nestChild} the nesting fixtures.
   */
  path: string;
  /** JSON body, with the same placeholders inside strings. */
  body?: unknown;
  /** The target family; 'kind' rows put the group kind targets (KIND_TARGETS) in {group}. */
  target: TargetFamily;
  /** False for reads (including POST actions that only read, like checkMemberGroups). */
  mutates: boolean;
  /** Actor → one status per target, space separated, in the order of the target kind's list. */
  expect: Record<ActorId, string>;
}

export const REF = (placeholder: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/{${placeholder}}` });

// Shorthands for lines that are the same on every target.
export const ALL = (status: number, n = 6) => Array(n).fill(String(status)).join(' ');

export const ENDPOINTS: Endpoint[] = [
  {
    method: 'GET', path: '/v1.0/groups/{group}', target: 'group', mutates: false,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '200 200 200 404 404 404',
      nonMember: '200 200 200 404 404 404',
      member: '200 200 200 404 404 404',
      pending: '200 200 200 404 404 404',
      owner: '200 200 200 200 404 404',
      coOwner: '200 200 200 200 404 404',
      groupsAdmin: '200 200 200 200 404 404',
      globalAdmin: '200 200 200 200 404 404',
      appReadWrite: '200 200 200 200 404 404',
      appReadOnly: '200 200 200 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 200 404',
    },
  },
  {
    method: 'PATCH', path: '/v1.0/groups/{group}', body: { description: 'changed' }, target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '403 403 403 404 404 404',
      nonMember: '403 403 403 404 404 404',
      member: '403 403 403 404 404 404',
      pending: '403 403 403 404 404 404',
      owner: '204 204 204 404 404 404',
      coOwner: '204 204 204 404 404 404',
      groupsAdmin: '204 204 204 404 404 404',
      globalAdmin: '204 204 204 404 404 404',
      appReadWrite: '204 204 204 404 404 404',
      appReadOnly: '403 403 403 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 403 404',
    },
  },
  {
    method: 'DELETE', path: '/v1.0/groups/{group}', target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '403 403 403 404 404 404',
      nonMember: '403 403 403 404 404 404',
      member: '403 403 403 404 404 404',
      pending: '403 403 403 404 404 404',
      owner: '204 204 204 404 404 404',
      coOwner: '204 204 204 404 404 404',
      groupsAdmin: '204 204 204 404 404 404',
      globalAdmin: '204 204 204 404 404 404',
      appReadWrite: '204 204 204 404 404 404',
      appReadOnly: '403 403 403 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 403 404',
    },
  },
  {
    method: 'GET', path: '/v1.0/groups/{group}/members', target: 'group', mutates: false,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '200 200 200 404 404 404',
      nonMember: '200 200 200 404 404 404',
      member: '200 200 200 404 404 404',
      pending: '200 200 200 404 404 404',
      owner: '200 200 200 200 404 404',
      coOwner: '200 200 200 200 404 404',
      groupsAdmin: '200 200 200 200 404 404',
      globalAdmin: '200 200 200 200 404 404',
      appReadWrite: '200 200 200 200 404 404',
      appReadOnly: '200 200 200 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 200 404',
    },
  },
  {
    method: 'GET', path: '/v1.0/groups/{group}/transitiveMembers', target: 'group', mutates: false,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '200 200 200 404 404 404',
      nonMember: '200 200 200 404 404 404',
      member: '200 200 200 404 404 404',
      pending: '200 200 200 404 404 404',
      owner: '200 200 200 200 404 404',
      coOwner: '200 200 200 200 404 404',
      groupsAdmin: '200 200 200 200 404 404',
      globalAdmin: '200 200 200 200 404 404',
      appReadWrite: '200 200 200 200 404 404',
      appReadOnly: '200 200 200 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 200 404',
    },
  },
  {
    method: 'GET', path: '/v1.0/groups/{group}/owners', target: 'group', mutates: false,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '200 200 200 404 404 404',
      nonMember: '200 200 200 404 404 404',
      member: '200 200 200 404 404 404',
      pending: '200 200 200 404 404 404',
      owner: '200 200 200 200 404 404',
      coOwner: '200 200 200 200 404 404',
      groupsAdmin: '200 200 200 200 404 404',
      globalAdmin: '200 200 200 200 404 404',
      appReadWrite: '200 200 200 200 404 404',
      appReadOnly: '200 200 200 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 200 404',
    },
  },
  {
    method: 'POST', path: '/v1.0/groups/{group}/members/$ref', body: REF('plainUser'), target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '403 403 403 404 404 404',
      nonMember: '403 403 403 404 404 404',
      member: '403 403 403 404 404 404',
      pending: '403 403 403 404 404 404',
      owner: '204 204 204 404 404 404',
      coOwner: '204 204 204 404 404 404',
      groupsAdmin: '204 204 204 404 404 404',
      globalAdmin: '204 204 204 404 404 404',
      appReadWrite: '204 204 204 404 404 404',
      appReadOnly: '403 403 403 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: ALL(404),
    },
  },
  {
    method: 'DELETE', path: '/v1.0/groups/{group}/members/{member}/$ref', target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '403 403 403 404 404 404',
      nonMember: '403 403 403 404 404 404',
      member: '403 403 403 404 404 404',
      pending: '403 403 403 404 404 404',
      owner: '204 204 204 404 404 404',
      coOwner: '204 204 204 404 404 404',
      groupsAdmin: '204 204 204 404 404 404',
      globalAdmin: '204 204 204 404 404 404',
      appReadWrite: '204 204 204 404 404 404',
      appReadOnly: '403 403 403 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 403 404',
    },
  },
  {
    method: 'POST', path: '/v1.0/groups/{group}/owners/$ref', body: REF('member'), target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '403 403 403 404 404 404',
      nonMember: '403 403 403 404 404 404',
      member: '403 403 403 404 404 404',
      pending: '403 403 403 404 404 404',
      owner: '204 204 204 404 404 404',
      coOwner: '204 204 204 404 404 404',
      groupsAdmin: '204 204 204 404 404 404',
      globalAdmin: '204 204 204 404 404 404',
      appReadWrite: '204 204 204 404 404 404',
      appReadOnly: '403 403 403 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 403 404',
    },
  },
  {
    method: 'DELETE', path: '/v1.0/groups/{group}/owners/{coOwner}/$ref', target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '403 403 403 404 404 404',
      nonMember: '403 403 403 404 404 404',
      member: '403 403 403 404 404 404',
      pending: '403 403 403 404 404 404',
      owner: '204 204 204 404 404 404',
      coOwner: '204 204 204 404 404 404',
      groupsAdmin: '204 204 204 404 404 404',
      globalAdmin: '204 204 204 404 404 404',
      appReadWrite: '204 204 204 404 404 404',
      appReadOnly: '403 403 403 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 403 404',
    },
  },
  {
    label: 'members@odata.bind', method: 'PATCH', path: '/v1.0/groups/{group}', body: { 'members@odata.bind': ['https://graph.microsoft.com/v1.0/users/{plainUser}'] }, target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '403 403 403 404 404 404',
      nonMember: '403 403 403 404 404 404',
      member: '403 403 403 404 404 404',
      pending: '403 403 403 404 404 404',
      owner: '204 204 204 404 404 404',
      coOwner: '204 204 204 404 404 404',
      groupsAdmin: '204 204 204 404 404 404',
      globalAdmin: '204 204 204 404 404 404',
      appReadWrite: '204 204 204 404 404 404',
      appReadOnly: '403 403 403 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: ALL(404),
    },
  },
  {
    method: 'GET', path: '/v1.0/groups/{group}/memberOf', target: 'group', mutates: false,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '200 200 200 404 404 404',
      nonMember: '200 200 200 404 404 404',
      member: '200 200 200 404 404 404',
      pending: '200 200 200 404 404 404',
      owner: '200 200 200 200 404 404',
      coOwner: '200 200 200 200 404 404',
      groupsAdmin: '200 200 200 200 404 404',
      globalAdmin: '200 200 200 200 404 404',
      appReadWrite: '200 200 200 200 404 404',
      appReadOnly: '200 200 200 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 200 404',
    },
  },
  {
    method: 'POST', path: '/v1.0/directory/deletedItems/{group}/restore', target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '409 409 409 404 404 404',
      nonMember: '409 409 409 404 404 404',
      member: '409 409 409 404 404 404',
      pending: '409 409 409 404 404 404',
      owner: '409 409 409 200 404 404',
      coOwner: '409 409 409 200 404 404',
      groupsAdmin: '409 409 409 200 404 404',
      globalAdmin: '409 409 409 200 404 404',
      appReadWrite: '409 409 409 200 404 404',
      appReadOnly: '409 409 409 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 409 404',
    },
  },
  {
    method: 'GET', path: '/v1.0/users/{user}', target: 'user', mutates: false,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: '200 200 404 404',
      nonMember: '200 200 404 404',
      member: '200 200 404 404',
      pending: '200 200 404 404',
      owner: '200 200 404 404',
      coOwner: '200 200 404 404',
      groupsAdmin: '200 200 404 404',
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: '200 200 404 404',
      appUnrelated: ALL(403, 4),
      otherTenantUser: '404 404 200 404',
    },
  },
  {
    method: 'PATCH', path: '/v1.0/users/{user}', body: { jobTitle: 'changed' }, target: 'user', mutates: true,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: '403 403 404 404',
      nonMember: '403 403 404 404',
      member: '403 403 404 404',
      pending: '403 403 404 404',
      owner: '403 403 404 404',
      coOwner: '403 403 404 404',
      groupsAdmin: '403 403 404 404',
      globalAdmin: '204 204 404 404',
      appReadWrite: '204 403 404 404',
      appReadOnly: '403 403 404 404',
      appUnrelated: '403 403 404 404',
      otherTenantUser: '404 404 403 404',
    },
  },
  {
    method: 'DELETE', path: '/v1.0/users/{user}', target: 'user', mutates: true,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: '403 403 404 404',
      nonMember: '403 403 404 404',
      member: '403 403 404 404',
      pending: '403 403 404 404',
      owner: '403 403 404 404',
      coOwner: '403 403 404 404',
      groupsAdmin: '403 403 404 404',
      globalAdmin: '204 204 404 404',
      appReadWrite: '204 403 404 404',
      appReadOnly: '403 403 404 404',
      appUnrelated: '403 403 404 404',
      otherTenantUser: '404 404 403 404',
    },
  },
  // Roles and licences (docs/adr/0022): the role decision comes before the user lookup, so a refusal
  // is 403 whoever the target is (it names nobody); apps never reach roles.
  {
    method: 'POST', path: '/v1.0/directoryRoles/4a5d8f65-41da-4de4-8968-e035b65339cf/members/$ref', label: 'grant a role',
    body: { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/{user}' }, target: 'user', mutates: true,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: ALL(403, 4),
      nonMember: ALL(403, 4),
      member: ALL(403, 4),
      pending: ALL(403, 4),
      owner: ALL(403, 4),
      coOwner: ALL(403, 4),
      groupsAdmin: ALL(403, 4),
      globalAdmin: '204 204 404 404',
      appReadWrite: ALL(403, 4),
      appReadOnly: ALL(403, 4),
      appUnrelated: ALL(403, 4),
      otherTenantUser: ALL(403, 4),
    },
  },
  {
    method: 'DELETE', path: '/v1.0/directoryRoles/62e90394-69f5-4237-9190-012177145e10/members/{user}/$ref', label: 'remove Global Administrator',
    target: 'user', mutates: true,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: ALL(403, 4),
      nonMember: ALL(403, 4),
      member: ALL(403, 4),
      pending: ALL(403, 4),
      owner: ALL(403, 4),
      coOwner: ALL(403, 4),
      groupsAdmin: ALL(403, 4),
      globalAdmin: '404 204 404 404',
      appReadWrite: ALL(403, 4),
      appReadOnly: ALL(403, 4),
      appUnrelated: ALL(403, 4),
      otherTenantUser: ALL(403, 4),
    },
  },
  {
    method: 'POST', path: '/v1.0/users/{user}/assignLicense', body: { addLicenses: [], removeLicenses: [] }, target: 'user', mutates: true,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: ALL(403, 4),
      nonMember: ALL(403, 4),
      member: ALL(403, 4),
      pending: ALL(403, 4),
      owner: ALL(403, 4),
      coOwner: ALL(403, 4),
      groupsAdmin: ALL(403, 4),
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: ALL(403, 4),
      appUnrelated: ALL(403, 4),
      otherTenantUser: ALL(403, 4),
    },
  },
  {
    method: 'GET', path: '/v1.0/users/{user}/memberOf', target: 'user', mutates: false,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: '200 200 404 404',
      nonMember: '200 200 404 404',
      member: '200 200 404 404',
      pending: '200 200 404 404',
      owner: '200 200 404 404',
      coOwner: '200 200 404 404',
      groupsAdmin: '200 200 404 404',
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: '200 200 404 404',
      appUnrelated: ALL(404, 4),
      otherTenantUser: '404 404 200 404',
    },
  },
  {
    method: 'GET', path: '/v1.0/users/{user}/transitiveMemberOf', target: 'user', mutates: false,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: '200 200 404 404',
      nonMember: '200 200 404 404',
      member: '200 200 404 404',
      pending: '200 200 404 404',
      owner: '200 200 404 404',
      coOwner: '200 200 404 404',
      groupsAdmin: '200 200 404 404',
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: '200 200 404 404',
      appUnrelated: ALL(404, 4),
      otherTenantUser: '404 404 200 404',
    },
  },
  {
    method: 'POST', path: '/v1.0/users/{user}/checkMemberGroups', body: { groupIds: ['{public}', '{private}', '{hidden}'] }, target: 'user', mutates: false,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: '200 200 404 404',
      nonMember: '200 200 404 404',
      member: '200 200 404 404',
      pending: '200 200 404 404',
      owner: '200 200 404 404',
      coOwner: '200 200 404 404',
      groupsAdmin: '200 200 404 404',
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: '200 200 404 404',
      appUnrelated: ALL(404, 4),
      otherTenantUser: '404 404 200 404',
    },
  },
  {
    method: 'POST', path: '/v1.0/users/{user}/getMemberGroups', body: { securityEnabledOnly: false }, target: 'user', mutates: false,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: '200 200 404 404',
      nonMember: '200 200 404 404',
      member: '200 200 404 404',
      pending: '200 200 404 404',
      owner: '200 200 404 404',
      coOwner: '200 200 404 404',
      groupsAdmin: '200 200 404 404',
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: '200 200 404 404',
      appUnrelated: ALL(404, 4),
      otherTenantUser: '404 404 200 404',
    },
  },
  {
    method: 'GET', path: '/v1.0/groups/{group}/joinRequests', target: 'group', mutates: false,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '200 200 200 404 404 404',
      nonMember: '200 200 200 404 404 404',
      member: '200 200 200 404 404 404',
      pending: '200 200 200 404 404 404',
      owner: '200 200 200 200 404 404',
      coOwner: '200 200 200 200 404 404',
      groupsAdmin: '200 200 200 200 404 404',
      globalAdmin: '200 200 200 200 404 404',
      appReadWrite: '200 200 200 200 404 404',
      appReadOnly: '200 200 200 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 200 404',
    },
  },
  {
    method: 'POST', path: '/v1.0/groups/{group}/joinRequests', body: { justification: 'let me in' }, target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '409 201 201 404 404 404',
      nonMember: '409 201 201 404 404 404',
      member: '400 400 400 404 404 404',
      pending: '409 409 409 404 404 404',
      owner: '409 201 201 404 404 404',
      coOwner: '409 201 201 404 404 404',
      groupsAdmin: '409 201 201 404 404 404',
      globalAdmin: '409 201 201 404 404 404',
      appReadWrite: '400 400 400 400 404 404',
      appReadOnly: '400 400 400 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 403 404',
    },
  },
  {
    method: 'POST', path: '/v1.0/groups/{group}/join', target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '204 403 403 404 404 404',
      nonMember: '204 403 403 404 404 404',
      member: '400 400 400 404 404 404',
      pending: '204 403 403 404 404 404',
      owner: '204 403 403 404 404 404',
      coOwner: '204 403 403 404 404 404',
      groupsAdmin: '204 403 403 404 404 404',
      globalAdmin: '204 403 403 404 404 404',
      appReadWrite: '400 400 400 400 404 404',
      appReadOnly: '400 400 400 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 403 404',
    },
  },
  {
    method: 'POST', path: '/v1.0/groups/{group}/leave', target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: ALL(404),
      nonMember: ALL(404),
      member: '204 204 204 404 404 404',
      pending: ALL(404),
      owner: ALL(404),
      coOwner: ALL(404),
      groupsAdmin: ALL(404),
      globalAdmin: ALL(404),
      appReadWrite: '400 400 400 400 404 404',
      appReadOnly: '400 400 400 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: ALL(404),
    },
  },
  {
    method: 'GET', path: '/v1.0/joinRequests/{request}', target: 'request', mutates: false,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: ALL(404, 4),
      nonMember: ALL(404, 4),
      member: ALL(404, 4),
      pending: '200 404 404 404',
      owner: '200 200 404 404',
      coOwner: '200 200 404 404',
      groupsAdmin: '200 200 404 404',
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: '200 200 404 404',
      appUnrelated: ALL(404, 4),
      otherTenantUser: ALL(404, 4),
    },
  },
  {
    method: 'POST', path: '/v1.0/joinRequests/{request}/approve', target: 'request', mutates: true,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: ALL(404, 4),
      nonMember: ALL(404, 4),
      member: ALL(404, 4),
      pending: '403 404 404 404',
      owner: '200 403 404 404',
      coOwner: '200 200 404 404',
      groupsAdmin: '200 200 404 404',
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: '403 403 404 404',
      appUnrelated: ALL(404, 4),
      otherTenantUser: ALL(404, 4),
    },
  },
  {
    method: 'POST', path: '/v1.0/joinRequests/{request}/deny', body: { reason: 'no' }, target: 'request', mutates: true,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: ALL(404, 4),
      nonMember: ALL(404, 4),
      member: ALL(404, 4),
      pending: '403 404 404 404',
      owner: '200 403 404 404',
      coOwner: '200 200 404 404',
      groupsAdmin: '200 200 404 404',
      globalAdmin: '200 200 404 404',
      appReadWrite: '200 200 404 404',
      appReadOnly: '403 403 404 404',
      appUnrelated: ALL(404, 4),
      otherTenantUser: ALL(404, 4),
    },
  },
  {
    method: 'POST', path: '/v1.0/joinRequests/{request}/cancel', target: 'request', mutates: true,
    expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: ALL(404, 4),
      nonMember: ALL(404, 4),
      member: ALL(404, 4),
      pending: '200 404 404 404',
      owner: '403 200 404 404',
      coOwner: '403 403 404 404',
      groupsAdmin: '403 403 404 404',
      globalAdmin: '403 403 404 404',
      appReadWrite: '403 403 404 404',
      appReadOnly: '403 403 404 404',
      appUnrelated: ALL(404, 4),
      otherTenantUser: ALL(404, 4),
    },
  },
  {
    method: 'GET', path: '/v1.0/settings', target: 'tenant', mutates: false,
    expect: {
      anonymous: '401',
      disabled: '401',
      plainUser: '200',
      nonMember: '200',
      member: '200',
      pending: '200',
      owner: '200',
      coOwner: '200',
      groupsAdmin: '200',
      globalAdmin: '200',
      appReadWrite: '200',
      appReadOnly: '200',
      appUnrelated: '403',
      otherTenantUser: '200',
    },
  },
  {
    method: 'PATCH', path: '/v1.0/settings', body: { restrictMyGroups: false }, target: 'tenant', mutates: true,
    expect: {
      anonymous: '401',
      disabled: '401',
      plainUser: '403',
      nonMember: '403',
      member: '403',
      pending: '403',
      owner: '403',
      coOwner: '403',
      groupsAdmin: '200',
      globalAdmin: '200',
      appReadWrite: '403',
      appReadOnly: '403',
      appUnrelated: '403',
      otherTenantUser: '403',
    },
  },
  {
    method: 'GET', path: '/v1.0/policies/authorizationPolicy', target: 'tenant', mutates: false,
    expect: {
      anonymous: '401',
      disabled: '401',
      plainUser: '200',
      nonMember: '200',
      member: '200',
      pending: '200',
      owner: '200',
      coOwner: '200',
      groupsAdmin: '200',
      globalAdmin: '200',
      appReadWrite: '200',
      appReadOnly: '200',
      appUnrelated: '403',
      otherTenantUser: '200',
    },
  },
  {
    method: 'PATCH', path: '/v1.0/policies/authorizationPolicy', body: { defaultUserRolePermissions: { allowedToCreateSecurityGroups: true } }, target: 'tenant', mutates: true,
    expect: {
      anonymous: '401',
      disabled: '401',
      plainUser: '403',
      nonMember: '403',
      member: '403',
      pending: '403',
      owner: '403',
      coOwner: '403',
      groupsAdmin: '204',
      globalAdmin: '204',
      appReadWrite: '403',
      appReadOnly: '403',
      appUnrelated: '403',
      otherTenantUser: '403',
    },
  },
  {
    method: 'GET', path: '/v1.0/groupSettings', target: 'tenant', mutates: false,
    expect: {
      anonymous: '401',
      disabled: '401',
      plainUser: '200',
      nonMember: '200',
      member: '200',
      pending: '200',
      owner: '200',
      coOwner: '200',
      groupsAdmin: '200',
      globalAdmin: '200',
      appReadWrite: '200',
      appReadOnly: '200',
      appUnrelated: '403',
      otherTenantUser: '200',
    },
  },
  {
    method: 'GET', path: '/v1.0/groupSettings/62375ab9-6b52-47ed-826b-58e47e0e304b', target: 'tenant', mutates: false,
    expect: {
      anonymous: '401',
      disabled: '401',
      plainUser: '200',
      nonMember: '200',
      member: '200',
      pending: '200',
      owner: '200',
      coOwner: '200',
      groupsAdmin: '200',
      globalAdmin: '200',
      appReadWrite: '200',
      appReadOnly: '200',
      appUnrelated: '403',
      otherTenantUser: '200',
    },
  },
  {
    method: 'PATCH', path: '/v1.0/groupSettings/62375ab9-6b52-47ed-826b-58e47e0e304b', body: { values: [{ name: 'EnableGroupCreation', value: 'true' }] }, target: 'tenant', mutates: true,
    expect: {
      anonymous: '401',
      disabled: '401',
      plainUser: '403',
      nonMember: '403',
      member: '403',
      pending: '403',
      owner: '403',
      coOwner: '403',
      groupsAdmin: '204',
      globalAdmin: '204',
      appReadWrite: '403',
      appReadOnly: '403',
      appUnrelated: '403',
      otherTenantUser: '403',
    },
  },
];

export interface Row {
  endpoint: string;
  method: Method;
  path: string;
  body?: unknown;
  mutates: boolean;
  family: TargetFamily;
  actor: ActorId;
  target: TargetId;
  status: number;
  /** The tenant-settings profile the row runs under (table-settings.ts); absent for the base world. */
  profile?: string;
}

/** `METHOD path (label)`: how profiles name the endpoint they override. */
export function endpointKey(e: Pick<Endpoint, 'method' | 'path' | 'label'>): string {
  return `${e.method} ${e.path}${e.label ? ` (${e.label})` : ''}`;
}

/** One row per (actor, target) cell of one endpoint's matrix. */
export function expandEndpoint(e: Endpoint, profile?: string): Row[] {
  const targets = Object.keys(TARGETS_OF[e.target]) as TargetId[];
  return ACTOR_ORDER.flatMap((actor) => {
    const statuses = e.expect[actor].trim().split(/\s+/).map(Number);
    if (statuses.length !== targets.length) throw new Error(`${endpointKey(e)} ${actor}: ${statuses.length} statuses for ${targets.length} targets`);
    return targets.map((target, i) => ({
      endpoint: endpointKey(e), method: e.method, path: e.path, ...(e.body !== undefined ? { body: e.body } : {}),
      mutates: e.mutates, family: e.target, actor, target, status: statuses[i] as number, ...(profile ? { profile } : {}),
    }));
  });
}

export const ROWS: Row[] = ENDPOINTS.flatMap((e) => expandEndpoint(e));

/** The token endpoint's failure modes (SECURITY #15): no actor or target, one case each. */
export interface TokenRow {
  name: string;
  /** Which tenant's URL: 'own', 'other' (the client's tenant is not this one), or 'none' (/oauth2/v2.0/token). */
  url: 'own' | 'other' | 'unknown' | 'none';
  /** Form fields; {clientId}/{clientSecret} are a valid client of the 'own' tenant. */
  form: Record<string, string>;
  contentType?: string;
  status: number;
  error: string;
}

const GOOD = { grant_type: 'client_credentials', client_id: '{clientId}', client_secret: '{clientSecret}', scope: 'https://graph.microsoft.com/.default' };

export const TOKEN_ROWS: TokenRow[] = [
  { name: 'valid client credentials', url: 'own', form: GOOD, status: 200, error: '' },
  { name: 'wrong secret', url: 'own', form: { ...GOOD, client_secret: 'wrong' }, status: 401, error: 'invalid_client' },
  { name: 'empty secret', url: 'own', form: { ...GOOD, client_secret: '' }, status: 400, error: 'invalid_request' },
  { name: 'unknown client id', url: 'own', form: { ...GOOD, client_id: '00000000-0000-4000-8000-000000000000' }, status: 401, error: 'invalid_client' },
  { name: 'a valid client of this tenant at another tenant\'s URL', url: 'other', form: GOOD, status: 401, error: 'invalid_client' },
  { name: 'an unknown tenant', url: 'unknown', form: GOOD, status: 401, error: 'invalid_client' },
  { name: 'a disabled (deleted) client', url: 'own', form: { ...GOOD, client_id: '{deletedClientId}', client_secret: '{deletedClientSecret}' }, status: 401, error: 'invalid_client' },
  { name: 'grant_type password', url: 'own', form: { ...GOOD, grant_type: 'password' }, status: 400, error: 'unsupported_grant_type' },
  { name: 'no grant_type', url: 'own', form: { client_id: '{clientId}', client_secret: '{clientSecret}', scope: GOOD.scope }, status: 400, error: 'Request_BadRequest' },
  { name: 'scope other than .default', url: 'own', form: { ...GOOD, scope: 'Group.ReadWrite.All' }, status: 400, error: 'invalid_scope' },
];
