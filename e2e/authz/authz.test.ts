// Replays the authorization table (table.ts) through the Graph API on both engines (runner.ts: each
// row's status, Graph's error envelope, and an unchanged snapshot after every denial and read), and
// the token endpoint's failure modes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { fill, replayRows } from './runner.js';
import { ACTOR_ORDER, ROWS, TOKEN_ROWS } from './table.js';
import { buildWorld, snapshot, type World } from './world.js';

describeEachEngine('authorization table', (getStorage) => {
  let world: World;
  beforeAll(async () => { world = await buildWorld(getStorage()); }, 60_000);
  afterAll(async () => { await world?.close(); });

  replayRows('base', ROWS, () => world, getStorage);

  describe('token endpoint failure modes', () => {
    let values: Record<string, string>;
    beforeAll(async () => {
      const { api } = world;
      const good = await api.newClient(['Group.Read.All']);
      const gone = await api.newClient(['Group.Read.All']);
      await api.core.deleteApiClient(api.adminCaller, { clientId: gone.clientId });
      values = { clientId: good.clientId, clientSecret: good.clientSecret, deletedClientId: gone.clientId, deletedClientSecret: gone.clientSecret };
    });
    for (const row of TOKEN_ROWS) {
      it(`POST /oauth2/v2.0/token: ${row.name} → ${row.status}${row.error ? ` ${row.error}` : ''}`, async () => {
        const { api, other } = world;
        const tenant = row.url === 'own' ? api.tenantId : row.url === 'other' ? other.tenantId : row.url === 'unknown' ? '00000000-0000-4000-8000-0000000000ff' : null;
        const form = Object.fromEntries(Object.entries(row.form).map(([k, v]) => [k, fill(v, values)]));
        const before = row.status >= 400 ? await snapshot(getStorage()) : null;
        const res = await api.app.inject({
          method: 'POST', url: tenant ? `/${tenant}/oauth2/v2.0/token` : '/oauth2/v2.0/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString(),
        });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(row.status);
        if (row.status === 200) {
          expect(res.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.stringMatching(/^rst1\./) });
        } else {
          const body = res.json();
          if (typeof body.error === 'string') expect(body.error).toBe(row.error);
          else expect(body.error.code).toBe(row.error);
        }
        if (before) expect(await snapshot(getStorage())).toEqual(before);
      });
    }
  });

  it('covers every actor', () => {
    expect(new Set(ROWS.map((r) => r.actor))).toEqual(new Set(ACTOR_ORDER));
  });
});
