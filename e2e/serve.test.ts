// `roster serve --demo` as a user runs it: a fresh data folder, any free port, SIGTERM to stop.
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, counts, roster, startServer, stopServer, tempDataDir, trustingFetch, type Server } from './support.js';

const data = tempDataDir();
const env = childEnv(data.dir);
let server: Server | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  data.remove();
});

describe('roster serve --demo', () => {
  it('starts on an empty data folder, bootstraps the admin once and seeds the demo', async () => {
    server = await startServer(['--demo'], env);
    const out = server.output();
    expect(out).toContain('Created tenant "Contoso" with global administrator admin@contoso.example');
    expect(out).toMatch(/Administrator password \(shown only this once, store it now\): [A-Za-z2-9]{24}/);
    expect(out).toContain('Demo organisation seeded');
    expect(out).toContain('DEMO-ONLY password');
    // The generated password goes to the terminal once, never into a JSON log line.
    const password = /store it now\): (\S+)/.exec(out)?.[1] ?? 'missing';
    expect(out.split('\n').filter((l) => l.startsWith('{') && l.includes(password))).toEqual([]);
    // HTTPS by default, with a self-signed certificate and the way to trust it printed once.
    expect(server.address).toMatch(/^https:\/\//);
    expect(out).toContain(`NODE_EXTRA_CA_CERTS=${data.dir}/tls/roster-selfsigned.crt`.replace(/\/\.\//g, '/'));
  });

  it('answers /healthz and /readyz over HTTPS with the self-signed certificate', async () => {
    const fetch = trustingFetch(data.dir);
    const health = await fetch(`${server?.address}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-request-id')).toBeTruthy();
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    const ready = await fetch(`${server?.address}/readyz`);
    expect(ready.status).toBe(200);
    const missing = await fetch(`${server?.address}/v1.0/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NotFound' } });
  });

  it('serves the Graph API: a token from `roster token create` reads /v1.0/me; no token is a 401', async () => {
    const fetch = trustingFetch(data.dir);
    const created = await roster(['token', 'create', '--upn', 'admin@contoso.example', '--days', '1'], env);
    expect(created.code).toBe(0);
    const token = /Bearer (\S+)/.exec(created.stdout)?.[1] ?? '';
    const me = await fetch(`${server?.address}/v1.0/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ userPrincipalName: 'admin@contoso.example' });
    const anonymous = await fetch(`${server?.address}/v1.0/groups`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const doc = await fetch(`${server?.address}/openapi.json`);
    expect(((await doc.json()) as { paths: Record<string, unknown> }).paths).toHaveProperty('/v1.0/groups');
  });

  it('stops on SIGTERM with exit code 0 and a clean log', async () => {
    if (!server) throw new Error('not started');
    expect(await stopServer(server, 'SIGTERM', 5000)).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });

  it('has the demo organisation in the database', async () => {
    const c = await counts(data.dir);
    expect(c.tenants).toBe(1);
    expect(c.admins).toBe(1);
    expect(c.users).toBeGreaterThan(190);
  });

  it('starts again on the same data without a second admin or a second seed', async () => {
    const before = await counts(data.dir);
    server = await startServer(['--demo'], env);
    const out = server.output();
    expect(out).not.toContain('Created tenant');
    expect(out).not.toContain('Administrator password');
    expect(out).not.toContain('Demo organisation seeded');
    expect(out).not.toContain('NODE_EXTRA_CA_CERTS');
    expect(server.address).toMatch(/^https:\/\//);
    expect(await stopServer(server, 'SIGINT', 5000)).toBe(0);
    expect(await counts(data.dir)).toEqual(before);
  });

  it('serves plain HTTP only when asked (--insecure-http)', async () => {
    server = await startServer(['--insecure-http'], env);
    expect(server.address).toMatch(/^http:\/\//);
    expect((await fetch(`${server.address}/healthz`)).status).toBe(200);
    expect(await stopServer(server, 'SIGTERM', 5000)).toBe(0);
  });

  it('refuses a bad configuration with a message naming the variable and exit code 1', async () => {
    await expect(startServer([], { ...env, PORT: 'eighty' }, 30_000)).rejects.toThrow(/exited with 1[\s\S]*PORT/);
  });
});
