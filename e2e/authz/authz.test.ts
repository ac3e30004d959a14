// Replays the authorization table (table.ts) through the Graph API with Fastify's inject, on both
// engines: each row's status, Graph's error envelope for every 4xx, and for every denial (and every
// read) a snapshot of the domain tables that must be unchanged afterwards.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { ACTOR_ORDER, ROWS, TOKEN_ROWS, type GroupTargetId, type RequestTargetId, type Row, type UserTargetId } from './table.js';
import { buildWorld, expectGraphError, snapshot, type World } from './world.js';

const DISCOVER = process.env['ROSTER_AUTHZ_DISCOVER'] === '1';
const discovered: Record<string, Record<string, Record<string, number>>> = {};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function fillBody(body: unknown, values: Record<string, string>): unknown {
  return body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body), values));
}

/** `DELETE /v1.0/groups/{private} as nonMember → 403` */
function rowName(row: Row): string {
  return `${row.endpoint.replace(/\{(group|user|request)\}/, `{${row.target}}`)} as ${row.actor} → ${row.status}`;
}

describeEachEngine('authorization table', (getStorage) => {
  let world: World;
  beforeAll(async () => { world = await buildWorld(getStorage()); }, 60_000);
  afterAll(async () => {
    await world?.close();
    // ROSTER_AUTHZ_DISCOVER=1 records what the API answers instead of asserting (to review a new endpoint's matrix).
    if (DISCOVER) writeFileSync(join(tmpdir(), 'roster-authz-discovered.json'), JSON.stringify(discovered, null, 1));
  });

  /** Rows expected to change state get fresh targets; every other row uses the shared ones. */
  async function targetValues(row: Row): Promise<Record<string, string>> {
    const fresh = row.mutates && row.status < 400;
    const { users, other } = world;
    const values: Record<string, string> = {
      plainUser: users.plainUser.id, memberUser: users.member.id,
      public: world.groups.public, private: world.groups.private, hidden: world.groups.hidden,
    };
    if (row.path.includes('{group}')) {
      const t = row.target as GroupTargetId;
      values['group'] = fresh ? await world.freshGroup(t) : world.groups[t];
      values['member'] = t === 'otherTenant' ? other.member.id : users.member.id;
      values['coOwner'] = t === 'otherTenant' ? other.owner.id : users.coOwner.id;
    } else if (row.path.includes('{user}')) {
      const t = row.target as UserTargetId;
      values['user'] = fresh ? await world.freshUser(t) : world.userTargets[t];
    } else if (row.path.includes('{request}')) {
      const t = row.target as RequestTargetId;
      values['request'] = fresh ? await world.freshRequest(t) : world.requests[t];
    }
    return values;
  }

  for (const row of ROWS) {
    it(rowName(row), async () => {
      const storage = getStorage();
      const values = await targetValues(row);
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
