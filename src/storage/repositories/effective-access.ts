// Effective access computed on read (docs/adr/0019): an audience plan becomes one SQL query — a union
// of its terms (assigned users, members of assigned groups through group_closure, everyone) — whose
// rows are then filtered (blocks along each term's chain, disabled users, the search), deduplicated,
// keyset-paged and counted. Plus the facts the pure explain walks for one user.
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { AudienceQuery, EffectiveAccessReader } from '../../core/ports.js';
import type { AudiencePlan, AudienceTerm } from '../../core/domain/access/audience.js';
import type { AccessFacts } from '../../core/domain/access/explain.js';
import type { GroupId, TenantId, User, UserId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';
import { escapeLike, type DirectReader, type Engine } from '../sql-helpers.js';
import { appFromRow } from './apps.js';
import { assignmentFromRow, blockFromRow } from './app-assignments.js';
import { UserRepo } from './users.js';

export class EffectiveAccessRepo implements EffectiveAccessReader {
  /** `direct` (SQLite, inside a UnitOfWork transaction): id lists are read as a column, not as row objects. */
  constructor(
    private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine, private readonly direct?: DirectReader,
  ) {}

  /**
   * The first column of every row of a query. Tens of thousands of ids cost more as row objects than
   * the query itself: SQLite plucks the column; PostgreSQL sends them as one string.
   */
  private async column(query: RawBuilder<unknown>, sorted = false): Promise<string[]> {
    const direct = this.direct;
    // `+q.c`: sort the rows the query found; a bare column would let SQLite walk a member-ordered index
    // of the whole tenant instead.
    if (this.engine === 'sqlite' && sorted) query = sql`select q.c from (${query}) as q order by +q.c`;
    if (direct?.active && direct.column) {
      const compiled = query.compile(this.db);
      return direct.column(compiled.sql, compiled.parameters) as string[];
    }
    if (this.engine === 'postgres') {
      // Sorted here, in JavaScript's order (which the keyset and the merge rely on): an ordered string_agg
      // with collate "C" measured 50 % slower at 50,000 ids.
      const res = await sql<{ ids: string }>`select coalesce(string_agg(q.c::text, chr(31)), '') as ids from (${query}) as q(c)`.execute(this.db);
      const ids = res.rows[0]?.ids ?? '';
      const list = ids === '' ? [] : ids.split('\x1f');
      return sorted ? list.sort() : list;
    }
    const res = await query.execute(this.db);
    return res.rows.map((row) => Object.values(row as Record<string, unknown>)[0] as string);
  }

  /** Groups whose direct members a group term reaches: live ones with no deleted group between them and the assigned one. */
  private reachedGroups(groupId: GroupId, cascade: boolean): RawBuilder<unknown> {
    const t = this.tenantId;
    if (!cascade) return sql`select g.id from groups g where g.tenant_id = ${t} and g.id = ${groupId} and g.deleted_at is null`;
    return sql`select c.descendant_id from group_closure c
      join groups d on d.tenant_id = c.tenant_id and d.id = c.descendant_id and d.deleted_at is null
      where c.tenant_id = ${t} and c.ancestor_id = ${groupId}
        and not exists (select 1 from group_closure x
          join groups xg on xg.tenant_id = x.tenant_id and xg.id = x.ancestor_id and xg.deleted_at is not null
          join group_closure y on y.tenant_id = x.tenant_id and y.descendant_id = x.ancestor_id and y.ancestor_id = ${groupId}
          where x.tenant_id = ${t} and x.descendant_id = c.descendant_id)`;
  }

  /** A term's candidate user ids (members of nested groups include the groups themselves; they are dropped later). */
  private candidateSql(term: AudienceTerm): RawBuilder<unknown> {
    const t = this.tenantId;
    if (term.kind === 'users') {
      return sql`select a.principal_id as c from app_assignments a where a.tenant_id = ${t} and a.app_id = ${term.appId} and a.principal_type = 'User'`;
    }
    if (term.kind === 'everyone') return sql`select e.id as c from users e where e.tenant_id = ${t}`;
    return sql`select m.member_id as c from memberships m where m.tenant_id = ${t} and m.group_id in (${this.reachedGroups(term.groupId, term.cascade)})`;
  }

  /** Enabled users whose displayName or userPrincipalName starts with the search (case-insensitive). */
  private async searched(search: string): Promise<Set<UserId>> {
    const prefix = `${escapeLike(search.toLowerCase())}%`;
    return new Set(await this.column(sql`select u.id from users u where u.tenant_id = ${this.tenantId} and u.account_enabled = 1
      and (lower(u.display_name) like ${prefix} escape '\\' or u.upn_lower like ${prefix} escape '\\')`));
  }

  /**
   * Every user the plan reaches (and the search matches), sorted by id. One indexed SQL scan per term
   * (memberships, through group_closure for cascade), then in memory what per-row SQL probes made slow
   * at 50,000 users on both engines (ADR 0019): the blocks along each term's chain, disabled users (a
   * partial index holds them), nested groups among the members, duplicates, the order.
   */
  private async reachedUserIds(plan: AudiencePlan, search: string | undefined): Promise<UserId[]> {
    if (plan.disabled || plan.terms.length === 0) return [];
    const t = this.tenantId;
    const blockers = [...new Set(plan.terms.flatMap((term) => term.blockedBy))];
    const groupIds = plan.terms.flatMap((term) => (term.kind === 'group' ? [term.groupId] : []));
    const [blocks, disabled, groups, matching] = await Promise.all([
      this.db.selectFrom('app_blocks').select(['app_id', 'user_id']).where('tenant_id', '=', t).where('app_id', 'in', blockers).execute(),
      this.column(sql`select id from users where tenant_id = ${t} and account_enabled = 0`),
      groupIds.length === 0 ? Promise.resolve([]) : this.column(sql`select descendant_id from group_closure where tenant_id = ${t} and ancestor_id in (${sql.join(groupIds)})`),
      search ? this.searched(search) : Promise.resolve(null),
    ]);
    const blockedIn = new Map<string, Set<string>>();
    for (const b of blocks) blockedIn.set(b.app_id, (blockedIn.get(b.app_id) ?? new Set()).add(b.user_id));
    const excluded = new Set([...disabled, ...groups]);
    // Each term's ids come sorted from the database (in C, cheaper than sorting 50,000 strings here), so
    // the terms are merged rather than concatenated and sorted.
    const lists: string[][] = [];
    for (const term of plan.terms) {
      const blocked = term.blockedBy.map((a) => blockedIn.get(a)).filter((x): x is Set<string> => x !== undefined);
      const ids: string[] = [];
      let last: string | undefined;
      for (const id of await this.column(this.candidateSql(term), true)) {
        if (id === last || (matching && !matching.has(id)) || excluded.has(id) || blocked.some((set) => set.has(id))) continue;
        ids.push(id);
        last = id;
      }
      lists.push(ids);
    }
    // One term (the common case) is already sorted and unique: no merge, no copy.
    return lists.length === 1 ? (lists[0] as string[]) : lists.reduce(mergeUnique, []);
  }

  async pageWithCount(plan: AudiencePlan, query: AudienceQuery): Promise<{ ids: UserId[]; count: number }> {
    const all = await this.reachedUserIds(plan, query.search);
    let from = 0;
    if (query.after !== undefined) {
      const after = query.after;
      for (let hi = all.length; from < hi;) {
        const mid = (from + hi) >> 1;
        if ((all[mid] as string) <= after) from = mid + 1;
        else hi = mid;
      }
    }
    return { ids: all.slice(from, from + query.limit), count: all.length };
  }

  async pageUserIds(plan: AudiencePlan, query: AudienceQuery): Promise<UserId[]> {
    return (await this.pageWithCount(plan, query)).ids;
  }

  async pageUsers(plan: AudiencePlan, query: AudienceQuery): Promise<User[]> {
    return this.usersOf(await this.pageUserIds(plan, query));
  }

  async usersOf(ids: readonly UserId[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const users = await new UserRepo(this.db, this.tenantId, this.engine).getMany(ids);
    const byId = new Map(users.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id)).filter((u): u is User => u !== undefined);
  }

  async count(plan: AudiencePlan, query: Pick<AudienceQuery, 'search'> = {}): Promise<number> {
    return (await this.reachedUserIds(plan, query.search)).length;
  }

  async facts(userId: UserId, options: { extraGroupIds?: readonly GroupId[] | undefined } = {}): Promise<AccessFacts> {
    return (await this.factsOfMany([userId], options))[0] as AccessFacts;
  }

  /**
   * The facts of several users in eight reads (a page of effective users with paths). The nesting
   * edges, deleted groups and assignments are shared: each user's walk starts from their own groups,
   * so the others' are never reached.
   */
  async factsOfMany(userIds: readonly UserId[], options: { extraGroupIds?: readonly GroupId[] | undefined } = {}): Promise<AccessFacts[]> {
    if (userIds.length === 0) return [];
    const t = this.tenantId;
    const db = this.db;
    const ids = [...new Set(userIds)];
    const extra = [...(options.extraGroupIds ?? [])];
    const direct = db.selectFrom('memberships').select('group_id').where('tenant_id', '=', t).where('member_id', 'in', ids);
    const above = db.selectFrom('group_closure').select('ancestor_id').where('tenant_id', '=', t)
      .where((eb) => eb.or([eb('descendant_id', 'in', direct), ...(extra.length > 0 ? [eb('descendant_id', 'in', extra)] : [])]));
    const [users, directRows, edges, deleted, apps, assignments, blocks] = await Promise.all([
      db.selectFrom('users').select(['id', 'account_enabled']).where('tenant_id', '=', t).where('id', 'in', ids).execute(),
      db.selectFrom('memberships').select(['member_id', 'group_id']).where('tenant_id', '=', t).where('member_id', 'in', ids).execute(),
      db.selectFrom('memberships').select(['group_id', 'member_id']).where('tenant_id', '=', t)
        .where('member_type', '=', 'group').where('member_id', 'in', above).execute(),
      db.selectFrom('groups').select('id').where('tenant_id', '=', t).where('deleted_at', 'is not', null).where('id', 'in', above).execute(),
      db.selectFrom('applications').selectAll().where('tenant_id', '=', t).orderBy('id').execute(),
      db.selectFrom('app_assignments').selectAll().where('tenant_id', '=', t)
        .where((eb) => eb.or([eb('principal_type', '=', 'ServicePrincipal'), eb('principal_id', 'in', ids), eb('principal_id', 'in', above)]))
        .orderBy('id').execute(),
      db.selectFrom('app_blocks').selectAll().where('tenant_id', '=', t).where('user_id', 'in', ids).execute(),
    ]);
    const shared = {
      nesting: edges.map((e) => ({ parentId: e.group_id, childId: e.member_id })),
      deletedGroupIds: deleted.map((d) => d.id),
      apps: apps.map(appFromRow),
      assignments: assignments.map(assignmentFromRow),
    };
    const enabled = new Set(users.filter((u) => Number(u.account_enabled) === 1).map((u) => u.id));
    const allBlocks = blocks.map(blockFromRow);
    return userIds.map((userId) => ({
      userId,
      userEnabled: enabled.has(userId),
      directGroupIds: [...new Set([...directRows.filter((r) => r.member_id === userId).map((r) => r.group_id), ...extra])].sort(),
      ...shared,
      blocks: allBlocks.filter((b) => b.userId === userId),
    }));
  }

  async selfAndAncestorGroupIds(groupId: GroupId): Promise<GroupId[]> {
    const rows = await this.db.selectFrom('group_closure').select('ancestor_id')
      .where('tenant_id', '=', this.tenantId).where('descendant_id', '=', groupId).orderBy('ancestor_id').execute();
    return rows.map((r) => r.ancestor_id);
  }
}

/** Two ascending id lists (each may repeat an id) → one ascending list without repeats. */
function mergeUnique(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  const push = (id: string) => { if (out.length === 0 || out[out.length - 1] !== id) out.push(id); };
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as string) <= (b[j] as string))) push(a[i++] as string);
    else push(b[j++] as string);
  }
  return out;
}
