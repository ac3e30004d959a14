// The storage entry point: picks the engine from the configuration, opens it, and hands out the
// UnitOfWork the core uses. Only main.ts (and tests, bench, scripts) call this.
import { Kysely, Migrator, sql } from 'kysely';
import type { LogEvent } from 'kysely';
import type { UnitOfWork } from '../core/ports.js';
import type { Database } from './schema.js';
import type { Engine } from './sql-helpers.js';
import { migrationProvider } from './migrations/index.js';
import { createPool, currentSchema, ensureSchema, postgresDialect } from './postgres.js';
import { openSqliteDatabase, sqliteDialect, type SqliteSetup } from './sqlite.js';
import { KyselyUnitOfWork } from './unit-of-work.js';

export interface StorageOptions {
  /** `postgres://…` or `postgresql://…`; omit for SQLite. */
  databaseUrl?: string | undefined;
  /** SQLite file (its folder is created) or ':memory:'. Default: data/roster.db. */
  sqlitePath?: string | undefined;
  /** PostgreSQL only: create this schema if missing and use it for every pooled connection. */
  pgSchema?: string | undefined;
  /** Write each statement's SQL (never its parameters) and duration to stderr. */
  logQueries?: boolean | undefined;
}

export interface Storage {
  readonly engine: Engine;
  readonly uow: UnitOfWork;
  /** Applies every pending migration; a no-op when the schema is current. */
  migrate(): Promise<void>;
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  /**
   * Runs fn while holding a database-wide named lock, so several Roster nodes starting together do
   * one-time work (creating the first tenant) once. PostgreSQL: a session advisory lock on a dedicated
   * connection; SQLite: one process owns the file's writes, so fn just runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** For bench/, scripts and tests; the application goes through `uow`. */
  readonly db: Kysely<Database>;
}

export const DEFAULT_SQLITE_PATH = 'data/roster.db';

function logQuery(event: LogEvent): void {
  const ms = event.queryDurationMillis.toFixed(1);
  const prefix = event.level === 'error' ? '[sql error]' : '[sql]';
  process.stderr.write(`${prefix} ${ms}ms ${event.query.sql}\n`);
}

function engineOf(databaseUrl: string | undefined): Engine {
  if (databaseUrl === undefined || databaseUrl === '') return 'sqlite';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(databaseUrl)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  // Name only the scheme: the URL may carry a password.
  throw new Error(
    `Unsupported database URL scheme "${scheme ?? '(none)'}": use postgres:// or postgresql://, or leave the URL unset for SQLite.`,
  );
}

export async function openStorage(opts: StorageOptions): Promise<Storage> {
  const engine = engineOf(opts.databaseUrl);
  const log = opts.logQueries ? logQuery : undefined;
  let db: Kysely<Database>;
  let direct: Pick<SqliteSetup, 'run' | 'column'> | undefined;
  if (engine === 'postgres') {
    db = new Kysely<Database>({ dialect: postgresDialect(createPool(opts.databaseUrl as string, opts.pgSchema)), log });
    if (opts.pgSchema !== undefined) {
      try {
        await ensureSchema(db as Kysely<unknown>, opts.pgSchema);
      } catch (e) {
        await db.destroy();
        throw e;
      }
    }
  } else {
    const setup = sqliteDialect(openSqliteDatabase(opts.sqlitePath ?? DEFAULT_SQLITE_PATH));
    db = new Kysely<Database>({ dialect: setup.dialect, log });
    // Query logging wants every statement to pass through Kysely, so no direct reads then.
    if (!opts.logQueries) direct = setup;
  }

  return {
    engine,
    db,
    uow: new KyselyUnitOfWork(db, engine, direct),
    migrate: () => migrate(db, engine),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    exclusive: (name, fn) => (engine === 'postgres' ? withAdvisoryLock(db, name, fn) : fn()),
    close: () => db.destroy(),
  };
}

async function withAdvisoryLock<T>(db: Kysely<Database>, name: string, fn: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    const key = sql`hashtextextended(${`roster:${name}`}, 0)`;
    await sql`select pg_advisory_lock(${key})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

async function migrate(db: Kysely<Database>, engine: Engine): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Kysely looks for its bookkeeping tables in every schema unless told which one: name ours, so
    // schemas sharing a PostgreSQL database (one per test file) do not see each other's.
    ...(engine === 'postgres' ? { migrationTableSchema: await currentSchema(db as Kysely<unknown>) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
