// GET /v1.0/me/ownedObjects(/microsoft.graph.group): the groups I own with my abilities, paged; none for
// a member who owns nothing; /me is refused to an app, and anonymous is 401. On both engines.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

describeEachEngine('Roster API: /me/ownedObjects', (getStorage) => {
  let api: Api;
  let ownerToken = '';
  let memberToken = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    const [owner, member] = [await api.newUser('Olga Owner'), await api.newUser('Max Member')];
    ownerToken = await api.userToken(owner);
    memberToken = await api.userToken(member);
    for (const name of ['Beta', 'Alpha', 'Gamma']) {
      const res = await api.app.inject({ method: 'POST', url: '/v1.0/groups', headers: { authorization: `Bearer ${ownerToken}` },
        payload: { displayName: name, mailEnabled: false, securityEnabled: true, mailNickname: name.toLowerCase(), 'members@odata.bind': [`https://graph.microsoft.com/v1.0/directoryObjects/${member.id}`] } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => api.close());

  const get = (url: string, token?: string) => api.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lists the groups I own, by name, with my abilities; pages with a signed nextLink', async () => {
    const first = await get('/v1.0/me/ownedObjects?$top=2', ownerToken);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.value.map((g: { displayName: string }) => g.displayName)).toEqual(['Alpha', 'Beta']);
    expect(body.value[0]).toMatchObject({ '@odata.type': '#microsoft.graph.group', '@roster.abilities': { edit: true, manageMembers: true } });
    const next = new URL(body['@odata.nextLink']);
    const second = await get(`${next.pathname}${next.search}`, ownerToken);
    expect(second.json().value.map((g: { displayName: string }) => g.displayName)).toEqual(['Gamma']);
    expect(second.json()['@odata.nextLink']).toBeUndefined();
    const typed = await get('/v1.0/me/ownedObjects/microsoft.graph.group', ownerToken);
    expect(typed.json().value).toHaveLength(3);
    expect(typed.json().value[0]['@odata.type']).toBeUndefined();
  });

  it('is empty for a member who owns nothing; refused to apps (400) and anonymous callers (401)', async () => {
    expect((await get('/v1.0/me/ownedObjects', memberToken)).json().value).toEqual([]);
    expect((await get('/v1.0/me/ownedObjects', await api.appToken(['Group.Read.All']))).statusCode).toBe(400);
    expect((await get('/v1.0/me/ownedObjects')).statusCode).toBe(401);
    expect((await get('/v1.0/me/ownedObjects?$top=0', ownerToken)).statusCode).toBe(400);
  });
});
