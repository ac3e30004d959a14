import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/index.js';
import { createLogger } from '../../platform/logger.js';
import { buildServer } from '../server.js';
import { graphErrorOf } from './errors.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

function server() {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write(c, _e, done) { lines.push(String(c)); done(); } }));
  const app = buildServer({
    logger, isReady: async () => {},
    register: async (api) => {
      api.get('/domain/:reason', async (req) => { throw new DomainError((req.params as { reason: 'groupNotFound' }).reason); });
      api.get('/boom', async () => { throw new Error('secret internals: password=hunter2'); });
      api.post('/strict', {
        schema: { body: { type: 'object', additionalProperties: false, required: ['displayName'], properties: { displayName: { type: 'string' } } } },
      }, async () => ({ ok: true }));
    },
  });
  close = () => app.close();
  return { app, lines };
}

describe('Graph error mapping', () => {
  it.each([
    ['groupNotFound', 404, 'Request_ResourceNotFound'],
    ['notOwner', 403, 'Authorization_RequestDenied'],
    ['invalidInput', 400, 'Request_BadRequest'],
    ['requestAlreadyDecided', 409, 'Request_Conflict'],
    ['alreadyMember', 400, 'Request_BadRequest'],
    ['alreadyOwner', 400, 'Request_BadRequest'],
    ['alreadyAppOwner', 400, 'Request_BadRequest'],
    ['alreadyAssigned', 400, 'Request_BadRequest'],
    ['assignmentCycle', 409, 'Request_Conflict'],
    ['groupNotAssignable', 400, 'Request_BadRequest'],
  ] as const)('%s → %i %s', (reason, status, code) => {
    expect(graphErrorOf(new DomainError(reason))).toMatchObject({ status, code });
  });

  it('uses Graph\'s exact duplicate-reference message', () => {
    expect(graphErrorOf(new DomainError('alreadyMember')).message)
      .toBe("One or more added object references already exist for the following modified properties: 'members'.");
  });

  it('answers with the envelope: code, message, date, request-id, client-request-id', async () => {
    const { app } = server();
    const res = await app.inject({ method: 'GET', url: '/domain/groupNotFound', headers: { 'client-request-id': 'c-1', 'x-request-id': 'r-1' } });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body).toEqual({ error: { code: 'Request_ResourceNotFound', message: expect.any(String), innerError: { date: expect.any(String), 'request-id': 'r-1', 'client-request-id': 'c-1' } } });
  });

  it('hides unexpected errors behind a 500 and logs them with the request id', async () => {
    const { app, lines } = server();
    const res = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'r-500' } });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json().error.code).toBe('InternalServerError');
    expect(lines.some((l) => l.includes('hunter2') && l.includes('r-500'))).toBe(true);
  });

  it('refuses unknown fields and names them; names a missing field', async () => {
    const { app } = server();
    const extra = await app.inject({ method: 'POST', url: '/strict', payload: { displayName: 'x', isOwner: true } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error).toMatchObject({ code: 'Request_BadRequest', message: expect.stringContaining("'isOwner'") });
    const missing = await app.inject({ method: 'POST', url: '/strict', payload: {} });
    expect(missing.json().error.message).toContain("'displayName'");
  });

  it('refuses bodies over 1 MiB and malformed JSON with the envelope', async () => {
    const { app } = server();
    const big = await app.inject({ method: 'POST', url: '/strict', payload: { displayName: 'x'.repeat(1024 * 1024 + 10) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('Request_EntityTooLarge');
    const bad = await app.inject({ method: 'POST', url: '/strict', headers: { 'content-type': 'application/json' }, payload: '{nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('Request_BadRequest');
  });
});
