// SECURITY §4 "Nothing lost": 20 × kill -9 of a process writing through the core (changes, denials and
// sealing interleaved) — afterwards every committed event seals into one gap-free chain that verifies.
// Each kill costs a child start (~3 s), so `npm test` runs 10 per engine; ROSTER_CRASH_KILLS=20 runs the
// full SECURITY figure (measured: 20 kills pass on both engines in about 70 s each).
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createCore } from '../src/core/index.js';
import { randomIds, SettableClock, testPasswordHasher } from '../src/core/testing/deps.js';
import { describeEachEngine, TEST_DATABASE_URL } from '../src/storage/testing/engines.js';
import { ROOT } from './support.js';

const KILLS = Number(process.env['ROSTER_CRASH_KILLS'] ?? 10);

function runAndKill(env: NodeJS.ProcessEnv, args: string[], afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/audit-crash-writer.ts', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const guard = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`writer never got ready: ${err}`)); }, 30_000);
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited by itself: ${err}`));
    });
  });
}

describeEachEngine('Audit chain survives kill -9', (getStorage, engine) => {
  it(`${KILLS} writers killed mid-flight: every event sealed once, seq 1..n, the chain verifies`, async () => {
    const s = getStorage();
    const core = createCore({ uow: s.uow, clock: new SettableClock(), ids: randomIds, passwords: testPasswordHasher });
    const { tenant } = await core.bootstrapTenant({ tenantName: 'Crash', admin: { userPrincipalName: 'admin@crash.example', displayName: 'Ada', password: 'correct horse battery' } });
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (engine === 'postgres') {
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(s.db);
      Object.assign(env, { ROSTER_CRASH_PG: TEST_DATABASE_URL, ROSTER_CRASH_SCHEMA: rows[0]?.s });
    } else {
      const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(s.db);
      env['ROSTER_CRASH_SQLITE'] = rows[0]?.file;
    }
    for (let run = 0; run < KILLS; run++) await runAndKill(env, [tenant.id, String(run)], 50 + ((run * 37) % 250));

    const total = Number((await sql<{ n: number | string }>`select count(*) as n from audit_events where tenant_id = ${tenant.id}`.execute(s.db)).rows[0]?.n);
    expect(total).toBeGreaterThan(KILLS * 2);
    for (let i = 0; i < 100; i++) {
      await core.sealAuditLog(tenant.id);
      const left = Number((await sql<{ n: number | string }>`select count(*) as n from audit_events where tenant_id = ${tenant.id} and seq is null`.execute(s.db)).rows[0]?.n);
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const { verdict } = await core.verifyAuditLog(tenant.id);
    expect(verdict).toMatchObject({ ok: true, checked: total, head: { seq: total } });
    // Every user a killed writer committed has its audit event: changes == events for them.
    const users = Number((await sql<{ n: number | string }>`select count(*) as n from users where tenant_id = ${tenant.id} and user_principal_name like 'crash.%'`.execute(s.db)).rows[0]?.n);
    const created = Number((await sql<{ n: number | string }>`select count(distinct a.target_id) as n from audit_events a
      join users u on u.tenant_id = a.tenant_id and u.id = a.target_id
      where a.tenant_id = ${tenant.id} and a.action = 'user.create' and a.outcome = 'success' and u.user_principal_name like 'crash.%'`.execute(s.db)).rows[0]?.n);
    expect(created).toBe(users);
  }, 600_000);
});
