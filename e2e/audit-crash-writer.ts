// Child process for e2e/audit-crash.test.ts: writes through the core as fast as it can (users created,
// some refused, the sealer run between them) until the test kills it with SIGKILL.
//   node --import tsx e2e/audit-crash-writer.ts <tenantId> <run>   (ROSTER_CRASH_SQLITE or ROSTER_CRASH_PG + ROSTER_CRASH_SCHEMA)
import { createCore } from '../src/core/index.js';
import { testPasswordHasher } from '../src/core/testing/deps.js';
import { systemClock } from '../src/platform/clock.js';
import { uuidGenerator } from '../src/platform/ids.js';
import { openStorage } from '../src/storage/open-storage.js';

const [tenantId = '', run = '0'] = process.argv.slice(2);
const storage = await openStorage(process.env['ROSTER_CRASH_PG']
  ? { databaseUrl: process.env['ROSTER_CRASH_PG'], pgSchema: process.env['ROSTER_CRASH_SCHEMA'] }
  : { sqlitePath: process.env['ROSTER_CRASH_SQLITE'] });
const core = createCore({ uow: storage.uow, clock: systemClock, ids: uuidGenerator, passwords: testPasswordHasher });
const system = { tenantId, principal: { type: 'system' as const }, channel: 'api' as const };
const nobody = { tenantId, principal: { type: 'app' as const, appId: 'crash-app', permissions: [] }, channel: 'api' as const };

let i = 0;
async function writer(lane: number): Promise<never> {
  for (;;) {
    const n = ++i;
    await core.createUser(system, { userPrincipalName: `crash.${run}.${lane}.${n}@crash.example`, displayName: `Crash ${run} ${n}` });
    await core.listUsers(nobody).catch(() => undefined); // refused: a denial event in its own transaction
    if (n === 1) process.stdout.write('ready\n');
    if (n % 3 === 0) await core.sealAuditLog(tenantId);
  }
}
await Promise.all([writer(1), writer(2), writer(3)]);
