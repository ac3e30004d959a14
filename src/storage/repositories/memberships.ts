// Direct memberships (users and groups in groups) and the transitive queries over the nesting closure.
import type { Kysely } from 'kysely';
import type { MemberOfQuery, MemberPage, MembershipRepository } from '../../core/ports.js';
import type { Group, GroupId, Instant, Membership, MemberType, TenantId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';
import { hotQuery } from '../hot-query.js';
import { filterSql, orderedPage, searchSql } from '../list-query-sql.js';
import { groupFromRow, membershipFromRow, membershipToRow } from '../mappers.js';
import type { DirectReader, Engine } from '../sql-helpers.js';
import { changed, chunks, toCount } from '../sql-helpers.js';
import { recordMemberChanges } from './change-feed.js';
import { addEdge, lockNesting, rebuildFrom, selfAndAncestors } from './closure.js';

export class MembershipRepo implements MembershipRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenantId: TenantId,
    private readonly engine: Engine,
    /** SQLite inside a UnitOfWork transaction: the hot reads skip Kysely's promise chain. */
    private readonly direct?: DirectReader,
  ) {}

  private base() {
    return this.db.selectFrom('memberships').selectAll().where('tenant_id', '=', this.tenantId);
  }

  async get(groupId: GroupId, memberId: string): Promise<Membership | null> {
    const row = await this.base().where('group_id', '=', groupId).where('member_id', '=', memberId).executeTakeFirst();
    return row ? membershipFromRow(row) : null;
  }

  async getManyOf(memberId: string, groupIds: readonly GroupId[]): Promise<Membership[]> {
    const out: Membership[] = [];
    for (const part of chunks([...new Set(groupIds)])) {
      const rows = await this.base().where('member_id', '=', memberId).where('group_id', 'in', part).execute();
      out.push(...rows.map(membershipFromRow));
    }
    return out;
  }

  async add(membership: Membership): Promise<boolean> {
    const nested = membership.memberType === 'group';
    if (nested) await lockNesting(this.db, this.engine, this.tenantId);
    const res = await this.db.insertInto('memberships').values({ ...membershipToRow(membership), tenant_id: this.tenantId })
      .onConflict((oc) => oc.columns(['tenant_id', 'group_id', 'member_id']).doNothing()).executeTakeFirst();
    if (changed(res.numInsertedOrUpdatedRows) === 0) return false;
    if (nested) await addEdge(this.db, this.tenantId, membership.groupId, membership.memberId);
    await recordMemberChanges(this.db, this.engine, this.tenantId, [membership]);
    return true;
  }

  async remove(groupId: GroupId, memberId: string): Promise<boolean> {
    const removed = await this.db.deleteFrom('memberships')
      .where('tenant_id', '=', this.tenantId).where('group_id', '=', groupId).where('member_id', '=', memberId)
      .returning('member_type').execute();
    if (removed.length === 0) return false;
    if (removed.some((r) => r.member_type === 'group')) await this.rebuildAbove([groupId]);
    await recordMemberChanges(this.db, this.engine, this.tenantId, removed.map((r) => ({ groupId, memberId, memberType: r.member_type as MemberType })));
    return true;
  }

  async listMembers(groupId: GroupId, page: MemberPage): Promise<Membership[]> {
    let q = this.base().where('group_id', '=', groupId);
    if (page.after !== undefined) q = q.where('member_id', '>', page.after);
    if (page.memberType) q = q.where('member_type', '=', page.memberType);
    const rows = await q.orderBy('member_id').limit(page.limit).execute();
    return rows.map(membershipFromRow);
  }

  async countMembers(groupId: GroupId): Promise<number> {
    const r = await this.db.selectFrom('memberships').select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', this.tenantId).where('group_id', '=', groupId).executeTakeFirstOrThrow();
    return toCount(r.n);
  }

  async listGroupsOf(memberId: string): Promise<Membership[]> {
    const rows = await this.base().where('member_id', '=', memberId).orderBy('group_id').execute();
    return rows.map(membershipFromRow);
  }

  async transitiveGroupIdsOf(memberId: string): Promise<GroupId[]> {
    const rows = await transitiveGroupsQuery(this.db, this.engine, this.direct, this.tenantId, memberId);
    return [...new Set(rows.map((r) => r.ancestor_id))].sort();
  }

  async listGroupsOfPage(memberId: string, query: MemberOfQuery): Promise<Group[]> {
    const t = this.tenantId;
    const direct = this.db.selectFrom('memberships').select('group_id').where('tenant_id', '=', t).where('member_id', '=', memberId);
    // IN subqueries (the member's rows, then the closure above them: self rows give the direct groups),
    // so the groups table stays the one FROM and the list query's columns, order and keyset apply as for /groups.
    const ids = query.transitive
      ? this.db.selectFrom('group_closure').select('ancestor_id as group_id').where('tenant_id', '=', t).where('descendant_id', 'in', direct)
      : direct;
    let q = this.db.selectFrom('groups').selectAll().where('tenant_id', '=', t).where('deleted_at', 'is', null).where('id', 'in', ids);
    if (query.filter) q = q.where(filterSql('groups', query.filter));
    if (query.searchTerms) q = q.where(searchSql('groups', query.searchTerms));
    const rows = await orderedPage(q, 'groups', query).limit(query.limit).execute();
    return rows.map(groupFromRow);
  }

  async isTransitiveMember(groupId: GroupId, memberId: string): Promise<boolean> {
    const rows = await isTransitiveQuery(this.db, this.engine, this.direct, this.tenantId, memberId, groupId);
    return rows.length > 0;
  }

  async ancestorGroupIds(groupId: GroupId): Promise<GroupId[]> {
    const rows = await ancestorsQuery(this.db, this.engine, this.direct, this.tenantId, groupId);
    return rows.map((r) => r.ancestor_id);
  }

  async removeAllOfMember(memberId: string): Promise<GroupId[]> {
    const removed = await this.db.deleteFrom('memberships')
      .where('tenant_id', '=', this.tenantId).where('member_id', '=', memberId)
      .returning(['group_id', 'member_type']).execute();
    const parents = removed.filter((r) => r.member_type === 'group').map((r) => r.group_id);
    if (parents.length > 0) await this.rebuildAbove(parents);
    await recordMemberChanges(this.db, this.engine, this.tenantId, removed.map((r) => ({ groupId: r.group_id, memberId, memberType: r.member_type as MemberType })));
    return [...new Set(removed.map((r) => r.group_id))].sort();
  }

  async listExpired(now: Instant, limit: number): Promise<Membership[]> {
    const rows = await this.base().where('expires_at', 'is not', null).where('expires_at', '<=', now)
      .orderBy('expires_at').orderBy('group_id').orderBy('member_id').limit(limit).execute();
    return rows.map(membershipFromRow);
  }

  /** After group edges below `parents` were removed: rebuild the closure of each parent and its ancestors. */
  private async rebuildAbove(parents: readonly string[]): Promise<void> {
    await lockNesting(this.db, this.engine, this.tenantId);
    const roots = new Set<string>();
    for (const p of new Set(parents)) for (const a of await selfAndAncestors(this.db, this.tenantId, p)) roots.add(a);
    await rebuildFrom(this.db, this.tenantId, [...roots]);
  }
}

// The hot paths: single indexed queries, compiled once (see hot-query.ts).

/** Closure rows above every group the member is directly in (self rows included: the direct groups). */
const transitiveGroupsQuery = hotQuery((db: Kysely<Database>, tenantId: string, memberId: string) =>
  // An IN subquery rather than a join: without statistics SQLite would otherwise walk the tenant's whole closure.
  db.selectFrom('group_closure').select('ancestor_id')
    .where('tenant_id', '=', tenantId)
    .where('descendant_id', 'in', db.selectFrom('memberships').select('group_id')
      .where('tenant_id', '=', tenantId).where('member_id', '=', memberId)));

/** Some direct membership of the member in a group the closure puts under groupId (or groupId itself). */
const isTransitiveQuery = hotQuery((db: Kysely<Database>, tenantId: string, memberId: string, groupId: string) =>
  db.selectFrom('memberships as m')
    .innerJoin('group_closure as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.descendant_id', '=', 'm.group_id'))
    .select('m.group_id')
    .where('m.tenant_id', '=', tenantId).where('m.member_id', '=', memberId).where('c.ancestor_id', '=', groupId)
    .limit(1));

const ancestorsQuery = hotQuery((db: Kysely<Database>, tenantId: string, groupId: string) =>
  db.selectFrom('group_closure').select('ancestor_id')
    .where('tenant_id', '=', tenantId).where('descendant_id', '=', groupId).where('depth', '>', 0)
    .orderBy('ancestor_id'));
