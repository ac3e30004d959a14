// The authorization table under non-default tenant settings (SPEC §3.2–§3.5, §3.13; ADR 3, 4).
//
// SETTINGS_ENDPOINTS are routes whose answer depends on settings and that table.ts has no row for
// (creating a group, a request without a justification, changing a Microsoft 365 group's visibility);
// their matrices here are for the base world (registry defaults + ownersCanManageJoinRequests=true).
//
// Each PROFILE names the settings it sets on top of the base and the endpoints it checks. For each
// endpoint it lists only the actor lines whose answer changes; every other line inherits the base
// matrix (from table.ts or SETTINGS_ENDPOINTS) and is run too, so "{}" reads "checked: nothing changes".
//
// Readings (SPEC §3.2 says which settings govern which channel):
// - restrictMyGroups binds the My Groups portal only (§3.8, FIDELITY §4.2): nothing changes on /v1.0.
// - Creation settings bind users through every channel, not service principals nor admins (§3.2).
//   A user who may not create a kind cannot change or delete (nor restore) their groups of that kind,
//   but still manages members and owners and decides requests (§3.2; "change" = name, description,
//   policy, delete). Settings are per tenant: the other tenant's user is never affected.
// - ownersCanManageJoinRequests=No (the registry default): approval groups cannot be requested, by
//   anyone, admins included (§3.4); owners cannot decide, admins and apps with
//   GroupMember.ReadWrite.All still may (ADR 4 "who decides requests"); an open group is still
//   answered 409 groupIsOpen and a member 400 alreadyMember, which come first.
// - The ceiling (maxOwnerJoinPolicy) binds owners' explicit choices, not channel defaults (lowered,
//   ADR 3) and not existing groups: the open Public group stays joinable.
// - licenceEnforcement (none of the actors holds a premium licence): requests are refused and owners
//   cannot make a group need approval; deciding requests is not licence-bound in SPEC §3.13 (Entra
//   also wants P1 for approving, FIDELITY §4.3 — SPEC decides).
// - Changing visibility is validated before the owner check, so a non-owner asking to un-hide the
//   HiddenMembership group gets 400 (nothing revealed: visibility is public), not 403.
import { ALL, endpointKey, ENDPOINTS, expandEndpoint, type ActorId, type Endpoint, type Row } from './table.js';

const CREATED = { displayName: 'Created {unique}', mailNickname: '{unique}' };
const CREATE_ANYONE: Record<ActorId, string> = {
  anonymous: '401', disabled: '401', plainUser: '201', nonMember: '201', member: '201', pending: '201', owner: '201', coOwner: '201',
  groupsAdmin: '201', globalAdmin: '201', appReadWrite: '201', appReadOnly: '403', appUnrelated: '403', otherTenantUser: '201',
};
const REQUEST_BASE: Record<ActorId, string> = {
  anonymous: ALL(401), disabled: ALL(401),
  plainUser: '409 201 201 404 404 404', nonMember: '409 201 201 404 404 404', member: '400 400 400 404 404 404', pending: '409 409 409 404 404 404',
  owner: '409 201 201 404 404 404', coOwner: '409 201 201 404 404 404', groupsAdmin: '409 201 201 404 404 404', globalAdmin: '409 201 201 404 404 404',
  appReadWrite: '400 400 400 400 404 404', appReadOnly: '400 400 400 404 404 404', appUnrelated: ALL(404), otherTenantUser: '404 404 404 404 403 404',
};

export const SETTINGS_ENDPOINTS: Endpoint[] = [
  { label: 'security', method: 'POST', path: '/v1.0/groups', body: { ...CREATED, mailEnabled: false, securityEnabled: true }, target: 'tenant', mutates: true, expect: CREATE_ANYONE },
  { label: 'Microsoft 365', method: 'POST', path: '/v1.0/groups', body: { ...CREATED, mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'] }, target: 'tenant', mutates: true, expect: CREATE_ANYONE },
  {
    label: 'Microsoft 365, visibility Public', method: 'POST', path: '/v1.0/groups', target: 'tenant', mutates: true, expect: CREATE_ANYONE,
    body: { ...CREATED, mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'], visibility: 'Public' },
  },
  { label: 'no justification', method: 'POST', path: '/v1.0/groups/{group}/joinRequests', body: {}, target: 'group', mutates: true, expect: REQUEST_BASE },
  {
    label: 'visibility Private', method: 'PATCH', path: '/v1.0/groups/{group}', body: { visibility: 'Private' }, target: 'group', mutates: true,
    expect: {
      anonymous: ALL(401), disabled: ALL(401),
      plainUser: '403 403 400 404 404 404', nonMember: '403 403 400 404 404 404', member: '403 403 400 404 404 404', pending: '403 403 400 404 404 404',
      owner: '204 204 400 404 404 404', coOwner: '204 204 400 404 404 404', groupsAdmin: '204 204 400 404 404 404', globalAdmin: '204 204 400 404 404 404',
      appReadWrite: '204 204 400 404 404 404', appReadOnly: '403 403 400 404 404 404', appUnrelated: ALL(404), otherTenantUser: '404 404 404 404 403 404',
    },
  },
];

export interface Profile {
  readonly description: string;
  /** Settings on top of the base; a string '{creators}' is the world's "Selected" group. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Endpoint key (endpointKey) → the actor lines that differ from the base matrix. */
  readonly endpoints: Readonly<Record<string, Partial<Record<ActorId, string>>>>;
}

const USERS = ['plainUser', 'nonMember', 'member', 'pending', 'owner', 'coOwner'] as const;
const lines = (actors: readonly ActorId[], line: string) => Object.fromEntries(actors.map((a) => [a, line])) as Partial<Record<ActorId, string>>;
const OWNERS = ['owner', 'coOwner'] as const;
const REQUESTERS = ['plainUser', 'nonMember', 'owner', 'coOwner', 'groupsAdmin', 'globalAdmin'] as const;

const K = {
  createSecurity: 'POST /v1.0/groups (security)',
  createM365: 'POST /v1.0/groups (Microsoft 365)',
  createM365Public: 'POST /v1.0/groups (Microsoft 365, visibility Public)',
  request: 'POST /v1.0/groups/{group}/joinRequests',
  requestBare: 'POST /v1.0/groups/{group}/joinRequests (no justification)',
  approve: 'POST /v1.0/joinRequests/{request}/approve',
  deny: 'POST /v1.0/joinRequests/{request}/deny',
  join: 'POST /v1.0/groups/{group}/join',
  patch: 'PATCH /v1.0/groups/{group}',
  patchVisibility: 'PATCH /v1.0/groups/{group} (visibility Private)',
  del: 'DELETE /v1.0/groups/{group}',
  restore: 'POST /v1.0/directory/deletedItems/{group}/restore',
  addMember: 'POST /v1.0/groups/{group}/members/$ref',
  addOwner: 'POST /v1.0/groups/{group}/owners/$ref',
  removeOwner: 'DELETE /v1.0/groups/{group}/owners/{coOwner}/$ref',
} as const;

export const PROFILES: Record<string, Profile> = {
  defaults: {
    description: 'the registry defaults exactly: ownersCanManageJoinRequests=No (§3.3 table, FIDELITY §4.2)',
    settings: { ownersCanManageJoinRequests: false },
    endpoints: {
      [K.request]: { ...lines(REQUESTERS, '409 403 403 404 404 404'), pending: '409 403 403 404 404 404' },
      [K.approve]: lines(OWNERS, '403 403 404 404'),
      [K.deny]: lines(OWNERS, '403 403 404 404'),
      [K.join]: {}, [K.addMember]: {},
    },
  },
  restrictMyGroups: {
    description: 'restrictMyGroups=Yes: the portal only (§3.8), so no /v1.0 answer changes',
    settings: { restrictMyGroups: true },
    endpoints: { [K.createSecurity]: {}, [K.createM365]: {}, [K.patch]: {}, [K.join]: {}, [K.request]: {}, [K.approve]: {} },
  },
  securityCreationNone: {
    description: 'securityGroupCreation=None: users neither create nor change security groups, but manage their members (§3.2)',
    settings: { securityGroupCreation: 'None' },
    endpoints: {
      [K.createSecurity]: lines(USERS, '403'),
      [K.createM365]: {},
      [K.patch]: lines(OWNERS, '204 403 204 404 404 404'),
      [K.del]: lines(OWNERS, '204 403 204 404 404 404'),
      [K.restore]: lines(OWNERS, '409 409 409 403 404 404'),
      [K.addMember]: {}, [K.addOwner]: {}, [K.approve]: {},
    },
  },
  m365CreationSelected: {
    description: 'm365GroupCreation=Selected (creators: plainUser directly, owner through a nested group): coOwner is out',
    settings: { m365GroupCreation: 'Selected', m365GroupCreationGroupId: '{creators}' },
    endpoints: {
      [K.createM365]: lines(['nonMember', 'member', 'pending', 'coOwner'], '403'),
      [K.createM365Public]: lines(['nonMember', 'member', 'pending', 'coOwner'], '403'),
      [K.createSecurity]: {},
      [K.patch]: { coOwner: '403 204 403 404 404 404' },
      [K.del]: { coOwner: '403 204 403 404 404 404' },
      [K.addMember]: {},
    },
  },
  ownersCannotDelete: {
    description: 'ownersCanDeleteGroups=No: only administrators (and apps) delete (§3.4 ceiling, ADR 3)',
    settings: { ownersCanDeleteGroups: false },
    endpoints: { [K.del]: lines(OWNERS, '403 403 403 404 404 404'), [K.restore]: {} },
  },
  ownerAssignmentSelected: {
    description: 'ownerAssignment=Selected (creators): owner is in (nested), coOwner out; removing owners is not assigning',
    settings: { ownerAssignment: 'Selected', ownerAssignmentGroupId: '{creators}' },
    endpoints: { [K.addOwner]: { coOwner: '403 403 403 404 404 404' }, [K.removeOwner]: {} },
  },
  ownerAssignmentNone: {
    description: 'ownerAssignment=None: only administrators (and apps) make members owners (§3.6)',
    settings: { ownerAssignment: 'None' },
    endpoints: { [K.addOwner]: lines(OWNERS, '403 403 403 404 404 404') },
  },
  justificationRequired: {
    description: 'joinRequestJustificationRequired=Yes: a request without one is 400 (§3.5)',
    settings: { joinRequestJustificationRequired: true },
    endpoints: { [K.request]: {}, [K.requestBare]: lines(REQUESTERS, '409 400 400 404 404 404') },
  },
  ceilingApproval: {
    description: 'maxOwnerJoinPolicy=approval: an explicit open choice is refused to users; the open default is lowered',
    settings: { maxOwnerJoinPolicy: 'approval' },
    endpoints: { [K.createM365Public]: lines(USERS, '403'), [K.createM365]: {}, [K.patchVisibility]: {}, [K.join]: {} },
  },
  ceilingClosed: {
    description: 'maxOwnerJoinPolicy=closed, below the Public group\'s open policy: owners cannot make it need approval either',
    settings: { maxOwnerJoinPolicy: 'closed' },
    endpoints: {
      [K.createM365Public]: lines(USERS, '403'), [K.createM365]: {},
      [K.patchVisibility]: lines(OWNERS, '403 204 400 404 404 404'), [K.join]: {},
    },
  },
  licenceEnforcement: {
    description: 'licenceEnforcement=Yes, nobody licensed: no requests, owners cannot make a group need approval (§3.13)',
    settings: { licenceEnforcement: true },
    endpoints: {
      [K.request]: { ...lines(REQUESTERS, '409 403 403 404 404 404'), pending: '409 403 403 404 404 404' },
      [K.patchVisibility]: lines(OWNERS, '403 204 400 404 404 404'),
      [K.approve]: {}, [K.createM365]: {},
    },
  },
};

const BASE: ReadonlyMap<string, Endpoint> = new Map([...ENDPOINTS, ...SETTINGS_ENDPOINTS].map((e) => [endpointKey(e), e]));

/** The base-world rows of SETTINGS_ENDPOINTS. */
export const SETTINGS_BASE_ROWS: Row[] = SETTINGS_ENDPOINTS.flatMap((e) => expandEndpoint(e));

/** A profile's rows: each endpoint it names, with its actor lines over the base matrix. */
export function profileRows(name: string): Row[] {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`no profile ${name}`);
  return Object.entries(profile.endpoints).flatMap(([key, overrides]) => {
    const base = BASE.get(key);
    if (!base) throw new Error(`profile ${name}: no endpoint ${key}`);
    return expandEndpoint({ ...base, expect: { ...base.expect, ...overrides } as Record<ActorId, string> }, name);
  });
}
