// `npm run bench:http` — SECURITY §4 "Load held": for each engine, a child process seeds the data set
// (10k users, 2k groups, 100k memberships, 5k pending requests) and serves Roster over plain HTTP on
// port 0; this process drives it (read mix, write mix, overload + recovery) and prints a table and
// one JSON line per scenario. The server runs alone in its child so its RSS and CPU are its own.
//   --engine sqlite|postgres|both   default both; PostgreSQL from BENCH_DATABASE_URL or the local test db
//   --duration S                    seconds per scenario (default 60, or BENCH_DURATION)
//   --users N --groups N --memberships N --pending N   the data set (default the §4 one)
//   --connections N --write-concurrency N --overload-connections N
//   --rate-limit N                  ROSTER_RATE_LIMIT_PER_MINUTE for the server (default 6000, the production default)
//   --server-cpu-prof               the server child writes a V8 CPU profile to .bench-data/prof/
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openStorage, type Storage } from '../src/storage/open-storage.js';
import { DEFAULT_DRIVER, runHttpBench, type ScenarioSummary } from './http-driver.js';
import { SECURITY_SCALE, type Fixture, type SeedScale } from './http-seed.js';
import { startBenchServer } from './http-server.js';
import { formatTable } from './http-table.js';
import { rssSampler } from './measure.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const num = (name: string, fallback: number) => Number(opt(name, String(fallback)));

type FromChild = { type: 'ready'; origin: string; fixture: Fixture } | { type: 'rss'; peakMiB: number } | { type: 'failed'; error: string };
type ToChild = { type: 'reset' } | { type: 'rss' } | { type: 'stop' };

/** The §4 data set, or a smaller one: a tenth of the groups are the approval groups, a fifth of the users read. */
const scale = (): SeedScale => {
  const users = num('users', SECURITY_SCALE.users);
  const groups = num('groups', SECURITY_SCALE.groups);
  return {
    users, groups, memberships: num('memberships', SECURITY_SCALE.memberships), pendingRequests: num('pending', SECURITY_SCALE.pendingRequests),
    approvalGroups: Math.max(1, Math.round(groups / 10)), readers: Math.max(1, Math.round(users / 5)),
  };
};

async function openFresh(engine: string, databaseUrl: string): Promise<{ storage: Storage; dispose: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'roster-bench-http-'));
    const storage = await openStorage({ sqlitePath: join(dir, 'roster.db') });
    return { storage, dispose: async () => { await storage.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `bench_http_${process.pid}`;
  const storage = await openStorage({ databaseUrl, pgSchema: schema });
  return { storage, dispose: async () => { await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(storage.db); await storage.close(); } };
}

/** The server side: seed, serve, answer RSS questions, stop when told. */
async function child(): Promise<void> {
  const send = (m: FromChild) => process.send?.(m);
  const { storage, dispose } = await openFresh(opt('engine', 'sqlite'), opt('database-url', ''));
  try {
    await storage.migrate();
    const server = await startBenchServer(storage, { scale: scale(), rateLimitPerMinute: num('rate-limit', 6000), tokenRateLimitPerMinute: 60 });
    let rss = rssSampler();
    process.on('message', (m: ToChild) => {
      if (m.type === 'reset') { rss.stop(); rss = rssSampler(); send({ type: 'rss', peakMiB: 0 }); }
      if (m.type === 'rss') send({ type: 'rss', peakMiB: rss.stop() });
      if (m.type === 'stop') void server.close().then(dispose).then(() => process.exit(0));
    });
    send({ type: 'ready', origin: server.origin, fixture: server.fixture });
  } catch (error) {
    await dispose();
    send({ type: 'failed', error: (error as Error).stack ?? String(error) });
    process.exit(1);
  }
}

async function runEngine(engine: string, databaseUrl: string, seconds: number): Promise<{ seedSeconds: number; scenarios: ScenarioSummary[] }> {
  const execArgv = [...process.execArgv];
  if (args.includes('--server-cpu-prof')) {
    const dir = resolve(import.meta.dirname, '..', '.bench-data', 'prof');
    mkdirSync(dir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
  }
  const forwarded = args.filter((a) => a !== '--engine' && a !== engine && a !== 'both');
  const proc = fork(new URL(import.meta.url).pathname, ['--child', ...forwarded, '--engine', engine, '--database-url', databaseUrl], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters: Array<(m: FromChild) => void> = [];
  proc.on('message', (m: FromChild) => waiters.shift()?.(m));
  const ask = (m: ToChild | null) => new Promise<FromChild>((res, rej) => {
    waiters.push(res);
    proc.once('exit', (code) => rej(new Error(`the server child exited (${code})`)));
    if (m) proc.send(m);
  });
  const ready = await ask(null);
  if (ready.type !== 'ready') throw new Error(ready.type === 'failed' ? ready.error : 'unexpected message');
  console.log(`${engine}: seeded in ${ready.fixture.seedSeconds.toFixed(1)} s, serving ${ready.origin}`);
  try {
    const scenarios = await runHttpBench({
      origin: ready.origin, fixture: ready.fixture,
      rss: { reset: async () => { await ask({ type: 'reset' }); }, peakMiB: async () => { const m = await ask({ type: 'rss' }); return m.type === 'rss' ? m.peakMiB : 0; } },
    }, {
      ...DEFAULT_DRIVER, seconds, readConnections: num('connections', DEFAULT_DRIVER.readConnections),
      writeConcurrency: num('write-concurrency', DEFAULT_DRIVER.writeConcurrency), overloadConnections: num('overload-connections', DEFAULT_DRIVER.overloadConnections),
    });
    return { seedSeconds: ready.fixture.seedSeconds, scenarios };
  } finally {
    const exited = new Promise((res) => proc.once('exit', res));
    proc.send({ type: 'stop' });
    await exited;
  }
}

async function main(): Promise<void> {
  if (args.includes('--child')) return child();
  const which = opt('engine', 'both');
  const engines = which === 'both' ? ['sqlite', 'postgres'] : [which];
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.ROSTER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const seconds = num('duration', Number(process.env.BENCH_DURATION ?? 60));
  const s = scale();
  console.log(`HTTP load benchmark: ${s.users} users, ${s.groups} groups, ${s.memberships} memberships, ${s.pendingRequests} pending requests; ${seconds} s per scenario; plain HTTP on 127.0.0.1.`);
  const out: Array<{ engine: string; seedSeconds: number; scenarios: ScenarioSummary[] }> = [];
  let failed = false;
  for (const engine of engines) {
    try {
      out.push({ engine, ...await runEngine(engine, databaseUrl, seconds) });
    } catch (error) {
      failed = true;
      console.log(`${engine}: the run failed — ${(error as Error).message}`);
    }
  }
  for (const r of out) console.log(`\n== ${r.engine} ==\n${formatTable(r.scenarios)}`);
  console.log('');
  for (const r of out) for (const sc of r.scenarios) console.log(JSON.stringify({ engine: r.engine, seedSeconds: +r.seedSeconds.toFixed(1), ...sc }));
  if (failed) process.exitCode = 1;
}

await main();
