// App role assignments (who is given which app) and per-user blocks.
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { AppAssignmentRepository, AppBlockRepository, AssignmentQuery } from '../../core/ports.js';
import type { AppAssignment, AppBlock, AppId, AssignmentId, PrincipalType } from '../../core/domain/apps.js';
import { DomainError } from '../../core/domain/errors.js';
import type { TenantId, UserId } from '../../core/domain/model.js';
import type { AppAssignmentsTable, AppBlocksTable, Database } from '../schema.js';
import type { Engine } from '../sql-helpers.js';
import { changed, toCount } from '../sql-helpers.js';

export function assignmentFromRow(r: Selectable<AppAssignmentsTable>): AppAssignment {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    resourceId: r.app_id,
    appRoleId: r.app_role_id,
    principalType: r.principal_type as PrincipalType,
    principalId: r.principal_id,
    createdBy: r.created_by,
    createdDateTime: r.created_at,
  };
}

export function blockFromRow(r: Selectable<AppBlocksTable>): AppBlock {
  return { tenantId: r.tenant_id, appId: r.app_id, userId: r.user_id, reason: r.reason, createdBy: r.created_by, createdDateTime: r.created_at };
}

export class AppAssignmentRepo implements AppAssignmentRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine) {}

  private base() {
    return this.db.selectFrom('app_assignments').selectAll().where('tenant_id', '=', this.tenantId);
  }

  async get(id: AssignmentId): Promise<AppAssignment | null> {
    const row = await this.base().where('id', '=', id).executeTakeFirst();
    return row ? assignmentFromRow(row) : null;
  }

  async insert(a: AppAssignment): Promise<void> {
    // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed statement aborts the transaction.
    const res = await this.db.insertInto('app_assignments').values({
      tenant_id: this.tenantId, id: a.id, app_id: a.resourceId, app_role_id: a.appRoleId,
      principal_type: a.principalType, principal_id: a.principalId, created_by: a.createdBy, created_at: a.createdDateTime,
    }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (changed(res.numInsertedOrUpdatedRows) === 0) throw new DomainError('alreadyAssigned');
  }

  async delete(id: AssignmentId): Promise<boolean> {
    const res = await this.db.deleteFrom('app_assignments').where('tenant_id', '=', this.tenantId).where('id', '=', id).executeTakeFirst();
    return changed(res.numDeletedRows) > 0;
  }

  async listByApp(appId: AppId, query: AssignmentQuery): Promise<AppAssignment[]> {
    let q = this.base().where('app_id', '=', appId);
    if (query.after !== undefined) q = q.where('id', '>', query.after);
    return (await q.orderBy('id').limit(query.limit).execute()).map(assignmentFromRow);
  }

  async countByApp(appId: AppId): Promise<number> {
    const r = await this.db.selectFrom('app_assignments').select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).executeTakeFirstOrThrow();
    return toCount(r.n);
  }

  async listByPrincipal(principalId: string, query: AssignmentQuery & { principalType?: PrincipalType | undefined }): Promise<AppAssignment[]> {
    let q = this.base().where('principal_id', '=', principalId);
    if (query.principalType) q = q.where('principal_type', '=', query.principalType);
    if (query.after !== undefined) q = q.where('id', '>', query.after);
    return (await q.orderBy('id').limit(query.limit).execute()).map(assignmentFromRow);
  }

  async listAll(options: { principalTypes?: readonly PrincipalType[] | undefined } = {}): Promise<AppAssignment[]> {
    let q = this.base();
    if (options.principalTypes) q = q.where('principal_type', 'in', options.principalTypes.length > 0 ? [...options.principalTypes] : ['']);
    return (await q.orderBy('id').execute()).map(assignmentFromRow);
  }

  async appIdsAssignedToUsers(): Promise<AppId[]> {
    const rows = await this.db.selectFrom('app_assignments').select('app_id').distinct()
      .where('tenant_id', '=', this.tenantId).where('principal_type', '=', 'User').orderBy('app_id').execute();
    return rows.map((r) => r.app_id);
  }

  async lockAudienceEdges(): Promise<void> {
    if (this.engine !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtextextended(${`roster:audience:${this.tenantId}`}, 0))`.execute(this.db);
  }

  async removeAllOfPrincipal(principalId: string): Promise<AppAssignment[]> {
    const rows = await this.db.deleteFrom('app_assignments').where('tenant_id', '=', this.tenantId)
      .where('principal_id', '=', principalId).where('principal_type', 'in', ['User', 'Group']).returningAll().execute();
    return rows.map(assignmentFromRow);
  }
}

export class AppBlockRepo implements AppBlockRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  private base() {
    return this.db.selectFrom('app_blocks').selectAll().where('tenant_id', '=', this.tenantId);
  }

  async get(appId: AppId, userId: UserId): Promise<AppBlock | null> {
    const row = await this.base().where('app_id', '=', appId).where('user_id', '=', userId).executeTakeFirst();
    return row ? blockFromRow(row) : null;
  }

  async add(b: AppBlock): Promise<boolean> {
    const res = await this.db.insertInto('app_blocks').values({
      tenant_id: this.tenantId, app_id: b.appId, user_id: b.userId, reason: b.reason, created_by: b.createdBy, created_at: b.createdDateTime,
    }).onConflict((oc) => oc.columns(['tenant_id', 'app_id', 'user_id']).doNothing()).executeTakeFirst();
    return changed(res.numInsertedOrUpdatedRows) > 0;
  }

  async remove(appId: AppId, userId: UserId): Promise<boolean> {
    const res = await this.db.deleteFrom('app_blocks')
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).where('user_id', '=', userId).executeTakeFirst();
    return changed(res.numDeletedRows) > 0;
  }

  async listByApp(appId: AppId, query: { after?: string | undefined; limit: number }): Promise<AppBlock[]> {
    let q = this.base().where('app_id', '=', appId);
    if (query.after !== undefined) q = q.where('user_id', '>', query.after);
    return (await q.orderBy('user_id').limit(query.limit).execute()).map(blockFromRow);
  }

  async listByUser(userId: UserId): Promise<AppBlock[]> {
    return (await this.base().where('user_id', '=', userId).orderBy('app_id').execute()).map(blockFromRow);
  }
}
