// The PostgreSQL dialect: a pg Pool, optionally pinned to one schema through search_path.
import { PostgresDialect, sql } from 'kysely';
import type { Kysely } from 'kysely';
import pg from 'pg';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPool(databaseUrl: string, schema: string | undefined): pg.Pool {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name "${schema}": use lowercase letters, digits and underscores.`);
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    // Every pooled connection resolves unqualified table names in this schema (validated above).
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the
  // pool discards it and the next query opens a new one.
  pool.on('error', (e) => process.stderr.write(`[postgres] idle connection error: ${e.message}\n`));
  return pool;
}

export const postgresDialect = (pool: pg.Pool) => new PostgresDialect({ pool });

export async function ensureSchema(db: Kysely<unknown>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (e) {
    // Two processes creating the same schema at once: `if not exists` can still race on PostgreSQL.
    const exists = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db);
    if (exists.rows.length === 0) throw e;
  }
}

export async function currentSchema(db: Kysely<unknown>): Promise<string> {
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  const s = r.rows[0]?.s;
  if (!s) throw new Error('PostgreSQL has no current schema: check search_path.');
  return s;
}
