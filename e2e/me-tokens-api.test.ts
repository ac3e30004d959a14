// /v1.0/me/tokens and /v1.0/users/{id}/tokens through HTTP on both engines (docs/adr/0013): the owner,
// another user, administrators, an app, anonymous and another tenant's user; strict bodies; a revoked
// token is refused on its next call; and every denial leaves the tokens and users as they were.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/core/domain/model.js';
import type { Storage } from '../src/storage/open-storage.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

type Method = 'GET' | 'POST' | 'DELETE';

/** The rows a denial must not touch: every token and every user (audit events are expected to grow). */
async function snapshot(storage: Storage): Promise<string[]> {
  const rows: string[] = [];
  for (const table of ['access_tokens', 'users'] as const) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const found = await (storage.db as any).selectFrom(table).selectAll().execute() as unknown[];
    rows.push(...found.map((r) => `${table} ${JSON.stringify(r)}`));
  }
  return rows.sort();
}

function expectEnvelope(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toMatchObject({ error: { code, message: expect.any(String), innerError: { 'request-id': expect.any(String), date: expect.any(String) } } });
}

describeEachEngine('Roster API: user tokens', (getStorage) => {
  let api: Api;
  let ann: User;
  let bob: User;
  let annToken = '';
  let bobToken = '';
  let adminToken = '';
  let userAdminToken = '';
  let groupsAdminToken = '';
  let appToken = '';
  let otherTenantToken = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    [ann, bob] = [await api.newUser('Ann'), await api.newUser('Bob')];
    [annToken, bobToken, adminToken] = [await api.userToken(ann), await api.userToken(bob), await api.userToken(api.admin)];
    userAdminToken = await api.userToken(await api.newUser('Uma', ['userAdmin']));
    groupsAdminToken = await api.userToken(await api.newUser('Gina', ['groupsAdmin']));
    appToken = await api.appToken(['User.ReadWrite.All', 'Directory.Read.All']);
    const other = await api.core.bootstrapTenant({ tenantName: 'Fabrikam', admin: { userPrincipalName: `admin@fabrikam${Date.now()}.example`, displayName: 'Fay', password: 'correct horse battery' } });
    otherTenantToken = (await api.core.createUserToken({ tenantId: other.tenant.id, principal: { type: 'system' }, channel: 'api' }, { userId: other.admin.id })).accessToken;
  });
  afterAll(async () => { await api.close(); });

  const call = (token: string | null, method: Method, url: string, payload?: unknown) => api.app.inject({
    method, url,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  /** A fresh token of Ann's, made through the API itself. */
  const annCreates = async (body: object = { days: 5 }) => {
    const res = await call(annToken, 'POST', '/v1.0/me/tokens', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; secretText: string; expiresDateTime: string };
  };
  /** Runs a call that must be refused and checks that nothing changed. */
  const refused = async (token: string | null, method: Method, url: string, status: number, code: string, payload?: unknown) => {
    const before = await snapshot(getStorage());
    expectEnvelope(await call(token, method, url, payload), status, code);
    expect(await snapshot(getStorage()), `${method} ${url}`).toEqual(before);
  };

  describe('the owner', () => {
    it('creates a token (201, secret shown once), uses it, sees it listed without any secret, and revokes it', async () => {
      const created = await call(annToken, 'POST', '/v1.0/me/tokens', { description: 'backup script', days: 7 });
      expect(created.statusCode, created.body).toBe(201);
      const token = created.json();
      expect(token).toMatchObject({ '@odata.context': expect.stringContaining('/v1.0/$metadata#tokens/$entity'), userId: ann.id, description: 'backup script', status: 'active', revokedDateTime: null, secretText: expect.stringMatching(/^rst1\./) });
      expect(Math.round((Date.parse(token.expiresDateTime) - Date.parse(token.createdDateTime)) / 86_400_000)).toBe(7);
      expect((await call(token.secretText, 'GET', '/v1.0/me')).json().id).toBe(ann.id);

      const listed = await call(annToken, 'GET', '/v1.0/me/tokens');
      expect(listed.statusCode).toBe(200);
      const mine = listed.json().value as Array<Record<string, unknown>>;
      expect(mine.find((t) => t['id'] === token.id)).toEqual({ id: token.id, userId: ann.id, description: 'backup script', createdDateTime: token.createdDateTime, expiresDateTime: token.expiresDateTime, revokedDateTime: null, status: 'active' });
      const secretPart = String(token.secretText).split('.')[3] ?? '';
      expect(listed.body).not.toContain(secretPart);
      expect(listed.body).not.toMatch(/secret|hash/i);

      expect((await call(annToken, 'DELETE', `/v1.0/me/tokens/${token.id}`)).statusCode).toBe(204);
      const after = (await call(annToken, 'GET', '/v1.0/me/tokens')).json().value as Array<Record<string, unknown>>;
      expect(after.find((t) => t['id'] === token.id)).toMatchObject({ status: 'revoked', revokedDateTime: expect.any(String) });
    });

    it('a revoked token gets 401 with the Graph envelope on its very next call; revoking it again is 204 and changes nothing', async () => {
      const token = await annCreates();
      expect((await call(token.secretText, 'GET', '/v1.0/me/tokens')).statusCode).toBe(200);
      expect((await call(annToken, 'DELETE', `/v1.0/me/tokens/${token.id}`)).statusCode).toBe(204);
      const res = await call(token.secretText, 'GET', '/v1.0/me/tokens');
      expectEnvelope(res, 401, 'InvalidAuthenticationToken');
      expect(res.headers['www-authenticate']).toBe('Bearer');
      const before = await snapshot(getStorage());
      expect((await call(annToken, 'DELETE', `/v1.0/me/tokens/${token.id}`)).statusCode).toBe(204);
      expect(await snapshot(getStorage())).toEqual(before);
    });

    it('a token cannot mint one that outlives it: asking for longer is 403, the default is cut to its expiry', async () => {
      const short = await annCreates({ days: 2 });
      await refused(short.secretText, 'POST', '/v1.0/me/tokens', 403, 'Authorization_RequestDenied', { days: 3 });
      const child = await call(short.secretText, 'POST', '/v1.0/me/tokens', {});
      expect(child.statusCode).toBe(201);
      expect(child.json().expiresDateTime).toBe(short.expiresDateTime);
      const noBody = await api.app.inject({ method: 'POST', url: '/v1.0/me/tokens', headers: { authorization: `Bearer ${short.secretText}` } });
      expect(noBody.statusCode, noBody.body).toBe(201);
      expect(noBody.json().expiresDateTime).toBe(short.expiresDateTime);
    });

    it('strict bodies: an unknown field, days 0 or 91, a description over 256 → 400 and nothing is created', async () => {
      for (const body of [{ days: 5, userId: bob.id }, { days: 5, expiresDateTime: '2099-01-01T00:00:00Z' }, { days: 0 }, { days: 91 }, { days: 1.5 }, { description: 'x'.repeat(257) }]) {
        await refused(annToken, 'POST', '/v1.0/me/tokens', 400, 'Request_BadRequest', body);
      }
      await refused(annToken, 'GET', '/v1.0/me/tokens?$filter=status eq \'active\'', 400, 'Request_BadRequest');
    });
  });

  describe('everyone else', () => {
    it('another user: Ann\'s token id is 404 through /me and /users, her list is 403, nothing changes', async () => {
      const token = await annCreates();
      await refused(bobToken, 'DELETE', `/v1.0/me/tokens/${token.id}`, 404, 'Request_ResourceNotFound');
      await refused(bobToken, 'DELETE', `/v1.0/users/${ann.id}/tokens/${token.id}`, 404, 'Request_ResourceNotFound');
      await refused(bobToken, 'DELETE', `/v1.0/users/${bob.id}/tokens/${token.id}`, 404, 'Request_ResourceNotFound');
      await refused(bobToken, 'GET', `/v1.0/users/${ann.id}/tokens`, 403, 'Authorization_RequestDenied');
      expect(((await call(bobToken, 'GET', '/v1.0/me/tokens')).json().value as Array<{ id: string }>).map((t) => t.id)).not.toContain(token.id);
      expect((await call(token.secretText, 'GET', '/v1.0/me')).statusCode).toBe(200);
    });

    it('a global admin and a user admin list and revoke Ann\'s tokens under /users/{id}; through their own /me it is 404', async () => {
      for (const admin of [adminToken, userAdminToken]) {
        const token = await annCreates();
        await refused(admin, 'DELETE', `/v1.0/me/tokens/${token.id}`, 404, 'Request_ResourceNotFound');
        const listed = await call(admin, 'GET', `/v1.0/users/${ann.id}/tokens`);
        expect(listed.statusCode).toBe(200);
        expect((listed.json().value as Array<{ id: string }>).map((t) => t.id)).toContain(token.id);
        expect(listed.body).not.toContain(token.secretText.split('.')[3] ?? '');
        expect((await call(admin, 'DELETE', `/v1.0/users/${ann.id}/tokens/${token.id}`)).statusCode).toBe(204);
        expectEnvelope(await call(token.secretText, 'GET', '/v1.0/me'), 401, 'InvalidAuthenticationToken');
      }
    });

    it('a user admin cannot see or revoke a global admin\'s tokens; a groups admin nobody else\'s', async () => {
      const adminOwn = (await call(adminToken, 'POST', '/v1.0/me/tokens', { days: 1 })).json() as { id: string };
      await refused(userAdminToken, 'GET', `/v1.0/users/${api.admin.id}/tokens`, 403, 'Authorization_RequestDenied');
      await refused(userAdminToken, 'DELETE', `/v1.0/users/${api.admin.id}/tokens/${adminOwn.id}`, 404, 'Request_ResourceNotFound');
      const token = await annCreates();
      await refused(groupsAdminToken, 'GET', `/v1.0/users/${ann.id}/tokens`, 403, 'Authorization_RequestDenied');
      await refused(groupsAdminToken, 'DELETE', `/v1.0/users/${ann.id}/tokens/${token.id}`, 404, 'Request_ResourceNotFound');
    });

    it('an app gets the /me answer (400) on /me/tokens and is refused on /users/{id}/tokens', async () => {
      const token = await annCreates();
      await refused(appToken, 'GET', '/v1.0/me/tokens', 400, 'BadRequest');
      await refused(appToken, 'POST', '/v1.0/me/tokens', 400, 'BadRequest', { days: 1 });
      await refused(appToken, 'DELETE', `/v1.0/me/tokens/${token.id}`, 400, 'BadRequest');
      expectEnvelope(await call(appToken, 'GET', '/v1.0/me/joinRequests'), 400, 'BadRequest');
      await refused(appToken, 'GET', `/v1.0/users/${ann.id}/tokens`, 403, 'Authorization_RequestDenied');
      await refused(appToken, 'DELETE', `/v1.0/users/${ann.id}/tokens/${token.id}`, 404, 'Request_ResourceNotFound');
    });

    it('anonymous and malformed bearers get 401 everywhere, before the body is read', async () => {
      const token = await annCreates();
      for (const auth of [null, 'not-a-token']) {
        await refused(auth, 'GET', '/v1.0/me/tokens', 401, 'InvalidAuthenticationToken');
        await refused(auth, 'POST', '/v1.0/me/tokens', 401, 'InvalidAuthenticationToken', { bogus: 1 });
        await refused(auth, 'DELETE', `/v1.0/me/tokens/${token.id}`, 401, 'InvalidAuthenticationToken');
        await refused(auth, 'GET', `/v1.0/users/${ann.id}/tokens`, 401, 'InvalidAuthenticationToken');
        await refused(auth, 'DELETE', `/v1.0/users/${ann.id}/tokens/${token.id}`, 401, 'InvalidAuthenticationToken');
      }
    });

    it('another tenant\'s user: Ann and her token do not exist there (404), nothing changes', async () => {
      const token = await annCreates();
      await refused(otherTenantToken, 'DELETE', `/v1.0/me/tokens/${token.id}`, 404, 'Request_ResourceNotFound');
      await refused(otherTenantToken, 'GET', `/v1.0/users/${ann.id}/tokens`, 404, 'Request_ResourceNotFound');
      await refused(otherTenantToken, 'DELETE', `/v1.0/users/${ann.id}/tokens/${token.id}`, 404, 'Request_ResourceNotFound');
      expect(((await call(otherTenantToken, 'GET', '/v1.0/me/tokens')).json().value as Array<{ id: string }>).map((t) => t.id)).not.toContain(token.id);
    });
  });

  it('the routes and their strict body are in /openapi.json under the tokens tag', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1.0/me/tokens', '/v1.0/me/tokens/{id}', '/v1.0/users/{id}/tokens', '/v1.0/users/{id}/tokens/{tokenId}']));
    const post = doc.paths['/v1.0/me/tokens'].post;
    expect(post.tags).toEqual(['tokens']);
    expect(post.requestBody.content['application/json'].schema).toMatchObject({ additionalProperties: false, properties: { days: { minimum: 1, maximum: 90 } } });
  });
});
