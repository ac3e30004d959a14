// Groups (live and soft-deleted). Hard delete (purge) also removes everything that points at the group.
import type { Kysely } from 'kysely';
import type { GroupQuery, GroupRepository } from '../../core/ports.js';
import type { Group, GroupId, TenantId } from '../../core/domain/model.js';
import { recordGroupChange, recordMembershipsWhere } from './change-feed.js';
import { DomainError } from '../../core/domain/errors.js';
import type { Database } from '../schema.js';
import { groupFromRow, groupToRow } from '../mappers.js';
import type { GroupRow } from '../mappers.js';
import type { Engine } from '../sql-helpers.js';
import { changed, chunks, inOrder, isUniqueViolation, loweredColumnPrefix, lowerPrefix, toCount } from '../sql-helpers.js';
import { filterSql, orderedPage, searchSql } from '../list-query-sql.js';
import { insertSelfRow, lockNesting, rebuildFrom } from './closure.js';

export class GroupRepo implements GroupRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine) {}

  private base() {
    return this.db.selectFrom('groups').selectAll().where('tenant_id', '=', this.tenantId);
  }

  async get(id: GroupId): Promise<Group | null> {
    const row = await this.base().where('id', '=', id).executeTakeFirst();
    return row ? groupFromRow(row) : null;
  }

  /** In the order asked for; unknown ids are skipped. */
  async getMany(ids: readonly GroupId[]): Promise<Group[]> {
    const rows: GroupRow[] = [];
    for (const part of chunks([...new Set(ids)])) rows.push(...await this.base().where('id', 'in', part).execute());
    return inOrder(ids, rows, (r) => r.id).map(groupFromRow);
  }

  async lock(id: GroupId): Promise<Group | null> {
    let q = this.base().where('id', '=', id);
    // SQLite: Kysely runs every transaction on the one connection, serially (and we begin IMMEDIATE).
    if (this.engine === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? groupFromRow(row) : null;
  }

  async getByMailNickname(mailNickname: string): Promise<Group | null> {
    const row = await this.base().where('mail_nickname_lower', '=', mailNickname.toLowerCase()).executeTakeFirst();
    return row ? groupFromRow(row) : null;
  }

  async findByDisplayName(displayName: string): Promise<Group[]> {
    const rows = await this.base().where('deleted_at', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['display_name']), '=', eb.fn('lower', [eb.val(displayName)])))
      .orderBy('id').execute();
    return rows.map(groupFromRow);
  }

  async insert(group: Group): Promise<void> {
    // ON CONFLICT DO NOTHING keeps a PostgreSQL transaction usable after a taken nickname.
    const res = await this.db.insertInto('groups').values({ ...groupToRow(group), tenant_id: this.tenantId })
      .onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (changed(res.numInsertedOrUpdatedRows) === 0) throw new DomainError('mailNicknameTaken');
    await insertSelfRow(this.db, this.tenantId, group.id);
    await recordGroupChange(this.db, this.engine, this.tenantId, group.id);
  }

  async update(group: Group): Promise<void> {
    const taken = await this.db.selectFrom('groups').select('id').where('tenant_id', '=', this.tenantId)
      .where('mail_nickname_lower', '=', group.mailNickname.toLowerCase()).where('id', '<>', group.id).executeTakeFirst();
    if (taken) throw new DomainError('mailNicknameTaken');
    const { tenant_id: _t, id: _i, ...row } = groupToRow(group);
    if (group.deletedDateTime === null) await this.recordMembersIfRestoring(group.id);
    try {
      await this.db.updateTable('groups').set(row).where('tenant_id', '=', this.tenantId).where('id', '=', group.id).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('mailNicknameTaken');
      throw e;
    }
    await recordGroupChange(this.db, this.engine, this.tenantId, group.id);
  }

  /** A restored group's members reach delta readers again (they were told the group went away). */
  private async recordMembersIfRestoring(id: GroupId): Promise<void> {
    const current = await this.db.selectFrom('groups').select('deleted_at').where('tenant_id', '=', this.tenantId).where('id', '=', id).executeTakeFirst();
    if (current?.deleted_at) await recordMembershipsWhere(this.db, this.engine, this.tenantId, 'group_id', id);
  }

  async purge(id: GroupId): Promise<void> {
    const t = this.tenantId;
    await lockNesting(this.db, this.engine, t);
    const ancestors = await this.db.selectFrom('group_closure').select('ancestor_id')
      .where('tenant_id', '=', t).where('descendant_id', '=', id).where('depth', '>', 0).execute();
    // Delta readers learn that the group is gone, and that it left the groups it was a member of.
    await recordGroupChange(this.db, this.engine, t, id);
    await recordMembershipsWhere(this.db, this.engine, t, 'member_id', id);
    await this.db.deleteFrom('memberships').where('tenant_id', '=', t).where('group_id', '=', id).execute();
    await this.db.deleteFrom('memberships').where('tenant_id', '=', t).where('member_id', '=', id).execute();
    await this.db.deleteFrom('owners').where('tenant_id', '=', t).where('group_id', '=', id).execute();
    await this.db.deleteFrom('join_requests').where('tenant_id', '=', t).where('group_id', '=', id).execute();
    await this.db.deleteFrom('app_assignments').where('tenant_id', '=', t).where('principal_type', '=', 'Group').where('principal_id', '=', id).execute();
    await this.db.deleteFrom('group_closure').where('tenant_id', '=', t).where('ancestor_id', '=', id).execute();
    await this.db.deleteFrom('group_closure').where('tenant_id', '=', t).where('descendant_id', '=', id).execute();
    await this.db.deleteFrom('groups').where('tenant_id', '=', t).where('id', '=', id).execute();
    // Paths that ran through the purged group are gone: recompute what its former ancestors reach.
    await rebuildFrom(this.db, t, ancestors.map((a) => a.ancestor_id));
  }

  async list(query: GroupQuery): Promise<Group[]> {
    const q = orderedPage(this.filtered(query), 'groups', query);
    const rows = await q.limit(query.limit).execute();
    return rows.map(groupFromRow);
  }

  async count(query: Omit<GroupQuery, 'after' | 'limit'>): Promise<number> {
    const r = await this.filtered(query).clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return toCount(r.n);
  }

  private filtered(query: Omit<GroupQuery, 'after' | 'limit' | 'orderBy' | 'cursor'>) {
    let q = this.base().where('deleted_at', query.deleted ? 'is not' : 'is', null);
    const search = query.search;
    if (search) {
      q = q.where((eb) => eb.or([lowerPrefix('display_name', search), loweredColumnPrefix('mail_nickname_lower', search)]));
    }
    if (query.filter) q = q.where(filterSql('groups', query.filter));
    if (query.searchTerms) q = q.where(searchSql('groups', query.searchTerms));
    return q;
  }
}
