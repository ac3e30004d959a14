// Replays the app-level authorization table (table-apps-routes.ts) through the Graph API, the way
// runner.ts replays the base table: each row's status, Graph's error envelope for every 4xx, and
// for every denial and every read a snapshot of the domain tables that must be unchanged afterwards.
// A hidden app must answer exactly as a missing one (SECURITY #6): every row on the hidden target by
// an actor who may not see it is replayed on the missing one and the two answers compared.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/open-storage.js';
import { CANNOT_SEE_HIDDEN, type AppTargetId, type AppWorld } from './app-world.js';
import { fill } from './runner.js';
import type { RequestTargetId } from './table.js';
import type { AppRow } from './table-apps-routes.js';
import { expectGraphError, snapshot } from './world.js';

const DISCOVER = process.env['ROSTER_AUTHZ_DISCOVER'] === '1';
let seq = 0;

export function appRowName(row: AppRow): string {
  return `${row.endpoint.replace('{app}', `{${row.target}}`).replace('{request}', `{${row.target}}`)} as ${row.actor} → ${row.status}`;
}

async function valuesOf(world: AppWorld, row: AppRow, target: string): Promise<Record<string, string>> {
  const { base } = world;
  const values: Record<string, string> = {
    plainUser: base.users.plainUser.id, memberUser: base.users.member.id, ownerUser: base.users.owner.id, unique: `a${Date.now().toString(36)}${++seq}`,
    ...base.fixtures, ...world.fixtures,
  };
  if (row.family === 'app') {
    const fresh = row.mutates && row.status < 400;
    Object.assign(values, fresh ? await world.freshApp(target as AppTargetId) : world.apps[target as AppTargetId]);
  } else if (row.family === 'request') {
    values['request'] = base.requests[target as RequestTargetId];
  }
  return values;
}

export function replayAppRows(suite: string, rows: readonly AppRow[], getWorld: () => AppWorld, getStorage: () => Storage): void {
  const discovered: Record<string, Record<string, Record<string, number>>> = {};
  if (DISCOVER) afterAll(() => writeFileSync(join(tmpdir(), `roster-authz-discovered-${suite}.json`), JSON.stringify(discovered, null, 1)));

  for (const row of rows) {
    it(appRowName(row), async () => {
      const world = getWorld();
      const storage = getStorage();
      const token = world.tokens[row.actor];
      const send = async (values: Record<string, string>) => {
        const payload = row.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(row.body), values)) as object;
        return world.base.api.app.inject({
          method: row.method, url: fill(row.path, values), headers: token ? { authorization: `Bearer ${token}` } : {},
          ...(payload !== undefined ? { payload } : {}),
        });
      };
      const values = await valuesOf(world, row, row.target);
      const checkUnchanged = row.status >= 400 || !row.mutates;
      const before = checkUnchanged ? await snapshot(storage) : null;
      const res = await send(values);
      if (DISCOVER) {
        ((discovered[row.endpoint] ??= {})[row.actor] ??= {})[row.target] = res.statusCode;
        if (res.statusCode < 300 && row.mutates) await world.resetShared();
        return;
      }
      expect(res.statusCode, res.body.slice(0, 300)).toBe(row.status);
      if (res.statusCode >= 400) expectGraphError(res.json());
      if (res.statusCode === 401) expect(res.headers['www-authenticate']).toBe('Bearer');
      if (row.target === 'hidden' && CANNOT_SEE_HIDDEN.includes(row.actor)) {
        const missing = await send(await valuesOf(world, row, 'missing'));
        const errorOf = (body: string) => { const { code, message } = (JSON.parse(body) as { error: { code: string; message: string } }).error; return { code, message }; };
        expect({ status: missing.statusCode, ...errorOf(missing.body) }, 'a hidden app answers as a missing one').toEqual({ status: res.statusCode, ...errorOf(res.body) });
      }
      if (before) {
        const after = await snapshot(storage);
        if (JSON.stringify(after) !== JSON.stringify(before)) await world.resetShared();
        expect(after, 'a denial or a read changed the domain tables').toEqual(before);
      }
    });
  }
}
