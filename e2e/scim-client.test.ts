// The SCIM client against a real SCIM 2.0 server (scimmy): every call, filter escaping, paging, and
// the error classification the retry policy depends on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScimClient, filterValue, ScimError, type ScimRequestRecord, type ScimTarget } from '../src/provisioning/scim-client.js';
import { startScimTarget, type ScimTarget as TestTarget } from './scim-target/server.js';

let target: TestTarget;
let client: ScimTarget;
const records: ScimRequestRecord[] = [];

beforeAll(async () => {
  target = await startScimTarget();
  client = createScimClient({ baseUrl: target.baseUrl, token: target.token, timeoutMs: 5000, onRequest: (r) => records.push(r) });
});
afterAll(() => target.close());

const failure = async (p: Promise<unknown>): Promise<ScimError> => {
  try {
    await p;
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
};

describe('SCIM client against scimmy', () => {
  it('creates, finds (odd characters), patches, deactivates and deletes a user', async () => {
    // scimmy's filter lexer neither honours \" nor unescapes \\ (a scimmy limitation), so the real-server
    // case uses an apostrophe and a plus; the RFC 7644 escaping itself is checked on filterValue below.
    const tricky = "o'brien+x@example.org";
    const created = await client.createUser({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: tricky, externalId: 'ext-1', displayName: 'O', active: true });
    expect(created).toMatchObject({ userName: tricky, externalId: 'ext-1', active: true });
    expect((await client.findUser('userName', tricky))?.id).toBe(created.id);
    expect((await client.findUser('externalId', 'ext-1'))?.id).toBe(created.id);
    expect(await client.findUser('userName', "o'brien")).toBeNull();
    await client.replaceUserAttributes(created.id, { schemas: [], userName: tricky, displayName: 'Changed', name: { givenName: 'G' }, emails: [{ value: 'a@b.c', type: 'work', primary: true }] });
    expect(target.users.get(created.id)).toMatchObject({ displayName: 'Changed', name: { givenName: 'G' }, emails: [{ value: 'a@b.c', type: 'work' }] });
    await client.setActive(created.id, false);
    expect(target.users.get(created.id)?.active).toBe(false);
    await client.deleteUser(created.id);
    expect(target.users.has(created.id)).toBe(false);
    await client.deleteUser(created.id); // already gone: not an error
    expect(records.some((r) => r.path.includes('filter'))).toBe(false);
  });

  it('pages users by startIndex and count', async () => {
    for (let i = 0; i < 7; i++) await client.createUser({ schemas: [], userName: `page${i}@x.org`, active: true });
    const seen: string[] = [];
    for (let start = 1; ; start += 3) {
      const page = await client.listUsers(start, 3);
      expect(page.totalResults).toBe(target.users.size);
      seen.push(...page.resources.map((u) => u.userName));
      if (page.resources.length < 3) break;
    }
    expect(new Set(seen).size).toBe(target.users.size);
  });

  it('groups: create, find without members, rename, add and remove members, delete', async () => {
    const a = await client.createUser({ schemas: [], userName: 'ga@x.org', active: true });
    const b = await client.createUser({ schemas: [], userName: 'gb@x.org', active: true });
    const group = await client.createGroup({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: "Site 'A'", externalId: 'g1' });
    expect((await client.findGroup('displayName', "Site 'A'"))?.id).toBe(group.id);
    expect((await client.findGroup('externalId', 'g1'))?.id).toBe(group.id);
    await client.changeGroupMembers(group.id, [a.id, b.id], []);
    expect((await client.groupMemberIds(group.id)).sort()).toEqual([a.id, b.id].sort());
    await client.changeGroupMembers(group.id, [], [a.id]);
    expect(await client.groupMemberIds(group.id)).toEqual([b.id]);
    await client.renameGroup(group.id, 'Site B');
    expect(target.groups.get(group.id)?.displayName).toBe('Site B');
    await client.deleteGroup(group.id);
    expect(target.groups.size).toBe(0);
  });

  it('classifies failures: 409 uniqueness, 429 with Retry-After, 5xx, plain 4xx, resets, down', async () => {
    await client.createUser({ schemas: [], userName: 'dup@x.org', active: true });
    expect(await failure(client.createUser({ schemas: [], userName: 'DUP@x.org', active: true }))).toMatchObject({ kind: 'conflict', status: 409, scimType: 'uniqueness' });
    target.fail({ kind: 'status', status: 429, retryAfter: '7' }, { times: 1 });
    expect(await failure(client.listUsers(1, 1))).toMatchObject({ kind: 'throttled', status: 429, retryAfterMs: 7000 });
    target.fail({ kind: 'status', status: 503 }, { times: 1 });
    expect(await failure(client.listUsers(1, 1))).toMatchObject({ kind: 'server', status: 503 });
    expect(await failure(client.setActive('no-such-id', false))).toMatchObject({ kind: 'client', status: 404 });
    target.fail({ kind: 'reset' }, { times: 1 });
    expect(await failure(client.listUsers(1, 1))).toMatchObject({ kind: 'network', status: null });
    target.fail({ kind: 'delay', ms: 1500 }, { times: 1 });
    const impatient = createScimClient({ baseUrl: target.baseUrl, token: target.token, timeoutMs: 200 });
    expect(await failure(impatient.listUsers(1, 1))).toMatchObject({ kind: 'network', message: expect.stringMatching(/timed out after 200 ms/) });
    await target.down();
    expect(await failure(client.listUsers(1, 1))).toMatchObject({ kind: 'network' });
    await target.up();
    expect((await client.listUsers(1, 1)).totalResults).toBeGreaterThan(0);
    const wrongToken = createScimClient({ baseUrl: target.baseUrl, token: 'wrong' });
    expect(await failure(wrongToken.listUsers(1, 1))).toMatchObject({ kind: 'client', status: 401 });
  });

  it('never puts the token in what it records', () => {
    expect(JSON.stringify(records)).not.toContain(target.token);
  });
});

describe('filterValue', () => {
  it.each([
    ['plain@x.org', '"plain@x.org"'],
    ['a"b', '"a\\"b"'],
    ['back\\slash', '"back\\\\slash"'],
    ['") or userName pr or ("', '"\\") or userName pr or (\\""'],
  ])('%s → %s', (value, expected) => expect(filterValue(value)).toBe(expected));
});
