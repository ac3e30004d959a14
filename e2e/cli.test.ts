// The `roster` command line as a user meets it: help, usage errors, domain errors, and each command.
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, counts, roster, tempDataDir } from './support.js';

const data = tempDataDir();
const env = childEnv(data.dir);
afterAll(() => data.remove());

describe.concurrent('help', () => {
  it.each([
    [[], ['serve', 'migrate', 'admin', 'tenant', 'demo', 'app', 'token']],
    [['serve'], ['--demo', '--port', '--host', '--insecure-http', 'TLS_CERT_FILE']],
    [['app', 'create'], ['--name', '--permission', 'Group.ReadWrite.All', '--tenant']],
    [['app', 'list'], ['--json', '--tenant']],
    [['token', 'create'], ['--upn', '--days', '--description', '--tenant']],
    [['token', 'revoke'], ['--id', '--tenant']],
    [['migrate'], []],
    [['admin', 'create'], ['--upn', '--name', '--password', '--tenant']],
    [['tenant', 'create'], ['--name', '--admin-upn', '--admin-name', '--admin-password']],
    [['tenant', 'list'], ['--json']],
    [['demo', 'seed'], ['--tenant', 'DEMO_PASSWORD']],
  ])('roster %j --help describes the options and the environment', async (command, words) => {
    const { code, stdout, stderr } = await roster([...command, '--help'], env);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`Usage: roster ${command.join(' ')}`.trim());
    for (const word of [...words, 'DATABASE_URL', 'DATA_DIR']) expect(stdout).toContain(word);
  });

  it('--version prints the version', async () => {
    const { code, stdout } = await roster(['--version'], env);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe.concurrent('usage errors exit 2 with one line on stderr (or the help)', () => {
  it.each([
    [['frobnicate']],
    [['serve', '--no-such-option']],
    [['serve', '--port', '99999']],
    [['admin', 'create', '--upn', 'a@b.example']],
    [['tenant']],
  ])('roster %j', async (args) => {
    const { code, stderr } = await roster(args, env);
    expect(code).toBe(2);
    if (stderr.startsWith('Usage:')) return; // a command group without its subcommand shows its help
    expect(stderr).toMatch(/^roster: .+\(see 'roster --help'\)\n$/);
  });

  it('roster with no command shows the help and exits 2', async () => {
    const { code, stderr } = await roster([], env);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: roster');
  });
});

describe('commands', () => {
  it('migrate is safe to run twice', async () => {
    for (let i = 0; i < 2; i++) {
      const { code, stdout } = await roster(['migrate'], env);
      expect(code).toBe(0);
      expect(stdout).toContain('Database schema is up to date (sqlite:');
    }
  });

  it('admin create without any tenant says how to make one', async () => {
    const { code, stderr } = await roster(['admin', 'create', '--upn', 'ada@contoso.example', '--name', 'Ada'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^roster: there is no tenant yet/);
  });

  let tenantId = '';
  it('tenant create makes a tenant and its first admin, printing a generated password once', async () => {
    const { code, stdout } = await roster(['tenant', 'create', '--name', 'Fabrikam'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Created tenant "Fabrikam" \([0-9a-f-]{36}\) with global administrator admin@fabrikam\.example/);
    expect(stdout).toMatch(/Administrator password \(shown only this once\): \S{24}/);
    tenantId = /\(([0-9a-f-]{36})\)/.exec(stdout)?.[1] ?? '';
  });

  it('tenant list shows it, as text and as JSON', async () => {
    const text = await roster(['tenant', 'list'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(tenantId);
    expect(text.stdout).toContain('Fabrikam');
    const json = await roster(['tenant', 'list', '--json'], env);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ id: tenantId, name: 'Fabrikam' })]);
  });

  it('admin create with a bad UPN exits 1 with a clear message and creates nothing', async () => {
    const before = await counts(data.dir);
    const { code, stdout, stderr } = await roster(['admin', 'create', '--upn', 'not-an-email', '--name', 'Bad'], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('roster: invalid input: userPrincipalName must look like alias@domain.');
    expect(await counts(data.dir)).toEqual(before);
  });

  it('admin create with a good UPN adds a second admin; a duplicate is a conflict', async () => {
    const ok = await roster(['admin', 'create', '--upn', 'ada@fabrikam.example', '--name', 'Ada Lovelace', '--password', 'a-long-password-1'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Created global administrator ada@fabrikam.example');
    expect(ok.stdout).not.toContain('Password');
    const again = await roster(['admin', 'create', '--upn', 'ADA@fabrikam.example', '--name', 'Ada again'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^roster: conflict: .*userPrincipalName/);
    expect((await counts(data.dir)).admins).toBe(2);
  });

  it('with two tenants, a command must be told which one', async () => {
    expect((await roster(['tenant', 'create', '--name', 'Northwind', '--admin-password', 'northwind-password'], env)).code).toBe(0);
    const ambiguous = await roster(['admin', 'create', '--upn', 'x@fabrikam.example', '--name', 'X'], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('choose one with --tenant ID');
    const unknown = await roster(['admin', 'create', '--upn', 'x@fabrikam.example', '--name', 'X', '--tenant', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('roster: not found: The tenant does not exist.');
  });

  it('demo seed fills an empty tenant once', async () => {
    const first = await roster(['demo', 'seed', '--tenant', tenantId], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Demo organisation seeded');
    expect(first.stdout).toContain('@fabrikam.example');
    const second = await roster(['demo', 'seed', '--tenant', tenantId], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Demo data not seeded');
  });

  it('app create registers a client (secret shown once), app list shows it; token create and revoke', async () => {
    const created = await roster(['app', 'create', '--name', 'HR sync', '--permission', 'Group.Read.All', '--permission', 'User.Read.All', '--tenant', tenantId], env);
    expect(created.code).toBe(0);
    const clientId = /Client id: +([0-9a-f-]{36})/.exec(created.stdout)?.[1];
    expect(created.stdout).toMatch(/Client secret \(shown only this once\): [A-Za-z0-9_-]{43}/);
    const listed = await roster(['app', 'list', '--tenant', tenantId, '--json'], env);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: clientId, displayName: 'HR sync', permissions: ['Group.Read.All', 'User.Read.All'] })]);
    expect(listed.stdout).not.toContain('secret');
    const bad = await roster(['app', 'create', '--name', 'x', '--permission', 'Everything.All', '--tenant', tenantId], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^roster: invalid input: Unknown permission 'Everything.All'/);
    const token = await roster(['token', 'create', '--upn', 'ada@fabrikam.example', '--days', '7', '--tenant', tenantId], env);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(new RegExp(`Authorization: Bearer rst1\\.${tenantId}\\.`));
    const tokenId = /Token ([0-9a-f-]{36})/.exec(token.stdout)?.[1] ?? '';
    expect((await roster(['token', 'revoke', '--id', tokenId, '--tenant', tenantId], env)).code).toBe(0);
    const tooLong = await roster(['token', 'create', '--upn', 'ada@fabrikam.example', '--days', '91', '--tenant', tenantId], env);
    expect(tooLong.stderr).toMatch(/^roster: invalid input: days must be 1–90/);
  });

  it('a bad DATABASE_URL is a configuration error naming the variable', async () => {
    const { code, stderr } = await roster(['migrate'], { ...env, DATABASE_URL: 'mysql://u:secret@db/x' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^roster: configuration error: DATABASE_URL: /);
    expect(stderr).not.toContain('secret');
  });
});
