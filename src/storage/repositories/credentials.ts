// Password hashes, kept apart from the user row so no user read ever carries one.
import type { Kysely } from 'kysely';
import type { CredentialRepository } from '../../core/ports.js';
import type { Instant, TenantId, UserId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';

export class CredentialRepo implements CredentialRepository {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId) {}

  async getPasswordHash(userId: UserId): Promise<string | null> {
    const row = await this.db.selectFrom('user_credentials').select('password_hash')
      .where('tenant_id', '=', this.tenantId).where('user_id', '=', userId).executeTakeFirst();
    return row?.password_hash ?? null;
  }

  async setPasswordHash(userId: UserId, hash: string, at: Instant): Promise<void> {
    await this.db.insertInto('user_credentials')
      .values({ tenant_id: this.tenantId, user_id: userId, password_hash: hash, updated_at: at })
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ password_hash: hash, updated_at: at }))
      .execute();
  }
}
