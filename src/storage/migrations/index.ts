// Every migration, registered statically (no FileMigrationProvider: works from src/ and dist/ alike,
// and bundlers see the imports). Names sort in the order they run.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_api_access.js';
import * as m0003 from './0003_change_feed.js';
import * as m0004 from './0004_audit_chain.js';
import * as m0005 from './0005_portal_sessions.js';
import * as m0006 from './0006_applications.js';
import * as m0007 from './0007_access_indexes.js';
import * as m0008 from './0008_provisioning_log_seq.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_api_access': m0002,
  '0003_change_feed': m0003,
  '0004_audit_chain': m0004,
  '0005_portal_sessions': m0005,
  '0006_applications': m0006,
  '0007_access_indexes': m0007,
  '0008_provisioning_log_seq': m0008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
