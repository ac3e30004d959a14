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
  pool.on('connect', (client) => usePreparedStatements(client));
  // An idle connection dropped by the server (restart, failover) must not crash the process: the
  // pool discards it and the next query opens a new one.
  pool.on('error', (e) => process.stderr.write(`[postgres] idle connection error: ${e.message}\n`));
  return pool;
}

export const postgresDialect = (pool: pg.Pool) => new PostgresDialect({ pool });

/**
 * SQL texts of hot queries (see hot-query.ts) and their statement names. PostgreSQL plans an unnamed
 * statement on every execution — for the transitive checks planning costs ten times the execution — so
 * these run as named prepared statements, planned once per connection. Kysely sends plain texts; the
 * pooled client's query() swaps in the named form for registered texts only.
 */
const preparedNames = new Map<string, string>();

export function registerPreparedStatement(sqlText: string): void {
  if (!preparedNames.has(sqlText)) preparedNames.set(sqlText, `roster_hot_${preparedNames.size + 1}`);
}

function usePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' && Array.isArray(values) && rest.length === 0 ? preparedNames.get(text) : undefined;
    return name ? query({ name, text, values }) : query(text, values, ...rest);
  };
}

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
