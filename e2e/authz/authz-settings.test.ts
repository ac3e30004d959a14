// The authorization table under tenant-settings profiles (table-settings.ts), on both engines. Each
// profile gets a world of its own, built once in a fresh database (a long-lived world grows, and
// every denial row snapshots the whole database), with the profile switched on before its rows;
// its targets are still built under the base settings. Every denial leaves the domain tables unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, openTestStorage, type TestStorage } from '../../src/storage/testing/engines.js';
import { replayRows } from './runner.js';
import { PROFILES, profileRows, SETTINGS_BASE_ROWS } from './table-settings.js';
import { buildWorld, type World } from './world.js';

describeEachEngine('authorization table under settings profiles', (getStorage, engine) => {
  describe('base settings', () => {
    let world: World;
    beforeAll(async () => { world = await buildWorld(getStorage(), { creators: true }); }, 60_000);
    afterAll(async () => { await world?.close(); });
    replayRows('settings-base', SETTINGS_BASE_ROWS, () => world, getStorage);
  });

  for (const [name, profile] of Object.entries(PROFILES)) {
    describe(`profile ${name}: ${profile.description}`, () => {
      let db: TestStorage;
      let world: World;
      let settings: Record<string, unknown> = {};
      beforeAll(async () => {
        db = await openTestStorage(engine);
        world = await buildWorld(db.storage, { creators: true });
        settings = Object.fromEntries(Object.entries(profile.settings).map(([k, v]) => [k, v === '{creators}' ? world.fixtures['creators'] : v]));
        await world.setProfile(settings);
      }, 60_000);
      afterAll(async () => {
        await world?.close();
        await db?.dispose();
      });
      it('is in force', async () => {
        const res = await world.api.app.inject({ method: 'GET', url: '/v1.0/settings', headers: { authorization: `Bearer ${world.tokens.globalAdmin ?? ''}` } });
        const body = res.json() as Record<string, { value: unknown }>;
        for (const [key, value] of Object.entries(settings)) expect(body[key]?.value, key).toEqual(value);
      });
      replayRows(`settings-${name}`, profileRows(name), () => world, () => db.storage);
    });
  }
});
