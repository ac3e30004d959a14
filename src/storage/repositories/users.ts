// Users, with their directory roles and licence assignments (two side tables, replaced as a set on update).
import type { Kysely } from 'kysely';
import type { ListFilter, UserQuery, UserRepository } from '../../core/ports.js';
import type { LicenceSku, TenantId, User, UserId } from '../../core/domain/model.js';
import { DomainError } from '../../core/domain/errors.js';
import type { Database } from '../schema.js';
import { userFromRow, userToRow } from '../mappers.js';
import type { UserRow } from '../mappers.js';
import { filterSql, orderedPage, searchSql } from '../list-query-sql.js';
import { changed, chunks, inOrder, isUniqueViolation, loweredColumnPrefix, lowerPrefix, toCount } from '../sql-helpers.js';

export class UserRepo implements UserRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  private base() {
    return this.db.selectFrom('users').selectAll().where('tenant_id', '=', this.tenantId);
  }

  async get(id: UserId): Promise<User | null> {
    const rows = await this.base().where('id', '=', id).execute();
    return (await this.hydrate(rows))[0] ?? null;
  }

  async getByUserPrincipalName(upn: string): Promise<User | null> {
    const rows = await this.base().where('upn_lower', '=', upn.toLowerCase()).execute();
    return (await this.hydrate(rows))[0] ?? null;
  }

  /** In the order asked for; unknown ids are skipped. */
  async getMany(ids: readonly UserId[]): Promise<User[]> {
    const rows: UserRow[] = [];
    for (const part of chunks([...new Set(ids)])) rows.push(...await this.base().where('id', 'in', part).execute());
    return inOrder(ids, await this.hydrate(rows), (u) => u.id);
  }

  async insert(user: User): Promise<void> {
    // ON CONFLICT DO NOTHING instead of catching the violation: on PostgreSQL a failed statement would
    // abort the whole transaction, and the caller may still want to write (e.g. an audit event).
    const res = await this.db.insertInto('users').values({ ...userToRow(user), tenant_id: this.tenantId })
      .onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (changed(res.numInsertedOrUpdatedRows) === 0) throw new DomainError('userPrincipalNameTaken');
    await this.writeRolesAndLicences(user);
  }

  async update(user: User): Promise<void> {
    const taken = await this.db.selectFrom('users').select('id').where('tenant_id', '=', this.tenantId)
      .where('upn_lower', '=', user.userPrincipalName.toLowerCase()).where('id', '<>', user.id).executeTakeFirst();
    if (taken) throw new DomainError('userPrincipalNameTaken');
    const { tenant_id: _t, id: _i, ...row } = userToRow(user);
    let res;
    try {
      res = await this.db.updateTable('users').set(row)
        .where('tenant_id', '=', this.tenantId).where('id', '=', user.id).executeTakeFirst();
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('userPrincipalNameTaken');
      throw e;
    }
    if (changed(res.numUpdatedRows) === 0) return; // no such user in this tenant: touch nothing
    await this.db.deleteFrom('user_roles').where('tenant_id', '=', this.tenantId).where('user_id', '=', user.id).execute();
    await this.db.deleteFrom('user_licences').where('tenant_id', '=', this.tenantId).where('user_id', '=', user.id).execute();
    await this.writeRolesAndLicences(user);
  }

  async delete(id: UserId): Promise<void> {
    for (const table of ['user_roles', 'user_licences', 'user_credentials', 'app_owners', 'app_blocks'] as const) {
      await this.db.deleteFrom(table).where('tenant_id', '=', this.tenantId).where('user_id', '=', id).execute();
    }
    await this.db.deleteFrom('app_assignments').where('tenant_id', '=', this.tenantId)
      .where('principal_type', '=', 'User').where('principal_id', '=', id).execute();
    await this.db.deleteFrom('users').where('tenant_id', '=', this.tenantId).where('id', '=', id).execute();
  }

  async list(query: UserQuery): Promise<User[]> {
    const q = orderedPage(this.filtered(query), 'users', query);
    return this.hydrate(await q.limit(query.limit).execute());
  }

  async count(query: ListFilter & { search?: string | undefined } = {}): Promise<number> {
    const r = await this.filtered(query).clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return toCount(r.n);
  }

  private filtered(query: ListFilter & { search?: string | undefined }) {
    let q = this.base();
    const search = query.search;
    if (search) {
      q = q.where((eb) => eb.or([
        lowerPrefix('display_name', search),
        loweredColumnPrefix('upn_lower', search),
        lowerPrefix('mail', search),
        lowerPrefix('given_name', search),
        lowerPrefix('surname', search),
      ]));
    }
    if (query.filter) q = q.where(filterSql('users', query.filter));
    if (query.searchTerms) q = q.where(searchSql('users', query.searchTerms));
    return q;
  }

  async countWithLicence(sku: LicenceSku): Promise<number> {
    const r = await this.db.selectFrom('user_licences').select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', this.tenantId).where('sku', '=', sku).executeTakeFirstOrThrow();
    return toCount(r.n);
  }

  private async writeRolesAndLicences(user: User): Promise<void> {
    const roles = [...new Set(user.roles)].map((role) => ({ tenant_id: this.tenantId, user_id: user.id, role }));
    if (roles.length > 0) await this.db.insertInto('user_roles').values(roles).execute();
    const skus = [...new Set(user.assignedLicenses)].map((sku) => ({ tenant_id: this.tenantId, user_id: user.id, sku }));
    if (skus.length > 0) await this.db.insertInto('user_licences').values(skus).execute();
  }

  /** Attaches roles and licences: two queries for the whole batch, not two per user. */
  private async hydrate(rows: readonly UserRow[]): Promise<User[]> {
    if (rows.length === 0) return [];
    const roles = new Map<string, string[]>();
    const skus = new Map<string, string[]>();
    for (const part of chunks(rows.map((r) => r.id))) {
      const rr = await this.db.selectFrom('user_roles').select(['user_id', 'role'])
        .where('tenant_id', '=', this.tenantId).where('user_id', 'in', part).execute();
      for (const r of rr) roles.set(r.user_id, [...(roles.get(r.user_id) ?? []), r.role]);
      const lr = await this.db.selectFrom('user_licences').select(['user_id', 'sku'])
        .where('tenant_id', '=', this.tenantId).where('user_id', 'in', part).execute();
      for (const r of lr) skus.set(r.user_id, [...(skus.get(r.user_id) ?? []), r.sku]);
    }
    return rows.map((r) => userFromRow(r, roles.get(r.id) ?? [], skus.get(r.id) ?? []));
  }
}
