// Provisioning benchmark (docs/adr/0020): a 10,000-user app (one assigned group) against the test SCIM
// target (scimmy). The first reconciliation creates everyone; the figure is the second one, with
// nothing changed: every desired user, every record and every target page read and diffed, nothing sent.
//   npm run bench:provisioning [-- --users 10000] [-- --postgres postgres://…]
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/core/index.js';
import { systemClock } from '../src/platform/clock.js';
import { uuidGenerator } from '../src/platform/ids.js';
import { testPasswordHasher } from '../src/core/testing/deps.js';
import { aesGcmSecretBox } from '../src/platform/secret-box.js';
import { createEngine } from '../src/provisioning/engine.js';
import { effectiveAccessScope } from '../src/provisioning/effective-scope.js';
import { bulkImport } from '../src/storage/bulk-import.js';
import { openStorage } from '../src/storage/open-storage.js';
import { startScimTarget } from '../e2e/scim-target/server.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const USERS = Number(arg('users') ?? 10_000);
const databaseUrl = arg('postgres');
const TARGET_SECONDS = 30;

const dir = mkdtempSync(join(tmpdir(), 'roster-bench-prov-'));
const schema = `bench_prov_${process.pid}`;
const storage = await openStorage(databaseUrl ? { databaseUrl, pgSchema: schema } : { sqlitePath: join(dir, 'roster.db') });
const target = await startScimTarget();
try {
  await storage.migrate();
  const box = aesGcmSecretBox(randomBytes(32));
  const core = createCore({ uow: storage.uow, clock: systemClock, ids: uuidGenerator, passwords: testPasswordHasher, secretBox: box });
  const { tenant, admin } = await core.bootstrapTenant({ tenantName: 'Bench', admin: { userPrincipalName: 'admin@bench.example', displayName: 'Admin', password: 'correct horse battery' } });
  const caller = { tenantId: tenant.id, principal: { type: 'user' as const, userId: admin.id }, channel: 'adminCenter' as const };
  const groupId = randomUUID();
  const users = Array.from({ length: USERS }, (_, i) => ({ id: randomUUID(), userPrincipalName: `user${i}@bench.example`, displayName: `User ${i}`, mail: `user${i}@bench.example` }));
  await bulkImport(storage, tenant.id, {
    users, groups: [{ id: groupId, displayName: 'Everyone at the site', mailNickname: 'site', description: null }],
    userMembers: users.map((u) => [groupId, u.id] as const), groupMembers: [],
  }, new Date().toISOString());
  const app = await core.createApp(caller, { displayName: 'Bench SaaS' });
  await core.assignApp(caller, { appId: app.id, principalType: 'Group', principalId: groupId });
  await core.configureProvisioning(caller, { appId: app.id, baseUrl: target.baseUrl, token: target.token, provisionGroups: false, state: 'enabled' });
  const engine = createEngine({
    uow: storage.uow, clock: systemClock, secretBox: box, access: effectiveAccessScope, random: Math.random,
    listTenantIds: async () => [tenant.id], workerId: 'bench', pollMs: 0,
  });
  const reconcile = async () => {
    await core.reconcileProvisioningNow(caller, { appId: app.id });
    const started = process.hrtime.bigint();
    await engine.tick();
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const first = await reconcile();
  if (target.users.size !== USERS) throw new Error(`first reconciliation left ${target.users.size} of ${USERS} users in the target`);
  const writesBefore = target.requests.filter((r) => r.method !== 'GET').length;
  const second = await reconcile();
  const writes = target.requests.filter((r) => r.method !== 'GET').length - writesBefore;
  const status = await core.getProvisioning(caller, { appId: app.id });
  const figure = {
    figure: 'reconcile, nothing changed', engine: databaseUrl ? 'postgres' : 'sqlite', users: USERS, seconds: Number(second.toFixed(2)),
    target: `<= ${TARGET_SECONDS}`, met: second <= TARGET_SECONDS && writes === 0, writesSent: writes,
    firstFullSyncSeconds: Number(first.toFixed(2)), provisionedUsers: status.provisionedUsers, lastError: status.lastError,
  };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  await engine.stop();
} finally {
  await target.close();
  if (databaseUrl) {
    const { sql } = await import('kysely');
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(storage.db);
  }
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
