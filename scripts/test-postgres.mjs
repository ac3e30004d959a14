#!/usr/bin/env node
// The PostgreSQL suite: every test that runs per engine (describeEachEngine names them "… [postgres]"),
// in every file — so a new suite cannot be left out of CI by forgetting to list it.
//   node scripts/test-postgres.mjs [extra vitest arguments]
// ROSTER_TEST_DATABASE_URL picks the server (default postgres://postgres@127.0.0.1:5432/test). The
// database is created when missing; an unreachable server fails the run (never a silent skip).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const url = process.env.ROSTER_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const ONLY_POSTGRES = ['--testNamePattern', '\\[postgres\\]'];
const root = fileURLToPath(new URL('..', import.meta.url));

/** The URL without its password, for messages. */
function shown(u) {
  try {
    const parsed = new URL(u);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function tryConnect(u) {
  const client = new pg.Client({ connectionString: u, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase() {
  const error = await tryConnect(url);
  if (error === null) return;
  // 3D000 = invalid_catalog_name: the server answers but the database does not exist yet.
  if (error.code !== '3D000') throw new Error(`PostgreSQL is not reachable at ${shown(url)}: ${error.message}`);
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
    console.log(`Created database ${name}.`);
  } finally {
    await client.end();
  }
}

try {
  await ensureDatabase();
} catch (error) {
  console.error(`test:postgres: ${error.message}`);
  console.error('Start PostgreSQL or set ROSTER_TEST_DATABASE_URL to a reachable server.');
  process.exit(1);
}

console.log(`Running every [postgres] test on ${shown(url)}`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const child = spawn(process.execPath, [vitest, 'run', ...ONLY_POSTGRES, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ROSTER_TEST_DATABASE_URL: url },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
