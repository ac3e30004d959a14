// API clients and access tokens, always filtered by tenant (the tenant-leading primary key serves
// every token lookup). Secrets arrive hashed; nothing here ever sees one in the clear.
import type { Kysely, Selectable } from 'kysely';
import type { AppPermission } from '../../core/domain/actor.js';
import type { AccessToken, ApiClient, TokenPrincipal } from '../../core/domain/credentials.js';
import type { Instant, TenantId, UserId } from '../../core/domain/model.js';
import type { AccessTokenRepository, ApiClientRepository } from '../../core/ports.js';
import type { AccessTokensTable, ApiClientsTable, Database } from '../schema.js';

function toClient(r: Selectable<ApiClientsTable>): ApiClient {
  return {
    tenantId: r.tenant_id, id: r.id, displayName: r.display_name, permissions: JSON.parse(r.permissions) as AppPermission[],
    secretHash: r.secret_hash, createdBy: r.created_by, createdDateTime: r.created_at, disabled: r.disabled === 1,
  };
}

export class ApiClientRepo implements ApiClientRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async get(id: string): Promise<ApiClient | null> {
    const row = await this.db.selectFrom('api_clients').selectAll().where('tenant_id', '=', this.tenantId).where('id', '=', id).executeTakeFirst();
    return row ? toClient(row) : null;
  }

  async insert(c: ApiClient): Promise<void> {
    await this.db.insertInto('api_clients').values({
      tenant_id: this.tenantId, id: c.id, display_name: c.displayName, permissions: JSON.stringify(c.permissions),
      secret_hash: c.secretHash, created_by: c.createdBy, created_at: c.createdDateTime, disabled: c.disabled ? 1 : 0,
    }).execute();
  }

  async update(c: ApiClient): Promise<void> {
    await this.db.updateTable('api_clients')
      .set({ display_name: c.displayName, permissions: JSON.stringify(c.permissions), secret_hash: c.secretHash, disabled: c.disabled ? 1 : 0 })
      .where('tenant_id', '=', this.tenantId).where('id', '=', c.id).execute();
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('api_clients').where('tenant_id', '=', this.tenantId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async list(): Promise<ApiClient[]> {
    const rows = await this.db.selectFrom('api_clients').selectAll().where('tenant_id', '=', this.tenantId).orderBy('display_name').orderBy('id').execute();
    return rows.map(toClient);
  }
}

function toToken(r: Selectable<AccessTokensTable>): AccessToken {
  const principal: TokenPrincipal = r.principal_type === 'app' ? { type: 'app', clientId: r.principal_id } : { type: 'user', userId: r.principal_id };
  return {
    tenantId: r.tenant_id, id: r.id, secretHash: r.secret_hash, principal, createdDateTime: r.created_at,
    expiresDateTime: r.expires_at, revokedDateTime: r.revoked_at, description: r.description,
  };
}

const principalId = (p: TokenPrincipal) => (p.type === 'app' ? p.clientId : p.userId);

export class AccessTokenRepo implements AccessTokenRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async get(id: string): Promise<AccessToken | null> {
    const row = await this.db.selectFrom('access_tokens').selectAll().where('tenant_id', '=', this.tenantId).where('id', '=', id).executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async insert(t: AccessToken): Promise<void> {
    await this.db.insertInto('access_tokens').values({
      tenant_id: this.tenantId, id: t.id, secret_hash: t.secretHash, principal_type: t.principal.type, principal_id: principalId(t.principal),
      created_at: t.createdDateTime, expires_at: t.expiresDateTime, revoked_at: t.revokedDateTime, description: t.description,
    }).execute();
  }

  async revoke(id: string, at: Instant): Promise<boolean> {
    const r = await this.db.updateTable('access_tokens').set({ revoked_at: at })
      .where('tenant_id', '=', this.tenantId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async revokeAllOf(principal: TokenPrincipal, at: Instant): Promise<number> {
    const r = await this.db.updateTable('access_tokens').set({ revoked_at: at })
      .where('tenant_id', '=', this.tenantId).where('principal_type', '=', principal.type).where('principal_id', '=', principalId(principal))
      .where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async listForUser(userId: UserId): Promise<AccessToken[]> {
    const rows = await this.db.selectFrom('access_tokens').selectAll()
      .where('tenant_id', '=', this.tenantId).where('principal_type', '=', 'user').where('principal_id', '=', userId)
      .orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toToken);
  }
}
