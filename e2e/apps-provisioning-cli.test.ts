// `roster apps provisioning` as an administrator meets it on the server, against a real SQLite data
// folder, a real SCIM target and a real `roster serve` doing the pushes: help for every subcommand, the
// token refused as an argument, set from a file (never echoed), show, dry run (nothing sent), enable →
// the user appears in the target → the log shows the POST, pause, resume, reconcile, the env var source.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScimTarget, type ScimTarget } from './scim-target/server.js';
import { childEnv, roster, startServer, stopServer, tempDataDir, type Server } from './support.js';

const data = tempDataDir();
const env = childEnv(data.dir, { ROSTER_PROVISIONING_POLL_MS: '100' });
const SUBCOMMANDS = ['show', 'set', 'enable', 'pause', 'resume', 'reconcile', 'dry-run', 'log'];

describe.concurrent('roster apps provisioning --help', () => {
  it.each([
    [['apps', 'provisioning'], SUBCOMMANDS],
    [['apps', 'provisioning', 'show'], ['<app>', '--json', '--tenant']],
    [['apps', 'provisioning', 'set'], ['<app>', '--base-url', '--token-file', '--token-env', '--deprovision', '--groups', '--no-groups', '--interval', 'shell history']],
    [['apps', 'provisioning', 'enable'], ['<app>']],
    [['apps', 'provisioning', 'pause'], ['<app>']],
    [['apps', 'provisioning', 'resume'], ['<app>', 'quarantine']],
    [['apps', 'provisioning', 'reconcile'], ['<app>']],
    [['apps', 'provisioning', 'dry-run'], ['<app>', 'sends nothing', '--json']],
    [['apps', 'provisioning', 'log'], ['<app>', '--top', '--json']],
  ])('roster %j --help', async (command, words) => {
    const { code, stdout } = await roster([...command, '--help'], env);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: roster ${command.join(' ')}`);
    for (const word of words) expect(stdout).toContain(word);
  });
});

describe('roster apps provisioning', () => {
  let target: ScimTarget;
  let server: Server | undefined;
  const token = `cli-secret-${Date.now()}`;
  const admin = 'admin@fabrikam.example';

  beforeAll(async () => {
    target = await startScimTarget({ token });
    expect((await roster(['tenant', 'create', '--name', 'Fabrikam'], env)).code).toBe(0);
    expect((await roster(['apps', 'create', '--name', 'CRM'], env)).code).toBe(0);
    expect((await roster(['apps', 'assign', 'CRM', '--user', admin], env)).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGTERM', 15_000);
    await target.close();
    data.remove();
  });

  it('refuses the token as an argument and a new setup without one', async () => {
    const plain = await roster(['apps', 'provisioning', 'set', 'CRM', '--base-url', target.baseUrl, '--token', token], env);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('--token is not accepted');
    expect(plain.stderr).not.toContain(token);
    const none = await roster(['apps', 'provisioning', 'set', 'CRM', '--base-url', target.baseUrl], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^roster: invalid input: .*baseUrl and token/);
    const nothing = await roster(['apps', 'provisioning', 'set', 'CRM'], env);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('name at least one setting');
    const unset = await roster(['apps', 'provisioning', 'show', 'CRM'], env);
    expect(unset.code, unset.stderr).toBe(0);
    expect(unset.stdout).toContain('CRM: provisioning not configured');
    expect(unset.stdout).toContain('roster apps provisioning set CRM --base-url');
    expect(unset.stdout).toMatch(/userName +← userPrincipalName/);
    const unsetJson = await roster(['apps', 'provisioning', 'show', 'CRM', '--json'], env);
    expect(JSON.parse(unsetJson.stdout)).toMatchObject({ state: 'notConfigured', baseUrl: null, tokenSet: false });
    const unsetLog = await roster(['apps', 'provisioning', 'log', 'CRM'], env);
    expect(unsetLog.code).toBe(1);
    expect(unsetLog.stderr).toMatch(/^roster: not found: Provisioning is not configured/);
  }, 120_000);

  it('set from a file, show, dry run, enable → the user in the target and the POST in the log, pause, resume, reconcile', async () => {
    const file = join(data.dir, 'crm.token');
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    const set = await roster(['apps', 'provisioning', 'set', 'CRM', '--base-url', target.baseUrl, '--token-file', file, '--deprovision', 'disable', '--no-groups', '--interval', '60'], env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Provisioning of CRM saved (paused, token replaced)');

    const shown = await roster(['apps', 'provisioning', 'show', 'CRM'], env);
    expect(shown.stdout).toContain('provisioning paused');
    expect(shown.stdout).toContain('deprovision: disable');
    expect(shown.stdout).toContain('reconcile every: 60 min');
    expect(shown.stdout).toMatch(/users are sent as:\n +userName +← userPrincipalName/);
    const json = await roster(['apps', 'provisioning', 'show', 'CRM', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ state: 'paused', tokenSet: true, provisionGroups: false, baseUrl: target.baseUrl });
    for (const out of [set.stdout, shown.stdout, json.stdout]) expect(out).not.toContain(token);

    const dry = await roster(['apps', 'provisioning', 'dry-run', 'CRM'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('nothing was sent');
    expect(dry.stdout).toMatch(/POST +\/Users/);
    expect(target.users.size).toBe(0);

    server = await startServer([], env);
    expect((await roster(['apps', 'provisioning', 'enable', 'CRM'], env)).stdout).toContain('is on');
    await until(() => [...target.users.values()].some((u) => u['userName'] === admin));
    let log = await roster(['apps', 'provisioning', 'log', 'CRM'], env);
    for (let i = 0; i < 50 && !/POST \/Users +201 +success/.test(log.stdout); i++) log = await roster(['apps', 'provisioning', 'log', 'CRM'], env);
    expect(log.stdout).toMatch(/POST \/Users +201 +success/);
    // Each entry names its object (the CLI acts as Roster itself, so every name): the admin, by display name and sign-in name.
    expect(log.stdout).toMatch(new RegExp(`POST /Users +201 +success .* user \\S.* <${admin.replace(/[.]/g, '\\.')}> [0-9a-f-]{36}`));

    expect((await roster(['apps', 'provisioning', 'pause', 'CRM'], env)).stdout).toContain('paused');
    expect((await roster(['apps', 'provisioning', 'show', 'CRM'], env)).stdout).toContain('provisioning paused');
    expect((await roster(['apps', 'provisioning', 'resume', 'CRM'], env)).stdout).toContain('resumed');
    expect((await roster(['apps', 'provisioning', 'reconcile', 'CRM'], env)).stdout).toContain('reconciliation of CRM is queued');

    const fromEnv = await roster(['apps', 'provisioning', 'set', 'CRM', '--token-env', 'CRM_SCIM_TOKEN'], { ...env, CRM_SCIM_TOKEN: token });
    expect(fromEnv.stdout).toContain('token replaced');
    const missingEnv = await roster(['apps', 'provisioning', 'set', 'CRM', '--token-env', 'NOT_SET_ANYWHERE'], env);
    expect(missingEnv.code).toBe(1);
    expect(missingEnv.stderr).toContain('NOT_SET_ANYWHERE is not set');
  }, 300_000);
});

/** Polls until the condition holds (the engine pushes on its own schedule). */
async function until(condition: () => boolean, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met');
}
