// Portal sessions, sign-in throttles and OpenID Connect links, always filtered by tenant. Session
// secrets arrive hashed; nothing here ever sees one in the clear.
import type { Kysely, Selectable } from 'kysely';
import type { Instant, TenantId, UserId } from '../../core/domain/model.js';
import type { SignInThrottle } from '../../core/domain/policy/sign-in.js';
import type { Session, SignInMethod } from '../../core/domain/sessions.js';
import type { OidcLinkRepository, SessionRepository, SignInThrottleRepository } from '../../core/ports.js';
import type { Database, SessionsTable } from '../schema.js';
import { changed, type Engine } from '../sql-helpers.js';

function toSession(r: Selectable<SessionsTable>): Session {
  return {
    tenantId: r.tenant_id, id: r.id, userId: r.user_id, secretHash: r.secret_hash, method: r.method as SignInMethod,
    createdDateTime: r.created_at, lastSeenDateTime: r.last_seen_at, expiresDateTime: r.expires_at, revokedDateTime: r.revoked_at,
  };
}

export class SessionRepo implements SessionRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async get(id: string): Promise<Session | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('tenant_id', '=', this.tenantId).where('id', '=', id).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async insert(s: Session): Promise<void> {
    await this.db.insertInto('sessions').values({
      tenant_id: this.tenantId, id: s.id, user_id: s.userId, secret_hash: s.secretHash, method: s.method,
      created_at: s.createdDateTime, last_seen_at: s.lastSeenDateTime, expires_at: s.expiresDateTime, revoked_at: s.revokedDateTime,
    }).execute();
  }

  async touch(id: string, at: Instant): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at })
      .where('tenant_id', '=', this.tenantId).where('id', '=', id).where('last_seen_at', '<', at).execute();
  }

  async revoke(id: string, at: Instant): Promise<boolean> {
    const r = await this.db.updateTable('sessions').set({ revoked_at: at })
      .where('tenant_id', '=', this.tenantId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async revokeAllOf(userId: UserId, at: Instant): Promise<number> {
    const r = await this.db.updateTable('sessions').set({ revoked_at: at })
      .where('tenant_id', '=', this.tenantId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async prune(before: Instant): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('tenant_id', '=', this.tenantId)
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)])).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

export class SignInThrottleRepo implements SignInThrottleRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine) {}

  async lockAccount(userId: UserId): Promise<void> {
    if (this.engine !== 'postgres') return;
    await this.db.selectFrom('users').select('id').where('tenant_id', '=', this.tenantId).where('id', '=', userId).forUpdate().execute();
  }

  async get(userId: UserId, clientKey: string): Promise<SignInThrottle | null> {
    const r = await this.db.selectFrom('sign_in_throttles').selectAll()
      .where('tenant_id', '=', this.tenantId).where('user_id', '=', userId).where('client_key', '=', clientKey).executeTakeFirst();
    return r ? { failures: Number(r.failures), windowStartedDateTime: r.window_started_at, lockedUntilDateTime: r.locked_until } : null;
  }

  async put(userId: UserId, clientKey: string, t: SignInThrottle): Promise<void> {
    const values = { failures: t.failures, window_started_at: t.windowStartedDateTime, locked_until: t.lockedUntilDateTime };
    await this.db.insertInto('sign_in_throttles').values({ tenant_id: this.tenantId, user_id: userId, client_key: clientKey, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'client_key']).doUpdateSet(values))
      .execute();
  }

  async clear(userId: UserId, clientKey: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttles')
      .where('tenant_id', '=', this.tenantId).where('user_id', '=', userId).where('client_key', '=', clientKey).execute();
  }
}

export class OidcLinkRepo implements OidcLinkRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async find(issuer: string, subject: string): Promise<UserId | null> {
    const r = await this.db.selectFrom('oidc_links').select('user_id')
      .where('tenant_id', '=', this.tenantId).where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
    return r?.user_id ?? null;
  }

  async link(issuer: string, subject: string, userId: UserId, at: Instant): Promise<boolean> {
    const r = await this.db.insertInto('oidc_links').values({ tenant_id: this.tenantId, issuer, subject, user_id: userId, created_at: at })
      .onConflict((oc) => oc.columns(['tenant_id', 'issuer', 'subject']).doNothing())
      .executeTakeFirst();
    return changed(r.numInsertedOrUpdatedRows) > 0;
  }

  async subjectOf(issuer: string, userId: UserId): Promise<string | null> {
    const r = await this.db.selectFrom('oidc_links').select('subject')
      .where('tenant_id', '=', this.tenantId).where('user_id', '=', userId).where('issuer', '=', issuer).executeTakeFirst();
    return r?.subject ?? null;
  }

  async unlink(issuer: string, subject: string): Promise<boolean> {
    const r = await this.db.deleteFrom('oidc_links')
      .where('tenant_id', '=', this.tenantId).where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
