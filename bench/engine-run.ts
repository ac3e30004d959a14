// One engine's benchmark, run in its own process so its memory figure is its own.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCore, type Caller } from '../src/core/index.js';
import type { CoreDeps } from '../src/core/ports.js';
import { scryptPasswordHasher } from '../src/platform/passwords.js';
import { bulkImport } from '../src/storage/bulk-import.js';
import { openStorage, type Storage } from '../src/storage/open-storage.js';
import { groupUuid, loadDirectory, loadProbes, userUuid } from './directory.js';
import { latencies, percentile, prng, rssSampler, throughput, type Figure } from './measure.js';

export interface EngineRunOptions {
  engine: 'sqlite' | 'postgres';
  dir: string;
  probes: number;
  roundTrips: number;
  databaseUrl: string;
}

export async function open(opts: EngineRunOptions): Promise<{ storage: Storage; cleanup: () => Promise<void> }> {
  if (opts.engine === 'sqlite') {
    const file = resolve(import.meta.dirname, '..', '.bench-data', 'bench.db');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    const storage = await openStorage({ sqlitePath: file });
    return { storage, cleanup: () => storage.close() };
  }
  const schema = `bench_${process.pid}`;
  const storage = await openStorage({ databaseUrl: opts.databaseUrl, pgSchema: schema });
  return {
    storage,
    cleanup: async () => {
      await storage.close();
      const admin = await openStorage({ databaseUrl: opts.databaseUrl });
      const { sql } = await import('kysely');
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    },
  };
}

export async function runEngine(opts: EngineRunOptions): Promise<Figure[]> {
  const rss = rssSampler();
  const figures: Figure[] = [];
  // The targets are for SQLite on this 2-core machine; PostgreSQL figures are reported without a verdict.
  const add = (f: Omit<Figure, 'engine'>) => figures.push(opts.engine === 'sqlite'
    ? { ...f, engine: opts.engine }
    : { figure: f.figure, value: f.value, unit: f.unit, engine: opts.engine, ...(f.detail ? { detail: f.detail } : {}) });
  const { storage, cleanup } = await open(opts);
  try {
    await storage.migrate();
    const deps: CoreDeps = { uow: storage.uow, clock: { now: () => new Date().toISOString() }, ids: { newId: randomUUID }, passwords: scryptPasswordHasher() };
    const core = createCore(deps);
    const { tenant, admin } = await core.bootstrapTenant({ tenantName: 'Bench', admin: { userPrincipalName: 'admin@bench.test', displayName: 'Admin', password: randomUUID() } });

    // 1. Bulk load: parse the CSV directory, insert users, groups, memberships and the nesting closure.
    const loadStart = process.hrtime.bigint();
    const { directory, stats } = loadDirectory(opts.dir);
    const loaded = await bulkImport(storage, tenant.id, directory, new Date().toISOString());
    const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;
    add({ figure: 'bulk load', value: loadSeconds, unit: 's', target: '<= 60', met: loadSeconds <= 60, detail: { ...loaded } });

    // 2. Is U a transitive member of G (probe_trans.tsv), in-process through the repository.
    const probes = loadProbes(opts.dir, 'probe_trans.tsv', opts.probes);
    let hits = 0;
    const check = await storage.uow.transaction(tenant.id, (scope) =>
      throughput(probes, async ([u, g]) => { if (await scope.memberships.isTransitiveMember(g, u)) hits++; }));
    add({ figure: 'transitive check', value: check.opsPerSec, unit: 'ops/s', target: '>= 50000', met: check.opsPerSec >= 50_000, detail: { probes: probes.length, trueAnswers: hits } });

    // 3. All transitive groups of U (random users).
    const random = prng(7);
    const users = Array.from({ length: opts.probes }, () => userUuid(1 + Math.floor(random() * stats.users)));
    let groupsSeen = 0;
    const trans = await storage.uow.transaction(tenant.id, (scope) =>
      throughput(users, async (u) => { groupsSeen += (await scope.memberships.transitiveGroupIdsOf(u)).length; }));
    add({ figure: 'transitive groups of U', value: trans.opsPerSec, unit: 'ops/s', target: '>= 20000', met: trans.opsPerSec >= 20_000, detail: { users: users.length, avgGroups: +(groupsSeen / users.length).toFixed(1) } });

    // 4. A 100-row page of the 50,000-member group, keyset-paged, with the members' user rows.
    const big = groupUuid(stats.biggestGroup.id);
    let cursor: string | undefined;
    let seen = 0;
    const pages = Array.from({ length: Math.ceil(stats.biggestGroup.members / 100) + 1 }, (_, i) => i);
    const pageMs = await storage.uow.transaction(tenant.id, (scope) => latencies(pages, async () => {
      const page = await scope.memberships.listMembers(big, { after: cursor, limit: 100 });
      const rows = await scope.users.getMany(page.map((m) => m.memberId));
      seen += rows.length;
      cursor = page.at(-1)?.memberId;
    }));
    add({ figure: 'member page p99 (100 of 50k)', value: percentile(pageMs, 99), unit: 'ms', target: '<= 5', met: percentile(pageMs, 99) <= 5, detail: { p50: +percentile(pageMs, 50).toFixed(3), pages: pages.length, membersSeen: seen } });

    // 5. Join + approve round trip through the use cases (request as a user, approve as the owner).
    figures.push(...await roundTrips(core, tenant.id, admin.id, stats.users, opts));
  } finally {
    await cleanup();
  }
  const peak = rss.stop();
  add({ figure: 'peak RSS', value: peak, unit: 'MiB', target: '<= 500', met: peak <= 500 });
  return figures;
}

async function roundTrips(core: ReturnType<typeof createCore>, tenantId: string, adminId: string, userCount: number, opts: EngineRunOptions): Promise<Figure[]> {
  const as = (userId: string, channel: Caller['channel'] = 'myGroups'): Caller => ({ tenantId, principal: { type: 'user', userId }, channel });
  await core.updateSettings(as(adminId, 'adminCenter'), { ownersCanManageJoinRequests: true });
  const owner = userUuid(1);
  const group = await core.createGroup(as(adminId, 'adminCenter'), {
    displayName: 'Bench approvals', securityEnabled: true, mailEnabled: false, joinPolicy: 'approval', owners: [owner],
  });
  const requesters = Array.from({ length: opts.roundTrips }, (_, i) => userUuid(userCount - i));
  const ms = await latencies(requesters, async (userId) => {
    const request = await core.requestToJoin(as(userId), { groupId: group.group.id, justification: 'benchmark' });
    await core.decideJoinRequest(as(owner), { requestId: request.id, decision: 'approve' });
  });
  const total = ms.reduce((a, b) => a + b, 0) / 1000;
  return [
    { figure: 'join + approve round trip', engine: opts.engine, value: requesters.length / total, unit: 'ops/s', detail: { p50ms: +percentile(ms, 50).toFixed(2), p99ms: +percentile(ms, 99).toFixed(2), roundTrips: requesters.length } },
  ];
}
