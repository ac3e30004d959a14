// GET/PATCH /v1.0/settings through HTTP on both engines: every registry key described, reads for any
// user, writes for admins only, all or nothing, and a change takes effect on the very next request.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SETTING_KEYS } from '../src/core/domain/settings.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

describeEachEngine('Roster API: settings', (getStorage) => {
  let api: Api;
  let adminToken = '';
  let userToken = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    adminToken = await api.userToken(api.admin);
    userToken = await api.userToken(await api.newUser('Una'));
  });
  afterAll(async () => { await api.close(); });

  const call = (token: string, method: 'GET' | 'PATCH' | 'POST', url: string, payload?: unknown) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  it('a user reads every key with value, default, type, label and description', async () => {
    const res = await call(userToken, 'GET', '/v1.0/settings');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body['@odata.context']).toContain('settings/$entity');
    expect(Object.keys(body).filter((k) => !k.startsWith('@')).sort()).toEqual([...SETTING_KEYS].sort());
    expect(body.ownersCanManageJoinRequests).toMatchObject({ value: false, default: false, schema: { type: 'boolean' }, label: expect.any(String), description: expect.any(String) });
    expect(body.joinRequestExpiryDays).toMatchObject({ value: 14, default: 14, schema: { type: 'integer', minimum: 1, maximum: 365 } });
  });

  it('a non-admin may not write (403) and nothing changes', async () => {
    const res = await call(userToken, 'PATCH', '/v1.0/settings', { joinRequestExpiryDays: 3 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('Authorization_RequestDenied');
    expect((await call(userToken, 'GET', '/v1.0/settings')).json().joinRequestExpiryDays.value).toBe(14);
  });

  it('unknown keys and bad values are 400 and nothing changes, not even the valid keys beside them', async () => {
    for (const body of [{ joinRequestExpiryDays: 3, bogus: true }, { joinRequestExpiryDays: 3, maxOwnerJoinPolicy: 'wide open' }, { joinRequestExpiryDays: 0 }, { securityGroupCreationGroupId: 'not-a-uuid' }, {}]) {
      const res = await call(adminToken, 'PATCH', '/v1.0/settings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('Request_BadRequest');
    }
    expect((await call(adminToken, 'GET', '/v1.0/settings')).json().joinRequestExpiryDays.value).toBe(14);
  });

  it('an admin\'s write takes effect on the next request: owners managing requests on, then off', async () => {
    const [owner, requester] = [await api.newUser('Owner'), await api.newUser('Requester')];
    const { group } = await api.core.createGroup(api.adminCaller, { displayName: 'Finance', mailNickname: `fin${Date.now()}`, mailEnabled: false, securityEnabled: true, joinPolicy: 'approval', owners: [owner.id] });
    const requesterToken = await api.userToken(requester);
    expect((await call(requesterToken, 'POST', `/v1.0/groups/${group.id}/joinRequests`, {})).statusCode).toBe(403);
    const on = await call(adminToken, 'PATCH', '/v1.0/settings', { ownersCanManageJoinRequests: true, joinRequestExpiryDays: 7 });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ ownersCanManageJoinRequests: { value: true, default: false }, joinRequestExpiryDays: { value: 7 } });
    const created = await call(requesterToken, 'POST', `/v1.0/groups/${group.id}/joinRequests`, {});
    expect(created.statusCode).toBe(201);
    const days = (Date.parse(created.json().expiresDateTime) - Date.parse(created.json().createdDateTime)) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expect((await call(adminToken, 'PATCH', '/v1.0/settings', { ownersCanManageJoinRequests: false })).statusCode).toBe(200);
    const refused = await call(await api.userToken(owner), 'POST', `/v1.0/joinRequests/${created.json().id}/approve`, {});
    expect(refused.statusCode).toBe(403);
  });
});
