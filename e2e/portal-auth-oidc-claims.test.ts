// The ID token checks themselves, against a minimal provider the test controls (discovery, authorize,
// token, JWKS; RS256 with node:crypto): an ID token for another audience, from another issuer, expired,
// signed by a key not in the provider's JWKS, or with another nonce is refused — no session, audited —
// while the same provider's correct token signs in. The real-provider suite covers the protocol.
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { ORIGIN, SESSION, setCookieOf, startPortal, type Portal } from './portal-auth-harness.js';

const CLIENT_ID = 'roster';
const OIDC_COOKIE = '__Host-roster_oidc';
type Claims = Record<string, unknown>;

interface FakeIdp { issuer: string; tamper: (fn: (claims: Claims) => Claims, opts?: { foreignKey?: boolean }) => void; close(): Promise<void> }

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function jwt(claims: Claims, key: KeyObject, kid: string): string {
  const head = `${b64({ alg: 'RS256', kid, typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(key).toString('base64url')}`;
}

async function startFakeIdp(): Promise<FakeIdp> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = 'k1';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const codes = new Map<string, string>();
  let tamper: (c: Claims) => Claims = (c) => c;
  let useForeignKey = false;
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (body: unknown) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(body)); };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'], token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
    if (url.pathname === '/authorize') {
      const code = randomUUID();
      codes.set(code, url.searchParams.get('nonce') ?? '');
      res.statusCode = 302;
      res.setHeader('location', `${url.searchParams.get('redirect_uri') ?? ''}?code=${code}&state=${url.searchParams.get('state') ?? ''}`);
      return res.end();
    }
    if (url.pathname === '/token') {
      let body = '';
      req.on('data', (d: Buffer) => { body += d.toString(); });
      req.on('end', () => {
        const code = new URLSearchParams(body).get('code') ?? '';
        const nonce = codes.get(code);
        codes.delete(code);
        if (nonce === undefined) { res.statusCode = 400; return json({ error: 'invalid_grant' }); }
        const now = Math.floor(Date.now() / 1000);
        const claims = tamper({ iss: issuer, sub: 'fake-sub', aud: CLIENT_ID, iat: now, exp: now + 300, nonce, email: 'fake.user@claims.example', email_verified: true });
        return json({ access_token: randomUUID(), token_type: 'Bearer', expires_in: 300, id_token: jwt(claims, useForeignKey ? foreign : privateKey, kid) });
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  return {
    issuer,
    tamper(fn, opts = {}) { tamper = fn; useForeignKey = opts.foreignKey === true; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describeEachEngine('OpenID Connect ID token checks', (getStorage) => {
  let idp: FakeIdp;
  let p: Portal;
  beforeAll(async () => {
    idp = await startFakeIdp();
    p = await startPortal(getStorage(), { oidc: { issuer: idp.issuer, clientId: CLIENT_ID, clientSecret: 'fake-secret', match: 'subject', createUsers: true, allowInsecureRequests: true } });
  });
  afterAll(async () => {
    await p.close();
    await idp.close();
  });

  async function flow() {
    const start = await p.app.inject({ method: 'GET', url: '/auth/oidc/login' });
    const back = await fetch(String(start.headers.location), { redirect: 'manual' });
    const url = back.headers.get('location') ?? '';
    expect(url.startsWith(ORIGIN)).toBe(true);
    return p.app.inject({ method: 'GET', url: url.slice(ORIGIN.length), headers: { cookie: `${OIDC_COOKIE}=${setCookieOf(start, OIDC_COOKIE) ?? ''}` } });
  }
  const failures = async () => (await getStorage().uow.transaction(p.tenantId, (s) => s.audit.list({ limit: 10_000 })))
    .filter((e) => e.action === 'auth.signIn' && e.outcome === 'denied').map((e) => String((e.after as { failure?: string }).failure));

  it('the untampered token signs in (the fake provider is a fair baseline)', async () => {
    idp.tamper((c) => c);
    const res = await flow();
    expect(res.headers.location).toBe('/');
    expect(setCookieOf(res, SESSION)).toBeDefined();
  });

  describe('refused, with no session and one audited failure', () => {
    it.each<[string, (c: Claims) => Claims, boolean, RegExp]>([
      ['another audience', (c) => ({ ...c, aud: 'someone-else' }), false, /aud/],
      ['another issuer in the token', (c) => ({ ...c, iss: 'https://evil.example' }), false, /iss/],
      ['an expired token', (c) => ({ ...c, iat: Number(c['iat']) - 3600, exp: Number(c['iat']) - 1800 }), false, /exp|TIMESTAMP/i],
      ['another nonce', (c) => ({ ...c, nonce: 'replayed-nonce' }), false, /nonce/],
      ['a signature by a key not in the JWKS', (c) => c, true, /:signature$/],
    ])('%s', async (_name, tamper, foreignKey, failure) => {
      idp.tamper(tamper, { foreignKey });
      const before = (await failures()).length;
      const res = await flow();
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/signin?error=signin_failed');
      expect(setCookieOf(res, SESSION)).toBeUndefined();
      const after = await failures();
      expect(after).toHaveLength(before + 1);
      expect(after.filter((f) => failure.test(f))).not.toHaveLength(0);
    });
  });
});
