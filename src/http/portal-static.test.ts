// The portal's files: CSP with a fresh style nonce on every HTML answer, caching, the SPA fallback that
// leaves the API's 404s alone, and the 503 page when the portal is not built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.js';
import { portalStatic } from './portal-static.js';
import { buildServer } from './server.js';

const dir = mkdtempSync(join(tmpdir(), 'roster-portal-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><meta name="roster-style-nonce" content="__ROSTER_STYLE_NONCE__"><div id="root"></div>');
writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const server = (root: string) => buildServer({ logger: createLogger('silent'), isReady: async () => {}, register: portalStatic({ root }) });

describe('portal static files', () => {
  it('serves index.html at / and client routes, with a strict CSP and a fresh nonce each time, never cached', async () => {
    const app = server(dir);
    const nonces = new Set<string>();
    for (const url of ['/', '/groups/123', '/discover?q=x', '/signin']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
      expect(res.body).toContain(`content="${nonce}"`);
      expect(res.body).not.toContain('__ROSTER_STYLE_NONCE__');
      for (const part of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"]) expect(csp).toContain(part);
      expect(csp).not.toContain('unsafe');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(4);
    await app.close();
  });

  it('caches hashed assets for a year; a missing asset and API paths keep the API 404 envelope', async () => {
    const app = server(dir);
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/assets/nope.js', '/v1.0/nothing', '/auth/nothing', '/oauth2/x', '/contoso/oauth2/v2.0/x', '/openapi.json']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: { code: 'NotFound' } });
    }
    expect((await app.inject({ method: 'POST', url: '/groups/1' })).statusCode).toBe(404);
    await app.close();
  });

  it('answers a clear 503 page, not a stack trace, when web/dist is missing', async () => {
    const app = server(join(dir, 'missing'));
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('npm run build:web');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect((await app.inject({ method: 'GET', url: '/groups/x' })).statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });
});
