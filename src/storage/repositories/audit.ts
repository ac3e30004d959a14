// The audit log: append-only (no update or delete exists), written in the same transaction as the change.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditEvent, AuditEventInput, AuditLog } from '../../core/ports.js';
import type { TenantId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';
import { auditFromRow, auditToRow } from '../mappers.js';

export class AuditRepo implements AuditLog {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async append(event: AuditEventInput): Promise<void> {
    await this.db.insertInto('audit_events').values(auditToRow(this.tenantId, randomUUID(), event)).execute();
  }

  /** Newest first (ties on occurredAt broken by id, descending). */
  async list(query: { limit: number; targetId?: string | undefined }): Promise<AuditEvent[]> {
    let q = this.db.selectFrom('audit_events').selectAll().where('tenant_id', '=', this.tenantId);
    if (query.targetId !== undefined) q = q.where('target_id', '=', query.targetId);
    const rows = await q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(auditFromRow);
  }
}
