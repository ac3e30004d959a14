// SECURITY #10 through the API: every POST/PATCH body with a field the route does not take — owner
// flags, roles, tenant, ids, audit fields, Roster's own annotations, an app's ids and principal type —
// is a 400 naming the field, and nothing changes, even for the most privileged caller.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import type { ActorId } from './table.js';
import { buildWorld, expectGraphError, snapshot, type World } from './world.js';

export const EXTRA_FIELDS: Record<string, unknown> = {
  owners: ['{plainUser}'],
  isOwner: true,
  roles: ['globalAdmin'],
  '@roster.roles': ['globalAdmin'],
  assignedLicenses: [{ skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4', disabledPlans: [] }],
  tenantId: '00000000-0000-4000-8000-000000000000',
  id: '00000000-0000-4000-8000-0000000000aa',
  createdBy: '{plainUser}',
  '@roster.abilities': { manageMembers: true, edit: true, delete: true },
  deletedDateTime: '2020-01-01T00:00:00Z',
  members: ['{plainUser}'],
  meta: { resourceType: 'Group' },
  // SECURITY #4: an approval takes an allow-list of fields, never the request's own.
  groupId: '{private}',
  requesterId: '{plainUser}',
  status: 'approved',
  decidedBy: '{plainUser}',
  // Applications (ADR 0019): ids, the kind of principal and the display names are the server's.
  appId: '00000000-0000-4000-8000-0000000000bb',
  principalType: 'ServicePrincipal',
  servicePrincipalType: 'ManagedIdentity',
  principalDisplayName: 'Someone else',
  createdDateTime: '2020-01-01T00:00:00Z',
};

interface WriteRoute {
  name: string;
  method: 'POST' | 'PATCH';
  path: string;
  /** A body the route accepts (made unique per case by {n}). */
  body: Record<string, unknown>;
  /** Actors with the right to make the write, so a 400 is the schema and not a denial. */
  actors: ActorId[];
}

const ROUTES: WriteRoute[] = [
  { name: 'create a group', method: 'POST', path: '/v1.0/groups', body: { displayName: 'Mass {n}', mailNickname: 'mass{n}', mailEnabled: false, securityEnabled: true }, actors: ['plainUser', 'globalAdmin', 'appReadWrite'] },
  { name: 'update a group', method: 'PATCH', path: '/v1.0/groups/{private}', body: { description: 'changed {n}' }, actors: ['owner', 'globalAdmin', 'appReadWrite'] },
  { name: 'add a member', method: 'POST', path: '/v1.0/groups/{private}/members/$ref', body: { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/{plainUser}' }, actors: ['owner', 'globalAdmin', 'appReadWrite'] },
  { name: 'add an owner', method: 'POST', path: '/v1.0/groups/{private}/owners/$ref', body: { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/{member}' }, actors: ['owner', 'globalAdmin', 'appReadWrite'] },
  { name: 'create a user', method: 'POST', path: '/v1.0/users', body: { displayName: 'Mass {n}', userPrincipalName: 'mass{n}@{domain}' }, actors: ['globalAdmin', 'appReadWrite'] },
  { name: 'update a user', method: 'PATCH', path: '/v1.0/users/{plainUser}', body: { jobTitle: 'changed {n}' }, actors: ['globalAdmin', 'appReadWrite'] },
  // Roles and licences have routes of their own, which take nothing else either.
  { name: 'grant a role', method: 'POST', path: '/v1.0/directoryRoles/4a5d8f65-41da-4de4-8968-e035b65339cf/members/$ref', body: { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/{member}' }, actors: ['globalAdmin'] },
  { name: 'assign licences', method: 'POST', path: '/v1.0/users/{plainUser}/assignLicense', body: { addLicenses: [], removeLicenses: [] }, actors: ['globalAdmin', 'appReadWrite'] },
  { name: 'request to join', method: 'POST', path: '/v1.0/groups/{private}/joinRequests', body: { justification: 'let me in {n}' }, actors: ['nonMember'] },
  { name: 'approve a request', method: 'POST', path: '/v1.0/joinRequests/{request}/approve', body: { reason: 'welcome {n}' }, actors: ['coOwner', 'globalAdmin', 'appReadWrite'] },
  { name: 'deny a request', method: 'POST', path: '/v1.0/joinRequests/{ownersRequest}/deny', body: { reason: 'no {n}' }, actors: ['coOwner', 'globalAdmin'] },
  { name: 'change settings', method: 'PATCH', path: '/v1.0/settings', body: { restrictMyGroups: false }, actors: ['globalAdmin', 'groupsAdmin'] },
  { name: 'authorization policy', method: 'PATCH', path: '/v1.0/policies/authorizationPolicy', body: { defaultUserRolePermissions: { allowedToCreateSecurityGroups: true } }, actors: ['globalAdmin', 'groupsAdmin'] },
  { name: 'Group.Unified settings', method: 'PATCH', path: '/v1.0/groupSettings/62375ab9-6b52-47ed-826b-58e47e0e304b', body: { values: [{ name: 'EnableGroupCreation', value: 'true' }] }, actors: ['globalAdmin', 'groupsAdmin'] },
  // Applications (ADR 0019): {app} is owned by the owner actor.
  { name: 'create an app', method: 'POST', path: '/v1.0/servicePrincipals', body: { displayName: 'Mass app {n}' }, actors: ['globalAdmin'] },
  { name: 'update an app', method: 'PATCH', path: '/v1.0/servicePrincipals/{app}', body: { description: 'changed {n}' }, actors: ['owner', 'globalAdmin'] },
  { name: 'add an app owner', method: 'POST', path: '/v1.0/servicePrincipals/{app}/owners/$ref', body: { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/{plainUser}' }, actors: ['globalAdmin'] },
  { name: 'assign an app', method: 'POST', path: '/v1.0/servicePrincipals/{app}/appRoleAssignedTo', body: { principalId: '{plainUser}', resourceId: '{app}', appRoleId: '00000000-0000-0000-0000-000000000000' }, actors: ['owner', 'globalAdmin'] },
  { name: 'block a user from an app', method: 'POST', path: '/v1.0/servicePrincipals/{app}/roster.blocks', body: { userId: '{member}', reason: 'mass {n}' }, actors: ['owner', 'globalAdmin'] },
  { name: 'check member groups', method: 'POST', path: '/v1.0/users/{member}/checkMemberGroups', body: { groupIds: ['{private}'] }, actors: ['plainUser', 'appReadOnly'] },
];

describeEachEngine('SECURITY #10: extra fields in write bodies', (getStorage) => {
  let world: World;
  let n = 0;
  let app = '';
  beforeAll(async () => {
    world = await buildWorld(getStorage());
    app = (await world.api.core.createApp(world.api.adminCaller, { displayName: 'Mass app', ownerIds: [world.users.owner.id] })).id;
  }, 60_000);
  afterAll(async () => { await world?.close(); });

  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => ({
    n: String(n), app, plainUser: world.users.plainUser.id, member: world.users.member.id, private: world.groups.private, request: world.requests.pendingsRequest, ownersRequest: world.requests.ownersOwnRequest,
    domain: world.users.plainUser.userPrincipalName.split('@')[1] ?? 'example.com',
  } as Record<string, string>)[key] ?? whole);

  for (const route of ROUTES) {
    it(`${route.method} ${route.path} (${route.name}): each of ${Object.keys(EXTRA_FIELDS).length} extra fields → 400 naming it, nothing changed`, async () => {
      for (const actor of route.actors) {
        for (const [field, value] of Object.entries(EXTRA_FIELDS)) {
          n++;
          const body = JSON.parse(fill(JSON.stringify({ ...route.body, [field]: value }))) as object;
          const before = await snapshot(getStorage());
          const res = await world.api.app.inject({ method: route.method, url: fill(route.path), headers: { authorization: `Bearer ${world.tokens[actor] ?? ''}` }, payload: body });
          expect(res.statusCode, `${actor} with '${field}': ${res.body.slice(0, 200)}`).toBe(400);
          expectGraphError(res.json());
          expect(res.json().error.message).toContain(`'${field}'`);
          expect(await snapshot(getStorage()), `${actor} with '${field}'`).toEqual(before);
        }
      }
      // The same body without the extra field is accepted, so the 400 above was the field's.
      n++;
      const ok = await world.api.app.inject({ method: route.method, url: fill(route.path), headers: { authorization: `Bearer ${world.tokens[route.actors[0] as ActorId] ?? ''}` }, payload: JSON.parse(fill(JSON.stringify(route.body))) as object });
      expect(ok.statusCode, ok.body.slice(0, 200)).toBeLessThan(300);
    });
  }
});
