// JSON bodies are typed strictly, as in Graph: a value of the wrong JSON type ("true" for a boolean, "5"
// for a number, a lone string for an array, a number for a string) is a 400 with the Graph envelope and
// changes nothing — query strings and path parameters keep their text-to-type coercion.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import type { ActorId } from './table.js';
import { buildWorld, expectGraphError, snapshot, type World } from './world.js';

interface TypedRoute {
  name: string;
  method: 'POST' | 'PATCH';
  path: string;
  /** Bodies whose values have the wrong JSON type (each would pass with type coercion). */
  wrong: Record<string, unknown>[];
  /** The same fields with the right types: accepted, so the 400s were the types'. */
  right: Record<string, unknown>;
  actor: ActorId;
}

const ROUTES: TypedRoute[] = [
  {
    name: 'create a group', method: 'POST', path: '/v1.0/groups', actor: 'globalAdmin',
    wrong: [
      { displayName: 'Typed {n}', mailNickname: 'typed{n}', mailEnabled: false, securityEnabled: 'true' },
      { displayName: 'Typed {n}', mailNickname: 'typed{n}', mailEnabled: 'false', securityEnabled: true },
      { displayName: 'Typed {n}', mailNickname: 'typed{n}', mailEnabled: 0, securityEnabled: true },
      { displayName: 5, mailNickname: 'typed{n}', mailEnabled: false, securityEnabled: true },
      { displayName: 'Typed {n}', mailNickname: 'typed{n}', mailEnabled: true, securityEnabled: false, groupTypes: 'Unified' },
      { displayName: 'Typed {n}', mailNickname: 'typed{n}', mailEnabled: false, securityEnabled: true, isAssignableToRole: 'false' },
    ],
    right: { displayName: 'Typed {n}', mailNickname: 'typed{n}', mailEnabled: false, securityEnabled: true },
  },
  {
    name: 'update a group', method: 'PATCH', path: '/v1.0/groups/{private}', actor: 'owner',
    wrong: [{ description: 5 }, { displayName: true }, { classification: 12 }, { 'members@odata.bind': 'https://graph.microsoft.com/v1.0/directoryObjects/{plainUser}' }],
    right: { description: 'typed {n}' },
  },
  {
    name: 'approve a request', method: 'POST', path: '/v1.0/joinRequests/{request}/approve', actor: 'coOwner',
    wrong: [{ membershipDurationDays: '30' }, { reason: 5 }, { membershipDurationDays: true }],
    right: { reason: 'welcome', membershipDurationDays: 30 },
  },
  {
    name: 'deny a request', method: 'POST', path: '/v1.0/joinRequests/{ownersRequest}/deny', actor: 'coOwner',
    wrong: [{ reason: 5 }, { reason: false }],
    right: { reason: 'no' },
  },
  {
    name: 'change settings', method: 'PATCH', path: '/v1.0/settings', actor: 'globalAdmin',
    wrong: [{ restrictMyGroups: 'true' }, { joinRequestExpiryDays: '30' }, { ownersCanDeleteGroups: 1 }, { maxMembershipDurationDays: '90' }],
    right: { restrictMyGroups: false, joinRequestExpiryDays: 30 },
  },
  {
    name: 'authorization policy', method: 'PATCH', path: '/v1.0/policies/authorizationPolicy', actor: 'globalAdmin',
    wrong: [{ defaultUserRolePermissions: { allowedToCreateSecurityGroups: 'true' } }],
    right: { defaultUserRolePermissions: { allowedToCreateSecurityGroups: true } },
  },
  {
    name: 'check member groups', method: 'POST', path: '/v1.0/users/{member}/checkMemberGroups', actor: 'plainUser',
    wrong: [{ groupIds: '{private}' }, { groupIds: [5] }],
    right: { groupIds: ['{private}'] },
  },
  {
    name: 'get member groups', method: 'POST', path: '/v1.0/users/{member}/getMemberGroups', actor: 'plainUser',
    wrong: [{ securityEnabledOnly: 'true' }, { securityEnabledOnly: 1 }],
    right: { securityEnabledOnly: true },
  },
];

describeEachEngine('Strict JSON body types (no coercion)', (getStorage) => {
  let world: World;
  let n = 0;
  beforeAll(async () => { world = await buildWorld(getStorage()); }, 60_000);
  afterAll(async () => { await world?.close(); });

  const fill = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(/\{(\w+)\}/g, (whole, key: string) => ({
    n: String(n), plainUser: world.users.plainUser.id, member: world.users.member.id, private: world.groups.private,
    request: world.requests.pendingsRequest, ownersRequest: world.requests.ownersOwnRequest,
  } as Record<string, string>)[key] ?? whole));
  const send = (route: TypedRoute, body: unknown) => world.api.app.inject({
    method: route.method, url: fill(route.path) as string, headers: { authorization: `Bearer ${world.tokens[route.actor] ?? ''}` }, payload: body as object,
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.path} (${route.name}): ${route.wrong.length} wrong-type bodies → 400 Request_BadRequest, nothing changed`, async () => {
      for (const wrong of route.wrong) {
        n++;
        const before = await snapshot(getStorage());
        const res = await send(route, fill(wrong));
        expect(res.statusCode, `${JSON.stringify(wrong)}: ${res.body.slice(0, 200)}`).toBe(400);
        expectGraphError(res.json());
        expect(res.json().error.code).toBe('Request_BadRequest');
        expect(await snapshot(getStorage()), JSON.stringify(wrong)).toEqual(before);
      }
      n++;
      const ok = await send(route, fill(route.right));
      expect(ok.statusCode, ok.body.slice(0, 200)).toBeLessThan(300);
    });
  }
});
