// The provisioning engine end to end against a real SCIM server (scimmy), on both engines: incremental
// pushes, updates, deprovisioning, crash idempotence, faults and recovery, quarantine and resume,
// reconciliation of drift, the dry run, and two workers sharing one PostgreSQL.
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { dryRun } from '../../src/provisioning/engine.js';
import { openWorld, targetUsers, type World } from './world.js';

describeEachEngine('provisioning engine', (getStorage, engine) => {
  let w: World;
  afterEach(() => w?.close());
  const config = () => w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.configs.get(w.appId));
  const jobs = () => w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.jobs.count(w.appId));
  const userWrites = () => w.target.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/Users'));

  it('pushes a user added to the assigned group, propagates updates, deprovisions on removal', async () => {
    w = await openWorld(getStorage());
    const ada = await w.newUser('ada');
    await w.settle();
    expect(w.target.users.size).toBe(0); // not in scope yet
    await w.core.addMember(w.admin, { groupId: w.groupId, memberId: ada });
    await w.settle();
    expect(targetUsers(w.target)).toEqual({ 'ada@contoso.example': { active: true, displayName: 'ada' } });
    const remote = [...w.target.users.values()][0]!;
    expect(remote).toMatchObject({ externalId: ada, name: { givenName: 'ada', familyName: 'Test' }, emails: [{ value: 'ada@contoso.example', type: 'work' }] });
    // The group went too, with its member.
    const [group] = [...w.target.groups.values()];
    expect(group).toMatchObject({ displayName: 'Site North', externalId: w.groupId, members: [{ value: remote.id }] });

    await w.core.updateUser(w.admin, { userId: ada, displayName: 'Ada Lovelace' });
    await w.settle();
    expect(targetUsers(w.target)['ada@contoso.example']).toEqual({ active: true, displayName: 'Ada Lovelace' });
    // Nothing changed: nothing sent.
    const before = w.target.requests.length;
    await w.core.updateUser(w.admin, { userId: ada, department: 'Maths' });
    await w.settle();
    expect(userWrites().length).toBe(2);
    expect(w.target.requests.length - before).toBeLessThanOrEqual(1);

    await w.core.removeMember(w.admin, { groupId: w.groupId, memberId: ada });
    await w.settle();
    expect(w.target.users.size).toBe(0);
    expect(userWrites().slice(-2).map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 200', 'DELETE 204']);
    expect([...w.target.groups.values()][0]!.members ?? []).toEqual([]);
    const log = await w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.log.page(w.appId, { limit: 100 }));
    expect(log.map((e) => e.operation)).toContain('POST /Users');
    expect(JSON.stringify(log)).not.toContain(w.target.token);
  });

  it('a push cut off after the target committed leaves no duplicate: the retry adopts the account', async () => {
    w = await openWorld(getStorage());
    const bob = await w.newUser('bob');
    w.target.fail({ kind: 'resetAfterCommit' }, { times: 1, method: 'POST', path: '/Users' });
    await w.core.addMember(w.admin, { groupId: w.groupId, memberId: bob });
    await w.settle({ advanceMs: 60_000 });
    expect(w.target.users.size).toBe(1);
    expect(w.target.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(1);
    const record = await w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.objects.get(w.appId, 'user', bob));
    expect(record?.remoteId).toBe([...w.target.users.keys()][0]);
    expect(await jobs()).toBe(0);
  });

  it('faults (5xx, 429 with Retry-After, resets, down) are retried with backoff; after recovery the target is exactly what is desired', async () => {
    w = await openWorld(getStorage());
    const ids = [await w.newUser('u1'), await w.newUser('u2'), await w.newUser('u3')];
    w.target.fail({ kind: 'status', status: 429, retryAfter: '120' }, { times: 1 });
    await w.core.addMember(w.admin, { groupId: w.groupId, memberId: ids[0]! });
    await w.settle({ rounds: 1 });
    const throttled = await w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.jobs.claim({ now: new Date(Date.parse(w.clock.now()) + 119_000).toISOString(), leaseUntil: w.clock.now(), worker: 'probe', limit: 10 }));
    expect(throttled).toEqual([]); // Retry-After honoured: not due before 120 s
    w.target.fail({ kind: 'status', status: 503 }, { times: 2 });
    w.target.fail({ kind: 'reset' }, { times: 1 });
    for (const id of ids.slice(1)) await w.core.addMember(w.admin, { groupId: w.groupId, memberId: id });
    await w.target.down();
    await w.settle({ rounds: 2, advanceMs: 1000 });
    await w.target.up();
    await w.settle({ rounds: 20, advanceMs: 700_000 });
    expect(Object.keys(targetUsers(w.target)).sort()).toEqual(['u1@contoso.example', 'u2@contoso.example', 'u3@contoso.example']);
    expect(new Set([...w.target.users.values()].map((u) => u.userName)).size).toBe(3);
    expect(await jobs()).toBe(0);
    expect((await config())?.consecutiveFailures).toBe(0);
  });

  it('quarantines the app after 10 consecutive failures, runs nothing until resumed, then catches up', async () => {
    w = await openWorld(getStorage());
    const u = await w.newUser('q1');
    await w.target.down();
    await w.core.addMember(w.admin, { groupId: w.groupId, memberId: u });
    await w.settle({ rounds: 15, advanceMs: 700_000 });
    const quarantined = await config();
    expect(quarantined).toMatchObject({ state: 'quarantined', consecutiveFailures: 10 });
    expect(quarantined?.lastError).toMatch(/network error/);
    const audit = await w.storage.uow.transaction(w.tenantId, (s) => s.audit.list({ limit: 20, targetId: w.appId }));
    expect(audit.map((e) => e.action)).toContain('provisioning.quarantined');
    await w.target.up();
    const requestsBefore = w.target.requests.length;
    await w.settle({ rounds: 3, advanceMs: 700_000 });
    expect(w.target.requests.length).toBe(requestsBefore); // quarantined: nothing runs
    await w.storage.uow.transaction(w.tenantId, async (s) => {
      await s.provisioning.configs.setState(w.appId, 'enabled', w.clock.now(), null);
      await s.provisioning.jobs.releaseApp(w.appId, w.clock.now());
      await s.provisioning.jobs.enqueue({ appId: w.appId, kind: 'app', objectId: w.appId }, w.clock.now());
    });
    await w.settle();
    expect(Object.keys(targetUsers(w.target))).toEqual(['q1@contoso.example']);
    expect((await config())?.state).toBe('enabled');
  });

  it('reconciliation repairs drift in the target and leaves foreign accounts alone', async () => {
    w = await openWorld(getStorage());
    const [a, b] = [await w.newUser('ra'), await w.newUser('rb')];
    for (const id of [a, b]) await w.core.addMember(w.admin, { groupId: w.groupId, memberId: id });
    await w.settle();
    const [ra, rb] = [...w.target.users.values()];
    w.target.users.set(ra!.id, { ...ra!, displayName: 'tampered', active: false });
    w.target.users.delete(rb!.id);
    w.target.users.set('foreign', { id: 'foreign', userName: 'someone@else.example', active: true, schemas: [] });
    w.target.groups.clear(); // the group deleted in the target behind Roster's back
    await w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.jobs.enqueue({ appId: w.appId, kind: 'app', objectId: w.appId }, w.clock.now()));
    await w.settle();
    expect(targetUsers(w.target)).toEqual({
      'ra@contoso.example': { active: true, displayName: 'ra' },
      'rb@contoso.example': { active: true, displayName: 'rb' },
      'someone@else.example': { active: true, displayName: undefined },
    });
    const [group] = [...w.target.groups.values()];
    expect(group).toMatchObject({ displayName: 'Site North', externalId: w.groupId });
    const ours = [...w.target.users.values()].filter((u) => String(u.userName).endsWith('@contoso.example')).map((u) => u.id);
    expect((group!.members as Array<{ value: string }>).map((m) => m.value).sort()).toEqual(ours.sort());
    const log = await w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.log.page(w.appId, { limit: 100 }));
    const reconcile = log.find((e) => e.operation === 'reconcile');
    expect(reconcile?.error).toMatch(/create: 1/);
    // Every request names the object it was about, the reconciliation's too (b re-created, the group
    // made again); listing the target's accounts names none.
    const named = (prefix: string) => log.filter((e) => e.operation.startsWith(prefix)).map((e) => `${e.objectType}:${e.localId}`);
    // Which local user had its account deleted (re-created) and which was tampered with (patched).
    const [recreated, patched] = rb!.userName === 'ra@contoso.example' ? [a, b] : [b, a];
    expect(new Set(named('POST /Users'))).toEqual(new Set([`user:${a}`, `user:${b}`]));
    expect(named('POST /Users').filter((n) => n === `user:${recreated}`)).toHaveLength(2);
    expect(new Set(named('PATCH /Users/'))).toEqual(new Set([`user:${patched}`]));
    expect(new Set(named('POST /Groups'))).toEqual(new Set([`group:${w.groupId}`]));
    expect(named('GET /Users')).toContain('null:null');
    // …and is read back with its name.
    expect(log.find((e) => e.operation === 'POST /Users' && e.localId === recreated)).toMatchObject({ local: { displayName: rb!.displayName } });
    expect(log.find((e) => e.operation === 'POST /Groups')).toMatchObject({ local: { displayName: 'Site North' } });
    expect((await config())?.lastReconciledAt).toBe(w.clock.now());
  });

  it('a dry run reads the target for real, returns what it would send, and writes nothing', async () => {
    w = await openWorld(getStorage());
    const [a, b] = [await w.newUser('da'), await w.newUser('db')];
    await w.core.addMember(w.admin, { groupId: w.groupId, memberId: a });
    await w.settle();
    await w.storage.uow.transaction(w.tenantId, (s) => s.memberships.add({ tenantId: w.tenantId, groupId: w.groupId, memberId: b, memberType: 'user', source: 'direct', addedBy: null, addedDateTime: w.clock.now(), expiresDateTime: null, requestId: null }));
    const requestsBefore = w.target.requests.length;
    const usersBefore = JSON.stringify([...w.target.users.values()]);
    const objectsBefore = await w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.objects.count(w.appId, 'user'));
    const result = await dryRun(w.engineDeps, w.tenantId, w.appId);
    expect(result.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /Users', expect.stringMatching(/^PATCH \/Groups\//)]);
    expect(result.requests[0]!.body).toMatchObject({ userName: 'db@contoso.example', active: true });
    // Each planned request names its object, so the core can withhold those a caller may not see.
    expect(result.requests.map((r) => [r.objectType, r.localId])).toEqual([['user', b], ['group', w.groupId]]);
    expect(JSON.stringify(result)).not.toContain(w.target.token);
    expect(w.target.requests.slice(requestsBefore).every((r) => r.method === 'GET')).toBe(true);
    expect(JSON.stringify([...w.target.users.values()])).toBe(usersBefore);
    expect(await w.storage.uow.transaction(w.tenantId, (s) => s.provisioning.objects.count(w.appId, 'user'))).toBe(objectsBefore);
  });

  it.runIf(engine === 'postgres')('two workers on one PostgreSQL never push the same job twice', async () => {
    w = await openWorld(getStorage(), { provisionGroups: false });
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await w.newUser(`pw${i}`));
    await w.core.addMembers(w.admin, { groupId: w.groupId, memberIds: ids.slice(0, 12) });
    await w.core.addMembers(w.admin, { groupId: w.groupId, memberIds: ids.slice(12) });
    const [one, two] = [w.engine('node-a'), w.engine('node-b')];
    await Promise.all([one.tick(), two.tick()]);
    await Promise.all([one.tick(), two.tick()]);
    expect(w.target.users.size).toBe(24);
    expect(w.target.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(24);
    expect(w.target.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/Users?filter=userName')).length).toBe(24);
  });
});
