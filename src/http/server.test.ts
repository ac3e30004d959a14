import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.js';
import { buildServer, type ServerOptions } from './server.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  return { lines, logger: createLogger('info', stream) };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

function server(overrides: Partial<ServerOptions> = {}) {
  const { lines, logger } = capture();
  const app = buildServer({ logger, isReady: async () => {}, ...overrides });
  close = () => app.close();
  return { app, lines };
}

describe('health endpoints', () => {
  it('/healthz answers 200 ok with security headers and no caching', async () => {
    const { app } = server();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'cache-control': 'no-store',
    });
  });

  it('/readyz answers 200 when the readiness check resolves', async () => {
    const { app } = server();
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('/readyz answers 503 when the check fails, and the failure is logged', async () => {
    const { app, lines } = server({ isReady: async () => { throw new Error('database down'); } });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable' });
    expect(lines.some((l) => l.includes('readiness check failed') && l.includes('database down'))).toBe(true);
  });

  it('/readyz answers 503 when the check hangs past the timeout', async () => {
    const { app } = server({ isReady: () => new Promise(() => {}), readinessTimeoutMs: 50 });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
  });

  it('/readyz answers 503 while shutting down, /healthz stays 200', async () => {
    let down = false;
    const { app } = server({ isShuttingDown: () => down });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    down = true;
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('request ids', () => {
  it('generates one when none is sent', async () => {
    const { app } = server();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a sane incoming one', async () => {
    const { app, lines } = server();
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-1234.abc:5' } });
    expect(res.headers['x-request-id']).toBe('lb-1234.abc:5');
    expect(lines.some((l) => JSON.parse(l).requestId === 'lb-1234.abc:5')).toBe(true);
  });

  it.each(['has space', 'x'.repeat(129), 'new\nline', '<script>'])('replaces an unsafe incoming one (%j)', async (id) => {
    const { app } = server();
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': id } });
    expect(res.headers['x-request-id']).not.toBe(id);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('errors and logs', () => {
  it('answers unknown routes with a JSON 404 carrying the request id', async () => {
    const { app } = server();
    const res = await app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': 'abc' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toMatchObject({ error: { code: 'NotFound', innerError: { 'request-id': 'abc' } } });
  });

  it.each([
    ['a path segment over the router\'s 100-character cap', `/v1.0/things/${'a'.repeat(300)}`, 'longer than 100 characters'],
    ['a malformed percent-escape', '/v1.0/things/%E0%A4%A', 'malformed percent-escape'],
    ['an escape that is no hex', '/v1.0/things/%zz', 'malformed percent-escape'],
  ])('the router\'s own refusal of %s is a Graph 400 envelope with the security headers, not echoing the path', async (_name, url, words) => {
    const { app } = server({ register: async (api) => { api.get('/v1.0/things/:id', async () => ({ ok: true })); } });
    const res = await app.inject({ method: 'GET', url, headers: { 'x-request-id': 'abc' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ error: { code: 'Request_BadRequest', message: expect.stringContaining(words), innerError: { 'request-id': 'abc' } } });
    expect(res.body).not.toContain(url.slice(13, 40));
  });

  it('writes JSON log lines and never the credentials a request carries', async () => {
    const { app, lines } = server();
    await app.inject({ method: 'GET', url: '/healthz', headers: { authorization: 'Bearer s3cret-token', cookie: 'sid=s3cret-cookie' } });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain('s3cret');
    }
  });
});

describe('validation: strict JSON bodies, coerced query strings and params', () => {
  function typed() {
    const { app } = server({
      register: async (api) => {
        const n = { type: 'object', additionalProperties: false, properties: { n: { type: 'integer' }, on: { type: 'boolean' }, tags: { type: 'array', items: { type: 'string' } } } } as const;
        api.post('/typed/:id', { schema: { body: n, querystring: n, params: { type: 'object', properties: { id: { type: 'integer' } } } } }, async (request) => ({
          body: request.body, query: request.query, params: request.params,
        }));
      },
    });
    return app;
  }

  it('a JSON body of the wrong type is a 400 naming the field; the right type passes', async () => {
    const app = typed();
    for (const body of [{ n: '5' }, { on: 'true' }, { on: 1 }, { tags: 'a' }, { n: 5.5 }]) {
      const res = await app.inject({ method: 'POST', url: '/typed/1', payload: body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('Request_BadRequest');
      expect(res.json().error.message).toContain(Object.keys(body)[0]);
    }
    const ok = await app.inject({ method: 'POST', url: '/typed/1', payload: { n: 5, on: true, tags: ['a'] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().body).toEqual({ n: 5, on: true, tags: ['a'] });
  });

  it('query strings and path parameters are text and keep their coercion (numbers, booleans, one-item arrays)', async () => {
    const res = await typed().inject({ method: 'POST', url: '/typed/7?n=5&on=true&tags=a', payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ query: { n: 5, on: true, tags: ['a'] }, params: { id: 7 } });
  });
});
