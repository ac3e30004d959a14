// `npm run bench` — loads the standard directory (../shared/bench/gen.mjs) into each engine and prints
// a table plus one JSON line per figure. Each engine runs in a child process (own memory figure).
//   --engine sqlite|postgres|both   (default both; PostgreSQL from BENCH_DATABASE_URL or the local test db)
//   --dir DIR                       an existing generated directory instead of the cached standard one
//   --users N --groups N            size of the generated directory (default 100000 × 10000)
//   --probes N                      questions per throughput figure (default 50000)
//   --round-trips N                 join + approve round trips (default 300)
import { spawn } from 'node:child_process';
import { ensureDirectory } from './directory.js';
import { runEngine, type EngineRunOptions } from './engine-run.js';
import type { Figure } from './measure.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const PREFIX = 'BENCH_FIGURE ';

async function child(): Promise<void> {
  const figures = await runEngine({
    engine: opt('engine', 'sqlite') as EngineRunOptions['engine'],
    dir: opt('dir', ''),
    probes: Number(opt('probes', '50000')),
    roundTrips: Number(opt('round-trips', '300')),
    databaseUrl: opt('database-url', ''),
  });
  for (const f of figures) process.stdout.write(`${PREFIX}${JSON.stringify(f)}\n`);
}

function runChild(engine: string, dir: string, databaseUrl: string): Promise<{ figures: Figure[]; ok: boolean; error: string }> {
  return new Promise((resolve) => {
    const argv = ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', '--engine', engine, '--dir', dir,
      '--probes', opt('probes', '50000'), '--round-trips', opt('round-trips', '300'), '--database-url', databaseUrl];
    const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    proc.stderr.on('data', (d: Buffer) => { err += d.toString(); process.stderr.write(d); });
    proc.on('close', (code) => {
      const figures = out.split('\n').filter((l) => l.startsWith(PREFIX)).map((l) => JSON.parse(l.slice(PREFIX.length)) as Figure);
      resolve({ figures, ok: code === 0, error: err.trim().split('\n').at(-1) ?? '' });
    });
  });
}

function format(f: Figure): string {
  const value = f.unit === 'ops/s' ? Math.round(f.value).toLocaleString('en') : f.value.toFixed(f.unit === 'ms' ? 3 : 1);
  const verdict = f.met === undefined ? '' : f.met ? 'met' : 'MISSED';
  return `| ${f.figure.padEnd(30)} | ${f.engine.padEnd(8)} | ${`${value} ${f.unit}`.padStart(16)} | ${(f.target ?? '').padEnd(18)} | ${verdict.padEnd(6)} |`;
}

async function main(): Promise<void> {
  if (args.includes('--child')) return child();
  const dir = ensureDirectory(opt('dir', '') || undefined, Number(opt('users', '100000')), Number(opt('groups', '10000')));
  const which = opt('engine', 'both');
  const engines = which === 'both' ? ['sqlite', 'postgres'] : [which];
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.ROSTER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  console.log(`Benchmark directory: ${dir}`);
  const all: Figure[] = [];
  let failed = false;
  for (const engine of engines) {
    console.log(`\n== ${engine} ==`);
    const result = await runChild(engine, dir, databaseUrl);
    all.push(...result.figures);
    if (!result.ok) {
      failed = true;
      console.log(`${engine}: the run failed — ${result.error}`);
    }
  }
  console.log('\n| figure                         | engine   |            value | target             | verdict |');
  console.log('|--------------------------------|----------|------------------|--------------------|---------|');
  for (const f of all) console.log(format(f));
  console.log('');
  for (const f of all) console.log(JSON.stringify(f));
  if (failed) process.exitCode = 1;
}

await main();
