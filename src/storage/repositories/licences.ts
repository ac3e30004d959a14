// Licence seats the tenant has bought, per SKU.
import { sql, type Kysely } from 'kysely';
import type { LicenceRepository } from '../../core/ports.js';
import type { LicenceSeats, LicenceSku, TenantId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';
import type { Engine } from '../sql-helpers.js';

export class LicenceRepo implements LicenceRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine) {}

  /** Ordered by SKU. */
  async seats(): Promise<LicenceSeats[]> {
    const rows = await this.db.selectFrom('tenant_licences').select(['sku', 'seats'])
      .where('tenant_id', '=', this.tenantId).orderBy('sku').execute();
    return rows.map((r) => ({ sku: r.sku as LicenceSku, seats: Number(r.seats) }));
  }

  async setSeats(sku: LicenceSku, seats: number): Promise<void> {
    await this.db.insertInto('tenant_licences').values({ tenant_id: this.tenantId, sku, seats })
      .onConflict((oc) => oc.columns(['tenant_id', 'sku']).doUpdateSet({ seats })).execute();
  }

  async lock(): Promise<void> {
    if (this.engine !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtextextended(${`roster:licences:${this.tenantId}`}, 0))`.execute(this.db);
  }
}
