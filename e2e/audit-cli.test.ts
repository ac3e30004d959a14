// `roster audit verify` as an operator meets it (SQLite data dir, child processes): a clean chain exits
// 0 with its last seq and hash; a field changed through SQL, then a deleted middle row, exit 1 naming
// the first bad seq (docs/adr/0016).
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, openData, roster, tempDataDir } from './support.js';

const data = tempDataDir();
const env = childEnv(data.dir);
afterAll(() => data.remove());

async function onDb<T>(fn: (db: Awaited<ReturnType<typeof openData>>['db']) => Promise<T>): Promise<T> {
  const storage = await openData(data.dir);
  try {
    return await fn(storage.db);
  } finally {
    await storage.close();
  }
}

describe('roster audit verify', () => {
  it('--help describes the options', async () => {
    const { code, stdout } = await roster(['audit', 'verify', '--help'], env);
    expect(code).toBe(0);
    for (const word of ['Usage: roster audit verify', '--tenant', '--json', 'seq']) expect(stdout).toContain(word);
  });

  let tenantId = '';
  it('verifies a fresh tenant\'s chain after some changes (exit 0, last seq and hash)', async () => {
    const created = await roster(['tenant', 'create', '--name', 'Fabrikam'], env);
    expect(created.code, created.stderr).toBe(0);
    tenantId = /\(([0-9a-f-]{36})\)/.exec(created.stdout)?.[1] ?? '';
    for (const name of ['HR sync', 'Payroll']) {
      expect((await roster(['app', 'create', '--name', name, '--permission', 'AuditLog.Read.All'], env)).code).toBe(0);
    }
    const { code, stdout, stderr } = await roster(['audit', 'verify'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`Tenant "Fabrikam" \\(${tenantId}\\): audit chain verifies — (\\d+) events, last seq \\1, hash [0-9a-f]{64}`));
    const json = await roster(['audit', 'verify', '--tenant', tenantId, '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ tenantId, ok: true, head: { seq: expect.any(Number) } });
  });

  it('a field changed through SQL breaks the chain at that seq (exit 1)', async () => {
    const original = await onDb(async (db) => {
      const r = await sql<{ after_json: string | null }>`select after_json from audit_events where tenant_id = ${tenantId} and seq = 3`.execute(db);
      await sql`update audit_events set after_json = '{"displayName":"forged"}' where tenant_id = ${tenantId} and seq = 3`.execute(db);
      return r.rows[0]?.after_json ?? null;
    });
    const { code, stdout, stderr } = await roster(['audit', 'verify', '--tenant', tenantId], env);
    expect(code).toBe(1);
    expect(stdout).toContain('audit chain BROKEN at seq 3');
    expect(stderr).toBe(`roster: audit chain broken: tenant ${tenantId} at seq 3 (hashMismatch)\n`);
    await onDb((db) => sql`update audit_events set after_json = ${original} where tenant_id = ${tenantId} and seq = 3`.execute(db));
    expect((await roster(['audit', 'verify'], env)).code).toBe(0);
  });

  it('a deleted middle row is reported as a gap at its seq (exit 1)', async () => {
    await onDb((db) => sql`delete from audit_events where tenant_id = ${tenantId} and seq = 2`.execute(db));
    const { code, stdout, stderr } = await roster(['audit', 'verify'], env);
    expect(code).toBe(1);
    expect(stdout).toContain('seq 2 is missing');
    expect(stderr).toMatch(/^roster: audit chain broken: tenant [0-9a-f-]{36} at seq 2 \(gap\)\n$/);
  });

  it('an unknown tenant is not found (exit 1)', async () => {
    const { code, stderr } = await roster(['audit', 'verify', '--tenant', '00000000-0000-4000-8000-000000000000'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^roster: /);
  });
});
