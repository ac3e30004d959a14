// Applications (Graph servicePrincipals) and their owners. Deleting an app removes everything that
// points at it: owners, assignments giving it, assignments giving others its audience, blocks.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AppOwnership, AppQuery, ApplicationRepository } from '../../core/ports.js';
import type { AppId, AppRole, Application } from '../../core/domain/apps.js';
import { DomainError } from '../../core/domain/errors.js';
import type { TenantId, UserId } from '../../core/domain/model.js';
import type { ApplicationsTable, Database } from '../schema.js';
import { bool, changed, chunks, flag, lowerPrefix, toCount } from '../sql-helpers.js';

export function appFromRow(r: Selectable<ApplicationsTable>): Application {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    appId: r.app_id,
    displayName: r.display_name,
    description: r.description,
    homepage: r.homepage,
    loginUrl: r.login_url,
    logoUrl: r.logo_url,
    accountEnabled: bool(r.account_enabled),
    appRoleAssignmentRequired: bool(r.assignment_required),
    visibleToUsers: bool(r.visible_to_users),
    cascadeNestedGroups: bool(r.cascade_nested_groups),
    appRoles: JSON.parse(r.app_roles) as AppRole[],
    createdBy: r.created_by,
    createdDateTime: r.created_at,
  };
}

function appToRow(a: Application): Insertable<ApplicationsTable> {
  return {
    tenant_id: a.tenantId,
    id: a.id,
    app_id: a.appId,
    display_name: a.displayName,
    display_name_lower: a.displayName.toLowerCase(),
    description: a.description,
    homepage: a.homepage,
    login_url: a.loginUrl,
    logo_url: a.logoUrl,
    account_enabled: flag(a.accountEnabled),
    assignment_required: flag(a.appRoleAssignmentRequired),
    visible_to_users: flag(a.visibleToUsers),
    cascade_nested_groups: flag(a.cascadeNestedGroups),
    app_roles: JSON.stringify(a.appRoles),
    created_by: a.createdBy,
    created_at: a.createdDateTime,
  };
}

export class ApplicationRepo implements ApplicationRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  private base() {
    return this.db.selectFrom('applications').selectAll().where('tenant_id', '=', this.tenantId);
  }

  async get(id: AppId): Promise<Application | null> {
    const row = await this.base().where('id', '=', id).executeTakeFirst();
    return row ? appFromRow(row) : null;
  }

  async getMany(ids: readonly AppId[]): Promise<Application[]> {
    const out: Application[] = [];
    for (const part of chunks([...new Set(ids)])) out.push(...(await this.base().where('id', 'in', part).execute()).map(appFromRow));
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async listAll(): Promise<Application[]> {
    return (await this.base().orderBy('id').execute()).map(appFromRow);
  }

  private filtered(query: Omit<AppQuery, 'after' | 'limit'>) {
    let q = this.base();
    if (query.search) q = q.where(lowerPrefix('display_name', query.search));
    if (query.ids) q = q.where('id', 'in', query.ids.length > 0 ? [...query.ids] : ['']);
    return q;
  }

  async list(query: AppQuery): Promise<Application[]> {
    let q = this.filtered(query);
    if (query.after !== undefined) q = q.where('id', '>', query.after);
    return (await q.orderBy('id').limit(query.limit).execute()).map(appFromRow);
  }

  async count(query: Omit<AppQuery, 'after' | 'limit'>): Promise<number> {
    const r = await this.filtered(query).clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return toCount(r.n);
  }

  async insert(app: Application): Promise<void> {
    // ON CONFLICT DO NOTHING rather than catching the violation: on PostgreSQL a failed statement aborts the transaction.
    const res = await this.db.insertInto('applications').values({ ...appToRow(app), tenant_id: this.tenantId })
      .onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (changed(res.numInsertedOrUpdatedRows) === 0) throw new DomainError('appIdTaken');
  }

  async update(app: Application): Promise<void> {
    const { tenant_id: _t, id: _i, ...row } = appToRow(app);
    await this.db.updateTable('applications').set(row).where('tenant_id', '=', this.tenantId).where('id', '=', app.id).execute();
  }

  async delete(id: AppId): Promise<void> {
    const t = this.tenantId;
    await this.db.deleteFrom('app_owners').where('tenant_id', '=', t).where('app_id', '=', id).execute();
    await this.db.deleteFrom('app_blocks').where('tenant_id', '=', t).where('app_id', '=', id).execute();
    await this.db.deleteFrom('app_assignments').where('tenant_id', '=', t).where('app_id', '=', id).execute();
    await this.db.deleteFrom('app_assignments').where('tenant_id', '=', t)
      .where('principal_type', '=', 'ServicePrincipal').where('principal_id', '=', id).execute();
    await this.db.deleteFrom('applications').where('tenant_id', '=', t).where('id', '=', id).execute();
  }

  async isOwner(appId: AppId, userId: UserId): Promise<boolean> {
    const row = await this.db.selectFrom('app_owners').select('user_id')
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).where('user_id', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  async listOwners(appId: AppId): Promise<AppOwnership[]> {
    const rows = await this.db.selectFrom('app_owners').selectAll()
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).orderBy('user_id').execute();
    return rows.map((r) => ({ appId: r.app_id, userId: r.user_id, addedBy: r.added_by, addedDateTime: r.added_at }));
  }

  async addOwner(o: AppOwnership): Promise<boolean> {
    const res = await this.db.insertInto('app_owners')
      .values({ tenant_id: this.tenantId, app_id: o.appId, user_id: o.userId, added_by: o.addedBy, added_at: o.addedDateTime })
      .onConflict((oc) => oc.columns(['tenant_id', 'app_id', 'user_id']).doNothing()).executeTakeFirst();
    return changed(res.numInsertedOrUpdatedRows) > 0;
  }

  async removeOwner(appId: AppId, userId: UserId): Promise<boolean> {
    const res = await this.db.deleteFrom('app_owners')
      .where('tenant_id', '=', this.tenantId).where('app_id', '=', appId).where('user_id', '=', userId).executeTakeFirst();
    return changed(res.numDeletedRows) > 0;
  }

  async appIdsOwnedBy(userId: UserId): Promise<AppId[]> {
    const rows = await this.db.selectFrom('app_owners').select('app_id')
      .where('tenant_id', '=', this.tenantId).where('user_id', '=', userId).orderBy('app_id').execute();
    return rows.map((r) => r.app_id);
  }
}
