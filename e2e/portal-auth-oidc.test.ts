// OpenID Connect sign-in against a real provider (oidc-provider on 127.0.0.1, port 0), driven with plain
// HTTP requests: the authorization code flow with PKCE, state and nonce, and every refusal the ADR
// names — tampered state, replayed code, wrong nonce, another issuer (mix-up), another audience —
// creating no session and audited. On both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { CLIENT, OTHER_CLIENT, startIdp, type Idp } from './oidc-idp.js';
import { ORIGIN, SESSION, setCookieOf, startPortal, type Portal } from './portal-auth-harness.js';

const CALLBACK = `${ORIGIN}/auth/oidc/callback`;
const OIDC_COOKIE = '__Host-roster_oidc';

/** Follows the provider's redirects by hand (with its cookies) until it sends the browser back to Roster. */
async function driveProvider(authUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authUrl;
  for (let hops = 0; hops < 12; hops++) {
    if (url.startsWith(ORIGIN)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

describeEachEngine('OpenID Connect sign-in against a real provider', (getStorage) => {
  let idp: Idp;
  let rogue: Idp;
  let p: Portal;
  beforeAll(async () => {
    idp = await startIdp({ redirectUri: CALLBACK });
    rogue = await startIdp({ redirectUri: CALLBACK });
    p = await startPortal(getStorage(), {
      oidc: { issuer: idp.issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, match: 'email', createUsers: true, allowInsecureRequests: true },
    });
  });
  afterAll(async () => {
    await p.close();
    await idp.close();
    await rogue.close();
  });

  /** Roster's redirect to the provider and its flow cookie. */
  async function begin(returnTo = '/groups') {
    const res = await p.app.inject({ method: 'GET', url: `/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}` });
    expect(res.statusCode, res.body).toBe(302);
    const flow = setCookieOf(res, OIDC_COOKIE);
    expect(flow).toBeDefined();
    return { authUrl: String(res.headers.location), flow: flow ?? '' };
  }

  const callback = (url: string, flow: string) =>
    p.app.inject({ method: 'GET', url: url.slice(ORIGIN.length), headers: { cookie: `${OIDC_COOKIE}=${flow}` } });

  const audit = async () => (await getStorage().uow.transaction(p.tenantId, (s) => s.audit.list({ limit: 10_000 })))
    .filter((e) => e.action === 'auth.signIn');
  const sessionCount = async () => Number((await getStorage().db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', p.tenantId).executeTakeFirstOrThrow()).n);

  const failures = async () => (await audit()).filter((e) => e.outcome === 'denied').map((e) => String((e.after as { failure?: string }).failure));

  /** Runs a refused flow: no session cookie, no new session row, exactly one more denied auth.signIn, for this reason. */
  async function expectRefused(run: () => Promise<Parameters<typeof setCookieOf>[0]>, failure: RegExp) {
    const [sessionsBefore, before] = [await sessionCount(), await failures()];
    const res = await run();
    expect(res.statusCode).toBe(302);
    expect(String(res.headers['location'])).toBe('/signin?error=signin_failed');
    expect(setCookieOf(res, SESSION)).toBeUndefined();
    expect(await sessionCount()).toBe(sessionsBefore);
    const added = await failures();
    for (const f of before) added.splice(added.indexOf(f), 1);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(failure);
  }

  describe('a good flow', () => {
    it('matches a user by verified email on first sign-in, then by subject alone; the session works on /v1.0', async () => {
      const ann = await p.newUser('Ann Oidc');
      idp.signInAs({ sub: 'ann-sub', email: ann.userPrincipalName, email_verified: true, name: 'Ann' });
      const { authUrl, flow } = await begin('/groups/mine');
      expect(new URL(authUrl).searchParams.get('code_challenge_method')).toBe('S256');
      const first = await callback(await driveProvider(authUrl), flow);
      expect(first.statusCode, first.body).toBe(302);
      expect(first.headers.location).toBe('/groups/mine');
      const cookie = setCookieOf(first, SESSION) ?? '';
      const me = await p.call('GET', '/v1.0/me', { cookie });
      expect(me.json()).toMatchObject({ id: ann.id });
      // The provider now sends another address: the (issuer, subject) link decides.
      idp.signInAs({ sub: 'ann-sub', email: 'someone.else@elsewhere.example', email_verified: true });
      const second = await begin();
      const again = await callback(await driveProvider(second.authUrl), second.flow);
      expect(again.statusCode).toBe(302);
      expect((await p.call('GET', '/auth/session', { cookie: setCookieOf(again, SESSION) ?? '' })).json()).toMatchObject({ user: { id: ann.id } });
    });

    it('creates the user on first sign-in when configured', async () => {
      idp.signInAs({ sub: 'new-sub', email: 'new.person@oidc.example', email_verified: true, name: 'New Person' });
      const { authUrl, flow } = await begin('//evil.example/phish');
      const res = await callback(await driveProvider(authUrl), flow);
      expect(res.headers.location).toBe('/');
      const session = await p.call('GET', '/auth/session', { cookie: setCookieOf(res, SESSION) ?? '' });
      expect(session.json()).toMatchObject({ user: { userPrincipalName: 'new.person@oidc.example', displayName: 'New Person', roles: [] } });
    });

    it('an over-long returnTo still starts the flow (the browser follows this link) and comes back to /', async () => {
      const { authUrl, flow } = await begin(`/groups/${'x'.repeat(2000)}`);
      const res = await callback(await driveProvider(authUrl), flow);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/');
    });
  });

  describe('refusals: no session, audited', () => {
    it('a tampered state', async () => {
      idp.signInAs({ sub: 'new-sub', email: 'new.person@oidc.example', email_verified: true });
      const { authUrl, flow } = await begin();
      const back = new URL(await driveProvider(authUrl));
      back.searchParams.set('state', `${back.searchParams.get('state') ?? ''}x`);
      await expectRefused(() => callback(back.href, flow), /^stateMismatch$/);
    });

    it('no flow cookie (another browser), or a forged one', async () => {
      const { authUrl } = await begin();
      const back = await driveProvider(authUrl);
      await expectRefused(() => p.app.inject({ method: 'GET', url: back.slice(ORIGIN.length) }), /^noFlowCookie$/);
      await expectRefused(() => callback(back, 'AAAA.BBBB.CCCC'), /^noFlowCookie$/);
    });

    it('a replayed code', async () => {
      idp.signInAs({ sub: 'new-sub', email: 'new.person@oidc.example', email_verified: true });
      const { authUrl, flow } = await begin();
      const back = await driveProvider(authUrl);
      expect((await callback(back, flow)).statusCode).toBe(302);
      await expectRefused(() => callback(back, flow), /^invalid_grant/);
    });

    it('a wrong nonce', async () => {
      const { authUrl, flow } = await begin();
      const changed = new URL(authUrl);
      changed.searchParams.set('nonce', 'not-the-nonce-roster-sent');
      await expectRefused(async () => callback(await driveProvider(changed.href), flow), /^OAUTH_JWT_CLAIM_COMPARISON_FAILED:.*nonce/);
    });

    it('a code from another issuer (mix-up)', async () => {
      rogue.signInAs({ sub: 'new-sub', email: 'new.person@oidc.example', email_verified: true });
      const { authUrl, flow } = await begin();
      const elsewhere = new URL(authUrl);
      const rogueUrl = new URL(rogue.issuer);
      elsewhere.host = rogueUrl.host;
      await expectRefused(async () => callback(await driveProvider(elsewhere.href), flow), /^OAUTH_INVALID_RESPONSE:.*iss/);
    });

    it('a code issued to another client (audience)', async () => {
      idp.signInAs({ sub: 'new-sub', email: 'new.person@oidc.example', email_verified: true });
      const { authUrl, flow } = await begin();
      const other = new URL(authUrl);
      other.searchParams.set('client_id', OTHER_CLIENT.client_id);
      await expectRefused(async () => callback(await driveProvider(other.href), flow), /^invalid_grant/);
    });

    it('the provider\'s own error answer', async () => {
      const { flow } = await begin();
      await expectRefused(() => callback(`${ORIGIN}/auth/oidc/callback?error=access_denied&state=x`, flow), /^providerError$/);
    });
  });
});
