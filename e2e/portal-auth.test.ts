// Portal sign-in over HTTP (docs/adr/0017), on both engines: local accounts with the lockout, cookie
// sessions (rotation, sign-out, idle and absolute expiry, disabled users), the cookie on /v1.0 with the
// portal's channel, and the CSRF checks — every refused state change leaving the data as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/core/domain/model.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { ORIGIN, PASSWORD, SESSION, setCookieLine, setCookieOf, startPortal, type Portal } from './portal-auth-harness.js';

type Json = Record<string, unknown>;

describeEachEngine('Portal sign-in over HTTP', (getStorage) => {
  let p: Portal;
  beforeAll(async () => { p = await startPortal(getStorage()); });
  afterAll(async () => { await p.close(); });

  describe('local accounts', () => {
    it('signs in: a __Host- cookie (Secure, HttpOnly, SameSite=Lax, Path=/), the user, tenant and CSRF token; GET /auth/session agrees', async () => {
      const ann = await p.newUser('Ann Login');
      const res = await p.login(ann.userPrincipalName);
      expect(res.statusCode, res.body).toBe(200);
      const line = setCookieLine(res, SESSION) ?? '';
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; SameSite=Lax/);
      expect(line).toMatch(/; Path=\//);
      expect(line).not.toMatch(/Domain=/i);
      const body = res.json() as Json;
      expect(body).toEqual({
        user: { id: ann.id, displayName: 'Ann Login', userPrincipalName: ann.userPrincipalName, roles: [] },
        tenant: { id: p.tenantId, name: expect.any(String) }, csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresDateTime: expect.any(String),
      });
      const cookie = setCookieOf(res, SESSION) ?? '';
      expect(cookie).toMatch(new RegExp(`^${p.tenantId}\\.[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$`));
      const session = await p.call('GET', '/auth/session', { cookie });
      expect(session.statusCode).toBe(200);
      expect(session.json()).toEqual({ ...body, expiresDateTime: expect.any(String) });
    });

    it('unknown user, wrong password and disabled account get the very same 401; nothing is set', async () => {
      const off = await p.newUser('Off Account');
      await p.core.updateUser(p.adminCaller, { userId: off.id, accountEnabled: false });
      const answers = await Promise.all([
        p.login('nobody@nowhere.example'), p.login(p.admin.userPrincipalName, 'not the password'), p.login(off.userPrincipalName),
      ]);
      for (const a of answers) {
        expect(a.statusCode).toBe(401);
        expect(a.json()).toEqual({ error: { code: 'InvalidCredentials', message: expect.any(String) } });
        expect(setCookieOf(a, SESSION)).toBeUndefined();
      }
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    });

    it('locks the account for this client after 5 failures (the right password too), and unlocks after 15 minutes', async () => {
      const bob = await p.newUser('Bob Lock');
      for (let i = 0; i < 5; i++) expect((await p.login(bob.userPrincipalName, `guess ${i}`)).statusCode).toBe(401);
      const locked = await p.login(bob.userPrincipalName);
      expect(locked.statusCode).toBe(401);
      expect(locked.json()).toMatchObject({ error: { code: 'InvalidCredentials' } });
      p.clock.advanceMs(14 * 60_000);
      expect((await p.login(bob.userPrincipalName)).statusCode).toBe(401);
      p.clock.advanceMs(60_000);
      expect((await p.login(bob.userPrincipalName)).statusCode).toBe(200);
    });

    it('refuses a sign-in posted from another site (login CSRF) and a body with unknown fields', async () => {
      const cross = await p.login(p.admin.userPrincipalName, PASSWORD, { 'sec-fetch-site': 'cross-site' });
      expect(cross.statusCode).toBe(403);
      expect(setCookieOf(cross, SESSION)).toBeUndefined();
      const foreign = await p.login(p.admin.userPrincipalName, PASSWORD, { origin: 'https://evil.example' });
      expect(foreign.statusCode).toBe(403);
      const extra = await p.app.inject({ method: 'POST', url: '/auth/login', payload: { userPrincipalName: 'a@b.example', password: 'x', admin: true } });
      expect(extra.statusCode).toBe(400);
      expect(extra.json()).toEqual({ error: { code: 'BadRequest', message: expect.any(String) } });
    });
  });

  describe('sessions', () => {
    it('a new session id at every sign-in; signing in again revokes the session the browser had; sign-out ends it', async () => {
      const cat = await p.newUser('Cat Rotate');
      const first = await p.signIn(cat);
      const again = await p.app.inject({ method: 'POST', url: '/auth/login', headers: { cookie: `${SESSION}=${first.cookie}` }, payload: { userPrincipalName: cat.userPrincipalName, password: PASSWORD } });
      const second = setCookieOf(again, SESSION) ?? '';
      expect(second.split('.')[1]).not.toBe(first.cookie.split('.')[1]);
      expect((await p.call('GET', '/v1.0/me', { cookie: first.cookie })).statusCode).toBe(401);
      expect((await p.call('GET', '/v1.0/me', { cookie: second })).statusCode).toBe(200);
      const csrf = (again.json() as { csrfToken: string }).csrfToken;
      const out = await p.call('POST', '/auth/logout', { cookie: second, csrf });
      expect(out.statusCode).toBe(204);
      expect(setCookieLine(out, SESSION)).toMatch(/Max-Age=0/);
      expect((await p.call('GET', '/v1.0/me', { cookie: second })).statusCode).toBe(401);
      const gone = await p.call('GET', '/auth/session', { cookie: second });
      expect(gone.statusCode).toBe(401);
      expect(gone.json()).toEqual({ error: { code: 'Unauthenticated', message: expect.any(String) }, signIn: { oidc: false } });
    });

    it('ends after an hour idle, and 12 hours after sign-in however active', async () => {
      const dan = await p.newUser('Dan Idle');
      const idle = await p.signIn(dan);
      p.clock.advanceMs(59 * 60_000);
      expect((await p.call('GET', '/v1.0/me', { cookie: idle.cookie })).statusCode).toBe(200);
      p.clock.advanceMs(60 * 60_000);
      expect((await p.call('GET', '/v1.0/me', { cookie: idle.cookie })).statusCode).toBe(401);
      const busy = await p.signIn(dan);
      for (let i = 0; i < 24; i++) {
        p.clock.advanceMs(30 * 60_000 - 1);
        expect((await p.call('GET', '/v1.0/me', { cookie: busy.cookie })).statusCode).toBe(200);
      }
      p.clock.advanceMs(60_000);
      expect((await p.call('GET', '/v1.0/me', { cookie: busy.cookie })).statusCode).toBe(401);
    });

    it('SECURITY #11: disabling the user ends the session on the very next request', async () => {
      const eve = await p.newUser('Eve Disabled');
      const s = await p.signIn(eve);
      expect((await p.call('GET', '/v1.0/me', { cookie: s.cookie })).statusCode).toBe(200);
      const adminToken = await p.bearer(p.admin);
      const off = await p.app.inject({ method: 'PATCH', url: `/v1.0/users/${eve.id}`, headers: { authorization: `Bearer ${adminToken}` }, payload: { accountEnabled: false } });
      expect(off.statusCode, off.body).toBe(204);
      const after = await p.call('GET', '/v1.0/me', { cookie: s.cookie });
      expect(after.statusCode).toBe(401);
      expect(after.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
      expect((await p.call('GET', '/auth/session', { cookie: s.cookie })).statusCode).toBe(401);
    });

    it('a forged or altered cookie is 401', async () => {
      const s = await p.signIn(p.admin);
      const [t, id] = s.cookie.split('.');
      for (const cookie of [`${t}.${id}.${'A'.repeat(43)}`, 'garbage', `${t}.${id}`]) {
        expect((await p.call('GET', '/v1.0/me', { cookie })).statusCode).toBe(401);
      }
    });
  });

  describe('/v1.0 with the cookie', () => {
    let fay: User;
    let fayS: { cookie: string; csrf: string };
    let bearer: string;
    beforeAll(async () => {
      fay = await p.newUser('Fay Portal');
      fayS = await p.signIn(fay);
      bearer = await p.bearer(fay);
    });

    it('cookie and bearer together are 401', async () => {
      const res = await p.call('GET', '/v1.0/me', fayS, { headers: { authorization: `Bearer ${bearer}` } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    });

    it('X-Roster-Channel other than myGroups or adminCenter is 400', async () => {
      for (const channel of ['bogus', 'api', 'scim', 'MYGROUPS']) {
        const res = await p.call('GET', '/v1.0/me', fayS, { headers: { 'x-roster-channel': channel } });
        expect(res.statusCode, channel).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'Request_BadRequest' } });
      }
    });

    it('the same answers as a bearer call for the same user (a read, and a refusal)', async () => {
      const viaCookie = await p.call('GET', '/v1.0/me', fayS);
      const viaBearer = await p.app.inject({ method: 'GET', url: '/v1.0/me', headers: { authorization: `Bearer ${bearer}` } });
      expect(viaCookie.json()).toEqual(viaBearer.json());
      const deny = { accountEnabled: false };
      const c = await p.call('PATCH', `/v1.0/users/${p.admin.id}`, fayS, { payload: deny, headers: { 'sec-fetch-site': 'same-origin', origin: ORIGIN } });
      const b = await p.app.inject({ method: 'PATCH', url: `/v1.0/users/${p.admin.id}`, headers: { authorization: `Bearer ${bearer}` }, payload: deny });
      expect([c.statusCode, (c.json() as { error: { code: string } }).error.code]).toEqual([b.statusCode, (b.json() as { error: { code: string } }).error.code]);
      expect(c.statusCode).toBe(403);
    });

    it('§3.3 through the portal: myGroups makes the creator owner of an open security group; adminCenter gives an admin no automatic owner', async () => {
      const body = (name: string) => ({ displayName: name, mailNickname: `${name.replace(/\W/g, '')}${Date.now()}`, mailEnabled: false, securityEnabled: true });
      const mine = await p.call('POST', '/v1.0/groups', fayS, { payload: body('Fay Open') });
      expect(mine.statusCode, mine.body).toBe(201);
      const g = mine.json() as Json;
      const owners = await p.call('GET', `/v1.0/groups/${String(g['id'])}/owners`, fayS);
      expect((owners.json() as { value: Json[] }).value.map((o) => o['id'])).toEqual([fay.id]);
      const admin = await p.signIn(p.admin);
      const center = await p.call('POST', '/v1.0/groups', admin, { payload: body('Admin Closed'), headers: { 'x-roster-channel': 'adminCenter' } });
      expect(center.statusCode, center.body).toBe(201);
      const adminOwners = await p.call('GET', `/v1.0/groups/${String((center.json() as Json)['id'])}/owners`, admin);
      expect((adminOwners.json() as { value: Json[] }).value).toEqual([]);
      const viaApi = await p.app.inject({ method: 'POST', url: '/v1.0/groups', headers: { authorization: `Bearer ${bearer}` }, payload: body('Fay Api') });
      // The join policy is an annotation: read each group back as the admin.
      const policyOf = async (r: Json) => (await p.call('GET', `/v1.0/groups/${String(r['id'])}`, admin)).json()['@roster.joinPolicy'] as unknown;
      expect(await policyOf(g)).toBe('open');
      expect(await policyOf(viaApi.json() as Json)).toBe('closed');
      expect(await policyOf(center.json() as Json)).toBe('closed');
    });
  });

  describe('CSRF on cookie requests', () => {
    let owner: User;
    let gus: User;
    let gusS: { cookie: string; csrf: string };
    let ownerS: { cookie: string; csrf: string };
    let openId: string;
    let approvalId: string;
    let requestId: string;
    beforeAll(async () => {
      await p.core.updateSettings(p.adminCaller, { ownersCanManageJoinRequests: true });
      owner = await p.newUser('Olga Owner');
      gus = await p.newUser('Gus Member');
      ownerS = await p.signIn(owner);
      gusS = await p.signIn(gus);
      const make = async (name: string, joinPolicy: 'open' | 'approval') => {
        const r = await p.core.createGroup({ tenantId: p.tenantId, principal: { type: 'user', userId: owner.id }, channel: 'myGroups' }, {
          displayName: name, mailNickname: `${name.replace(/\W/g, '')}${Date.now()}`, mailEnabled: false, securityEnabled: true, joinPolicy, visibility: 'Public',
        });
        return r.group.id;
      };
      openId = await make('Open Club', 'open');
      approvalId = await make('Approval Club', 'approval');
      const asked = await p.call('POST', `/v1.0/groups/${approvalId}/joinRequests`, gusS, { payload: { justification: 'please' } });
      expect(asked.statusCode, asked.body).toBe(201);
      requestId = String((asked.json() as Json)['id']);
    });

    const memberIds = async (groupId: string) => JSON.stringify((await getStorage().uow.transaction(p.tenantId, (x) => x.memberships.listMembers(groupId, { limit: 100 }))).map((m) => m.memberId).sort());

    const attacks = (s: { cookie: string; csrf: string }, other: { csrf: string }) => ({
      'no token': { cookie: s.cookie },
      'wrong token': { cookie: s.cookie, csrf: 'A'.repeat(43) },
      'token of another session': { cookie: s.cookie, csrf: other.csrf },
    });

    it('join: a missing, wrong or foreign token, Sec-Fetch-Site cross-site or a foreign Origin → 403; nothing joined', async () => {
      const before = await memberIds(openId);
      const tries: Array<[string, { cookie: string; csrf?: string }, Record<string, string>]> = [
        ...Object.entries(attacks(gusS, ownerS)).map(([n, s]) => [n, s, {}] as [string, { cookie: string; csrf?: string }, Record<string, string>]),
        ['Sec-Fetch-Site cross-site', gusS, { 'sec-fetch-site': 'cross-site' }],
        ['Sec-Fetch-Site same-site', gusS, { 'sec-fetch-site': 'same-site' }],
        ['foreign Origin', gusS, { origin: 'https://evil.example' }],
        ['Origin null', gusS, { origin: 'null' }],
      ];
      for (const [name, s, headers] of tries) {
        const res = await p.call('POST', `/v1.0/groups/${openId}/join`, s, { headers });
        expect(res.statusCode, name).toBe(403);
        expect(res.json(), name).toMatchObject({ error: { code: 'Authorization_RequestDenied' } });
      }
      expect(await memberIds(openId)).toBe(before);
      const ok = await p.call('POST', `/v1.0/groups/${openId}/join`, gusS, { headers: { 'sec-fetch-site': 'same-origin', origin: ORIGIN } });
      expect(ok.statusCode, ok.body).toBe(204);
      expect(await memberIds(openId)).not.toBe(before);
    });

    it('leave and approve: refused without the right token, done with it', async () => {
      const before = await memberIds(openId);
      for (const s of Object.values(attacks(gusS, ownerS))) expect((await p.call('POST', `/v1.0/groups/${openId}/leave`, s)).statusCode).toBe(403);
      expect(await memberIds(openId)).toBe(before);
      for (const s of Object.values(attacks(ownerS, gusS))) expect((await p.call('POST', `/v1.0/joinRequests/${requestId}/approve`, s, { payload: {} })).statusCode).toBe(403);
      const pending = await p.call('GET', `/v1.0/joinRequests/${requestId}`, ownerS);
      expect(JSON.stringify(pending.json())).toMatch(/"status":"pending"/);
      expect((await p.call('POST', `/v1.0/joinRequests/${requestId}/approve`, ownerS, { payload: {} })).statusCode).toBe(200);
      expect((await p.call('POST', `/v1.0/groups/${openId}/leave`, gusS)).statusCode).toBe(204);
    });

    it('sign-out needs the token too: without it the session lives on', async () => {
      const s = await p.signIn(gus);
      expect((await p.call('POST', '/auth/logout', { cookie: s.cookie })).statusCode).toBe(403);
      expect((await p.call('POST', '/auth/logout', { cookie: s.cookie, csrf: s.csrf }, { headers: { 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(403);
      expect((await p.call('GET', '/auth/session', { cookie: s.cookie })).statusCode).toBe(200);
      expect((await p.call('POST', '/auth/logout', { cookie: s.cookie, csrf: s.csrf })).statusCode).toBe(204);
    });

    it('GET needs no token and changes nothing; there is no GET sign-out', async () => {
      const before = await memberIds(openId);
      const read = await p.call('GET', `/v1.0/groups/${openId}`, gusS, { headers: { 'sec-fetch-site': 'cross-site' } });
      expect(read.statusCode).toBe(200);
      expect((await p.call('GET', `/v1.0/groups/${openId}/join`, gusS)).statusCode).toBe(404);
      expect((await p.call('GET', '/auth/logout', gusS)).statusCode).toBe(404);
      expect((await p.call('GET', '/auth/session', gusS)).statusCode).toBe(200);
      expect(await memberIds(openId)).toBe(before);
    });

    it('bearer requests need no CSRF token (no ambient credential)', async () => {
      const token = await p.bearer(gus);
      const res = await p.app.inject({ method: 'POST', url: `/v1.0/groups/${openId}/join`, headers: { authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' } });
      expect(res.statusCode, res.body).toBe(204);
    });
  });
});

describeEachEngine('Portal sign-in rate limit', (getStorage) => {
  let p: Portal;
  beforeAll(async () => { p = await startPortal(getStorage(), { loginPerMinute: 3 }); });
  afterAll(async () => { await p.close(); });

  it('429 with Retry-After past the per-IP limit on /auth/login, whatever the body; fine again after the window', async () => {
    for (let i = 0; i < 3; i++) expect((await p.login('x@y.example', 'nope')).statusCode).toBe(401);
    const limited = await p.login(p.admin.userPrincipalName);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toEqual({ error: { code: 'TooManyRequests', message: expect.any(String) } });
    expect((await p.app.inject({ method: 'POST', url: '/auth/login', payload: { bad: 1 } })).statusCode).toBe(429);
    p.clock.advanceMs(60_000);
    expect((await p.login(p.admin.userPrincipalName)).statusCode).toBe(200);
  });
});
