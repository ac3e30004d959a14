// Replays rows of the authorization table through the Graph API with Fastify's inject: each row's
// status, Graph's error envelope for every 4xx, and for every denial (and every read) a snapshot of
// the domain tables that must be unchanged afterwards. Shared by the base table, the settings
// profiles (table-settings.ts) and the group kinds (table-kinds.ts).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/open-storage.js';
import type { GroupTargetId, KindTargetId, RequestTargetId, Row, UserTargetId } from './table.js';
import { expectGraphError, snapshot, type World } from './world.js';

const DISCOVER = process.env['ROSTER_AUTHZ_DISCOVER'] === '1';
let seq = 0;

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function fillBody(body: unknown, values: Record<string, string>): unknown {
  return body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body), values));
}

/** `DELETE /v1.0/groups/{private} as nonMember → 403` */
export function rowName(row: Row): string {
  const name = row.endpoint.replace(/\{(group|user|request)\}/, `{${row.target}}`);
  // Kind rows whose target sits in the body (nesting it into a parent) name it apart.
  const where = row.family === 'kind' && !row.path.includes('{group}') ? ` [${row.target}]` : '';
  return `${name}${where} as ${row.actor} → ${row.status}`;
}

/**
 * Registers one `it` per row. `suite` names the discover file ($TMPDIR/roster-authz-discovered-<suite>.json):
 * with ROSTER_AUTHZ_DISCOVER=1 the rows record what the API answers instead of asserting, to be
 * reviewed cell by cell against SPEC before they are copied into a table.
 */
export function replayRows(suite: string, rows: readonly Row[], getWorld: () => World, getStorage: () => Storage): void {
  const discovered: Record<string, Record<string, Record<string, number>>> = {};
  if (DISCOVER) afterAll(() => writeFileSync(join(tmpdir(), `roster-authz-discovered-${suite}.json`), JSON.stringify(discovered, null, 1)));

  /** Rows expected to change state get fresh targets; every other row uses the shared ones. */
  async function targetValues(world: World, row: Row): Promise<Record<string, string>> {
    const fresh = row.mutates && row.status < 400;
    const { users, other } = world;
    const values: Record<string, string> = {
      plainUser: users.plainUser.id, memberUser: users.member.id, unique: `t${Date.now().toString(36)}${++seq}`,
      public: world.groups.public, private: world.groups.private, hidden: world.groups.hidden,
      ...world.fixtures,
    };
    if (row.family === 'group' || row.family === 'kind') {
      const t = row.target as GroupTargetId | KindTargetId;
      values['group'] = fresh ? await world.freshGroup(t) : world.groups[t];
      values['member'] = t === 'otherTenant' ? other.member.id : users.member.id;
      values['coOwner'] = t === 'otherTenant' ? other.owner.id : users.coOwner.id;
    } else if (row.family === 'user') {
      const t = row.target as UserTargetId;
      values['user'] = fresh ? await world.freshUser(t) : world.userTargets[t];
    } else if (row.family === 'request') {
      const t = row.target as RequestTargetId;
      values['request'] = fresh ? await world.freshRequest(t) : world.requests[t];
    }
    return values;
  }

  for (const row of rows) {
    it(rowName(row), async () => {
      const world = getWorld();
      const storage = getStorage();
      const values = await targetValues(world, row);
      const checkUnchanged = row.status >= 400 || !row.mutates;
      const before = checkUnchanged ? await snapshot(storage) : null;
      const token = world.tokens[row.actor];
      const payload = fillBody(row.body, values);
      const res = await world.api.app.inject({
        method: row.method, url: fill(row.path, values),
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      if (DISCOVER) {
        ((discovered[row.endpoint] ??= {})[row.actor] ??= {})[row.target] = res.statusCode;
        if (res.statusCode < 300 && row.mutates) await world.resetShared();
        return;
      }
      expect(res.statusCode, res.body.slice(0, 300)).toBe(row.status);
      if (res.statusCode >= 400) expectGraphError(res.json());
      if (res.statusCode === 401) expect(res.headers['www-authenticate']).toBe('Bearer');
      if (before) {
        const after = await snapshot(storage);
        // Keep the rows after this one meaningful: a changed world is rebuilt before failing.
        if (JSON.stringify(after) !== JSON.stringify(before)) await world.resetShared();
        expect(after, 'a denial or a read changed the domain tables').toEqual(before);
      }
    });
  }
}
