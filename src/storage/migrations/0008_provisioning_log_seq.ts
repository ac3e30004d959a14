// The provisioning log is appended with the app's next seq (max + 1) and read newest seq first, but its
// index led with `at`: every append scanned the app's whole log, so a first sync that logs tens of
// thousands of requests slowed down quadratically. Index what the queries use: (app, seq) for append
// and paging, (tenant, at) for pruning.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('provisioning_log_seq_ix').on('provisioning_log').columns(['tenant_id', 'app_id', 'seq']).execute();
  await db.schema.createIndex('provisioning_log_at_ix').on('provisioning_log').columns(['tenant_id', 'at']).execute();
  await db.schema.dropIndex('provisioning_log_app_ix').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('provisioning_log_app_ix').on('provisioning_log').columns(['tenant_id', 'app_id', 'at', 'seq']).execute();
  await db.schema.dropIndex('provisioning_log_at_ix').execute();
  await db.schema.dropIndex('provisioning_log_seq_ix').execute();
}
