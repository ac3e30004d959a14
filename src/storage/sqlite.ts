// The SQLite dialect: better-sqlite3 with our pragmas, a prepared-statement cache, and BEGIN IMMEDIATE.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { DatabaseConnection, Dialect, SqliteDatabase, SqliteStatement } from 'kysely';

const STATEMENT_CACHE_SIZE = 500;

/**
 * Takes the write lock when a transaction begins, not at its first write: another process on the same
 * file (CLI next to the server) then waits busy_timeout instead of failing with SQLITE_BUSY mid-transaction.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely's SQLite connection prepares every query anew; SQL text repeats (parameters are bound), so
 * keeping the last few hundred statements prepared saves most of the per-query cost on hot paths.
 * Safe because Kysely runs one query at a time on the single connection and never holds a statement.
 */
function withStatementCache(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sqlText: string): SqliteStatement {
      let stmt = cache.get(sqlText);
      if (stmt) {
        cache.delete(sqlText); // re-insert: most recently used last
      } else {
        stmt = db.prepare(sqlText) as unknown as SqliteStatement;
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sqlText, stmt);
      return stmt;
    },
  };
}

export function openSqliteDatabase(path: string): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's own lower() folds ASCII only, so "startsWith(displayName,'ö')" missed "Österreich" here
  // while PostgreSQL (UTF-8 ctype) found it. The same Unicode lowercase the repositories use for the
  // stored *_lower columns, on both engines. No index may be built on lower(...) in SQLite: a tool
  // without this function would read such an index with the ASCII lower().
  db.function('lower', { deterministic: true }, unicodeLower);
  return db;
}

function unicodeLower(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? value : String(value)).toLowerCase();
}

export interface SqliteSetup {
  dialect: Dialect;
  /** Runs a cached statement on the one connection; see DirectReader for when that is allowed. */
  run(sql: string, parameters: readonly unknown[]): unknown[];
  /** The same, returning the first column of each row (a statement of its own: the cached ones stay in row mode). */
  column(sql: string, parameters: readonly unknown[]): unknown[];
}

export function sqliteDialect(db: Database.Database): SqliteSetup {
  const database = withStatementCache(db);
  return {
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new ImmediateSqliteDriver({ database }),
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
    run: (sql, parameters) => database.prepare(sql).all(parameters),
    column: (sql, parameters) => db.prepare(sql).pluck().all(parameters),
  };
}
