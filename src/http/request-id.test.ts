// Graph's id headers on every response: request-id (and x-request-id) always, client-request-id echoed
// when the client sent a plain one (≤ 64 of [A-Za-z0-9-]) — anything else is ignored, never reflected.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.js';
import { clientRequestIdOf, responseIdHeaders } from './request-id.js';
import { buildServer } from './server.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

function server() {
  const app = buildServer({
    logger: createLogger('silent'), isReady: async () => {},
    register: async (api) => {
      api.get('/boom', async () => { throw new Error('unexpected'); });
    },
  });
  close = () => app.close();
  return app;
}

const GUID = '5b4c9a1e-3f7d-4b8e-9c2a-1d0e6f7a8b9c';
const REFUSED = [
  'a'.repeat(65), 'has space', 'dot.ted', 'colon:ed', 'under_score', '<script>', 'é', '', 'x\ty',
  'abc\r\nset-cookie: stolen=1', 'abc\nx-evil: 1',
];

describe('clientRequestIdOf', () => {
  it('accepts GUIDs and up to 64 letters, digits and hyphens', () => {
    for (const ok of [GUID, 'a', 'A-1', 'a'.repeat(64)]) expect(clientRequestIdOf({ 'client-request-id': ok })).toBe(ok);
  });
  it.each(REFUSED)('ignores %j', (bad) => {
    expect(clientRequestIdOf({ 'client-request-id': bad })).toBeUndefined();
  });
  it('ignores a missing header', () => {
    expect(clientRequestIdOf({})).toBeUndefined();
    expect(responseIdHeaders({ id: 'r-1', headers: {} })).toEqual({ 'x-request-id': 'r-1', 'request-id': 'r-1' });
  });
});

describe('id headers on every response', () => {
  it('a success, a 404 and a 500 each say request-id and echo client-request-id; the envelope says the same', async () => {
    const app = server();
    for (const [url, status] of [['/healthz', 200], ['/nowhere', 404], ['/boom', 500]] as const) {
      const res = await app.inject({ method: 'GET', url, headers: { 'client-request-id': GUID, 'x-request-id': 'r-42' } });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['client-request-id'], url).toBe(GUID);
      expect(res.headers['request-id'], url).toBe('r-42');
      expect(res.headers['x-request-id'], url).toBe('r-42');
      if (status >= 400) expect(res.json().error.innerError).toMatchObject({ 'request-id': 'r-42', 'client-request-id': GUID });
    }
  });

  it('without a client-request-id there is none in the answer, and the envelope falls back to the request id', async () => {
    const res = await server().inject({ method: 'GET', url: '/nowhere' });
    expect(res.headers).not.toHaveProperty('client-request-id');
    expect(res.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json().error.innerError['client-request-id']).toBe(res.headers['request-id']);
  });

  it.each(REFUSED.filter((v) => !/[\r\n]/.test(v) && v !== ''))('an unacceptable value %j is neither a header nor in the envelope', async (bad) => {
    const res = await server().inject({ method: 'GET', url: '/nowhere', headers: { 'client-request-id': bad } });
    expect(res.statusCode).toBe(404);
    expect(res.headers).not.toHaveProperty('client-request-id');
    expect(res.json().error.innerError['client-request-id']).toBe(res.headers['request-id']);
  });

  it('CR/LF in the value cannot add a header: it is ignored', async () => {
    const app = server();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    // A raw request, since HTTP clients refuse to send such a header at all.
    const { connect } = await import('node:net');
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nclient-request-id: abc\rset-cookie: stolen=1\r\nConnection: close\r\n\r\n');
      });
      let data = '';
      socket.on('data', (d) => { data += String(d); });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 (200|400)/);
    expect(raw.toLowerCase()).not.toContain('set-cookie');
    expect(raw.toLowerCase()).not.toContain('client-request-id');
  });
});
