// The authorization table for the app-level routes (ADR 0019; SECURITY #2, #6, #10, #13): every
// /servicePrincipals/{id} route — here the app, its owners and assignments; blocks, effective access,
// explain, My Apps and the join-request impact preview in table-apps-access.ts — × every actor of
// app-world.ts × app target. Discovered with ROSTER_AUTHZ_DISCOVER=1 and reviewed cell by cell. Readings:
// - An app exists (§3.9) for readers of its access (its owners, app and global admins, clients with
//   Application.Read.All or .ReadWrite.All) and for users who have it while it is shown to users
//   (member through the group, guest directly). For everyone else (outsider, groups admin, another
//   app's owner, another tenant's user, a client without an Application permission) every app id is
//   404, exactly as a missing one (the runner compares the errors).
// - Who sees the app but may not act gets 403: its holders on every write and on who-has-it reads,
//   Application.Read.All on writes, owners on owner changes and deletion (admins only, ADR 0019).
// - The hidden app (not shown to users) is 404 even for the member who has it through the group.
// - Explain about the member: 200 for the member themselves on the apps they see; 404 for
//   otherAppOwner on its own apps, since the member's only path runs through a Private group whose
//   membership that owner may not see (§3.9: as for a stranger).
// - An audience needs rights on both ends: otherAppOwner cannot read the source app → 403.
// - Adding an owner who already is one: 400, as Graph ("added object references already exist").
// - The other tenant's user has that tenant's app: 200 on reads of the app, 403 on the rest.
// - Impact preview goes by the join request first: app admins and Application-only clients see no
//   join requests (404); a Group.ReadWrite.All client sees it but may not read apps (403); the group's
//   owner previews the pending request, not their own (403: no self-approval, SECURITY #3).
import { ALL, REF, type Method } from './table.js';
import { APP_ACTOR_ORDER, APP_TARGETS, type AppActorId } from './app-world.js';
import { REQUEST_TARGETS } from './table.js';

export type AppFamily = 'app' | 'tenant' | 'request';
const COLUMNS: Record<AppFamily, readonly string[]> = { app: Object.keys(APP_TARGETS), tenant: ['tenant'], request: Object.keys(REQUEST_TARGETS) };

export interface AppEndpoint {
  label?: string;
  method: Method;
  /** {app} the target app; {appOwner} its second owner, {assignment} an assignment of it, {blocked} a user it blocks; {request} a join request target. */
  path: string;
  body?: unknown;
  family: AppFamily;
  mutates: boolean;
  expect: Record<AppActorId, string>;
}

export interface AppRow {
  endpoint: string;
  method: Method;
  path: string;
  body?: unknown;
  mutates: boolean;
  family: AppFamily;
  actor: AppActorId;
  target: string;
  status: number;
}

const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';
export const SP = '/v1.0/servicePrincipals/{app}';

export const APP_ROUTE_ENDPOINTS: AppEndpoint[] = [
  {
    method: 'GET', path: SP, family: 'app', mutates: false, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '200 200 404 404 404',
      guest: '200 200 404 404 404',
      owner: '200 404 404 404 404',
      otherAppOwner: '404 200 200 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '200 200 200 404 404',
      globalAdmin: '200 200 200 404 404',
      clientWrite: '200 200 200 404 404',
      clientRead: '200 200 200 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 200 404',
    },
  },
  {
    method: 'PATCH', path: SP, body: { description: 'changed {unique}' }, family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '204 404 404 404 404',
      otherAppOwner: '404 204 204 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '204 204 204 404 404',
      globalAdmin: '204 204 204 404 404',
      clientWrite: '204 204 204 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'DELETE', path: SP, family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '403 404 404 404 404',
      otherAppOwner: '404 403 403 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '204 204 204 404 404',
      globalAdmin: '204 204 204 404 404',
      clientWrite: '204 204 204 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'GET', path: `${SP}/owners`, family: 'app', mutates: false, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '200 200 404 404 404',
      guest: '200 200 404 404 404',
      owner: '200 404 404 404 404',
      otherAppOwner: '404 200 200 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '200 200 200 404 404',
      globalAdmin: '200 200 200 404 404',
      clientWrite: '200 200 200 404 404',
      clientRead: '200 200 200 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 200 404',
    },
  },
  {
    method: 'POST', path: `${SP}/owners/$ref`, body: REF('plainUser'), family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '403 404 404 404 404',
      otherAppOwner: '404 403 403 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '204 204 204 404 404',
      globalAdmin: '204 204 204 404 404',
      clientWrite: '204 204 204 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'POST', path: `${SP}/owners/$ref`, label: 'the owner actor themselves', body: REF('ownerUser'), family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '403 404 404 404 404',
      otherAppOwner: '404 403 403 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '400 204 204 404 404',
      globalAdmin: '400 204 204 404 404',
      clientWrite: '400 204 204 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'DELETE', path: `${SP}/owners/{appOwner}/$ref`, family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '403 404 404 404 404',
      otherAppOwner: '404 403 403 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '204 204 204 404 404',
      globalAdmin: '204 204 204 404 404',
      clientWrite: '204 204 204 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'GET', path: `${SP}/appRoleAssignedTo`, family: 'app', mutates: false, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '200 404 404 404 404',
      otherAppOwner: '404 200 200 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '200 200 200 404 404',
      globalAdmin: '200 200 200 404 404',
      clientWrite: '200 200 200 404 404',
      clientRead: '200 200 200 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'POST', path: `${SP}/appRoleAssignedTo`, label: 'a user', body: { principalId: '{plainUser}', resourceId: '{app}', appRoleId: DEFAULT_ACCESS }, family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '201 404 404 404 404',
      otherAppOwner: '404 201 201 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '201 201 201 404 404',
      globalAdmin: '201 201 201 404 404',
      clientWrite: '201 201 201 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'POST', path: `${SP}/appRoleAssignedTo`, label: 'a group', body: { principalId: '{assignGroup}', resourceId: '{app}', appRoleId: DEFAULT_ACCESS }, family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '201 404 404 404 404',
      otherAppOwner: '404 201 201 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '201 201 201 404 404',
      globalAdmin: '201 201 201 404 404',
      clientWrite: '201 201 201 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'POST', path: `${SP}/appRoleAssignedTo`, label: 'an app\'s audience', body: { principalId: '{sourceApp}', resourceId: '{app}', appRoleId: DEFAULT_ACCESS }, family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '201 404 404 404 404',
      otherAppOwner: '404 403 403 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '201 201 201 404 404',
      globalAdmin: '201 201 201 404 404',
      clientWrite: '201 201 201 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
  {
    method: 'DELETE', path: `${SP}/appRoleAssignedTo/{assignment}`, family: 'app', mutates: true, expect: {
      anonymous: ALL(401, 5),
      disabled: ALL(401, 5),
      outsider: ALL(404, 5),
      member: '403 403 404 404 404',
      guest: '403 403 404 404 404',
      owner: '204 404 404 404 404',
      otherAppOwner: '404 204 204 404 404',
      groupsAdmin: ALL(404, 5),
      appAdmin: '204 204 204 404 404',
      globalAdmin: '204 204 204 404 404',
      clientWrite: '204 204 204 404 404',
      clientRead: '403 403 403 404 404',
      clientGroups: ALL(404, 5),
      otherTenantUser: '404 404 404 403 404',
    },
  },
];

export const appEndpointKey = (e: AppEndpoint): string => `${e.method} ${e.path}${e.label ? ` (${e.label})` : ''}`;

export function expandAppEndpoint(e: AppEndpoint): AppRow[] {
  const targets = COLUMNS[e.family];
  const endpoint = appEndpointKey(e);
  return APP_ACTOR_ORDER.flatMap((actor) => {
    const statuses = e.expect[actor].trim().split(/\s+/).map(Number);
    if (statuses.length !== targets.length) throw new Error(`${endpoint} ${actor}: ${statuses.length} statuses for ${targets.length} targets`);
    return targets.map((target, i) => ({
      endpoint, method: e.method, path: e.path, ...(e.body !== undefined ? { body: e.body } : {}),
      mutates: e.mutates, family: e.family, actor, target, status: statuses[i] as number,
    }));
  });
}

