// JSON batching from the portal (ADR 0017): a cookie-authenticated $batch runs each item as the same
// signed-in user with the same CSRF check; without the token the batch is refused and nothing changes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startPortal, type Portal } from './portal-auth-harness.js';

interface BatchBody { responses: { id: string; status: number; body: { displayName?: string; error?: { code: string } } }[] }

describeEachEngine('$batch with the session cookie', (getStorage) => {
  let p: Portal;
  beforeAll(async () => { p = await startPortal(getStorage()); });
  afterAll(async () => { await p.close(); });

  it('runs each item as the signed-in user: reads and a group creation succeed', async () => {
    const ann = await p.newUser('Ann Batch');
    const s = await p.signIn(ann);
    const res = await p.call('POST', '/v1.0/$batch', s, {
      payload: {
        requests: [
          { id: '1', method: 'GET', url: '/me' },
          { id: '2', method: 'POST', url: '/groups', headers: { 'Content-Type': 'application/json' }, body: { displayName: 'Batch Made', mailNickname: 'batch-made', securityEnabled: true, mailEnabled: false } },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const byId = new Map((res.json() as BatchBody).responses.map((r) => [r.id, r]));
    expect(byId.get('1')).toMatchObject({ status: 200, body: { displayName: 'Ann Batch' } });
    expect(byId.get('2')).toMatchObject({ status: 201, body: { displayName: 'Batch Made' } });
  });

  it('without the CSRF token the whole batch is refused and creates nothing', async () => {
    const bob = await p.newUser('Bob Batch');
    const s = await p.signIn(bob);
    const res = await p.call('POST', '/v1.0/$batch', { cookie: s.cookie }, {
      payload: { requests: [{ id: '1', method: 'POST', url: '/groups', headers: { 'Content-Type': 'application/json' }, body: { displayName: 'Forged', mailNickname: 'forged-batch', securityEnabled: true, mailEnabled: false } }] },
    });
    expect(res.statusCode).toBe(403);
    const mine = await p.call('GET', '/v1.0/me/ownedObjects', s);
    expect((mine.json() as { value: { displayName: string }[] }).value.map((g) => g.displayName)).not.toContain('Forged');
  });
});
