// Tenants: the one table outside any tenant's scope.
import type { Kysely } from 'kysely';
import type { TenantDirectory } from '../../core/ports.js';
import type { Tenant, TenantId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';
import { tenantFromRow } from '../mappers.js';

export class TenantRepo implements TenantDirectory {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: TenantId): Promise<Tenant | null> {
    const row = await this.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? tenantFromRow(row) : null;
  }

  /** Ordered by id. */
  async list(): Promise<Tenant[]> {
    const rows = await this.db.selectFrom('tenants').selectAll().orderBy('id').execute();
    return rows.map(tenantFromRow);
  }

  async insert(tenant: Tenant): Promise<void> {
    await this.db.insertInto('tenants').values({ id: tenant.id, name: tenant.name, created_at: tenant.createdDateTime }).execute();
  }
}
