// Applications and access (issue 5, docs/adr/0019 and 0020): enterprise apps (Graph servicePrincipals)
// with owners, app-role assignments to users, groups and other apps' audiences, per-user blocks, and
// outbound SCIM provisioning (config with an encrypted token, what was provisioned, durable jobs, log).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.createTable('applications')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('display_name_lower', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('homepage', 'text')
    .addColumn('login_url', 'text')
    .addColumn('logo_url', 'text')
    .addColumn('account_enabled', 'integer', (c) => c.notNull())
    .addColumn('assignment_required', 'integer', (c) => c.notNull())
    .addColumn('visible_to_users', 'integer', (c) => c.notNull())
    .addColumn('cascade_nested_groups', 'integer', (c) => c.notNull())
    .addColumn('app_roles', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('applications_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('applications_app_id_ux').on('applications').columns(['tenant_id', 'app_id']).unique().execute();
  await s.createIndex('applications_name_ix').on('applications').columns(['tenant_id', 'display_name_lower', 'id']).execute();

  await s.createTable('app_owners')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_owners_pk', ['tenant_id', 'app_id', 'user_id'])
    .execute();
  await s.createIndex('app_owners_user_ix').on('app_owners').columns(['tenant_id', 'user_id']).execute();

  // principal_type: 'User' | 'Group' | 'ServicePrincipal' (the audience of that application).
  await s.createTable('app_assignments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('app_role_id', 'text', (c) => c.notNull())
    .addColumn('principal_type', 'text', (c) => c.notNull())
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_assignments_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('app_assignments_ux').on('app_assignments')
    .columns(['tenant_id', 'app_id', 'principal_id', 'app_role_id']).unique().execute();
  await s.createIndex('app_assignments_principal_ix').on('app_assignments').columns(['tenant_id', 'principal_id']).execute();

  await s.createTable('app_blocks')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_blocks_pk', ['tenant_id', 'app_id', 'user_id'])
    .execute();
  await s.createIndex('app_blocks_user_ix').on('app_blocks').columns(['tenant_id', 'user_id']).execute();

  // state: 'enabled' | 'paused' | 'quarantined'; deprovision: 'disableThenDelete' | 'disable' | 'delete'.
  await s.createTable('provisioning_configs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('token_ciphertext', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('deprovision', 'text', (c) => c.notNull())
    .addColumn('provision_groups', 'integer', (c) => c.notNull())
    .addColumn('reconcile_interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('last_reconciled_at', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quarantined_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provisioning_configs_pk', ['tenant_id', 'app_id'])
    .execute();

  // What Roster has provisioned to each target: the remote id and what was last sent.
  await s.createTable('provisioned_objects')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('local_id', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('attributes_hash', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provisioned_objects_pk', ['tenant_id', 'app_id', 'object_type', 'local_id'])
    .execute();

  // Durable push work: one row per (app, kind, object) while pending; `generation` grows when the
  // object changes again while a worker holds the row, so the worker deletes it only if unchanged.
  await s.createTable('provisioning_jobs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('available_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provisioning_jobs_pk', ['tenant_id', 'app_id', 'kind', 'object_id'])
    .execute();
  await s.createIndex('provisioning_jobs_due_ix').on('provisioning_jobs').columns(['tenant_id', 'available_at']).execute();

  await s.createTable('provisioning_log')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('local_id', 'text')
    .addColumn('remote_id', 'text')
    .addColumn('status', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('attempt', 'integer')
    .addPrimaryKeyConstraint('provisioning_log_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('provisioning_log_app_ix').on('provisioning_log').columns(['tenant_id', 'app_id', 'at', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['provisioning_log', 'provisioning_jobs', 'provisioned_objects', 'provisioning_configs', 'app_blocks', 'app_assignments', 'app_owners', 'applications']) {
    await db.schema.dropTable(t).execute();
  }
}
