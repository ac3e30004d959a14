// The audit log: appended in the same transaction as the change; never updated except to be sealed
// once into its tenant's hash chain (seq, prev_hash, hash: set while null, never changed), never deleted.
//
// Positions order commits exactly as the change feed's do (ADR 0015, repositories/change-feed.ts):
// PostgreSQL uses the writing transaction's id and reads below pg_snapshot_xmin; SQLite (one writer)
// a per-tenant max + 1 taken inside the write transaction. The sealer (core use case seal-audit-log)
// links events below the horizon under a per-tenant lock (docs/adr/0016).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { AuditEvent, AuditEventInput, AuditFilter, AuditLog, SealedAuditEvent } from '../../core/ports.js';
import { EMPTY_CHAIN, type ChainHead, type ChainLink } from '../../core/domain/audit-chain.js';
import type { TenantId } from '../../core/domain/model.js';
import type { AuditEventsTable, Database } from '../schema.js';
import type { Engine } from '../sql-helpers.js';
import { auditFromRow, auditToRow } from '../mappers.js';
import { commitPosition, nextCounterPosition } from '../commit-position.js';

const positionOf = (engine: Engine, tenantId: TenantId) => commitPosition(engine, 'audit_events', tenantId);

const sealedFromRow = (r: Selectable<AuditEventsTable>): SealedAuditEvent => ({
  ...auditFromRow(r), seq: Number(r.seq), prevHash: r.prev_hash ?? '', hash: r.hash ?? '',
});

type Query = SelectQueryBuilder<Database, 'audit_events', Selectable<AuditEventsTable>>;

function narrowed(q: Query, f: AuditFilter | undefined): Query {
  if (!f) return q;
  if (f.since !== undefined) q = q.where('occurred_at', '>=', f.since);
  if (f.until !== undefined) q = q.where('occurred_at', '<=', f.until);
  if (f.outcome !== undefined) q = q.where('outcome', '=', f.outcome);
  if (f.targetTypes !== undefined) q = f.targetTypes.length ? q.where('target_type', 'in', [...f.targetTypes]) : q.where(sql<boolean>`1 = 0`);
  if (f.targetId !== undefined) {
    // A membership or ownership denial names "group/user": either id finds it.
    const like = f.targetId.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where((w) => w.or([
      w('target_id', '=', f.targetId as string),
      w(sql<string>`target_id`, 'like', sql<string>`${`${like}/%`} escape '\\'`),
      w(sql<string>`target_id`, 'like', sql<string>`${`%/${like}`} escape '\\'`),
    ]));
  }
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  return q;
}

export class AuditRepo implements AuditLog {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine) {}

  async append(event: AuditEventInput): Promise<void> {
    await this.db.insertInto('audit_events')
      .values({ ...auditToRow(this.tenantId, randomUUID(), event), position: positionOf(this.engine, this.tenantId) })
      .execute();
  }

  /** Newest first (ties on occurredAt broken by id, descending). */
  async list(query: { limit: number; targetId?: string | undefined }): Promise<AuditEvent[]> {
    let q = this.db.selectFrom('audit_events').selectAll().where('tenant_id', '=', this.tenantId);
    if (query.targetId !== undefined) q = q.where('target_id', '=', query.targetId);
    const rows = await q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(auditFromRow);
  }

  /** Below it every event has committed (the sealer needs a gap-free prefix, so the oldest open transaction bounds it). */
  async horizon(): Promise<number> {
    if (this.engine !== 'postgres') return nextCounterPosition(this.db, 'audit_events', this.tenantId);
    const { rows } = await sql<{ h: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as h`.execute(this.db);
    return Number(rows[0]?.h ?? 1);
  }

  async lockChain(): Promise<void> {
    // SQLite has one writer at a time (the sealer's first update takes the write lock); PostgreSQL
    // takes a transaction-scoped advisory lock per tenant, released by commit or rollback.
    if (this.engine !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtextextended(${`roster:audit-chain:${this.tenantId}`}, 0))`.execute(this.db);
  }

  async head(): Promise<ChainHead> {
    const row = await this.db.selectFrom('audit_events').select(['seq', 'hash'])
      .where('tenant_id', '=', this.tenantId).where('seq', 'is not', null)
      .orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash ?? '' } : EMPTY_CHAIN;
  }

  async unsealed(query: { below: number; limit: number }): Promise<AuditEvent[]> {
    const rows = await this.db.selectFrom('audit_events').selectAll()
      .where('tenant_id', '=', this.tenantId).where('seq', 'is', null).where('position', '<', query.below)
      .orderBy('position').orderBy('id').limit(query.limit).execute();
    return rows.map(auditFromRow);
  }

  async seal(id: string, link: ChainLink): Promise<boolean> {
    const res = await this.db.updateTable('audit_events')
      .set({ seq: link.seq, prev_hash: link.prevHash, hash: link.hash })
      .where('tenant_id', '=', this.tenantId).where('id', '=', id).where('seq', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async sealed(query: {
    order: 'asc' | 'desc'; limit: number; beforeSeq?: number | undefined; afterSeq?: number | undefined; filter?: AuditFilter | undefined;
  }): Promise<SealedAuditEvent[]> {
    let q = this.db.selectFrom('audit_events').selectAll().where('tenant_id', '=', this.tenantId).where('seq', 'is not', null);
    if (query.beforeSeq !== undefined) q = q.where('seq', '<', query.beforeSeq);
    if (query.afterSeq !== undefined) q = q.where('seq', '>', query.afterSeq);
    const rows = await narrowed(q, query.filter).orderBy('seq', query.order).limit(query.limit).execute();
    return rows.map(sealedFromRow);
  }

  async getSealed(id: string): Promise<SealedAuditEvent | null> {
    const row = await this.db.selectFrom('audit_events').selectAll()
      .where('tenant_id', '=', this.tenantId).where('id', '=', id).where('seq', 'is not', null).executeTakeFirst();
    return row ? sealedFromRow(row) : null;
  }
}
