// Portal sign-in (issue 4, docs/adr/0017): cookie sessions (secret hashed), failed sign-in counting for
// the lockout (per account and client, and per account), and OpenID Connect identities linked to users.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('sessions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('sessions_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('sessions_user_ix').on('sessions').columns(['tenant_id', 'user_id']).execute();
  await s.createIndex('sessions_expires_ix').on('sessions').columns(['tenant_id', 'expires_at']).execute();

  await s.createTable('sign_in_throttles')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addPrimaryKeyConstraint('sign_in_throttles_pk', ['tenant_id', 'user_id', 'client_key'])
    .execute();

  await s.createTable('oidc_links')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('oidc_links_pk', ['tenant_id', 'issuer', 'subject'])
    .execute();
  await s.createIndex('oidc_links_user_ix').on('oidc_links').columns(['tenant_id', 'user_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oidc_links').execute();
  await db.schema.dropTable('sign_in_throttles').execute();
  await db.schema.dropTable('sessions').execute();
}
