// Effective access (docs/adr/0019) subtracts the tenant's disabled users from an audience of tens of
// thousands: a partial index holds just them, so reading them does not scan every user.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index users_disabled_ix on users (tenant_id, id) where account_enabled = 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_disabled_ix').execute();
}
