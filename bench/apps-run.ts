// `npm run bench:apps` — effective access at benchmark scale (issue 5): the standard directory plus
// 200 apps assigned to groups (app 1 to the 50,000-member group, cascading; app 2 to app 1's audience;
// 100 users blocked from app 1; the rest to 1–3 random groups). Measures, through the use cases:
// effective users of app 1 and app 2 (first page of 100 + full count) and explain for one user/app.
//   --engine sqlite|postgres|both   (default both)   --dir DIR   --users N --groups N   --samples N (default 200)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createCore, type Caller } from '../src/core/index.js';
import type { CoreDeps } from '../src/core/ports.js';
import { scryptPasswordHasher } from '../src/platform/passwords.js';
import { bulkImport } from '../src/storage/bulk-import.js';
import { DEFAULT_ACCESS_ROLE_ID } from '../src/core/domain/apps.js';
import { ensureDirectory, groupUuid, loadDirectory, userUuid } from './directory.js';
import { open, type EngineRunOptions } from './engine-run.js';
import { latencies, percentile, prng, type Figure } from './measure.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const PREFIX = 'BENCH_FIGURE ';
const APPS = 200;

async function child(): Promise<void> {
  const opts: EngineRunOptions = { engine: opt('engine', 'sqlite') as EngineRunOptions['engine'], dir: opt('dir', ''), probes: 0, roundTrips: 0, databaseUrl: opt('database-url', '') };
  const samples = Number(opt('samples', '200'));
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'engine'>) => figures.push(opts.engine === 'sqlite' ? { ...f, engine: opts.engine }
    : { figure: f.figure, value: f.value, unit: f.unit, engine: opts.engine, ...(f.detail ? { detail: f.detail } : {}) });
  const { storage, cleanup } = await open(opts);
  try {
    await storage.migrate();
    const deps: CoreDeps = { uow: storage.uow, clock: { now: () => new Date().toISOString() }, ids: { newId: randomUUID }, passwords: scryptPasswordHasher() };
    const core = createCore(deps);
    const { tenant, admin } = await core.bootstrapTenant({ tenantName: 'Bench', admin: { userPrincipalName: 'admin@bench.test', displayName: 'Admin', password: randomUUID() } });
    const { directory, stats } = loadDirectory(opts.dir);
    await bulkImport(storage, tenant.id, directory, new Date().toISOString());

    const random = prng(11);
    const now = new Date().toISOString();
    const appIds = Array.from({ length: APPS }, (_, i) => `00000000-0000-4000-a000-${(i + 1).toString(16).padStart(12, '0')}`);
    await storage.uow.transaction(tenant.id, async (scope) => {
      for (const [i, id] of appIds.entries()) {
        await scope.apps.insert({
          tenantId: tenant.id, id, appId: randomUUID(), displayName: `App ${i + 1}`, description: null, homepage: null, loginUrl: null, logoUrl: null,
          accountEnabled: true, appRoleAssignmentRequired: true, visibleToUsers: true, cascadeNestedGroups: true, appRoles: [], createdBy: null, createdDateTime: now,
        });
      }
      const give = (appId: string, principalType: 'Group' | 'ServicePrincipal', principalId: string) => scope.appAssignments.insert({
        tenantId: tenant.id, id: randomUUID(), resourceId: appId, appRoleId: DEFAULT_ACCESS_ROLE_ID, principalType, principalId, createdBy: null, createdDateTime: now,
      });
      await give(appIds[0] as string, 'Group', groupUuid(stats.biggestGroup.id));
      await give(appIds[1] as string, 'ServicePrincipal', appIds[0] as string);
      for (const appId of appIds.slice(2)) {
        const groups = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => groupUuid(1 + Math.floor(random() * stats.groups))));
        for (const g of groups) await give(appId, 'Group', g);
      }
      for (let i = 0; i < 100; i++) {
        await scope.appBlocks.add({ tenantId: tenant.id, appId: appIds[0] as string, userId: userUuid(1 + Math.floor(random() * stats.users)), reason: null, createdBy: null, createdDateTime: now });
      }
    });
    if (opts.engine === 'postgres') {
      const { sql } = await import('kysely');
      await sql`analyze`.execute(storage.db);
    }

    const caller: Caller = { tenantId: tenant.id, principal: { type: 'user', userId: admin.id }, channel: 'adminCenter' };
    for (const [label, appId] of [['app 1 (group)', appIds[0]], ['app 2 (audience of app 1)', appIds[1]]] as const) {
      let audience = 0;
      await core.listEffectiveUsers(caller, { appId: appId as string, limit: 100, count: true }); // warm
      const ms = await latencies(Array.from({ length: Math.max(20, samples / 4) }, (_, i) => i), async () => {
        audience = (await core.listEffectiveUsers(caller, { appId: appId as string, limit: 100, count: true })).count ?? 0;
      });
      add({ figure: `effective users ${label} p99`, value: percentile(ms, 99), unit: 'ms', target: '<= 50', met: percentile(ms, 99) <= 50, detail: { p50: +percentile(ms, 50).toFixed(2), audience, samples: ms.length } });
    }
    const members = await storage.uow.transaction(tenant.id, (scope) => scope.memberships.listMembers(groupUuid(stats.biggestGroup.id), { limit: 5000 }));
    const subjects = Array.from({ length: samples }, () => members[Math.floor(random() * members.length)]?.memberId as string);
    const targets = Array.from({ length: samples }, (_, i) => appIds[i % 2 === 0 ? 1 : 2 + Math.floor(random() * (APPS - 2))] as string);
    let granted = 0;
    const explainMs = await latencies(subjects.map((u, i) => [u, targets[i] as string] as const), async ([userId, appId]) => {
      if ((await core.explainAppAccess(caller, { appId, userId })).verdict === 'granted') granted++;
    });
    add({ figure: 'explain one user/app p99', value: percentile(explainMs, 99), unit: 'ms', target: '<= 5', met: percentile(explainMs, 99) <= 5, detail: { p50: +percentile(explainMs, 50).toFixed(2), samples: explainMs.length, granted } });
  } finally {
    await cleanup();
  }
  for (const f of figures) process.stdout.write(`${PREFIX}${JSON.stringify(f)}\n`);
}

function runChild(engine: string, dir: string, databaseUrl: string): Promise<Figure[]> {
  return new Promise((resolve) => {
    const argv = ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', '--engine', engine, '--dir', dir, '--database-url', databaseUrl, '--samples', opt('samples', '200')];
    const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    proc.on('close', (code) => {
      if (code !== 0) process.exitCode = 1;
      resolve(out.split('\n').filter((l) => l.startsWith(PREFIX)).map((l) => JSON.parse(l.slice(PREFIX.length)) as Figure));
    });
  });
}

async function main(): Promise<void> {
  if (args.includes('--child')) return child();
  const dir = ensureDirectory(opt('dir', '') || undefined, Number(opt('users', '100000')), Number(opt('groups', '10000')));
  const which = opt('engine', 'both');
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.ROSTER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const all: Figure[] = [];
  for (const engine of which === 'both' ? ['sqlite', 'postgres'] : [which]) all.push(...await runChild(engine, dir, databaseUrl));
  console.log('| figure | engine | value | target | verdict | detail |\n|---|---|---|---|---|---|');
  for (const f of all) console.log(`| ${f.figure} | ${f.engine} | ${f.value.toFixed(2)} ${f.unit} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'met' : 'MISSED'} | ${JSON.stringify(f.detail ?? {})} |`);
}

await main();
