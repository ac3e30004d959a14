// Runs one test suite on every engine: SQLite always, PostgreSQL when ROSTER_TEST_DATABASE_URL is set
// (otherwise its variant is reported as skipped, never silently green).
//
//   describeEachEngine('users', (getStorage, engine) => {
//     it('round-trips', async () => { const s = getStorage(); … });
//   });
//
// Each describeEachEngine block gets its own database: a temp SQLite file, or a fresh PostgreSQL
// schema `t_<random>` dropped afterwards, so test files run in parallel without seeing each other.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStorage } from '../open-storage.js';
import type { Storage } from '../open-storage.js';
import type { Engine } from '../sql-helpers.js';

export const TEST_DATABASE_URL = process.env['ROSTER_TEST_DATABASE_URL'] || undefined;

export interface TestStorage {
  storage: Storage;
  /** Closes the storage and removes its database (temp file or schema). */
  dispose(): Promise<void>;
}

/** A fresh, migrated database on the engine. PostgreSQL needs ROSTER_TEST_DATABASE_URL. */
export async function openTestStorage(engine: Engine): Promise<TestStorage> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'roster-test-'));
    const storage = await openStorage({ sqlitePath: join(dir, 'roster.db') });
    await storage.migrate();
    return {
      storage,
      dispose: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('ROSTER_TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(8).toString('hex')}`;
  const storage = await openStorage({ databaseUrl: TEST_DATABASE_URL, pgSchema: schema });
  await storage.migrate();
  return {
    storage,
    dispose: async () => {
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(storage.db);
      } finally {
        await storage.close();
      }
    },
  };
}

export type GetStorage = () => Storage;

function engineSuite(name: string, engine: Engine, body: (getStorage: GetStorage, engine: Engine) => void): void {
  let current: TestStorage | undefined;
  beforeAll(async () => {
    current = await openTestStorage(engine);
  });
  afterAll(async () => {
    await current?.dispose();
    current = undefined;
  });
  body(() => {
    if (!current) throw new Error(`${name} [${engine}]: storage is not open (use getStorage() inside tests or hooks)`);
    return current.storage;
  }, engine);
}

export function describeEachEngine(name: string, body: (getStorage: GetStorage, engine: Engine) => void): void {
  describe(`${name} [sqlite]`, () => engineSuite(name, 'sqlite', body));
  describe.skipIf(!TEST_DATABASE_URL)(`${name} [postgres]`, () => engineSuite(name, 'postgres', body));
}
