// Outbound provisioning (docs/adr/0020): per-app configs (token sealed, never in clear here either)
// and what Roster provisioned to each target.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppId, ProvisioningConfig, ProvisioningState } from '../../core/domain/apps.js';
import type { Instant, TenantId } from '../../core/domain/model.js';
import type {
  ProvisionedObject, ProvisionedObjectRepository, ProvisionedObjectType, ProvisioningConfigRepository,
} from '../../core/ports.js';
import type { Database, ProvisionedObjectsTable, ProvisioningConfigsTable } from '../schema.js';
import { bool, changed, chunks, flag, toCount } from '../sql-helpers.js';

function toConfig(row: Selectable<ProvisioningConfigsTable>): ProvisioningConfig {
  return {
    tenantId: row.tenant_id,
    appId: row.app_id,
    baseUrl: row.base_url,
    tokenCiphertext: row.token_ciphertext,
    userMapping: JSON.parse(row.mapping) as Record<string, string>,
    state: row.state as ProvisioningState,
    deprovision: row.deprovision as ProvisioningConfig['deprovision'],
    provisionGroups: bool(row.provision_groups),
    reconcileIntervalMinutes: Number(row.reconcile_interval_minutes),
    lastReconciledAt: row.last_reconciled_at,
    consecutiveFailures: Number(row.consecutive_failures),
    quarantinedAt: row.quarantined_at,
    lastError: row.last_error,
    createdDateTime: row.created_at,
    updatedDateTime: row.updated_at,
  };
}

export class ProvisioningConfigRepo implements ProvisioningConfigRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async get(appId: AppId): Promise<ProvisioningConfig | null> {
    const row = await this.db.selectFrom('provisioning_configs').selectAll()
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).executeTakeFirst();
    return row ? toConfig(row) : null;
  }

  async list(): Promise<ProvisioningConfig[]> {
    const rows = await this.db.selectFrom('provisioning_configs').selectAll()
      .where('tenant_id', '=', this.tenantId).orderBy('app_id').execute();
    return rows.map(toConfig);
  }

  async put(c: ProvisioningConfig): Promise<void> {
    const row = {
      base_url: c.baseUrl, token_ciphertext: c.tokenCiphertext, mapping: JSON.stringify(c.userMapping), state: c.state,
      deprovision: c.deprovision, provision_groups: flag(c.provisionGroups), reconcile_interval_minutes: c.reconcileIntervalMinutes,
      last_reconciled_at: c.lastReconciledAt, consecutive_failures: c.consecutiveFailures, quarantined_at: c.quarantinedAt,
      last_error: c.lastError, updated_at: c.updatedDateTime,
    };
    await this.db.insertInto('provisioning_configs')
      .values({ tenant_id: this.tenantId, app_id: c.appId, created_at: c.createdDateTime, ...row })
      .onConflict((oc) => oc.columns(['tenant_id', 'app_id']).doUpdateSet(row))
      .execute();
  }

  async delete(appId: AppId): Promise<boolean> {
    const r = await this.db.deleteFrom('provisioning_configs').where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).executeTakeFirst();
    return changed(r.numDeletedRows) > 0;
  }

  async recordFailure(appId: AppId, error: string, at: Instant): Promise<number> {
    const row = await this.db.updateTable('provisioning_configs')
      .set({ consecutive_failures: sql`consecutive_failures + 1`, last_error: error.slice(0, 1000), updated_at: at })
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId)
      .returning('consecutive_failures').executeTakeFirst();
    return Number(row?.consecutive_failures ?? 0);
  }

  async recordSuccess(appId: AppId, _at: Instant): Promise<void> {
    // Unconditional: the write takes the row lock, which orders the app's log appends (seq) on PostgreSQL.
    await this.db.updateTable('provisioning_configs').set({ consecutive_failures: 0, last_error: sql`case when consecutive_failures = 0 then last_error else null end` })
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).execute();
  }

  async setState(appId: AppId, state: ProvisioningState, at: Instant, lastError?: string | null): Promise<void> {
    await this.db.updateTable('provisioning_configs')
      .set({
        state, updated_at: at,
        quarantined_at: state === 'quarantined' ? at : null,
        ...(state === 'enabled' ? { consecutive_failures: 0 } : {}),
        ...(lastError !== undefined ? { last_error: lastError } : {}),
      })
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).execute();
  }

  async markReconciled(appId: AppId, at: Instant): Promise<void> {
    await this.db.updateTable('provisioning_configs').set({ last_reconciled_at: at })
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).execute();
  }
}

function toObject(row: Selectable<ProvisionedObjectsTable>): ProvisionedObject {
  return {
    appId: row.app_id, objectType: row.object_type as ProvisionedObjectType, localId: row.local_id, remoteId: row.remote_id,
    active: bool(row.active), attributesHash: row.attributes_hash, updatedDateTime: row.updated_at,
  };
}

export class ProvisionedObjectRepo implements ProvisionedObjectRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  private of(appId: AppId, objectType: ProvisionedObjectType) {
    return this.db.selectFrom('provisioned_objects').selectAll()
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).where('object_type', '=', objectType);
  }

  async get(appId: AppId, objectType: ProvisionedObjectType, localId: string): Promise<ProvisionedObject | null> {
    const row = await this.of(appId, objectType).where('local_id', '=', localId).executeTakeFirst();
    return row ? toObject(row) : null;
  }

  async getMany(appId: AppId, objectType: ProvisionedObjectType, localIds: readonly string[]): Promise<ProvisionedObject[]> {
    const out: ProvisionedObject[] = [];
    for (const part of chunks(localIds)) {
      if (part.length === 0) continue;
      const rows = await this.of(appId, objectType).where('local_id', 'in', part).execute();
      out.push(...rows.map(toObject));
    }
    return out;
  }

  async list(appId: AppId, objectType: ProvisionedObjectType, page: { after?: string | undefined; limit: number }): Promise<ProvisionedObject[]> {
    let q = this.of(appId, objectType).orderBy('local_id').limit(page.limit);
    if (page.after !== undefined) q = q.where('local_id', '>', page.after);
    return (await q.execute()).map(toObject);
  }

  async put(o: ProvisionedObject): Promise<void> {
    const row = { remote_id: o.remoteId, active: flag(o.active), attributes_hash: o.attributesHash, updated_at: o.updatedDateTime };
    await this.db.insertInto('provisioned_objects')
      .values({ tenant_id: this.tenantId, app_id: o.appId, object_type: o.objectType, local_id: o.localId, ...row })
      .onConflict((oc) => oc.columns(['tenant_id', 'app_id', 'object_type', 'local_id']).doUpdateSet(row))
      .execute();
  }

  async remove(appId: AppId, objectType: ProvisionedObjectType, localId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('provisioned_objects').where('tenant_id', '=', this.tenantId)
      .where('app_id', '=', appId).where('object_type', '=', objectType).where('local_id', '=', localId).executeTakeFirst();
    return changed(r.numDeletedRows) > 0;
  }

  async count(appId: AppId, objectType: ProvisionedObjectType, activeOnly = false): Promise<number> {
    let q = this.db.selectFrom('provisioned_objects').select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).where('object_type', '=', objectType);
    if (activeOnly) q = q.where('active', '=', 1);
    return toCount((await q.executeTakeFirst())?.n);
  }

  async appIdsOf(objectType: ProvisionedObjectType, localId: string): Promise<AppId[]> {
    const rows = await this.db.selectFrom('provisioned_objects').select('app_id').where('tenant_id', '=', this.tenantId)
      .where('object_type', '=', objectType).where('local_id', '=', localId).orderBy('app_id').execute();
    return rows.map((r) => r.app_id);
  }
}
