// POST /v1.0/$batch through Fastify's inject on both engines: items run as the caller (same
// authentication and authorization as direct calls), dependsOn and 424, the limit of 20, item URLs
// relative to /v1.0 only, strict schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };
const JSON_HEADERS = { 'Content-Type': 'application/json' };

interface ItemResponse { id: string; status: number; headers: Record<string, string>; body?: { error?: { code: string } } & Record<string, unknown> }

describeEachEngine('Graph JSON batching', (getStorage) => {
  let api: Api;
  beforeAll(async () => { api = await startApi(getStorage(), { https: false }); });
  afterAll(async () => { await api.close(); });

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const batch = (token: string, body: unknown) => call(token, 'POST', '/v1.0/$batch', body);
  const byId = (responses: ItemResponse[]) => Object.fromEntries(responses.map((r) => [r.id, r]));
  const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

  async function ownedGroup(ownerToken: string, name: string) {
    const res = await call(ownerToken, 'POST', '/v1.0/groups', { displayName: name, mailNickname: `${name.toLowerCase()}${Date.now()}${Math.random().toString(36).slice(2, 6)}`, ...SECURITY });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  }

  describe('items', () => {
    it('creates a group and then adds a member (dependsOn), answering in request order', async () => {
      const owner = await api.newUser('Owner');
      const ann = await api.newUser('Ann');
      const token = await api.userToken(owner);
      const existing = await ownedGroup(token, 'Existing');
      const res = await batch(token, {
        requests: [
          { id: '1', method: 'POST', url: '/groups', headers: JSON_HEADERS, body: { displayName: 'Batched', mailNickname: `batched${Date.now()}`, ...SECURITY } },
          { id: '2', method: 'POST', url: `/groups/${existing.id}/members/$ref`, headers: JSON_HEADERS, body: ref(ann.id), dependsOn: ['1'] },
          { id: '3', method: 'GET', url: `groups/${existing.id}/members?$top=5`, dependsOn: ['2'] },
        ],
      });
      expect(res.statusCode).toBe(200);
      const responses = res.json().responses as ItemResponse[];
      expect(responses.map((r) => r.id)).toEqual(['1', '2', '3']);
      expect(responses[0]).toMatchObject({ status: 201, body: { displayName: 'Batched' }, headers: { 'Content-Type': expect.stringContaining('application/json') } });
      expect(responses[1]).toMatchObject({ status: 204 });
      expect(responses[1]).not.toHaveProperty('body');
      expect(responses[2]?.status).toBe(200);
      expect((responses[2]?.body?.['value'] as Array<{ id: string }>).map((m) => m.id)).toContain(ann.id);
      // The effects are real: the same reads directly.
      const direct = await call(token, 'GET', `/v1.0/groups/${(responses[0]?.body as { id: string }).id}`);
      expect(direct.statusCode).toBe(200);
    });

    it('a denied item sits next to successful ones, and a failed dependency is 424', async () => {
      const owner = await api.newUser('Owner');
      const outsider = await api.newUser('Outsider');
      const group = await ownedGroup(await api.userToken(owner), 'Private');
      const token = await api.userToken(outsider);
      const res = await batch(token, {
        requests: [
          { id: 'me', method: 'GET', url: '/me' },
          { id: 'delete', method: 'DELETE', url: `/groups/${group.id}` },
          { id: 'after', method: 'GET', url: '/me', dependsOn: ['delete'] },
          { id: 'chain', method: 'GET', url: '/me', dependsOn: ['after'] },
          { id: 'groups', method: 'GET', url: 'groups' },
        ],
      });
      expect(res.statusCode).toBe(200);
      const r = byId(res.json().responses as ItemResponse[]);
      expect(r['me']).toMatchObject({ status: 200, body: { id: outsider.id } });
      expect([403, 404]).toContain(r['delete']?.status);
      expect(r['after']).toMatchObject({ status: 424, body: { error: { code: 'FailedDependency' } } });
      expect(r['chain']?.status).toBe(424);
      expect(r['groups']?.status).toBe(200);
      expect((await call(await api.userToken(owner), 'GET', `/v1.0/groups/${group.id}`)).statusCode).toBe(200);
    });

    it('authorizes each item as the caller: a user token gets the same answer through $batch as directly', async () => {
      const owner = await api.newUser('Owner');
      const user = await api.newUser('Plain');
      const group = await ownedGroup(await api.userToken(owner), 'Guarded');
      const token = await api.userToken(user);
      const rows: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown }> = [
        { method: 'PATCH', url: `/groups/${group.id}`, body: { displayName: 'Hijacked' } },
        { method: 'POST', url: `/groups/${group.id}/owners/$ref`, body: ref(user.id) },
        { method: 'PATCH', url: '/policies/authorizationPolicy', body: { defaultUserRolePermissions: { allowedToCreateSecurityGroups: false } } },
        { method: 'DELETE', url: `/users/${owner.id}` },
        { method: 'GET', url: `/groups/${group.id}` },
      ];
      for (const row of rows) {
        const direct = await call(token, row.method, `/v1.0${row.url}`, row.body);
        if (row.method !== 'GET') expect([403, 404], `${row.method} ${row.url} directly`).toContain(direct.statusCode);
        const res = await batch(token, { requests: [{ id: 'x', method: row.method, url: row.url, ...(row.body !== undefined ? { headers: JSON_HEADERS, body: row.body } : {}) }] });
        expect(res.statusCode).toBe(200);
        const item = (res.json().responses as ItemResponse[])[0];
        expect(item?.status, `${row.method} ${row.url}`).toBe(direct.statusCode);
        if (direct.statusCode >= 400) expect(item?.body?.error?.code).toBe(direct.json().error.code);
      }
      expect((await call(await api.userToken(owner), 'GET', `/v1.0/groups/${group.id}`)).json()).toMatchObject({ displayName: 'Guarded' });
    });

    it('refuses an item with an absolute URL, another version, .., a nested $batch or its own Authorization (400 items)', async () => {
      const token = await api.userToken(await api.newUser('Ann'));
      const urls = ['https://graph.microsoft.com/v1.0/me', '//evil.example/v1.0/me', '/v1.0/me', 'beta/me', '/groups/../../healthz', '/groups/%2e%2e/%2e%2e/healthz', '$batch', 'me\\..\\x'];
      const res = await batch(token, {
        requests: [
          ...urls.map((url, i) => ({ id: `u${i}`, method: 'GET', url })),
          { id: 'auth', method: 'GET', url: '/me', headers: { Authorization: 'Bearer someone-else' } },
          { id: 'nobodytype', method: 'POST', url: '/groups', body: { displayName: 'x' } },
          { id: 'ok', method: 'GET', url: '/me' },
        ],
      });
      expect(res.statusCode).toBe(200);
      const r = byId(res.json().responses as ItemResponse[]);
      for (let i = 0; i < urls.length; i++) expect(r[`u${i}`], urls[i]).toMatchObject({ status: 400, body: { error: { code: 'Request_BadRequest' } } });
      expect(r['auth']?.status).toBe(400);
      expect(r['nobodytype']?.status).toBe(400);
      expect(r['ok']?.status).toBe(200);
    });
  });

  describe('the batch itself', () => {
    it('21 requests, duplicate ids, a forward dependsOn and unknown fields are 400; no token is 401', async () => {
      const token = await api.userToken(await api.newUser('Ann'));
      const me = (id: string) => ({ id, method: 'GET', url: '/me' });
      const cases: unknown[] = [
        { requests: Array.from({ length: 21 }, (_, i) => me(String(i))) },
        { requests: [me('a'), me('a')] },
        { requests: [me('a'), me('A')] },
        { requests: [{ ...me('a'), dependsOn: ['b'] }, me('b')] },
        { requests: [me('a')], extra: true },
        { requests: [{ ...me('a'), atomicityGroup: 'g' }] },
        { requests: [] },
        {},
      ];
      for (const body of cases) {
        const res = await batch(token, body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.json().error.code).toBe('Request_BadRequest');
      }
      const twenty = await batch(token, { requests: Array.from({ length: 20 }, (_, i) => me(String(i))) });
      expect(twenty.statusCode).toBe(200);
      expect((twenty.json().responses as ItemResponse[]).every((r) => r.status === 200)).toBe(true);
      const anonymous = await api.app.inject({ method: 'POST', url: '/v1.0/$batch', payload: { requests: [me('a')] } });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});

describeEachEngine('Graph JSON batching rate limits', (getStorage) => {
  let api: Api;
  beforeAll(async () => { api = await startApi(getStorage(), { https: false, rateLimitPerMinute: 4 }); });
  afterAll(async () => { await api.close(); });

  it('counts the batch once and each item through the normal limit', async () => {
    const token = await api.userToken(await api.newUser('Ann'));
    const res = await api.app.inject({
      method: 'POST', url: '/v1.0/$batch', headers: { authorization: `Bearer ${token}` },
      payload: { requests: Array.from({ length: 5 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json().responses as ItemResponse[]).map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
  });
});
