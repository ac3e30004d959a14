// Small helpers every repository shares: flags, counts, prefix search, chunking, unique-violation detection.
import { sql } from 'kysely';
import type { Expression, SqlBool } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/**
 * SQLite only: runs a read on the connection the current transaction holds, without Kysely's
 * promise chain (a third of a point query's cost). `active` is true only while the transaction that
 * handed it out is running; afterwards callers must go through Kysely.
 */
export interface DirectReader {
  readonly active: boolean;
  all(sql: string, parameters: readonly unknown[]): unknown[];
  /** The first column of every row, without building a row object each (large id lists). */
  column?(sql: string, parameters: readonly unknown[]): unknown[];
}

/** Rows per multi-row INSERT and ids per IN list: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const CHUNK = 500;

export const flag = (b: boolean): number => (b ? 1 : 0);
export const bool = (n: number | null | undefined): boolean => Number(n) === 1;

/** PostgreSQL returns count(*) as an int8 string; SQLite as a number. */
export const toCount = (v: unknown): number => Number(v ?? 0);

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Escapes LIKE wildcards so user input matches literally (used with `escape '\'`). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Case-insensitive prefix match on a column: `lower(col) like lower(?) escape '\'`. */
export function lowerPrefix(column: string, term: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${`${escapeLike(term)}%`}) escape '\\'`;
}

/** Prefix match on a column that already holds a lowercased copy (upn_lower, mail_nickname_lower). */
export function loweredColumnPrefix(column: string, term: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(term.toLowerCase())}%`} escape '\\'`;
}

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

/** A unique or primary-key violation on either engine. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && UNIQUE_CODES.has(String((e as { code?: unknown }).code));
}

/** Number of rows an INSERT/UPDATE/DELETE changed (Kysely reports bigint). */
export const changed = (n: bigint | undefined): number => Number(n ?? 0n);

/** Returns rows in the order of `ids`, skipping ids that were not found. */
export function inOrder<T>(ids: readonly string[], rows: readonly T[], key: (row: T) => string): T[] {
  const byId = new Map(rows.map((r) => [key(r), r]));
  const out: T[] = [];
  for (const id of new Set(ids)) {
    const row = byId.get(id);
    if (row) out.push(row);
  }
  return out;
}
