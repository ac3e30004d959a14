// Commit-ordered positions, shared by the change feed (ADR 15) and the audit chain (ADR 16).
// PostgreSQL: the writing transaction's id (readers compare it with their snapshot); SQLite, which
// has one writer at a time: a per-tenant counter, max + 1, taken inside the write transaction.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TenantId } from '../core/domain/model.js';
import type { Database } from './schema.js';
import type { Engine } from './sql-helpers.js';

export type PositionedTable = 'change_log' | 'audit_events';

/** The position of a row written now, as an SQL expression for an INSERT. */
export function commitPosition(engine: Engine, table: PositionedTable, tenantId: TenantId): RawBuilder<number> {
  return engine === 'postgres'
    ? sql<number>`pg_current_xact_id()::text::bigint`
    : sql<number>`(select coalesce(max(position), 0) + 1 from ${sql.table(table)} where tenant_id = ${tenantId})`;
}

/** SQLite: the position the next write will take; every row below it has committed. */
export async function nextCounterPosition(db: Kysely<Database>, table: PositionedTable, tenantId: TenantId): Promise<number> {
  const { rows } = await sql<{ h: number }>`select coalesce(max(position), 0) + 1 as h from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(db);
  return Number(rows[0]?.h ?? 1);
}
