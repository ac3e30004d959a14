// The audit hash chain on real storage (docs/adr/0016): the sealer links committed events in commit
// order under a per-tenant lock, never past a transaction still running below the horizon, two
// sealers make one chain, and `verifyAuditLog` names the first bad seq after SQL tampering.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { TenantScope } from '../core/ports.js';
import { sealAuditLog } from '../core/use-cases/seal-audit-log.js';
import { verifyAuditLog } from '../core/use-cases/verify-audit-log.js';
import { randomIds, SettableClock, testPasswordHasher } from '../core/testing/deps.js';
import { newWorld, SECURITY } from '../core/testing/world.js';
import type { Storage } from './open-storage.js';
import { describeEachEngine } from './testing/engines.js';
import { inTenant, makeAuditEvent, newTenant } from './testing/fixtures.js';

const deps = (s: Storage) => ({ uow: s.uow, clock: new SettableClock(), ids: randomIds, passwords: testPasswordHasher });
const seqs = async (s: Storage, t: string) => (await inTenant(s, t, (x) => x.audit.sealed({ order: 'asc', limit: 100_000 }))).map((e) => e.seq);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

async function appendMany(s: Storage, t: string, n: number): Promise<void> {
  await Promise.all(range(n).map((i) => inTenant(s, t, (x) => x.audit.append(makeAuditEvent({ requestId: `r${i}` })))));
}

/** PostgreSQL's horizon is cluster-wide: another test's open transaction may hold it back a moment. */
async function sealUntil(s: Storage, t: string, count: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await sealAuditLog(deps(s), t);
    if ((await seqs(s, t)).length >= count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fewer than ${count} events sealed`);
}

describeEachEngine('Audit chain', (getStorage, engine) => {
  it('after many use-case writes and denials every event is sealed once, seq 1..n, and the chain verifies', async () => {
    const s = getStorage();
    const w = await newWorld(s.uow);
    const ann = await w.newUser('Ann');
    for (let i = 0; i < 15; i++) {
      const { group } = await w.core.createGroup(w.adminCaller(), { displayName: `G${i}`, ...SECURITY });
      await w.core.addMember(w.adminCaller(), { groupId: group.id, memberId: ann.id });
      await expect(w.core.deleteGroup(w.as(ann), { groupId: group.id })).rejects.toMatchObject({ category: 'forbidden' });
    }
    const all = await inTenant(s, w.tenantId, (x) => x.audit.list({ limit: 10_000 }));
    await sealUntil(s, w.tenantId, all.length);
    const { verdict } = await verifyAuditLog(deps(s), w.tenantId);
    expect(verdict).toMatchObject({ ok: true, checked: all.length, head: { seq: all.length } });
    expect(await seqs(s, w.tenantId)).toEqual(range(all.length));
    expect(all.filter((e) => e.outcome === 'denied')).toHaveLength(15);
    // Sealing again seals nothing and changes nothing.
    const head = await inTenant(s, w.tenantId, (x) => x.audit.head());
    expect(await sealAuditLog(deps(s), w.tenantId)).toBe(0);
    expect(await inTenant(s, w.tenantId, (x) => x.audit.head())).toEqual(head);
  });

  it('two (five) sealers at once make one chain: no duplicate or missing seq', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await appendMany(s, t, 120);
    const sealed = await Promise.all(range(5).map(() => sealAuditLog(deps(s), t)));
    const total = sealed.reduce((a, b) => a + b, 0);
    if (total < 120) await sealUntil(s, t, 120);
    expect(await seqs(s, t)).toEqual(range(120));
    expect((await verifyAuditLog(deps(s), t)).verdict).toMatchObject({ ok: true, checked: 120 });
  });

  it('writers and sealers running together still end in one gap-free chain', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await Promise.all([
      appendMany(s, t, 60),
      ...range(6).map(async (i) => { await new Promise((r) => setTimeout(r, i * 5)); await sealAuditLog(deps(s), t); }),
      appendMany(s, t, 60),
    ]);
    await sealUntil(s, t, 120);
    expect(await seqs(s, t)).toEqual(range(120));
    expect((await verifyAuditLog(deps(s), t)).verdict.ok).toBe(true);
  });

  it('a tenant\'s chain is its own: sealing one tenant leaves another unsealed, and each starts at seq 1', async () => {
    const s = getStorage();
    const [a, b] = [await newTenant(s, 'A'), await newTenant(s, 'B')];
    await appendMany(s, a, 3);
    await appendMany(s, b, 2);
    await sealUntil(s, a, 3);
    expect(await seqs(s, b)).toEqual([]);
    await sealUntil(s, b, 2);
    expect(await seqs(s, b)).toEqual([1, 2]);
    const [ha, hb] = [await inTenant(s, a, (x) => x.audit.head()), await inTenant(s, b, (x) => x.audit.head())];
    expect(ha.seq).toBe(3);
    expect(ha.hash).not.toBe(hb.hash);
  });

  it('verify names the first bad seq: a field changed through SQL, then a middle row deleted', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await appendMany(s, t, 8);
    await sealUntil(s, t, 8);
    expect((await verifyAuditLog(deps(s), t)).verdict.ok).toBe(true);

    await sql`update audit_events set after_json = ${JSON.stringify({ displayName: 'forged' })} where tenant_id = ${t} and seq = 3`.execute(s.db);
    expect((await verifyAuditLog(deps(s), t)).verdict).toMatchObject({ ok: false, seq: 3, problem: 'hashMismatch', message: expect.stringContaining('seq 3') });

    await sql`update audit_events set actor_id = 'someone-else' where tenant_id = ${t} and seq = 2`.execute(s.db);
    expect((await verifyAuditLog(deps(s), t)).verdict).toMatchObject({ ok: false, seq: 2, problem: 'hashMismatch' });
  });

  it('verify reports a gap where a middle row was deleted, and a re-numbered tail as unlinked', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await appendMany(s, t, 6);
    await sealUntil(s, t, 6);
    await sql`delete from audit_events where tenant_id = ${t} and seq = 4`.execute(s.db);
    expect((await verifyAuditLog(deps(s), t)).verdict).toMatchObject({ ok: false, seq: 4, problem: 'gap', checked: 3 });
    // Closing the gap by renumbering does not help: seq 4 no longer links to seq 3.
    // In two steps: PostgreSQL checks the unique (tenant_id, seq) index row by row, in no set order.
    await sql`update audit_events set seq = -seq where tenant_id = ${t} and seq > 4`.execute(s.db);
    await sql`update audit_events set seq = -seq - 1 where tenant_id = ${t} and seq < 0`.execute(s.db);
    expect((await verifyAuditLog(deps(s), t)).verdict).toMatchObject({ ok: false, seq: 4, problem: 'prevHashMismatch' });
  });

  it.runIf(engine === 'postgres')('never seals past a transaction still open below the horizon (a later one that committed waits)', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await appendMany(s, t, 2);
    await sealUntil(s, t, 2);
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let wrote!: () => void;
    const written = new Promise<void>((r) => { wrote = r; });
    // A: takes its transaction id (the lower position) first, then stays open.
    const a = inTenant(s, t, async (x: TenantScope) => {
      await x.audit.append(makeAuditEvent({ requestId: 'early' }));
      wrote();
      await held;
    });
    await written;
    // B: a higher position, committed first.
    await inTenant(s, t, (x) => x.audit.append(makeAuditEvent({ requestId: 'late' })));
    expect(await sealAuditLog(deps(s), t)).toBe(0);
    expect(await seqs(s, t)).toEqual([1, 2]);
    release();
    await a;
    await sealUntil(s, t, 4);
    const sealed = await inTenant(s, t, (x) => x.audit.sealed({ order: 'asc', limit: 10 }));
    // Sealed in commit-position order: A's event (the lower transaction id) first.
    expect(sealed.map((e) => e.requestId).slice(2)).toEqual(['early', 'late']);
    expect((await verifyAuditLog(deps(s), t)).verdict).toMatchObject({ ok: true, checked: 4 });
  });

  it.runIf(engine === 'postgres')('a sealer waits for another sealer of the same tenant (the per-tenant lock)', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await appendMany(s, t, 3);
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => { locked = r; });
    const holder = inTenant(s, t, async (x) => { await x.audit.lockChain(); locked(); await held; });
    await isLocked;
    let done = false;
    const waiting = sealAuditLog(deps(s), t).then((n) => { done = true; return n; });
    await new Promise((r) => setTimeout(r, 200));
    expect(done).toBe(false);
    release();
    await holder;
    await waiting;
    await sealUntil(s, t, 3);
    expect(await seqs(s, t)).toEqual([1, 2, 3]);
  });
});
