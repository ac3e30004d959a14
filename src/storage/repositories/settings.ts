// Tenant settings overrides: one row per key, the value as JSON text. Validation lives in the core's registry.
import type { Kysely } from 'kysely';
import type { SettingsRepository } from '../../core/ports.js';
import type { Instant, TenantId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';

export class SettingsRepo implements SettingsRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async getAll(): Promise<Record<string, unknown>> {
    const rows = await this.db.selectFrom('settings').select(['key', 'value'])
      .where('tenant_id', '=', this.tenantId).orderBy('key').execute();
    const out: Record<string, unknown> = {};
    for (const r of rows) out[r.key] = JSON.parse(r.value);
    return out;
  }

  async set(key: string, value: unknown, by: string | null, at: Instant): Promise<void> {
    const json = JSON.stringify(value ?? null);
    await this.db.insertInto('settings')
      .values({ tenant_id: this.tenantId, key, value: json, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value: json, updated_at: at, updated_by: by }))
      .execute();
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('settings').where('tenant_id', '=', this.tenantId).where('key', '=', key).execute();
  }
}
