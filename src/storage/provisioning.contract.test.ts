// Provisioning storage (docs/adr/0020): configs, provisioned objects, jobs (fold, lease, generation-checked
// completion, backoff), the log and the outbox queue, with tenant isolation and concurrent claimers.
import { expect, it } from 'vitest';
import type { ProvisioningConfig } from '../core/domain/apps.js';
import type { TenantScope } from '../core/ports.js';
import { describeEachEngine } from './testing/engines.js';
import { at, inTenant, makeGroup, makeUser, newId, newTenant, T0 } from './testing/fixtures.js';

export function makeConfig(tenantId: string, appId: string, over: Partial<ProvisioningConfig> = {}): ProvisioningConfig {
  return {
    tenantId, appId, baseUrl: 'https://scim.example.org/scim/v2', tokenCiphertext: 'v1.sealed', userMapping: { userName: 'userPrincipalName' },
    state: 'enabled', deprovision: 'disableThenDelete', provisionGroups: true, reconcileIntervalMinutes: 40, lastReconciledAt: null,
    consecutiveFailures: 0, quarantinedAt: null, lastError: null, createdDateTime: T0, updatedDateTime: T0, ...over,
  };
}

describeEachEngine('provisioning storage', (getStorage, engine) => {
  const run = <T>(tenantId: string, fn: (p: TenantScope['provisioning']) => Promise<T>) => inTenant(getStorage(), tenantId, (s) => fn(s.provisioning));

  it('configs: put, read back, update in place, failures count up and reset, state changes', async () => {
    const t = await newTenant(getStorage());
    const app = newId();
    await run(t, (p) => p.configs.put(makeConfig(t, app)));
    expect(await run(t, (p) => p.configs.get(app))).toEqual(makeConfig(t, app));
    await run(t, (p) => p.configs.put(makeConfig(t, app, { baseUrl: 'https://other.example/scim', provisionGroups: false, updatedDateTime: at(1) })));
    expect(await run(t, (p) => p.configs.get(app))).toMatchObject({ baseUrl: 'https://other.example/scim', provisionGroups: false, createdDateTime: T0 });
    expect(await run(t, (p) => p.configs.recordFailure(app, 'HTTP 500', at(2)))).toBe(1);
    expect(await run(t, (p) => p.configs.recordFailure(app, 'HTTP 503', at(3)))).toBe(2);
    await run(t, (p) => p.configs.setState(app, 'quarantined', at(4)));
    expect(await run(t, (p) => p.configs.get(app))).toMatchObject({ state: 'quarantined', quarantinedAt: at(4), consecutiveFailures: 2, lastError: 'HTTP 503' });
    await run(t, (p) => p.configs.setState(app, 'enabled', at(5), null));
    expect(await run(t, (p) => p.configs.get(app))).toMatchObject({ state: 'enabled', quarantinedAt: null, consecutiveFailures: 0, lastError: null });
    expect((await run(t, (p) => p.configs.list())).map((c) => c.appId)).toEqual([app]);
    expect(await run(t, (p) => p.configs.delete(app))).toBe(true);
    expect(await run(t, (p) => p.configs.get(app))).toBeNull();
  });

  it('provisioned objects: upsert, page by local id, count, remove', async () => {
    const t = await newTenant(getStorage());
    const app = newId();
    for (const id of ['c', 'a', 'b']) {
      await run(t, (p) => p.objects.put({ appId: app, objectType: 'user', localId: id, remoteId: `r-${id}`, active: id !== 'c', attributesHash: 'h', updatedDateTime: T0 }));
    }
    await run(t, (p) => p.objects.put({ appId: app, objectType: 'user', localId: 'a', remoteId: 'r-a2', active: true, attributesHash: 'h2', updatedDateTime: at(1) }));
    expect(await run(t, (p) => p.objects.get(app, 'user', 'a'))).toMatchObject({ remoteId: 'r-a2', attributesHash: 'h2' });
    expect((await run(t, (p) => p.objects.list(app, 'user', { limit: 2 }))).map((o) => o.localId)).toEqual(['a', 'b']);
    expect((await run(t, (p) => p.objects.list(app, 'user', { after: 'b', limit: 2 }))).map((o) => o.localId)).toEqual(['c']);
    expect((await run(t, (p) => p.objects.getMany(app, 'user', ['c', 'x', 'a']))).map((o) => o.localId).sort()).toEqual(['a', 'c']);
    expect(await run(t, (p) => p.objects.count(app, 'user'))).toBe(3);
    expect(await run(t, (p) => p.objects.count(app, 'user', true))).toBe(2);
    expect(await run(t, (p) => p.objects.count(app, 'group'))).toBe(0);
    expect(await run(t, (p) => p.objects.appIdsOf('user', 'b'))).toEqual([app]);
    expect(await run(t, (p) => p.objects.appIdsOf('group', 'b'))).toEqual([]);
    expect(await run(t, (p) => p.objects.remove(app, 'user', 'a'))).toBe(true);
    expect(await run(t, (p) => p.objects.remove(app, 'user', 'a'))).toBe(false);
  });

  it('jobs: a second change folds into the pending row; completion checks the generation', async () => {
    const t = await newTenant(getStorage());
    const app = newId();
    await run(t, (p) => p.configs.put(makeConfig(t, app)));
    const key = { appId: app, kind: 'user' as const, objectId: 'u1' };
    await run(t, (p) => p.jobs.enqueue(key, T0));
    const [job] = await run(t, (p) => p.jobs.claim({ now: at(1), leaseUntil: at(2), worker: 'w1', limit: 10 }));
    expect(job).toMatchObject({ ...key, generation: 1, lockedBy: 'w1', lockedUntil: at(2) });
    // Leased: nobody else gets it until the lease lapses.
    expect(await run(t, (p) => p.jobs.claim({ now: at(1), leaseUntil: at(2), worker: 'w2', limit: 10 }))).toEqual([]);
    await run(t, (p) => p.jobs.enqueue(key, at(1)));
    expect(await run(t, (p) => p.jobs.count(app))).toBe(1);
    // Changed while it ran: not deleted, due again.
    expect(await run(t, (p) => p.jobs.complete(job!))).toBe(false);
    const [again] = await run(t, (p) => p.jobs.claim({ now: at(1), leaseUntil: at(2), worker: 'w2', limit: 10 }));
    expect(again).toMatchObject({ generation: 2, lockedBy: 'w2' });
    expect(await run(t, (p) => p.jobs.complete(again!))).toBe(true);
    expect(await run(t, (p) => p.jobs.count(app))).toBe(0);
  });

  it('jobs: a lapsed lease is claimed again; backoff keeps a job until due; a fold keeps the backoff', async () => {
    const t = await newTenant(getStorage());
    const app = newId();
    await run(t, (p) => p.configs.put(makeConfig(t, app)));
    const key = { appId: app, kind: 'group' as const, objectId: 'g1' };
    await run(t, (p) => p.jobs.enqueue(key, T0));
    const [job] = await run(t, (p) => p.jobs.claim({ now: at(1), leaseUntil: at(2), worker: 'crashed', limit: 1 }));
    const [reclaimed] = await run(t, (p) => p.jobs.claim({ now: at(3), leaseUntil: at(4), worker: 'w2', limit: 1 }));
    expect(reclaimed).toMatchObject({ objectId: 'g1', lockedBy: 'w2' });
    await run(t, (p) => p.jobs.reschedule(reclaimed!, { availableAt: at(10), attempts: 1, lastError: 'HTTP 503' }));
    expect(await run(t, (p) => p.jobs.claim({ now: at(5), leaseUntil: at(6), worker: 'w3', limit: 1 }))).toEqual([]);
    await run(t, (p) => p.jobs.enqueue(key, at(5)));
    expect(await run(t, (p) => p.jobs.claim({ now: at(5), leaseUntil: at(6), worker: 'w3', limit: 1 }))).toEqual([]);
    const [due] = await run(t, (p) => p.jobs.claim({ now: at(10), leaseUntil: at(11), worker: 'w3', limit: 1 }));
    expect(due).toMatchObject({ attempts: 1, lastError: 'HTTP 503', generation: 2 });
    expect(job!.generation).toBe(1);
    await run(t, (p) => p.jobs.reschedule(due!, { availableAt: at(60), attempts: 2, lastError: 'x' }));
    expect(await run(t, (p) => p.jobs.releaseApp(app, at(11)))).toBe(1);
    expect(await run(t, (p) => p.jobs.claim({ now: at(11), leaseUntil: at(12), worker: 'w4', limit: 1 }))).toMatchObject([{ attempts: 0 }]);
  });

  it('jobs: apps that are paused or quarantined are not claimed', async () => {
    const t = await newTenant(getStorage());
    const [paused, quarantined, enabled] = [newId(), newId(), newId()];
    await run(t, async (p) => {
      await p.configs.put(makeConfig(t, paused, { state: 'paused' }));
      await p.configs.put(makeConfig(t, quarantined, { state: 'quarantined' }));
      await p.configs.put(makeConfig(t, enabled));
      for (const appId of [paused, quarantined, enabled]) await p.jobs.enqueue({ appId, kind: 'app', objectId: appId }, T0);
    });
    const claimed = await run(t, (p) => p.jobs.claim({ now: at(1), leaseUntil: at(2), worker: 'w', limit: 10 }));
    expect(claimed.map((j) => j.appId)).toEqual([enabled]);
  });

  it('log: per-app seq, newest first, paged, pruned', async () => {
    const t = await newTenant(getStorage());
    const [app, other] = [newId(), newId()];
    const entry = (appId: string, minute: number, operation: string) => ({
      appId, at: at(minute), operation, objectType: 'user' as const, localId: 'u', remoteId: null, status: 201, outcome: 'success' as const,
      error: null, durationMs: 12, attempt: 1,
    });
    await run(t, async (p) => {
      for (let i = 1; i <= 5; i++) await p.log.append(entry(app, i, `POST /Users #${i}`));
      await p.log.append(entry(other, 1, 'other'));
    });
    const first = await run(t, (p) => p.log.page(app, { limit: 2 }));
    expect(first.map((e) => [e.seq, e.operation])).toEqual([[5, 'POST /Users #5'], [4, 'POST /Users #4']]);
    expect(first[0]).toMatchObject({ status: 201, durationMs: 12, attempt: 1, outcome: 'success' });
    const second = await run(t, (p) => p.log.page(app, { before: 4, limit: 10 }));
    expect(second.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(await run(t, (p) => p.log.prune(at(3)))).toBe(3);
    expect((await run(t, (p) => p.log.page(app, { limit: 10 }))).map((e) => e.seq)).toEqual([5, 4, 3]);
  });

  it('log: each row carries its local object as it is now, read in the same query; gone objects and other tenants give none', async () => {
    const [t, t2] = [await newTenant(getStorage()), await newTenant(getStorage(), 'Fabrikam')];
    const app = newId();
    const ann = makeUser(t, { userPrincipalName: 'ann@contoso.example', displayName: 'Ann Archer' });
    const gone = makeUser(t);
    const sales = makeGroup(t, { displayName: 'Sales' });
    const binned = makeGroup(t, { displayName: 'Old team', deletedDateTime: at(2) });
    const elsewhere = makeUser(t2, { displayName: 'Other tenant' });
    await inTenant(getStorage(), t2, (s) => s.users.insert(elsewhere));
    await inTenant(getStorage(), t, async (s) => {
      for (const u of [ann, gone]) await s.users.insert(u);
      for (const g of [sales, binned]) await s.groups.insert(g);
      await s.users.delete(gone.id);
      const log = (objectType: 'user' | 'group' | null, localId: string | null, operation: string) => s.provisioning.log.append({
        appId: app, at: T0, operation, objectType, localId, remoteId: null, status: 200, outcome: 'success', error: null, durationMs: 1, attempt: 1,
      });
      await log('user', ann.id, 'POST /Users');
      await log('user', gone.id, 'DELETE /Users/r1');
      await log('group', sales.id, 'POST /Groups');
      await log('group', binned.id, 'DELETE /Groups/r2');
      await log('user', elsewhere.id, 'PATCH /Users/r3');
      await log('group', ann.id, 'PATCH /Groups/r4'); // a user's id as a group: no match across types
      await log(null, null, 'reconcile');
    });
    const rows = await run(t, (p) => p.log.page(app, { limit: 10 }));
    expect(rows.map((r) => [r.operation, r.local])).toEqual([
      ['reconcile', null],
      ['PATCH /Groups/r4', null],
      ['PATCH /Users/r3', null],
      ['DELETE /Groups/r2', { displayName: 'Old team', userPrincipalName: null, deletedDateTime: at(2) }],
      ['POST /Groups', { displayName: 'Sales', userPrincipalName: null, deletedDateTime: null }],
      ['DELETE /Users/r1', null],
      ['POST /Users', { displayName: 'Ann Archer', userPrincipalName: 'ann@contoso.example', deletedDateTime: null }],
    ]);
    expect((await run(t, (p) => p.log.page(app, { limit: 2, before: 4 }))).map((r) => r.local?.displayName ?? null)).toEqual(['Sales', null]);
  });

  it('outbox queue: claims due undone rows oldest first, marks them done, prunes', async () => {
    const t = await newTenant(getStorage());
    await inTenant(getStorage(), t, async (s) => {
      await s.outbox.enqueue({ topic: 'membership.added', payload: { groupId: 'g', memberId: 'u' } }, at(1));
      await s.outbox.enqueue({ topic: 'user.updated', payload: { userId: 'u' } }, at(2));
      await s.outbox.enqueue({ topic: 'later', payload: {} }, at(9));
    });
    const claimed = await run(t, (p) => p.outbox.claim(at(5), 10));
    expect(claimed.map((m) => m.topic)).toEqual(['membership.added', 'user.updated']);
    expect(claimed[0]!.payload).toEqual({ groupId: 'g', memberId: 'u' });
    await run(t, (p) => p.outbox.markDone(claimed.map((m) => m.id), at(5)));
    expect(await run(t, (p) => p.outbox.claim(at(5), 10))).toEqual([]);
    expect(await run(t, (p) => p.outbox.pruneDone(at(6)))).toBe(2);
  });

  it('tenant isolation: another tenant sees and claims none of it', async () => {
    const [t1, t2] = [await newTenant(getStorage()), await newTenant(getStorage(), 'Fabrikam')];
    const app = newId();
    await run(t1, async (p) => {
      await p.configs.put(makeConfig(t1, app));
      await p.objects.put({ appId: app, objectType: 'user', localId: 'u', remoteId: 'r', active: true, attributesHash: null, updatedDateTime: T0 });
      await p.jobs.enqueue({ appId: app, kind: 'user', objectId: 'u' }, T0);
      await p.log.append({ appId: app, at: T0, operation: 'x', objectType: null, localId: null, remoteId: null, status: null, outcome: 'success', error: null, durationMs: null, attempt: null });
    });
    await inTenant(getStorage(), t1, (s) => s.outbox.enqueue({ topic: 'user.updated', payload: {} }, T0));
    await run(t2, async (p) => {
      expect(await p.configs.get(app)).toBeNull();
      expect(await p.configs.list()).toEqual([]);
      expect(await p.objects.count(app, 'user')).toBe(0);
      expect(await p.jobs.claim({ now: at(1), leaseUntil: at(2), worker: 'w', limit: 10 })).toEqual([]);
      expect(await p.jobs.count(app)).toBe(0);
      expect(await p.log.page(app, { limit: 10 })).toEqual([]);
      expect(await p.outbox.claim(at(1), 10)).toEqual([]);
      expect(await p.configs.delete(app)).toBe(false);
    });
    expect(await run(t1, (p) => p.jobs.count(app))).toBe(1);
  });

  it.runIf(engine === 'postgres')('two concurrent claimers never get the same job (20 rounds)', async () => {
    const t = await newTenant(getStorage());
    const app = newId();
    await run(t, (p) => p.configs.put(makeConfig(t, app)));
    for (let round = 0; round < 20; round++) {
      await run(t, async (p) => {
        for (let i = 0; i < 6; i++) await p.jobs.enqueue({ appId: app, kind: 'user', objectId: `r${round}-${i}` }, T0);
      });
      const claim = (worker: string) => run(t, async (p) => {
        const jobs = await p.jobs.claim({ now: at(1), leaseUntil: at(2), worker, limit: 4 });
        await new Promise((r) => setTimeout(r, 5));
        return jobs;
      });
      const [a, b] = await Promise.all([claim('a'), claim('b')]);
      const ids = [...a, ...b].map((j) => j.objectId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(6);
      await run(t, async (p) => {
        for (const job of [...a, ...b]) expect(await p.jobs.complete(job)).toBe(true);
      });
    }
  });

  it.runIf(engine === 'postgres')('two concurrent dispatchers never take the same outbox row', async () => {
    const t = await newTenant(getStorage());
    await inTenant(getStorage(), t, async (s) => {
      for (let i = 0; i < 10; i++) await s.outbox.enqueue({ topic: 'user.updated', payload: { userId: `u${i}` } }, T0);
    });
    const drain = () => run(t, async (p) => {
      const rows = await p.outbox.claim(at(1), 6);
      await new Promise((r) => setTimeout(r, 5));
      await p.outbox.markDone(rows.map((r) => r.id), at(1));
      return rows.map((r) => r.id);
    });
    const [a, b] = await Promise.all([drain(), drain()]);
    expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
    expect(a.length + b.length).toBe(10);
  });
});
