// Child process for e2e/provisioning/crash.test.ts: one provisioning engine (real effective access,
// real SCIM client) working until the test kills it with SIGKILL in the middle of a push.
//   node --import tsx e2e/provisioning/crash-worker.ts   (ROSTER_CRASH_SQLITE or ROSTER_CRASH_PG + ROSTER_CRASH_SCHEMA, ROSTER_CRASH_KEY, ROSTER_CRASH_TENANT)
import { systemClock } from '../../src/platform/clock.js';
import { aesGcmSecretBox } from '../../src/platform/secret-box.js';
import { createEngine } from '../../src/provisioning/engine.js';
import { effectiveAccessScope } from '../../src/provisioning/effective-scope.js';
import { openStorage } from '../../src/storage/open-storage.js';

const env = process.env;
const storage = await openStorage(env['ROSTER_CRASH_PG']
  ? { databaseUrl: env['ROSTER_CRASH_PG'], pgSchema: env['ROSTER_CRASH_SCHEMA'] }
  : { sqlitePath: env['ROSTER_CRASH_SQLITE'] });
createEngine({
  uow: storage.uow, clock: systemClock, secretBox: aesGcmSecretBox(Buffer.from(env['ROSTER_CRASH_KEY'] ?? '', 'base64url')),
  access: effectiveAccessScope, random: Math.random, listTenantIds: async () => [env['ROSTER_CRASH_TENANT'] ?? ''],
  workerId: `crash-${process.pid}`, pollMs: 50, leaseMs: 2000,
  logger: { info: () => undefined, error: (obj, msg) => void process.stderr.write(`${msg} ${String((obj as { err?: unknown }).err)}\n`) },
});
process.stdout.write('ready\n');
// The engine's timer is unref'd (a server's listener keeps the process alive); here nothing else would.
setInterval(() => undefined, 1 << 30);
