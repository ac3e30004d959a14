// The authorization table for applications (table-apps.ts) on both engines: every actor against a
// fixture app owned by the owner actor, the group and user targets, and the tenant-wide app routes.
// Every denial leaves the domain tables (applications, owners, assignments, blocks included) unchanged.
import { afterAll, beforeAll } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { replayRows } from './runner.js';
import { APP_ROWS } from './table-apps.js';
import { buildWorld, type World } from './world.js';

describeEachEngine('authorization table for applications', (getStorage) => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(getStorage());
    const { core, adminCaller } = world.api;
    const app = await core.createApp(adminCaller, { displayName: 'Authz app', ownerIds: [world.users.owner.id] });
    world.fixtures['app'] = app.id;
  }, 60_000);
  afterAll(async () => { await world?.close(); });
  replayRows('apps', APP_ROWS, () => world, getStorage);
});
