// The initial schema. Shipped migrations are never edited: add 0002_… instead.
// One migration for both engines: only types both understand (text, integer), no engine-specific SQL.
// tenant_id leads every primary key and every index (the `tenants` table is the one exception), so
// every query a repository makes — always filtered by tenant — can use an index.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;

  await s.createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('users')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_principal_name', 'text', (c) => c.notNull())
    .addColumn('upn_lower', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('mail', 'text')
    .addColumn('given_name', 'text')
    .addColumn('surname', 'text')
    .addColumn('department', 'text')
    .addColumn('job_title', 'text')
    .addColumn('company_name', 'text')
    .addColumn('office_location', 'text')
    .addColumn('account_enabled', 'integer', (c) => c.notNull())
    .addColumn('user_type', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('users_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('users_upn_lower_uq').on('users').columns(['tenant_id', 'upn_lower']).unique().execute();
  await s.createIndex('users_display_name_ix').on('users').columns(['tenant_id', 'display_name']).execute();

  await s.createTable('user_roles')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['tenant_id', 'user_id', 'role'])
    .execute();

  await s.createTable('user_licences')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_licences_pk', ['tenant_id', 'user_id', 'sku'])
    .execute();

  await s.createTable('tenant_licences')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tenant_licences_pk', ['tenant_id', 'sku'])
    .execute();

  await s.createTable('user_credentials')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_credentials_pk', ['tenant_id', 'user_id'])
    .execute();

  await createGroups(db);
  await createRequestsAndLogs(db);
}

async function createGroups(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('groups')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('mail_nickname', 'text', (c) => c.notNull())
    .addColumn('mail_nickname_lower', 'text', (c) => c.notNull())
    .addColumn('mail', 'text')
    .addColumn('is_unified', 'integer', (c) => c.notNull())
    .addColumn('is_dynamic', 'integer', (c) => c.notNull())
    .addColumn('security_enabled', 'integer', (c) => c.notNull())
    .addColumn('mail_enabled', 'integer', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('join_policy', 'text', (c) => c.notNull())
    .addColumn('classification', 'text')
    .addColumn('created_via', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('renewed_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('membership_rule', 'text')
    .addColumn('membership_rule_state', 'text')
    .addColumn('is_assignable_to_role', 'integer', (c) => c.notNull())
    .addColumn('on_prem_sync_enabled', 'integer', (c) => c.notNull())
    .addColumn('externally_managed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('groups_pk', ['tenant_id', 'id'])
    .execute();
  // Not partial: a soft-deleted group keeps its nickname so it can be restored.
  await s.createIndex('groups_mail_nickname_lower_uq').on('groups').columns(['tenant_id', 'mail_nickname_lower']).unique().execute();
  await s.createIndex('groups_display_name_ix').on('groups').columns(['tenant_id', 'display_name']).execute();

  await s.createTable('memberships')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('member_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('request_id', 'text')
    .addPrimaryKeyConstraint('memberships_pk', ['tenant_id', 'group_id', 'member_id'])
    .execute();
  await s.createIndex('memberships_member_ix').on('memberships').columns(['tenant_id', 'member_id', 'group_id']).execute();
  await s.createIndex('memberships_expires_ix').on('memberships').columns(['tenant_id', 'expires_at']).execute();

  await s.createTable('group_closure')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('ancestor_id', 'text', (c) => c.notNull())
    .addColumn('descendant_id', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_closure_pk', ['tenant_id', 'ancestor_id', 'descendant_id'])
    .execute();
  await s.createIndex('group_closure_descendant_ix').on('group_closure').columns(['tenant_id', 'descendant_id', 'ancestor_id']).execute();

  await s.createTable('owners')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('owners_pk', ['tenant_id', 'group_id', 'user_id'])
    .execute();
  await s.createIndex('owners_user_ix').on('owners').columns(['tenant_id', 'user_id']).execute();
}

async function createRequestsAndLogs(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('join_requests')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('requested_duration_days', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('membership_expires_at', 'text')
    .addPrimaryKeyConstraint('join_requests_pk', ['tenant_id', 'id'])
    .execute();
  // At most one pending request per requester and group, enforced by the database on every engine.
  await s.createIndex('join_requests_pending_uq').on('join_requests')
    .columns(['tenant_id', 'group_id', 'requester_id']).unique().where(sql.ref('status'), '=', 'pending').execute();
  await s.createIndex('join_requests_group_ix').on('join_requests').columns(['tenant_id', 'group_id', 'status']).execute();
  await s.createIndex('join_requests_requester_ix').on('join_requests').columns(['tenant_id', 'requester_id']).execute();
  await s.createIndex('join_requests_due_ix').on('join_requests').columns(['tenant_id', 'status', 'expires_at']).execute();

  await s.createTable('settings')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('settings_pk', ['tenant_id', 'key'])
    .execute();

  await s.createTable('audit_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'text')
    .addPrimaryKeyConstraint('audit_events_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('audit_events_occurred_ix').on('audit_events').columns(['tenant_id', 'occurred_at']).execute();
  await s.createIndex('audit_events_target_ix').on('audit_events').columns(['tenant_id', 'target_id']).execute();

  await s.createTable('outbox')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('available_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', 'text')
    .addPrimaryKeyConstraint('outbox_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('outbox_pending_ix').on('outbox').columns(['tenant_id', 'done_at', 'available_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'outbox', 'audit_events', 'settings', 'join_requests', 'owners', 'group_closure', 'memberships', 'groups',
    'user_credentials', 'tenant_licences', 'user_licences', 'user_roles', 'users', 'tenants',
  ];
  for (const t of tables) await db.schema.dropTable(t).ifExists().execute();
}
