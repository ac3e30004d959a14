// The UnitOfWork port: one Kysely transaction per call, with every repository scoped to one tenant.
import type { Kysely } from 'kysely';
import type { TenantDirectory, TenantScope, UnitOfWork } from '../core/ports.js';
import type { TenantId } from '../core/domain/model.js';
import type { Database } from './schema.js';
import type { DirectReader, Engine } from './sql-helpers.js';
import { AccessTokenRepo, ApiClientRepo } from './repositories/api-access.js';
import { AppAssignmentRepo, AppBlockRepo } from './repositories/app-assignments.js';
import { ApplicationRepo } from './repositories/apps.js';
import { EffectiveAccessRepo } from './repositories/effective-access.js';
import { ChangeFeedRepo } from './repositories/change-feed.js';
import { AuditRepo } from './repositories/audit.js';
import { CredentialRepo } from './repositories/credentials.js';
import { GroupRepo } from './repositories/groups.js';
import { JoinRequestRepo } from './repositories/join-requests.js';
import { LicenceRepo } from './repositories/licences.js';
import { MembershipRepo } from './repositories/memberships.js';
import { OutboxRepo } from './repositories/outbox.js';
import { OwnerRepo } from './repositories/owners.js';
import { ProvisionedObjectRepo, ProvisioningConfigRepo } from './repositories/provisioning.js';
import { OutboxQueueRepo, ProvisioningJobRepo, ProvisioningLogRepo } from './repositories/provisioning-jobs.js';
import { OidcLinkRepo, SessionRepo, SignInThrottleRepo } from './repositories/sessions.js';
import { SettingsRepo } from './repositories/settings.js';
import { TenantRepo } from './repositories/tenants.js';
import { UserRepo } from './repositories/users.js';

/** Every repository on one connection or transaction, all filtering by the same tenant. */
export function createTenantScope(db: Kysely<Database>, tenantId: TenantId, engine: Engine, direct?: DirectReader): TenantScope {
  return {
    tenantId,
    users: new UserRepo(db, tenantId, engine),
    credentials: new CredentialRepo(db, tenantId),
    groups: new GroupRepo(db, tenantId, engine),
    memberships: new MembershipRepo(db, tenantId, engine, direct),
    owners: new OwnerRepo(db, tenantId),
    requests: new JoinRequestRepo(db, tenantId),
    settings: new SettingsRepo(db, tenantId),
    licences: new LicenceRepo(db, tenantId, engine),
    audit: new AuditRepo(db, tenantId, engine),
    outbox: new OutboxRepo(db, tenantId),
    apiClients: new ApiClientRepo(db, tenantId),
    tokens: new AccessTokenRepo(db, tenantId),
    changes: new ChangeFeedRepo(db, tenantId, engine),
    sessions: new SessionRepo(db, tenantId),
    signInThrottles: new SignInThrottleRepo(db, tenantId, engine),
    oidcLinks: new OidcLinkRepo(db, tenantId),
    provisioning: {
      configs: new ProvisioningConfigRepo(db, tenantId),
      objects: new ProvisionedObjectRepo(db, tenantId),
      jobs: new ProvisioningJobRepo(db, tenantId, engine),
      log: new ProvisioningLogRepo(db, tenantId),
      outbox: new OutboxQueueRepo(db, tenantId, engine),
    },
    apps: new ApplicationRepo(db, tenantId),
    appAssignments: new AppAssignmentRepo(db, tenantId, engine),
    appBlocks: new AppBlockRepo(db, tenantId),
    access: new EffectiveAccessRepo(db, tenantId, engine, direct),
  };
}

export class KyselyUnitOfWork implements UnitOfWork {
  readonly tenants: TenantDirectory;

  /** `direct` (SQLite): runs a statement on the single connection, bypassing Kysely. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly direct?: { run(sql: string, parameters: readonly unknown[]): unknown[]; column(sql: string, parameters: readonly unknown[]): unknown[] },
  ) {
    this.tenants = new TenantRepo(db);
  }

  transaction<T>(tenantId: TenantId, fn: (scope: TenantScope) => Promise<T>): Promise<T> {
    const direct = this.direct;
    if (!direct) return this.db.transaction().execute((trx) => fn(createTenantScope(trx, tenantId, this.engine)));
    return this.db.transaction().execute(async (trx) => {
      // While fn runs, this transaction holds SQLite's one connection (Kysely's mutex), so reads run
      // directly on it see exactly what the transaction sees. The lease ends with the transaction.
      const lease = { active: true, all: direct.run, column: direct.column };
      try {
        return await fn(createTenantScope(trx, tenantId, this.engine, lease));
      } finally {
        lease.active = false;
      }
    });
  }
}
