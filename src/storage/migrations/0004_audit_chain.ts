// The audit log's hash chain (docs/adr/0016). `position` orders commits exactly as the change feed
// does (0003, ADR 0015): the writing transaction's id on PostgreSQL, a per-tenant counter on SQLite;
// events written before this migration get 0 (they have all committed). `seq`, `prev_hash` and `hash`
// stay null until the sealer links the event into its tenant's chain, in (position, id) order.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('position', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('audit_events').addColumn('seq', 'bigint').execute();
  await db.schema.alterTable('audit_events').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute();
  // SQLite's per-tenant counter (max(position)); and the sealer's scan — unsealed events below the
  // horizon in commit order — on a partial index that holds only the unsealed tail, however long the log.
  await db.schema.createIndex('audit_events_position_ix').on('audit_events').columns(['tenant_id', 'position', 'id']).execute();
  await db.schema.createIndex('audit_events_unsealed_ix').on('audit_events').columns(['tenant_id', 'position', 'id'])
    .where(sql.ref('seq'), 'is', null).execute();
  // One event per seq: the last guard against two sealers (NULLs, the unsealed, do not collide).
  await db.schema.createIndex('audit_events_seq_uq').unique().on('audit_events').columns(['tenant_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_seq_uq').execute();
  await db.schema.dropIndex('audit_events_unsealed_ix').execute();
  await db.schema.dropIndex('audit_events_position_ix').execute();
  for (const column of ['hash', 'prev_hash', 'seq', 'position']) {
    await db.schema.alterTable('audit_events').dropColumn(column).execute();
  }
}
