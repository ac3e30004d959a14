// openStorage: engine choice, SQLite file setup and pragmas, PostgreSQL schema pinning.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStorage } from './open-storage.js';
import type { Storage } from './open-storage.js';
import { TEST_DATABASE_URL } from './testing/engines.js';
import { inTenant, makeUser, newTenant } from './testing/fixtures.js';

const opened: Storage[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openStorage', () => {
  it('refuses an unsupported URL, naming the supported schemes but not the credentials', async () => {
    const err = await openStorage({ databaseUrl: 'mysql://root:hunter2@db/roster' }).then(() => null, (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(err?.message).toMatch(/"mysql".*postgres:\/\/.*postgresql:\/\//);
    expect(err?.message).not.toContain('hunter2');
    await expect(openStorage({ databaseUrl: 'not a url' })).rejects.toThrow(/Unsupported database URL scheme/);
  });

  it('SQLite: creates the parent folder, sets WAL, NORMAL sync, foreign keys and busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-open-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'deeper', 'roster.db');
    const s = await openStorage({ sqlitePath: path });
    opened.push(s);
    expect(s.engine).toBe('sqlite');
    await s.ping();
    expect(existsSync(path)).toBe(true);
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(s.db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(1);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
  });

  it('SQLite: works in memory', async () => {
    const s = await openStorage({ sqlitePath: ':memory:' });
    opened.push(s);
    await s.migrate();
    const t = await newTenant(s);
    const u = makeUser(t);
    await inTenant(s, t, (x) => x.users.insert(u));
    expect(await inTenant(s, t, (x) => x.users.get(u.id))).toEqual(u);
  });

  it('logs SQL (never parameters) when asked', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const s = await openStorage({ sqlitePath: ':memory:', logQueries: true });
      opened.push(s);
      await s.migrate();
      const t = await newTenant(s, 'SecretTenantName');
      await inTenant(s, t, (x) => x.memberships.isTransitiveMember('g', 'u'));
      const logged = write.mock.calls.map((c) => String(c[0])).join('');
      expect(logged).toMatch(/\[sql\] [\d.]+ms insert into "tenants"/);
      expect(logged).toMatch(/from "memberships"/);
      expect(logged).not.toContain('SecretTenantName');
    } finally {
      write.mockRestore();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('openStorage [postgres]', () => {
  const url = TEST_DATABASE_URL as string;

  it('creates the schema and pins every pooled connection to it', async () => {
    const schema = `t_${randomBytes(8).toString('hex')}`;
    const s = await openStorage({ databaseUrl: url, pgSchema: schema });
    opened.push(s);
    try {
      expect(s.engine).toBe('postgres');
      await s.migrate();
      await s.ping();
      // More concurrent queries than the pool has connections: every one resolves to the schema.
      const seen = await Promise.all(Array.from({ length: 25 }, () =>
        sql<{ s: string }>`select current_schema() as s, pg_sleep(0.01)`.execute(s.db).then((r) => r.rows[0]?.s)));
      expect(new Set(seen)).toEqual(new Set([schema]));
      const tables = await sql<{ n: string }>`select count(*) as n from information_schema.tables where table_schema = ${schema} and table_name = 'memberships'`.execute(s.db);
      expect(Number(tables.rows[0]?.n)).toBe(1);
    } finally {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(s.db);
    }
  });

  it('accepts postgresql:// too, and refuses a schema name that is not a plain identifier', async () => {
    const s = await openStorage({ databaseUrl: url.replace(/^postgres:/, 'postgresql:') });
    opened.push(s);
    await s.ping();
    await expect(openStorage({ databaseUrl: url, pgSchema: 'x; drop table users' })).rejects.toThrow(/Invalid PostgreSQL schema name/);
  });
});
