// The authorization table on the group kinds beyond plain self-service (KIND_TARGETS in table.ts):
// dynamic membership, externally managed (inbound SCIM), role-assignable and nested groups, plus
// creating the first and third kind. SPEC §2 (kinds), §3.6, §3.7; SECURITY #2; policy/membership.ts,
// owners.ts, context.ts (decideRoleAssignableChange). Columns: dynamic synced roleAssignable nested.
//
// Readings:
// - Dynamic: nobody adds or removes members by hand, admins and apps included (§3.7, FIDELITY §4.4);
//   nobody joins, requests or leaves. Its owners still edit and delete it and manage its owners
//   (an owner can only promote a member, and it has none by hand: 400 ownerMustBeMember).
// - Externally managed (synced): read-only in self-service (§3.7): owners change nothing; members
//   change only over inbound SCIM, so not even admins add or remove them here; admins still edit,
//   delete and manage owners (§2 "admin-only"). Leaving is refused too (the outside system decides).
// - Role-assignable: always closed (join 403, request 403); members and owners change only by a
//   global administrator or the group's owners, never by a Groups Administrator or an app (Entra:
//   "restrictions for role-assignable groups"; found by this table, fixed in the core); no group is
//   nested into it (400 roleAssignableNesting). Its properties (PATCH, DELETE) follow the usual
//   owner-or-admin rule: they hand out no roles.
// - Nesting needs rights on both ends (SECURITY #2): the child group ({nestChild}) is owned by coOwner
//   and nonMember, the parent ({nestParent}) by owner and nonMember; so each actor owns one end only,
//   except coOwner for "a group as member" and owner for "the target into a parent". Admins need no
//   ownership. A kind's own rule applies to the group whose members change: nesting a dynamic or
//   synced target into a parent is fine, nesting a group into one is not.
// - Non-members asking to leave a dynamic or synced group get 403 (the kind is refused first, and it
//   is public), where other groups answer 404 notMember.
import { ALL, expandEndpoint, REF, type Endpoint, type Row } from './table.js';

const READ = {
  anonymous: ALL(401, 4), disabled: ALL(401, 4),
  plainUser: ALL(200, 4), nonMember: ALL(200, 4), member: ALL(200, 4), pending: ALL(200, 4), owner: ALL(200, 4), coOwner: ALL(200, 4),
  groupsAdmin: ALL(200, 4), globalAdmin: ALL(200, 4), appReadWrite: ALL(200, 4), appReadOnly: ALL(200, 4), appUnrelated: ALL(404, 4), otherTenantUser: ALL(404, 4),
};
/** PATCH and DELETE of the group itself. */
const CHANGE = {
  anonymous: ALL(401, 4), disabled: ALL(401, 4),
  plainUser: ALL(403, 4), nonMember: ALL(403, 4), member: ALL(403, 4), pending: ALL(403, 4),
  owner: '204 403 204 204', coOwner: '204 403 204 204', groupsAdmin: ALL(204, 4), globalAdmin: ALL(204, 4),
  appReadWrite: ALL(204, 4), appReadOnly: ALL(403, 4), appUnrelated: ALL(404, 4), otherTenantUser: ALL(404, 4),
};
/** Adding or removing a user member. */
const MEMBERS = {
  anonymous: ALL(401, 4), disabled: ALL(401, 4),
  plainUser: ALL(403, 4), nonMember: ALL(403, 4), member: ALL(403, 4), pending: ALL(403, 4),
  owner: '403 403 204 204', coOwner: '403 403 204 204', groupsAdmin: '403 403 403 204', globalAdmin: '403 403 204 204',
  appReadWrite: '403 403 403 204', appReadOnly: ALL(403, 4), appUnrelated: ALL(404, 4), otherTenantUser: ALL(404, 4),
};
/** Making the member an owner, removing the co-owner. */
const OWNERS = (ownerOnDynamic: string) => ({
  anonymous: ALL(401, 4), disabled: ALL(401, 4),
  plainUser: ALL(403, 4), nonMember: ALL(403, 4), member: ALL(403, 4), pending: ALL(403, 4),
  owner: `${ownerOnDynamic} 403 204 204`, coOwner: `${ownerOnDynamic} 403 204 204`, groupsAdmin: '204 204 403 204', globalAdmin: ALL(204, 4),
  appReadWrite: '204 204 403 204', appReadOnly: ALL(403, 4), appUnrelated: ALL(404, 4), otherTenantUser: ALL(404, 4),
});
const SELF = { appReadWrite: ALL(400, 4), appReadOnly: ALL(400, 4), appUnrelated: ALL(404, 4), otherTenantUser: ALL(404, 4), anonymous: ALL(401, 4), disabled: ALL(401, 4) };
const CREATE = (admins: string, appReadWrite: string) => ({
  anonymous: '401', disabled: '401', plainUser: '403', nonMember: '403', member: '403', pending: '403', owner: '403', coOwner: '403',
  groupsAdmin: admins, globalAdmin: '201', appReadWrite, appReadOnly: '403', appUnrelated: '403', otherTenantUser: '403',
});

export const KIND_ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/v1.0/groups/{group}', target: 'kind', mutates: false, expect: READ },
  { method: 'GET', path: '/v1.0/groups/{group}/members', target: 'kind', mutates: false, expect: READ },
  { method: 'PATCH', path: '/v1.0/groups/{group}', body: { description: 'changed' }, target: 'kind', mutates: true, expect: CHANGE },
  { method: 'DELETE', path: '/v1.0/groups/{group}', target: 'kind', mutates: true, expect: CHANGE },
  { method: 'POST', path: '/v1.0/groups/{group}/members/$ref', body: REF('plainUser'), target: 'kind', mutates: true, expect: MEMBERS },
  { method: 'DELETE', path: '/v1.0/groups/{group}/members/{member}/$ref', target: 'kind', mutates: true, expect: MEMBERS },
  { method: 'POST', path: '/v1.0/groups/{group}/owners/$ref', body: REF('member'), target: 'kind', mutates: true, expect: OWNERS('400') },
  { method: 'DELETE', path: '/v1.0/groups/{group}/owners/{coOwner}/$ref', target: 'kind', mutates: true, expect: OWNERS('204') },
  {
    method: 'POST', path: '/v1.0/groups/{group}/joinRequests', body: { justification: 'let me in' }, target: 'kind', mutates: true,
    expect: {
      ...SELF, plainUser: '403 403 403 201', nonMember: '403 403 403 201', member: '403 403 400 400', pending: '403 403 403 409',
      owner: '403 403 403 201', coOwner: '403 403 403 201', groupsAdmin: '403 403 403 201', globalAdmin: '403 403 403 201',
    },
  },
  {
    method: 'POST', path: '/v1.0/groups/{group}/join', target: 'kind', mutates: true,
    expect: {
      ...SELF, plainUser: ALL(403, 4), nonMember: ALL(403, 4), member: '403 403 400 400', pending: ALL(403, 4),
      owner: ALL(403, 4), coOwner: ALL(403, 4), groupsAdmin: ALL(403, 4), globalAdmin: ALL(403, 4),
    },
  },
  {
    method: 'POST', path: '/v1.0/groups/{group}/leave', target: 'kind', mutates: true,
    expect: {
      ...SELF, plainUser: '403 403 404 404', nonMember: '403 403 404 404', member: '403 403 204 204', pending: '403 403 404 404',
      owner: '403 403 404 404', coOwner: '403 403 404 404', groupsAdmin: '403 403 404 404', globalAdmin: '403 403 404 404',
    },
  },
  {
    label: 'a group as member', method: 'POST', path: '/v1.0/groups/{group}/members/$ref', body: REF('nestChild'), target: 'kind', mutates: true,
    expect: {
      anonymous: ALL(401, 4), disabled: ALL(401, 4), plainUser: ALL(403, 4), nonMember: ALL(403, 4), member: ALL(403, 4), pending: ALL(403, 4),
      owner: '403 403 400 403', coOwner: '403 403 400 204', groupsAdmin: '403 403 403 204', globalAdmin: '403 403 400 204',
      appReadWrite: '403 403 403 204', appReadOnly: ALL(403, 4), appUnrelated: ALL(404, 4), otherTenantUser: ALL(404, 4),
    },
  },
  {
    label: 'the target into a parent', method: 'POST', path: '/v1.0/groups/{nestParent}/members/$ref', body: REF('group'), target: 'kind', mutates: true,
    expect: {
      anonymous: ALL(401, 4), disabled: ALL(401, 4), plainUser: ALL(403, 4), nonMember: ALL(403, 4), member: ALL(403, 4), pending: ALL(403, 4),
      owner: ALL(204, 4), coOwner: ALL(403, 4), groupsAdmin: ALL(204, 4), globalAdmin: ALL(204, 4),
      appReadWrite: ALL(204, 4), appReadOnly: ALL(403, 4), appUnrelated: ALL(404, 4), otherTenantUser: ALL(404, 4),
    },
  },
  {
    // §2: dynamic groups are admin-only; Roster's apps are bound by their permissions only (§3.2).
    label: 'dynamic', method: 'POST', path: '/v1.0/groups', target: 'tenant', mutates: true, expect: CREATE('201', '201'),
    body: { displayName: 'Dynamic {unique}', mailNickname: '{unique}', mailEnabled: false, securityEnabled: true, groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"' },
  },
  {
    // Only a global administrator (Entra: Privileged Role Administrator); no app permission (SECURITY #2).
    label: 'role-assignable', method: 'POST', path: '/v1.0/groups', target: 'tenant', mutates: true, expect: CREATE('403', '403'),
    body: { displayName: 'Roles {unique}', mailNickname: '{unique}', mailEnabled: false, securityEnabled: true, isAssignableToRole: true },
  },
];

export const KIND_ROWS: Row[] = KIND_ENDPOINTS.flatMap((e) => expandEndpoint(e));
