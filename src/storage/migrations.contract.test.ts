// The schema itself: migrations are idempotent and reversible, the same tables and indexes exist on
// every engine, and tenant_id leads every primary key and index (the `tenants` table excepted).
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Storage } from './open-storage.js';
import { migrationProvider, migrations } from './migrations/index.js';
import { describeEachEngine } from './testing/engines.js';
import type { Engine } from './sql-helpers.js';

/** Kysely's own bookkeeping tables are not ours. */
const isOurs = (table: string) => !table.startsWith('kysely_');

interface IndexInfo { table: string; index: string; columns: string[]; primary: boolean }

async function indexes(s: Storage, engine: Engine): Promise<IndexInfo[]> {
  if (engine === 'sqlite') {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(s.db);
    const out: IndexInfo[] = [];
    for (const { name: table } of tables.rows) {
      // index_list includes the automatic indexes behind PRIMARY KEY and UNIQUE constraints.
      const list = await sql<{ name: string; origin: string }>`select name, origin from pragma_index_list(${table})`.execute(s.db);
      for (const { name: index, origin } of list.rows) {
        const cols = await sql<{ name: string }>`select name from pragma_index_info(${index}) order by seqno`.execute(s.db);
        out.push({ table, index, columns: cols.rows.map((c) => c.name), primary: origin === 'pk' });
      }
    }
    return out;
  }
  const r = await sql<IndexInfo>`
    select t.relname as "table", i.relname as "index", x.indisprimary as "primary",
           array(select a.attname::text from unnest(x.indkey) with ordinality as k(attnum, ord)
                 join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord) as "columns"
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema()`.execute(s.db);
  return r.rows;
}

async function primaryKeys(s: Storage, engine: Engine): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (engine === 'sqlite') {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(s.db);
    for (const { name } of tables.rows) {
      const cols = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name}) where pk > 0 order by pk`.execute(s.db);
      out[name] = cols.rows.map((c) => c.name);
    }
    return out;
  }
  const r = await sql<{ table: string; column: string }>`
    select tc.table_name as "table", kcu.column_name as "column"
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()
    order by tc.table_name, kcu.ordinal_position`.execute(s.db);
  for (const row of r.rows) out[row.table] = [...(out[row.table] ?? []), row.column];
  return out;
}

const EXPECTED_TABLES = [
  'access_tokens', 'api_clients', 'app_assignments', 'app_blocks', 'app_owners', 'applications', 'audit_events', 'change_log', 'group_closure', 'groups', 'join_requests', 'memberships', 'oidc_links', 'outbox', 'owners',
  'provisioned_objects', 'provisioning_configs', 'provisioning_jobs', 'provisioning_log', 'sessions', 'settings',
  'sign_in_throttles', 'tenant_licences', 'tenants', 'user_credentials', 'user_licences', 'user_roles', 'users',
];

/** Our named (non-PK) indexes, with their columns: identical on both engines. */
const EXPECTED_INDEXES: Record<string, string[]> = {
  access_tokens_principal_ix: ['tenant_id', 'principal_type', 'principal_id'],
  app_assignments_principal_ix: ['tenant_id', 'principal_id'],
  app_assignments_ux: ['tenant_id', 'app_id', 'principal_id', 'app_role_id'],
  app_blocks_user_ix: ['tenant_id', 'user_id'],
  app_owners_user_ix: ['tenant_id', 'user_id'],
  applications_app_id_ux: ['tenant_id', 'app_id'],
  applications_name_ix: ['tenant_id', 'display_name_lower', 'id'],
  audit_events_occurred_ix: ['tenant_id', 'occurred_at'],
  audit_events_position_ix: ['tenant_id', 'position', 'id'],
  audit_events_seq_uq: ['tenant_id', 'seq'],
  audit_events_unsealed_ix: ['tenant_id', 'position', 'id'],
  audit_events_target_ix: ['tenant_id', 'target_id'],
  change_log_at_ix: ['tenant_id', 'at'],
  group_closure_descendant_ix: ['tenant_id', 'descendant_id', 'ancestor_id'],
  groups_display_name_ix: ['tenant_id', 'display_name'],
  groups_mail_nickname_lower_uq: ['tenant_id', 'mail_nickname_lower'],
  join_requests_due_ix: ['tenant_id', 'status', 'expires_at'],
  join_requests_group_ix: ['tenant_id', 'group_id', 'status'],
  join_requests_pending_uq: ['tenant_id', 'group_id', 'requester_id'],
  join_requests_requester_ix: ['tenant_id', 'requester_id'],
  memberships_expires_ix: ['tenant_id', 'expires_at'],
  memberships_member_ix: ['tenant_id', 'member_id', 'group_id'],
  oidc_links_user_ix: ['tenant_id', 'user_id'],
  outbox_pending_ix: ['tenant_id', 'done_at', 'available_at'],
  owners_user_ix: ['tenant_id', 'user_id'],
  provisioning_jobs_due_ix: ['tenant_id', 'available_at'],
  provisioning_log_at_ix: ['tenant_id', 'at'],
  provisioning_log_seq_ix: ['tenant_id', 'app_id', 'seq'],
  sessions_expires_ix: ['tenant_id', 'expires_at'],
  sessions_user_ix: ['tenant_id', 'user_id'],
  users_disabled_ix: ['tenant_id', 'id'],
  users_display_name_ix: ['tenant_id', 'display_name'],
  users_upn_lower_uq: ['tenant_id', 'upn_lower'],
};

describeEachEngine('Migrations', (getStorage, engine) => {
  it('migrating again is a no-op', async () => {
    const s = getStorage();
    const before = await indexes(s, engine);
    await s.migrate();
    await s.migrate();
    expect(await indexes(s, engine)).toEqual(before);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(s.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  });

  it('creates exactly the expected tables and named indexes', async () => {
    const s = getStorage();
    const pks = await primaryKeys(s, engine);
    expect(Object.keys(pks).filter(isOurs).sort()).toEqual(EXPECTED_TABLES);
    const named = Object.fromEntries((await indexes(s, engine))
      .filter((i) => isOurs(i.table) && !i.primary)
      .map((i) => [i.index, i.columns]));
    expect(named).toEqual(EXPECTED_INDEXES);
  });

  it('tenant_id leads every primary key and every index (tenants excepted)', async () => {
    const s = getStorage();
    const pks = await primaryKeys(s, engine);
    for (const [table, cols] of Object.entries(pks)) {
      if (!isOurs(table) || table === 'tenants') continue;
      expect([table, cols[0]]).toEqual([table, 'tenant_id']);
    }
    const all = (await indexes(s, engine)).filter((i) => isOurs(i.table) && i.table !== 'tenants');
    // Primary-key indexes are checked too: one per table but tenants.
    expect(all.filter((i) => i.primary)).toHaveLength(EXPECTED_TABLES.length - 1);
    for (const i of all) expect([i.index, i.columns[0]]).toEqual([i.index, 'tenant_id']);
  });

  it('the pending-request index is partial: only pending rows are unique', async () => {
    const s = getStorage();
    if (engine === 'sqlite') {
      const r = await sql<{ sql: string }>`select sql from sqlite_master where name = 'join_requests_pending_uq'`.execute(s.db);
      expect(r.rows[0]?.sql).toMatch(/where\s+"?status"?\s*=\s*'pending'/i);
    } else {
      const r = await sql<{ def: string }>`select indexdef as def from pg_indexes where schemaname = current_schema() and indexname = 'join_requests_pending_uq'`.execute(s.db);
      expect(r.rows[0]?.def).toMatch(/UNIQUE .* WHERE \(status = 'pending'::text\)/);
    }
  });

  it('the unsealed-audit index is partial: it holds only events without a seq (docs/adr/0016)', async () => {
    const s = getStorage();
    const def = engine === 'sqlite'
      ? (await sql<{ def: string }>`select sql as def from sqlite_master where name = 'audit_events_unsealed_ix'`.execute(s.db)).rows[0]?.def
      : (await sql<{ def: string }>`select indexdef as def from pg_indexes where schemaname = current_schema() and indexname = 'audit_events_unsealed_ix'`.execute(s.db)).rows[0]?.def;
    expect(def).toMatch(/where\s+\(?"?seq"?\s+is\s+null\)?/i);
  });

  it('migrates down to nothing and back up', async () => {
    const s = getStorage();
    const migrator = new Migrator({
      db: s.db, provider: migrationProvider,
      ...(engine === 'postgres' ? { migrationTableSchema: (await sql<{ s: string }>`select current_schema() as s`.execute(s.db)).rows[0]?.s } : {}),
    });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(Object.keys(await primaryKeys(s, engine)).filter(isOurs)).toEqual([]);
    await s.migrate();
    expect(Object.keys(await primaryKeys(s, engine)).filter(isOurs).sort()).toEqual(EXPECTED_TABLES);
  });
});
