// The app-level authorization table (table-apps-routes.ts, table-apps-access.ts) on both engines:
// every app route × every actor of app-world.ts × owned / not owned / hidden / other tenant's /
// missing app. Every denial and every read leaves the domain tables unchanged; a hidden app answers
// exactly as a missing one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { replayAppRows } from './app-runner.js';
import { buildAppWorld, CANNOT_SEE_HIDDEN, type AppWorld } from './app-world.js';
import { APP_ACCESS_ENDPOINTS } from './table-apps-access.js';
import { appEndpointKey, APP_ROUTE_ENDPOINTS, expandAppEndpoint } from './table-apps-routes.js';

const ENDPOINTS = [...APP_ROUTE_ENDPOINTS, ...APP_ACCESS_ENDPOINTS];
const APP_ROUTE_ROWS = ENDPOINTS.flatMap(expandAppEndpoint);

describeEachEngine('authorization table for the app routes', (getStorage) => {
  let world: AppWorld;
  beforeAll(async () => { world = await buildAppWorld(getStorage()); }, 120_000);
  afterAll(async () => { await world?.close(); });
  replayAppRows('app-routes', APP_ROUTE_ROWS, () => world, getStorage);
});

describe('SECURITY #6 in the app table itself', () => {
  it.each(ENDPOINTS.filter((e) => e.family === 'app'))('$method $path $label: hidden = missing for who may not see it', (e) => {
    for (const actor of CANNOT_SEE_HIDDEN) {
      const row = (target: string) => APP_ROUTE_ROWS.find((r) => r.endpoint === appEndpointKey(e) && r.actor === actor && r.target === target);
      expect(row('hidden')?.status, actor).toBe(row('missing')?.status);
    }
  });
});
