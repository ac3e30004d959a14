// Group owners.
import type { Kysely } from 'kysely';
import type { OwnerRepository } from '../../core/ports.js';
import type { GroupId, Ownership, TenantId, UserId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';
import { ownershipFromRow, ownershipToRow } from '../mappers.js';
import { changed, chunks, toCount } from '../sql-helpers.js';

export class OwnerRepo implements OwnerRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async isOwner(groupId: GroupId, userId: UserId): Promise<boolean> {
    const row = await this.db.selectFrom('owners').select('user_id')
      .where('tenant_id', '=', this.tenantId).where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  /** Ordered by user id. */
  async list(groupId: GroupId): Promise<Ownership[]> {
    const rows = await this.db.selectFrom('owners').selectAll()
      .where('tenant_id', '=', this.tenantId).where('group_id', '=', groupId).orderBy('user_id').execute();
    return rows.map(ownershipFromRow);
  }

  async count(groupId: GroupId): Promise<number> {
    const r = await this.db.selectFrom('owners').select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', this.tenantId).where('group_id', '=', groupId).executeTakeFirstOrThrow();
    return toCount(r.n);
  }

  async countMany(groupIds: readonly GroupId[]): Promise<Map<GroupId, number>> {
    const out = new Map<GroupId, number>();
    for (const part of chunks([...new Set(groupIds)])) {
      const rows = await this.db.selectFrom('owners').select(['group_id', (eb) => eb.fn.countAll().as('n')])
        .where('tenant_id', '=', this.tenantId).where('group_id', 'in', part).groupBy('group_id').execute();
      for (const r of rows) out.set(r.group_id, toCount(r.n));
    }
    return out;
  }

  async add(ownership: Ownership): Promise<boolean> {
    const res = await this.db.insertInto('owners').values({ ...ownershipToRow(ownership), tenant_id: this.tenantId })
      .onConflict((oc) => oc.columns(['tenant_id', 'group_id', 'user_id']).doNothing()).executeTakeFirst();
    return changed(res.numInsertedOrUpdatedRows) === 1;
  }

  async remove(groupId: GroupId, userId: UserId): Promise<boolean> {
    const res = await this.db.deleteFrom('owners')
      .where('tenant_id', '=', this.tenantId).where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
    return changed(res.numDeletedRows) > 0;
  }

  /** Sorted. */
  async groupIdsOwnedBy(userId: UserId): Promise<GroupId[]> {
    const rows = await this.db.selectFrom('owners').select('group_id')
      .where('tenant_id', '=', this.tenantId).where('user_id', '=', userId).orderBy('group_id').execute();
    return rows.map((r) => r.group_id);
  }

  /** Sorted ids of the groups the user owned. */
  async removeAllOfUser(userId: UserId): Promise<GroupId[]> {
    const rows = await this.db.deleteFrom('owners').where('tenant_id', '=', this.tenantId).where('user_id', '=', userId)
      .returning('group_id').execute();
    return rows.map((r) => r.group_id).sort();
  }
}
