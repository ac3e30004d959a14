// The real `roster serve` (HTTPS, self-signed, SQLite) wires portal sign-in as main.ts composes it:
// the admin signs in with the configured password, the cookie works on /v1.0, a state change needs the
// CSRF token and this server's own Origin, and the portal key is made once in DATA_DIR/keys (0600).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, startServer, stopServer, tempDataDir, trustingFetch, type Server } from './support.js';

const PASSWORD = 'portal-serve-admin-password';
const data = tempDataDir();
const env = childEnv(data.dir, { ROSTER_ADMIN_PASSWORD: PASSWORD, ROSTER_ADMIN_UPN: 'admin@serve.example' });
let server: Server;

beforeAll(async () => { server = await startServer([], env); }, 120_000);
afterAll(async () => {
  if (server.child.exitCode === null) await stopServer(server);
  data.remove();
});

describe('portal sign-in in roster serve', () => {
  it('signs in, uses the cookie on /v1.0, refuses a POST without the CSRF token, accepts it with', async () => {
    const fetch = trustingFetch(data.dir);
    const anonymous = await fetch(`${server.address}/auth/session`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'Unauthenticated' }, signIn: { oidc: false } });
    const login = await fetch(`${server.address}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.address, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ userPrincipalName: 'admin@serve.example', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^__Host-roster_session=/);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const me = await fetch(`${server.address}/v1.0/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ userPrincipalName: 'admin@serve.example' });
    const group = JSON.stringify({ displayName: 'Serve Club', mailNickname: 'serveclub', mailEnabled: false, securityEnabled: true });
    const headers = { cookie, 'content-type': 'application/json', 'x-roster-channel': 'adminCenter' };
    const forged = await fetch(`${server.address}/v1.0/groups`, { method: 'POST', headers, body: group });
    expect(forged.status).toBe(403);
    const foreign = await fetch(`${server.address}/v1.0/groups`, { method: 'POST', headers: { ...headers, 'x-csrf-token': csrfToken, origin: 'https://evil.example' }, body: group });
    expect(foreign.status).toBe(403);
    const made = await fetch(`${server.address}/v1.0/groups`, { method: 'POST', headers: { ...headers, 'x-csrf-token': csrfToken, origin: server.address }, body: group });
    expect(made.status).toBe(201);
    expect(statSync(join(data.dir, 'keys', 'portal.key')).mode & 0o777).toBe(0o600);
  });
});
