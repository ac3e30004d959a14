import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('redacts authorization and cookie headers wherever a request is logged', () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write(chunk, _e, done) { lines.push(String(chunk)); done(); } }));
    logger.info({ req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', accept: 'text/plain' } }, res: { headers: { 'set-cookie': 'sid=2' } } }, 'hello');
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry.req.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]', accept: 'text/plain' });
    expect(entry.res.headers['set-cookie']).toBe('[redacted]');
    expect(entry).toMatchObject({ level: 30, msg: 'hello', service: 'roster' });
  });
});
