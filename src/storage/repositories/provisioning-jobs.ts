// Durable provisioning work (docs/adr/0020): jobs keyed per (app, kind, object) that fold repeated
// changes into a generation counter and are leased by workers; the per-app log; the outbox as the
// dispatcher drains it. On PostgreSQL claims pick rows FOR UPDATE SKIP LOCKED, so several nodes
// never take the same row; SQLite has one writer.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AppId } from '../../core/domain/apps.js';
import type { Instant, TenantId } from '../../core/domain/model.js';
import type {
  OutboxQueue, PendingOutboxMessage, ProvisionedObjectType, ProvisioningJob, ProvisioningJobKey, ProvisioningJobKind,
  ProvisioningJobRepository, ProvisioningLogInput, ProvisioningLogRepository, ProvisioningLogRow, ProvisioningOutcome,
} from '../../core/ports.js';
import type { Selectable } from 'kysely';
import type { Database, ProvisioningJobsTable } from '../schema.js';
import { changed, chunks, type Engine } from '../sql-helpers.js';

function toJob(row: Selectable<ProvisioningJobsTable>): ProvisioningJob {
  return {
    tenantId: row.tenant_id, appId: row.app_id, kind: row.kind as ProvisioningJobKind, objectId: row.object_id,
    generation: Number(row.generation), attempts: Number(row.attempts), availableAt: row.available_at,
    lockedUntil: row.locked_until, lockedBy: row.locked_by, lastError: row.last_error,
  };
}

export class ProvisioningJobRepo implements ProvisioningJobRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine) {}

  private byKey(key: ProvisioningJobKey) {
    return this.db.updateTable('provisioning_jobs').where('tenant_id', '=', this.tenantId)
      .where('app_id', '=', key.appId).where('kind', '=', key.kind).where('object_id', '=', key.objectId);
  }

  async enqueue(key: ProvisioningJobKey, at: Instant): Promise<void> {
    // A job in backoff keeps its due time: a burst of changes must not hammer a failing target.
    await this.db.insertInto('provisioning_jobs')
      .values({ tenant_id: this.tenantId, app_id: key.appId, kind: key.kind, object_id: key.objectId, generation: 1, available_at: at, attempts: 0, locked_until: null, locked_by: null, last_error: null, created_at: at })
      .onConflict((oc) => oc.columns(['tenant_id', 'app_id', 'kind', 'object_id']).doUpdateSet({
        generation: sql`provisioning_jobs.generation + 1`,
        available_at: sql`case when provisioning_jobs.attempts > 0 then provisioning_jobs.available_at else excluded.available_at end`,
      }))
      .execute();
  }

  async claim(query: { now: Instant; leaseUntil: Instant; worker: string; limit: number }): Promise<ProvisioningJob[]> {
    let pick = this.db.selectFrom('provisioning_jobs').selectAll()
      .where('tenant_id', '=', this.tenantId)
      .where('available_at', '<=', query.now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', query.now)]))
      .where('app_id', 'in', (eb) => eb.selectFrom('provisioning_configs').select('app_id')
        .where('tenant_id', '=', this.tenantId).where('state', '=', 'enabled'))
      .orderBy('available_at').orderBy('app_id').orderBy('kind').orderBy('object_id')
      .limit(query.limit);
    if (this.engine === 'postgres') pick = pick.forUpdate().skipLocked();
    const rows = await pick.execute();
    for (const row of rows) {
      await this.byKey(toJob(row)).set({ locked_by: query.worker, locked_until: query.leaseUntil }).execute();
    }
    return rows.map((row) => ({ ...toJob(row), lockedBy: query.worker, lockedUntil: query.leaseUntil }));
  }

  async complete(job: ProvisioningJob): Promise<boolean> {
    const r = await this.db.deleteFrom('provisioning_jobs').where('tenant_id', '=', this.tenantId)
      .where('app_id', '=', job.appId).where('kind', '=', job.kind).where('object_id', '=', job.objectId)
      .where('generation', '=', job.generation).executeTakeFirst();
    if (changed(r.numDeletedRows) > 0) return true;
    // Changed while it ran: leave it due now for the next pass, unleased, with a clean slate.
    await this.byKey(job).set({ locked_by: null, locked_until: null, attempts: 0, last_error: null }).execute();
    return false;
  }

  async reschedule(job: ProvisioningJob, update: { availableAt: Instant; attempts: number; lastError: string | null }): Promise<void> {
    await this.byKey(job).set({
      available_at: update.availableAt, attempts: update.attempts, last_error: update.lastError?.slice(0, 1000) ?? null,
      locked_by: null, locked_until: null,
    }).execute();
  }

  async releaseApp(appId: AppId, at: Instant): Promise<number> {
    const r = await this.db.updateTable('provisioning_jobs').set({ available_at: at, attempts: 0, locked_by: null, locked_until: null })
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).executeTakeFirst();
    return changed(r.numUpdatedRows);
  }

  async count(appId: AppId): Promise<number> {
    const row = await this.db.selectFrom('provisioning_jobs').select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async deleteForApp(appId: AppId): Promise<number> {
    const r = await this.db.deleteFrom('provisioning_jobs').where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).executeTakeFirst();
    return changed(r.numDeletedRows);
  }
}

export class ProvisioningLogRepo implements ProvisioningLogRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async append(e: ProvisioningLogInput): Promise<void> {
    const last = await this.db.selectFrom('provisioning_log').select((eb) => eb.fn.max('seq').as('seq'))
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', e.appId).executeTakeFirst();
    await this.db.insertInto('provisioning_log').values({
      tenant_id: this.tenantId, id: randomUUID(), app_id: e.appId, at: e.at, seq: Number(last?.seq ?? 0) + 1,
      operation: e.operation.slice(0, 300), object_type: e.objectType, local_id: e.localId, remote_id: e.remoteId,
      status: e.status, outcome: e.outcome, error: e.error?.slice(0, 1000) ?? null, duration_ms: e.durationMs, attempt: e.attempt,
    }).execute();
  }

  async page(appId: AppId, query: { before?: number | undefined; limit: number }): Promise<ProvisioningLogRow[]> {
    // The names come in the same query: a left join on the object's own table, per object type.
    let q = this.db.selectFrom('provisioning_log as l')
      .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'l.tenant_id').onRef('u.id', '=', 'l.local_id').on('l.object_type', '=', 'user'))
      .leftJoin('groups as g', (j) => j.onRef('g.tenant_id', '=', 'l.tenant_id').onRef('g.id', '=', 'l.local_id').on('l.object_type', '=', 'group'))
      .selectAll('l')
      .select(['u.user_principal_name as user_upn', 'u.display_name as user_name', 'g.display_name as group_name', 'g.deleted_at as group_deleted_at'])
      .where('l.tenant_id', '=', this.tenantId).where('l.app_id', '=', appId)
      .orderBy('l.seq', 'desc').orderBy('l.id', 'desc').limit(query.limit);
    if (query.before !== undefined) q = q.where('l.seq', '<', query.before);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id, seq: Number(r.seq), appId: r.app_id, at: r.at, operation: r.operation,
      objectType: r.object_type as ProvisionedObjectType | null, localId: r.local_id, remoteId: r.remote_id,
      status: r.status === null ? null : Number(r.status), outcome: r.outcome as ProvisioningOutcome, error: r.error,
      durationMs: r.duration_ms === null ? null : Number(r.duration_ms), attempt: r.attempt === null ? null : Number(r.attempt),
      local: r.user_name !== null ? { displayName: r.user_name, userPrincipalName: r.user_upn, deletedDateTime: null }
        : r.group_name !== null ? { displayName: r.group_name, userPrincipalName: null, deletedDateTime: r.group_deleted_at } : null,
    }));
  }

  async prune(before: Instant): Promise<number> {
    const r = await this.db.deleteFrom('provisioning_log').where('tenant_id', '=', this.tenantId).where('at', '<', before).executeTakeFirst();
    return changed(r.numDeletedRows);
  }
}

export class OutboxQueueRepo implements OutboxQueue {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine) {}

  async claim(now: Instant, limit: number): Promise<PendingOutboxMessage[]> {
    let q = this.db.selectFrom('outbox').select(['id', 'topic', 'payload'])
      .where('tenant_id', '=', this.tenantId).where('done_at', 'is', null).where('available_at', '<=', now)
      .orderBy('created_at').orderBy('id').limit(limit);
    if (this.engine === 'postgres') q = q.forUpdate().skipLocked();
    const rows = await q.execute();
    return rows.map((r) => ({ id: r.id, topic: r.topic, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  async markDone(ids: readonly string[], at: Instant): Promise<void> {
    for (const part of chunks(ids)) {
      if (part.length === 0) continue;
      await this.db.updateTable('outbox').set({ done_at: at }).where('tenant_id', '=', this.tenantId).where('id', 'in', part).execute();
    }
  }

  async pruneDone(before: Instant): Promise<number> {
    const r = await this.db.deleteFrom('outbox').where('tenant_id', '=', this.tenantId)
      .where('done_at', 'is not', null).where('done_at', '<', before).executeTakeFirst();
    return changed(r.numDeletedRows);
  }
}
