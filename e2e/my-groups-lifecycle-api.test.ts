// What My Groups reads about the caller's own groups (docs/adr/0021), through HTTP on both engines:
// owners list the groups they deleted (POST /directory/deletedItems/getUserOwnedObjects, Graph's call)
// with the restore ability from the same rule as the restore itself, and restore them; others see none
// of them. Every group read by a user carries `@roster.myMembership` — source, added and expiry dates
// of the caller's own direct membership, null otherwise — on GET /groups/{id} and /me/memberOf.
import type { User } from '../src/core/domain/model.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };
const DAY_MS = 86_400_000;
let n = 0;

interface GroupJson { id: string; deletedDateTime: string | null; '@odata.type'?: string; '@roster.abilities'?: { restore: boolean; edit: boolean }; '@roster.myMembership'?: unknown }

describeEachEngine('My Groups API: deleted groups I own, my membership', (getStorage) => {
  let api: Api;
  let adminToken = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    adminToken = await api.userToken(api.admin);
    expect((await call(adminToken, 'PATCH', '/v1.0/settings', { ownersCanManageJoinRequests: true })).statusCode).toBe(200);
  });
  afterAll(async () => { await api.close(); });

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  async function groupOwnedBy(owners: User[], joinPolicy: 'open' | 'approval' = 'open') {
    return (await api.core.createGroup(api.adminCaller, { displayName: `Team ${++n}`, mailNickname: `team${n}x${Date.now()}`, ...SECURITY, joinPolicy, owners: owners.map((o) => o.id) })).group;
  }

  const ownedDeleted = async (token: string, userId: string) => {
    const res = await call(token, 'POST', '/v1.0/directory/deletedItems/getUserOwnedObjects', { userId, type: 'Group' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { value: GroupJson[] }).value;
  };

  describe('deleted groups I own', () => {
    it('the owner lists what they deleted, with restore allowed, restores it, and it leaves the list', async () => {
      const [owner, outsider] = [await api.newUser('Owner'), await api.newUser('Outsider')];
      const [ownerToken, outsiderToken] = [await api.userToken(owner), await api.userToken(outsider)];
      const [kept, gone, other] = [await groupOwnedBy([owner]), await groupOwnedBy([owner]), await groupOwnedBy([outsider])];
      expect(await ownedDeleted(ownerToken, owner.id)).toEqual([]);
      expect((await call(ownerToken, 'DELETE', `/v1.0/groups/${gone.id}`)).statusCode).toBe(204);
      expect((await call(outsiderToken, 'DELETE', `/v1.0/groups/${other.id}`)).statusCode).toBe(204);

      const listed = await ownedDeleted(ownerToken, owner.id);
      expect(listed.map((g) => g.id)).toEqual([gone.id]);
      expect(listed[0]).toMatchObject({ '@odata.type': '#microsoft.graph.group', deletedDateTime: expect.any(String), '@roster.abilities': { restore: true, edit: false } });
      expect(listed.map((g) => g.id)).not.toContain(kept.id);

      const restored = await call(ownerToken, 'POST', `/v1.0/directory/deletedItems/${gone.id}/restore`);
      expect(restored.statusCode).toBe(200);
      expect(await ownedDeleted(ownerToken, owner.id)).toEqual([]);
      expect((await call(ownerToken, 'GET', `/v1.0/groups/${gone.id}`)).json()).toMatchObject({ id: gone.id, deletedDateTime: null });
    });

    it('someone else sees none of another owner\'s deleted groups (asking about them or themselves) and cannot restore them; an admin sees and restores', async () => {
      const [owner, outsider] = [await api.newUser('Owner'), await api.newUser('Outsider')];
      const [ownerToken, outsiderToken] = [await api.userToken(owner), await api.userToken(outsider)];
      const gone = await groupOwnedBy([owner]);
      expect((await call(ownerToken, 'DELETE', `/v1.0/groups/${gone.id}`)).statusCode).toBe(204);
      expect(await ownedDeleted(outsiderToken, owner.id)).toEqual([]);
      expect(await ownedDeleted(outsiderToken, outsider.id)).toEqual([]);
      expect((await call(outsiderToken, 'POST', `/v1.0/directory/deletedItems/${gone.id}/restore`)).statusCode).toBe(404);

      const seenByAdmin = await ownedDeleted(adminToken, owner.id);
      expect(seenByAdmin.map((g) => g.id)).toEqual([gone.id]);
      expect(seenByAdmin[0]?.['@roster.abilities']?.restore).toBe(true);
    });

    it('an unknown user is 404; only type Group is accepted; the body is strict', async () => {
      const ann = await api.newUser('Ann');
      const token = await api.userToken(ann);
      const unknown = await call(token, 'POST', '/v1.0/directory/deletedItems/getUserOwnedObjects', { userId: '00000000-0000-4000-8000-000000000000', type: 'Group' });
      expect(unknown.statusCode).toBe(404);
      for (const body of [{ userId: ann.id, type: 'Application' }, { userId: ann.id }, { userId: ann.id, type: 'Group', extra: 1 }]) {
        expect((await call(token, 'POST', '/v1.0/directory/deletedItems/getUserOwnedObjects', body)).statusCode, JSON.stringify(body)).toBe(400);
      }
    });

    it('the route is in the OpenAPI document', async () => {
      const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/v1.0/directory/deletedItems/getUserOwnedObjects');
    });
  });

  describe('@roster.myMembership', () => {
    it('a time-bound membership from an approved request carries its expiry on the group and on memberOf; an open join has none; a non-member reads null', async () => {
      const [owner, requester, joiner, outsider] = [await api.newUser('Owner'), await api.newUser('Requester'), await api.newUser('Joiner'), await api.newUser('Outsider')];
      const tokens = { owner: await api.userToken(owner), requester: await api.userToken(requester), joiner: await api.userToken(joiner), outsider: await api.userToken(outsider) };
      const approval = await groupOwnedBy([owner], 'approval');
      const open = await groupOwnedBy([owner], 'open');

      const created = await call(tokens.requester, 'POST', `/v1.0/groups/${approval.id}/joinRequests`, { justification: 'quarter close', requestedDurationDays: 10 });
      expect(created.statusCode).toBe(201);
      const approved = await call(tokens.owner, 'POST', `/v1.0/joinRequests/${created.json().id as string}/approve`, {});
      expect(approved.statusCode, approved.body).toBe(200);
      const decided = Date.parse(approved.json().decidedDateTime as string);

      const mine = (await call(tokens.requester, 'GET', `/v1.0/groups/${approval.id}`)).json() as GroupJson;
      const membership = mine['@roster.myMembership'] as { source: string; addedDateTime: string; expiresDateTime: string };
      expect(membership).toEqual({ source: 'request', addedDateTime: expect.any(String), expiresDateTime: expect.any(String) });
      expect(Date.parse(membership.expiresDateTime) - decided).toBe(10 * DAY_MS);

      const listed = (await call(tokens.requester, 'GET', '/v1.0/me/memberOf')).json() as { value: GroupJson[] };
      expect(listed.value.find((g) => g.id === approval.id)?.['@roster.myMembership']).toEqual(membership);

      expect((await call(tokens.joiner, 'POST', `/v1.0/groups/${open.id}/join`, {})).statusCode).toBe(204);
      expect((await call(tokens.joiner, 'GET', `/v1.0/groups/${open.id}`)).json()['@roster.myMembership']).toEqual({ source: 'join', addedDateTime: expect.any(String), expiresDateTime: null });

      // Owners who are not members, and outsiders, read null: the annotation is about the caller only.
      expect((await call(tokens.outsider, 'GET', `/v1.0/groups/${approval.id}`)).json()['@roster.myMembership']).toBeNull();
      expect((await call(tokens.owner, 'GET', `/v1.0/groups/${approval.id}`)).json()['@roster.myMembership']).toBeNull();
    });

    it('apps get Graph\'s plain group, without Roster\'s caller annotations', async () => {
      const owner = await api.newUser('Owner');
      const group = await groupOwnedBy([owner]);
      const app = await api.appToken(['Group.Read.All']);
      const json = (await call(app, 'GET', `/v1.0/groups/${group.id}`)).json() as Record<string, unknown>;
      expect(json).not.toHaveProperty('@roster.myMembership');
      expect(json).not.toHaveProperty('@roster.abilities');
    });
  });
});
