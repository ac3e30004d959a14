// The authorization table for applications seen from groups and users (ADR 0019): a group's and a
// user's assignments, giving an app to each group and user target, and the tenant-wide app routes.
// {app} is a fixture app owned by the owner actor (authz-apps.test.ts builds it). Discovered with
// ROSTER_AUTHZ_DISCOVER=1 and reviewed cell by cell. Readings:
// - The app exists only for those who may read its access, or who have it and see it in My Apps
//   (§3.9): every other user gets 404 on {app}, whatever the target. API clients of the base world
//   hold no Application permission: {app} does not exist for them either (404, as a missing id would
//   answer: SECURITY #6); the tenant-wide list, which names no id, is a 403 (missingPermission).
// - Only security groups are assigned: the Public and HiddenMembership targets are Microsoft 365
//   groups (400); a deleted, foreign or missing group is 404.
// - By the user rows the member actor has {app} (the group rows gave it to a group they are in), so
//   the app exists for them and assigning is a 403, where it was a 404 before. Who may not assign
//   learns nothing about the principal: the refusal comes before the id is looked up.
// - A user's direct assignments are theirs and app readers' (globalAdmin): a 403 for everyone else,
//   on every target, so the answer says nothing about whether the user exists.
import { ALL, expandEndpoint, type Endpoint, type Row } from './table.js';

const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';
export const APP_ENDPOINTS: Endpoint[] = [
  {
    method: 'GET', path: '/v1.0/groups/{group}/appRoleAssignments', target: 'group', mutates: false, expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: '403 403 403 404 404 404',
      nonMember: '403 403 403 404 404 404',
      member: '403 403 403 404 404 404',
      pending: '403 403 403 404 404 404',
      owner: '200 200 200 200 404 404',
      coOwner: '200 200 200 200 404 404',
      groupsAdmin: '200 200 200 200 404 404',
      globalAdmin: '200 200 200 200 404 404',
      appReadWrite: '403 403 403 403 404 404',
      appReadOnly: '403 403 403 404 404 404',
      appUnrelated: ALL(404),
      otherTenantUser: '404 404 404 404 403 404',
    },
  },
  {
    method: 'GET', path: '/v1.0/users/{user}/appRoleAssignments', target: 'user', mutates: false, expect: {
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
      appReadWrite: ALL(403, 4),
      appReadOnly: ALL(403, 4),
      appUnrelated: ALL(403, 4),
      otherTenantUser: ALL(403, 4),
    },
  },
  {
    method: 'POST', path: '/v1.0/servicePrincipals/{app}/appRoleAssignedTo', body: { principalId: '{group}', resourceId: '{app}', appRoleId: DEFAULT_ACCESS }, target: 'group', mutates: true, expect: {
      anonymous: ALL(401),
      disabled: ALL(401),
      plainUser: ALL(404),
      nonMember: ALL(404),
      member: ALL(404),
      pending: ALL(404),
      owner: '400 201 400 404 404 404',
      coOwner: ALL(404),
      groupsAdmin: ALL(404),
      globalAdmin: '400 201 400 404 404 404',
      appReadWrite: ALL(404),
      appReadOnly: ALL(404),
      appUnrelated: ALL(404),
      otherTenantUser: ALL(404),
    },
  },
  {
    method: 'POST', path: '/v1.0/servicePrincipals/{app}/appRoleAssignedTo', label: 'a user', body: { principalId: '{user}', resourceId: '{app}', appRoleId: DEFAULT_ACCESS }, target: 'user', mutates: true, expect: {
      anonymous: ALL(401, 4),
      disabled: ALL(401, 4),
      plainUser: ALL(404, 4),
      nonMember: ALL(404, 4),
      member: ALL(403, 4),
      pending: ALL(404, 4),
      owner: '201 201 404 404',
      coOwner: ALL(404, 4),
      groupsAdmin: ALL(404, 4),
      globalAdmin: '201 201 404 404',
      appReadWrite: ALL(404, 4),
      appReadOnly: ALL(404, 4),
      appUnrelated: ALL(404, 4),
      otherTenantUser: ALL(404, 4),
    },
  },
  {
    method: 'GET', path: '/v1.0/servicePrincipals', target: 'tenant', mutates: false, expect: {
      anonymous: ALL(401, 1),
      disabled: ALL(401, 1),
      plainUser: ALL(200, 1),
      nonMember: ALL(200, 1),
      member: ALL(200, 1),
      pending: ALL(200, 1),
      owner: ALL(200, 1),
      coOwner: ALL(200, 1),
      groupsAdmin: ALL(200, 1),
      globalAdmin: ALL(200, 1),
      appReadWrite: ALL(403, 1),
      appReadOnly: ALL(403, 1),
      appUnrelated: ALL(403, 1),
      otherTenantUser: ALL(200, 1),
    },
  },
  {
    method: 'POST', path: '/v1.0/servicePrincipals', body: { displayName: 'App {unique}' }, target: 'tenant', mutates: true, expect: {
      anonymous: ALL(401, 1),
      disabled: ALL(401, 1),
      plainUser: ALL(403, 1),
      nonMember: ALL(403, 1),
      member: ALL(403, 1),
      pending: ALL(403, 1),
      owner: ALL(403, 1),
      coOwner: ALL(403, 1),
      groupsAdmin: ALL(403, 1),
      globalAdmin: ALL(201, 1),
      appReadWrite: ALL(403, 1),
      appReadOnly: ALL(403, 1),
      appUnrelated: ALL(403, 1),
      otherTenantUser: ALL(403, 1),
    },
  },
  {
    method: 'GET', path: '/v1.0/servicePrincipals/{app}/roster.effectiveAccess', target: 'tenant', mutates: false, expect: {
      anonymous: ALL(401, 1),
      disabled: ALL(401, 1),
      plainUser: ALL(404, 1),
      nonMember: ALL(404, 1),
      member: ALL(403, 1),
      pending: ALL(404, 1),
      owner: ALL(200, 1),
      coOwner: ALL(404, 1),
      groupsAdmin: ALL(404, 1),
      globalAdmin: ALL(200, 1),
      appReadWrite: ALL(404, 1),
      appReadOnly: ALL(404, 1),
      appUnrelated: ALL(404, 1),
      otherTenantUser: ALL(404, 1),
    },
  },
  {
    method: 'GET', path: '/v1.0/me/roster.apps', target: 'tenant', mutates: false, expect: {
      anonymous: ALL(401, 1),
      disabled: ALL(401, 1),
      plainUser: ALL(200, 1),
      nonMember: ALL(200, 1),
      member: ALL(200, 1),
      pending: ALL(200, 1),
      owner: ALL(200, 1),
      coOwner: ALL(200, 1),
      groupsAdmin: ALL(200, 1),
      globalAdmin: ALL(200, 1),
      appReadWrite: ALL(400, 1),
      appReadOnly: ALL(400, 1),
      appUnrelated: ALL(400, 1),
      otherTenantUser: ALL(200, 1),
    },
  },
];

export const APP_ROWS: Row[] = APP_ENDPOINTS.flatMap((e) => expandEndpoint(e));
