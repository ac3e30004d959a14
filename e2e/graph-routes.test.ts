// The Graph API through Fastify's inject on both engines: authentication (401 + WWW-Authenticate),
// the token endpoint, groups and members with Graph's status codes, strict schemas, §3.9 scoping,
// tamper-proof paging, 429 and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };

describeEachEngine('Graph API routes', (getStorage) => {
  let api: Api;
  beforeAll(async () => { api = await startApi(getStorage(), { https: false }); });
  afterAll(async () => { await api.close(); });

  const call = (token: string | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    api.app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

  describe('authentication', () => {
    it('refuses missing, Basic, malformed, query-string, revoked and other-tenant tokens with 401 and WWW-Authenticate', async () => {
      const ann = await api.newUser('Ann');
      const good = await api.userToken(ann);
      const revoked = await api.core.createUserToken({ tenantId: api.tenantId, principal: { type: 'system' }, channel: 'api' }, { userId: ann.id });
      await api.core.revokeToken(api.adminCaller, { tokenId: revoked.token.id });
      const otherTenant = good.replace(api.tenantId, '00000000-0000-4000-8000-000000000000');
      const cases: Array<Record<string, string>> = [
        {}, { authorization: 'Basic YTpi' }, { authorization: 'Bearer' }, { authorization: 'Bearer not-a-token' },
        { authorization: `Bearer ${revoked.accessToken}` }, { authorization: `Bearer ${otherTenant}` },
      ];
      for (const headers of cases) {
        const res = await api.app.inject({ method: 'GET', url: '/v1.0/me', headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.json().error).toMatchObject({ code: 'InvalidAuthenticationToken', innerError: { 'request-id': expect.any(String) } });
      }
      const inQuery = await api.app.inject({ method: 'GET', url: `/v1.0/me?access_token=${good}` });
      expect(inQuery.statusCode).toBe(401);
      const me = await call(good, 'GET', '/v1.0/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ id: ann.id, userPrincipalName: ann.userPrincipalName, '@odata.context': expect.stringContaining('$metadata#users/$entity') });
    });

    it('the token endpoint speaks OAuth: a token for the right secret, invalid_client, unsupported_grant_type, invalid_scope', async () => {
      const { clientId, clientSecret } = await api.newClient(['Group.Read.All']);
      const form = (fields: Record<string, string>) => ({ method: 'POST' as const, url: `/${api.tenantId}/oauth2/v2.0/token`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
      const base = { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'https://graph.microsoft.com/.default' };
      const ok = await api.app.inject(form(base));
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3599, access_token: expect.stringMatching(/^rst1\./) });
      expect((await call(ok.json().access_token, 'GET', '/v1.0/groups')).statusCode).toBe(200);
      const bad = await api.app.inject(form({ ...base, client_secret: 'wrong' }));
      expect(bad.statusCode).toBe(401);
      expect(bad.json().error).toBe('invalid_client');
      expect((await api.app.inject(form({ ...base, grant_type: 'password' }))).json().error).toBe('unsupported_grant_type');
      expect((await api.app.inject(form({ ...base, scope: 'Group.Read.All' }))).json().error).toBe('invalid_scope');
      const noTenant = await api.app.inject({ ...form(base), url: '/oauth2/v2.0/token' });
      expect(noTenant.statusCode).toBe(200);
    });
  });

  describe('groups and members', () => {
    it('creates with api defaults and owners@odata.bind; users see @roster.abilities, apps do not', async () => {
      const owner = await api.newUser('Owner');
      const app = await api.appToken(['Group.ReadWrite.All']);
      const created = await call(app, 'POST', '/v1.0/groups', {
        displayName: 'Payroll', mailNickname: 'payroll', ...SECURITY, 'owners@odata.bind': [`https://graph.microsoft.com/v1.0/users/${owner.id}`],
      });
      expect(created.statusCode).toBe(201);
      const group = created.json();
      expect(group).toMatchObject({ displayName: 'Payroll', visibility: 'Private', securityEnabled: true, groupTypes: [], '@odata.context': expect.stringContaining('groups/$entity') });
      expect(group).not.toHaveProperty('@roster.abilities');
      const asOwner = await call(await api.userToken(owner), 'GET', `/v1.0/groups/${group.id}`);
      expect(asOwner.json()).toMatchObject({ '@roster.joinPolicy': 'closed', '@roster.abilities': { manageMembers: true, join: false } });
    });

    it('members/$ref: 204, duplicate 400 with Graph\'s message, unknown 404, remove 204; owners likewise', async () => {
      const owner = await api.newUser('Owner');
      const [ann, bob] = [await api.newUser('Ann'), await api.newUser('Bob')];
      const token = await api.userToken(owner);
      const group = (await call(token, 'POST', '/v1.0/groups', { displayName: 'Team', mailNickname: `team${Date.now()}`, ...SECURITY })).json();
      const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });
      expect((await call(token, 'POST', `/v1.0/groups/${group.id}/members/$ref`, ref(ann.id))).statusCode).toBe(204);
      const dup = await call(token, 'POST', `/v1.0/groups/${group.id}/members/$ref`, ref(ann.id));
      expect(dup.statusCode).toBe(400);
      expect(dup.json().error).toMatchObject({ code: 'Request_BadRequest', message: "One or more added object references already exist for the following modified properties: 'members'." });
      expect((await call(token, 'POST', `/v1.0/groups/${group.id}/members/$ref`, ref('00000000-0000-4000-8000-000000000001'))).statusCode).toBe(404);
      const members = (await call(token, 'GET', `/v1.0/groups/${group.id}/members`)).json();
      expect(members.value).toEqual([expect.objectContaining({ '@odata.type': '#microsoft.graph.user', id: ann.id })]);
      expect((await call(token, 'POST', `/v1.0/groups/${group.id}/owners/$ref`, ref(ann.id))).statusCode).toBe(204);
      expect((await call(token, 'GET', `/v1.0/groups/${group.id}/owners`)).json().value.map((o: { id: string }) => o.id).sort()).toEqual([ann.id, owner.id].sort());
      expect((await call(token, 'DELETE', `/v1.0/groups/${group.id}/owners/${ann.id}/$ref`)).statusCode).toBe(204);
      expect((await call(token, 'DELETE', `/v1.0/groups/${group.id}/members/${ann.id}/$ref`)).statusCode).toBe(204);
      // PATCH members@odata.bind is all or nothing: one unknown id and nobody is added.
      const patch = await call(token, 'PATCH', `/v1.0/groups/${group.id}`, { 'members@odata.bind': [`https://graph.microsoft.com/v1.0/users/${bob.id}`, 'https://graph.microsoft.com/v1.0/users/00000000-0000-4000-8000-000000000002'] });
      expect(patch.statusCode).toBe(404);
      expect((await call(token, 'GET', `/v1.0/groups/${group.id}/members`)).json().value).toEqual([]);
      expect((await call(token, 'PATCH', `/v1.0/groups/${group.id}`, { 'members@odata.bind': [`https://graph.microsoft.com/v1.0/users/${bob.id}`], description: 'x' })).statusCode).toBe(204);
      expect((await call(token, 'GET', `/v1.0/groups/${group.id}/members`)).json().value.map((m: { id: string }) => m.id)).toEqual([bob.id]);
    });

    it('strict schemas: an unknown field is a 400 naming it, and nothing is created or changed', async () => {
      const app = await api.appToken(['Group.ReadWrite.All']);
      const before = (await call(app, 'GET', '/v1.0/groups?$top=999')).json().value.length;
      const res = await call(app, 'POST', '/v1.0/groups', { displayName: 'Sneaky', mailNickname: 'sneaky', ...SECURITY, isOwner: true });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'Request_BadRequest', message: expect.stringContaining("'isOwner'") });
      expect((await call(app, 'GET', '/v1.0/groups?$top=999')).json().value.length).toBe(before);
    });

    it('§3.9: a Private group\'s members are not visible to a non-member user, nor through memberOf', async () => {
      const [owner, member, outsider] = [await api.newUser('Owner'), await api.newUser('Member'), await api.newUser('Outsider')];
      const ownerToken = await api.userToken(owner);
      const group = (await call(ownerToken, 'POST', '/v1.0/groups', { displayName: 'Secret project', mailNickname: `secret${Date.now()}`, ...SECURITY, visibility: 'Private' })).json();
      await call(ownerToken, 'POST', `/v1.0/groups/${group.id}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/users/${member.id}` });
      const outsiderToken = await api.userToken(outsider);
      expect((await call(outsiderToken, 'GET', `/v1.0/groups/${group.id}/members`)).json().value).toEqual([]);
      expect((await call(outsiderToken, 'GET', `/v1.0/users/${member.id}/memberOf`)).json().value).toEqual([]);
      const check = await call(outsiderToken, 'POST', `/v1.0/users/${member.id}/checkMemberGroups`, { groupIds: [group.id] });
      expect(check.json().value).toEqual([]);
      expect((await call(await api.userToken(member), 'GET', `/v1.0/groups/${group.id}/members`)).json().value).toHaveLength(1);
    });

    it('paging: $top bounds, @odata.nextLink with a signed $skiptoken; a tampered token is a 400', async () => {
      const app = await api.appToken(['Group.ReadWrite.All']);
      for (let i = 0; i < 3; i++) await call(app, 'POST', '/v1.0/groups', { displayName: `Page ${i}`, mailNickname: `page${i}x${Date.now()}`, ...SECURITY });
      const first = (await call(app, 'GET', '/v1.0/groups?$top=2')).json();
      expect(first.value).toHaveLength(2);
      const next = new URL(first['@odata.nextLink']);
      const second = await call(app, 'GET', `${next.pathname}${next.search}`);
      expect(second.statusCode).toBe(200);
      const token = next.searchParams.get('$skiptoken') ?? '';
      const tampered = `${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
      const bad = await call(app, 'GET', `/v1.0/groups?$top=2&$skiptoken=${encodeURIComponent(tampered)}`);
      expect(bad.statusCode).toBe(400);
      expect((await call(app, 'GET', '/v1.0/groups?$top=0')).statusCode).toBe(400);
      expect((await call(app, 'GET', '/v1.0/groups?$top=1000')).statusCode).toBe(400);
      const foreign = await call(app, 'GET', `/v1.0/users?$skiptoken=${encodeURIComponent(token)}`);
      expect(foreign.statusCode).toBe(400);
    });

    it('deletes and restores through directory/deletedItems', async () => {
      const owner = await api.newUser('Owner');
      const token = await api.userToken(owner);
      const group = (await call(token, 'POST', '/v1.0/groups', { displayName: 'Old', mailNickname: `old${Date.now()}`, ...SECURITY })).json();
      expect((await call(token, 'DELETE', `/v1.0/groups/${group.id}`)).statusCode).toBe(204);
      expect((await call(token, 'GET', '/v1.0/directory/deletedItems/microsoft.graph.group')).json().value.map((g: { id: string }) => g.id)).toContain(group.id);
      const restored = await call(token, 'POST', `/v1.0/directory/deletedItems/${group.id}/restore`);
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toMatchObject({ id: group.id, deletedDateTime: null });
    });

    it('/me is for user tokens: an app gets 400; the OpenAPI document lists the routes', async () => {
      const app = await api.appToken(['User.Read.All']);
      expect((await call(app, 'GET', '/v1.0/me')).statusCode).toBe(400);
      const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      expect(doc.openapi).toBe('3.0.3');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1.0/groups', '/v1.0/groups/{id}/members/$ref', '/v1.0/me/checkMemberGroups']));
    });
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After and the TooManyRequests envelope', async () => {
    const { openTestStorage } = await import('../src/storage/testing/engines.js');
    const storage = await openTestStorage('sqlite');
    const api = await startApi(storage.storage, { https: false, rateLimitPerMinute: 3 });
    try {
      const token = await api.appToken(['Group.Read.All']);
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 5; i++) {
        last = await api.app.inject({ method: 'GET', url: '/v1.0/groups', headers: { authorization: `Bearer ${token}` } });
        codes.push(last.statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      expect(last?.json().error.code).toBe('TooManyRequests');
    } finally {
      await api.close();
      await storage.dispose();
    }
  });

  it('counts failed authentications per IP, so made-up tokens cannot each get a fresh bucket', async () => {
    const { openTestStorage } = await import('../src/storage/testing/engines.js');
    const storage = await openTestStorage('sqlite');
    const api = await startApi(storage.storage, { https: false, tokenRateLimitPerMinute: 2 });
    try {
      const fake = (i: number) => `rst1.${api.tenantId}.00000000-0000-4000-8000-00000000000${i}.${'A'.repeat(43)}`;
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await api.app.inject({ method: 'GET', url: '/v1.0/groups', headers: { authorization: `Bearer ${fake(i)}` } })).statusCode);
      expect(codes).toEqual([401, 401, 429, 429]);
      const blocked = await api.app.inject({ method: 'GET', url: '/v1.0/groups', headers: { authorization: `Bearer ${fake(5)}` } });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.json().error.code).toBe('TooManyRequests');
      // A valid token from the same address still passes: only failures are throttled.
      const valid = await api.userToken(api.admin);
      expect((await api.app.inject({ method: 'GET', url: '/v1.0/groups', headers: { authorization: `Bearer ${valid}` } })).statusCode).toBe(200);
    } finally {
      await api.close();
      await storage.dispose();
    }
  });
});
