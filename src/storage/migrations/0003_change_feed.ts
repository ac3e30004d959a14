// The change feed behind GET /groups/delta (issue 3, ADR 0015): one row per changed group, and one per
// changed (group, member) pair, written by the repositories in the same transaction as the change.
// `position` orders commits: on PostgreSQL the writing transaction's id, on SQLite (one writer at a
// time) a per-tenant counter. Rows of one position are one commit; a reader only ever reads below the
// horizon, the position under which every transaction has finished (see repositories/change-feed.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('change_log')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    /** '' for a change of the group itself; otherwise the member whose membership changed. */
    .addColumn('member_id', 'text', (c) => c.notNull())
    /** 'user' | 'group' for member rows (kept, since a removed membership no longer says), else null. */
    .addColumn('member_type', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_log_pk', ['tenant_id', 'position', 'group_id', 'member_id'])
    .execute();
  await db.schema.createIndex('change_log_at_ix').on('change_log').columns(['tenant_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_log').execute();
}
