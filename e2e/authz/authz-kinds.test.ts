// The authorization table on group kinds (table-kinds.ts), on both engines: dynamic, externally
// managed, role-assignable and nested targets, nesting with rights on both ends (SECURITY #2), and
// creating dynamic and role-assignable groups. Every denial leaves the domain tables unchanged.
import { afterAll, beforeAll } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { replayRows } from './runner.js';
import { KIND_ROWS } from './table-kinds.js';
import { buildWorld, type World } from './world.js';

describeEachEngine('authorization table on group kinds', (getStorage) => {
  let world: World;
  beforeAll(async () => { world = await buildWorld(getStorage(), { kinds: true }); }, 60_000);
  afterAll(async () => { await world?.close(); });
  replayRows('kinds', KIND_ROWS, () => world, getStorage);
});
