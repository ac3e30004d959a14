// Effective access computed on read (docs/adr/0019): an audience plan becomes one SQL query — a union
// of its terms (assigned users, members of assigned groups through group_closure, everyone), each
// minus the blocks of the apps along its chain — joined to enabled users, keyset-paged, searched and
// counted. Plus the facts the pure explain walks for one user.
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { AudienceQuery, EffectiveAccessReader } from '../../core/ports.js';
import type { AudiencePlan, AudienceTerm } from '../../core/domain/access/audience.js';
import type { AccessFacts } from '../../core/domain/access/explain.js';
import type { GroupId, TenantId, User, UserId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';
import { escapeLike } from '../sql-helpers.js';
import { appFromRow } from './apps.js';
import { assignmentFromRow, blockFromRow } from './app-assignments.js';
import { UserRepo } from './users.js';

export class EffectiveAccessRepo implements EffectiveAccessReader {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  private notBlocked(userColumn: RawBuilder<unknown>, blockedBy: readonly string[]): RawBuilder<unknown> {
    return sql`not exists (select 1 from app_blocks b where b.tenant_id = ${this.tenantId} and b.user_id = ${userColumn} and b.app_id in (${sql.join(blockedBy)}))`;
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

  private termSql(term: AudienceTerm): RawBuilder<unknown> {
    const t = this.tenantId;
    if (term.kind === 'users') {
      return sql`select a.principal_id as user_id from app_assignments a where a.tenant_id = ${t} and a.app_id = ${term.appId}
        and a.principal_type = 'User' and ${this.notBlocked(sql.ref('a.principal_id'), term.blockedBy)}`;
    }
    if (term.kind === 'everyone') {
      return sql`select e.id as user_id from users e where e.tenant_id = ${t} and ${this.notBlocked(sql.ref('e.id'), term.blockedBy)}`;
    }
    return sql`select m.member_id as user_id from memberships m where m.tenant_id = ${t} and m.member_type = 'user'
      and m.group_id in (${this.reachedGroups(term.groupId, term.cascade)}) and ${this.notBlocked(sql.ref('m.member_id'), term.blockedBy)}`;
  }

  /** `from users u where …` for the plan, or null when it reaches nobody. */
  private usersWhere(plan: AudiencePlan, search: string | undefined): RawBuilder<unknown> | null {
    if (plan.disabled || plan.terms.length === 0) return null;
    const reach = sql.join(plan.terms.map((term) => this.termSql(term)), sql` union `);
    const prefix = search ? `${escapeLike(search.toLowerCase())}%` : null;
    const searched = prefix === null ? sql`` : sql` and (lower(u.display_name) like ${prefix} escape '\\' or u.upn_lower like ${prefix} escape '\\')`;
    return sql`from users u where u.tenant_id = ${this.tenantId} and u.account_enabled = 1 and u.id in (${reach})${searched}`;
  }

  async pageUserIds(plan: AudiencePlan, query: AudienceQuery): Promise<UserId[]> {
    const where = this.usersWhere(plan, query.search);
    if (!where) return [];
    const after = query.after === undefined ? sql`` : sql` and u.id > ${query.after}`;
    const res = await sql<{ id: string }>`select u.id ${where}${after} order by u.id limit ${query.limit}`.execute(this.db);
    return res.rows.map((r) => r.id);
  }

  async pageUsers(plan: AudiencePlan, query: AudienceQuery): Promise<User[]> {
    const ids = await this.pageUserIds(plan, query);
    if (ids.length === 0) return [];
    const users = await new UserRepo(this.db, this.tenantId).getMany(ids);
    const byId = new Map(users.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id)).filter((u): u is User => u !== undefined);
  }

  async count(plan: AudiencePlan, query: Pick<AudienceQuery, 'search'> = {}): Promise<number> {
    const where = this.usersWhere(plan, query.search);
    if (!where) return 0;
    const res = await sql<{ n: number | string }>`select count(*) as n ${where}`.execute(this.db);
    return Number(res.rows[0]?.n ?? 0);
  }

  async facts(userId: UserId, options: { extraGroupIds?: readonly GroupId[] | undefined } = {}): Promise<AccessFacts> {
    const t = this.tenantId;
    const db = this.db;
    const extra = [...(options.extraGroupIds ?? [])];
    const direct = db.selectFrom('memberships').select('group_id').where('tenant_id', '=', t).where('member_id', '=', userId);
    const above = db.selectFrom('group_closure').select('ancestor_id').where('tenant_id', '=', t)
      .where((eb) => eb.or([eb('descendant_id', 'in', direct), ...(extra.length > 0 ? [eb('descendant_id', 'in', extra)] : [])]));
    const [user, directRows, edges, deleted, apps, assignments, blocks] = await Promise.all([
      db.selectFrom('users').select('account_enabled').where('tenant_id', '=', t).where('id', '=', userId).executeTakeFirst(),
      direct.execute(),
      db.selectFrom('memberships').select(['group_id', 'member_id']).where('tenant_id', '=', t)
        .where('member_type', '=', 'group').where('member_id', 'in', above).execute(),
      db.selectFrom('groups').select('id').where('tenant_id', '=', t).where('deleted_at', 'is not', null).where('id', 'in', above).execute(),
      db.selectFrom('applications').selectAll().where('tenant_id', '=', t).orderBy('id').execute(),
      db.selectFrom('app_assignments').selectAll().where('tenant_id', '=', t)
        .where((eb) => eb.or([eb('principal_type', '=', 'ServicePrincipal'), eb('principal_id', '=', userId), eb('principal_id', 'in', above)]))
        .orderBy('id').execute(),
      db.selectFrom('app_blocks').selectAll().where('tenant_id', '=', t).where('user_id', '=', userId).execute(),
    ]);
    return {
      userId,
      userEnabled: user !== undefined && Number(user.account_enabled) === 1,
      directGroupIds: [...new Set([...directRows.map((r) => r.group_id), ...extra])].sort(),
      nesting: edges.map((e) => ({ parentId: e.group_id, childId: e.member_id })),
      deletedGroupIds: deleted.map((d) => d.id),
      apps: apps.map(appFromRow),
      assignments: assignments.map(assignmentFromRow),
      blocks: blocks.map(blockFromRow),
    };
  }

  async selfAndAncestorGroupIds(groupId: GroupId): Promise<GroupId[]> {
    const rows = await this.db.selectFrom('group_closure').select('ancestor_id')
      .where('tenant_id', '=', this.tenantId).where('descendant_id', '=', groupId).orderBy('ancestor_id').execute();
    return rows.map((r) => r.ancestor_id);
  }
}
