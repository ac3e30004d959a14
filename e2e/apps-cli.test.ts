// `roster apps` as an administrator meets it on the server: help for every subcommand, then create,
// assign a user and another app's audience, access with paths, explain, block and unblock,
// a refused cycle (exit 1, one line), unassign and delete — against a real SQLite data folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, roster, tempDataDir } from './support.js';

const data = tempDataDir();
const env = childEnv(data.dir);
afterAll(() => data.remove());

describe.concurrent('roster apps --help', () => {
  it.each([
    [['apps'], ['list', 'create', 'show', 'delete', 'assign', 'unassign', 'block', 'unblock', 'access', 'explain']],
    [['apps', 'list'], ['--json', '--tenant']],
    [['apps', 'create'], ['--name', '--owner', '--open-to-everyone', '--no-cascade', '--hidden', '--tenant']],
    [['apps', 'show'], ['<app>', '--json']],
    [['apps', 'delete'], ['<app>']],
    [['apps', 'assign'], ['<app>', '--user', '--group', '--audience-of', '--role']],
    [['apps', 'unassign'], ['<app>', '--user', '--group', '--audience-of']],
    [['apps', 'block'], ['<app>', '<user>', '--reason']],
    [['apps', 'unblock'], ['<app>', '<user>']],
    [['apps', 'access'], ['<app>', '--search', '--top', '--json']],
    [['apps', 'explain'], ['<app>', '<user>', '--json']],
  ])('roster %j --help', async (command, words) => {
    const { code, stdout } = await roster([...command, '--help'], env);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: roster ${command.join(' ')}`);
    for (const word of words) expect(stdout).toContain(word);
  });
});

describe('roster apps', () => {
  beforeAll(async () => {
    expect((await roster(['tenant', 'create', '--name', 'Fabrikam'], env)).code).toBe(0);
  }, 60_000);

  it('create, assign, access with paths, explain, block, unblock, cycle refused, unassign, delete', async () => {
    const created = await roster(['apps', 'create', '--name', 'CRM', '--description', 'Sales CRM'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created application "CRM" \([0-9a-f-]{36}/);
    expect((await roster(['apps', 'create', '--name', 'Portal'], env)).code).toBe(0);
    const list = await roster(['apps', 'list'], env);
    expect(list.stdout).toContain('CRM');
    expect(list.stdout).toContain('Portal');

    const admin = 'admin@fabrikam.example';
    const toUser = await roster(['apps', 'assign', 'CRM', '--user', admin], env);
    expect(toUser.code, toUser.stderr).toBe(0);
    expect((await roster(['apps', 'assign', 'Portal', '--audience-of', 'CRM'], env)).code).toBe(0);
    const shown = await roster(['apps', 'show', 'CRM'], env);
    expect(shown.stdout).toMatch(/User +.*Admin/);

    const access = await roster(['apps', 'access', 'Portal'], env);
    expect(access.code, access.stderr).toBe(0);
    expect(access.stdout).toContain('1 user with access');
    expect(access.stdout).toMatch(/→ CRM → Portal/);
    const why = await roster(['apps', 'explain', 'Portal', admin], env);
    expect(why.stdout).toContain('granted');

    const cycle = await roster(['apps', 'assign', 'CRM', '--audience-of', 'Portal'], env);
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toMatch(/^roster: conflict: Giving this application to that audience would make an application part of its own audience\. The loop: .*(CRM|Portal)/);

    expect((await roster(['apps', 'block', 'CRM', admin, '--reason', 'testing'], env)).code).toBe(0);
    expect((await roster(['apps', 'explain', 'CRM', admin], env)).stdout).toContain('blocked: testing');
    expect((await roster(['apps', 'access', 'Portal'], env)).stdout).toContain('0 users with access');
    expect((await roster(['apps', 'unblock', 'CRM', admin], env)).code).toBe(0);
    expect((await roster(['apps', 'explain', 'CRM', admin], env)).stdout).toContain('granted');

    const missing = await roster(['apps', 'assign', 'CRM', '--user', 'ann@fabrikam.example'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("roster: not found: The user does not exist or you cannot see it. No user has the sign-in name 'ann@fabrikam.example'.\n");
    const both = await roster(['apps', 'assign', 'CRM', '--user', admin, '--group', 'x'], env);
    expect(both.code).toBe(2);

    expect((await roster(['apps', 'unassign', 'CRM', '--user', admin], env)).stdout).toContain('Removed 1 assignment');
    expect((await roster(['apps', 'delete', 'Portal'], env)).code).toBe(0);
    const gone = await roster(['apps', 'show', 'Portal'], env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain("not found: The application does not exist or you cannot see it. No application is named 'Portal'");
  }, 300_000);
});
