// Crash idempotence (docs/adr/0020): a worker process is killed with SIGKILL after the target has
// committed the new account but before Roster recorded it. Once the lease lapses another worker takes
// the job, finds the account by userName, adopts it — no duplicate — and records it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { randomIds, SettableClock, testPasswordHasher } from '../../src/core/testing/deps.js';
import { aesGcmSecretBox } from '../../src/platform/secret-box.js';
import { createEngine } from '../../src/provisioning/engine.js';
import { effectiveAccessScope } from '../../src/provisioning/effective-scope.js';
import { describeEachEngine, TEST_DATABASE_URL } from '../../src/storage/testing/engines.js';
import { startScimTarget, type ScimTarget } from '../scim-target/server.js';
import { ROOT } from '../support.js';

let child: ChildProcess | undefined;
let target: ScimTarget | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await target?.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describeEachEngine('provisioning survives kill -9 mid-push', (getStorage, engine) => {
  it('the account the target created before the crash is adopted, not duplicated', async () => {
    const s = getStorage();
    const key = randomBytes(32);
    const clock = new SettableClock(new Date().toISOString());
    const core = createCore({ uow: s.uow, clock, ids: randomIds, passwords: testPasswordHasher, secretBox: aesGcmSecretBox(key) });
    const { tenant, admin } = await core.bootstrapTenant({ tenantName: 'Crash', admin: { userPrincipalName: 'admin@crash.example', displayName: 'Ada', password: 'correct horse battery' } });
    const caller = { tenantId: tenant.id, principal: { type: 'user' as const, userId: admin.id }, channel: 'adminCenter' as const };
    target = await startScimTarget();
    const app = await core.createApp(caller, { displayName: 'Site' });
    const user = await core.createUser(caller, { userPrincipalName: 'crash.victim@crash.example', displayName: 'Victim' });
    const { group } = await core.createGroup(caller, { displayName: 'Staff', securityEnabled: true, mailEnabled: false, mailNickname: 'staff' });
    await core.assignApp(caller, { appId: app.id, principalType: 'Group', principalId: group.id });
    await core.configureProvisioning(caller, { appId: app.id, baseUrl: target.baseUrl, token: target.token, provisionGroups: false, state: 'enabled' });
    // The initial reconciliation (nobody in scope yet) runs here, so the child's first work is the push.
    const here = createEngine({ uow: s.uow, clock, secretBox: aesGcmSecretBox(key), access: effectiveAccessScope, random: () => 0.5, listTenantIds: async () => [tenant.id], workerId: 'survivor', pollMs: 0, leaseMs: 2000 });
    await here.tick();
    target.fail({ kind: 'hangAfterCommit' }, { times: 1, method: 'POST', path: '/Users' });
    await core.addMember(caller, { groupId: group.id, memberId: user.id });

    const env: NodeJS.ProcessEnv = { ...process.env, ROSTER_CRASH_KEY: key.toString('base64url'), ROSTER_CRASH_TENANT: tenant.id };
    if (engine === 'postgres') {
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(s.db);
      Object.assign(env, { ROSTER_CRASH_PG: TEST_DATABASE_URL, ROSTER_CRASH_SCHEMA: rows[0]?.s });
    } else {
      const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(s.db);
      env['ROSTER_CRASH_SQLITE'] = rows[0]?.file;
    }
    const worker = spawn(process.execPath, ['--import', 'tsx', 'e2e/provisioning/crash-worker.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = worker;
    let stderr = '';
    let ready = false;
    worker.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
    worker.stdout?.on('data', (d: Buffer) => { if (d.toString().includes('ready')) ready = true; });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => worker.on('exit', (_code, signal) => resolve(signal)));
    // A child start takes seconds on a loaded machine: wait for it before the push is watched.
    await until(() => ready, 'the worker starts');
    await until(() => target!.users.size === 1, 'the target commits the account').catch((e: Error) => { throw new Error(`${e.message}: ${stderr.slice(0, 2000)}`); });
    worker.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const recorded = () => s.uow.transaction(tenant.id, (t) => t.provisioning.objects.get(app.id, 'user', user.id));
    expect(await recorded()).toBeNull(); // the crash came before Roster's commit

    clock.advanceMs(60_000); // past the dead worker's lease
    await here.tick();
    expect(target.users.size).toBe(1);
    expect(target.requests.filter((r) => r.method === 'POST' && r.path === '/Users')).toHaveLength(1);
    expect((await recorded())?.remoteId).toBe([...target.users.keys()][0]);
    expect(await s.uow.transaction(tenant.id, (t) => t.provisioning.jobs.count(app.id))).toBe(0);
    await here.stop();
  }, 180_000);
});
