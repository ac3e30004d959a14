// `roster apps provisioning …`: an app's outbound SCIM provisioning from the server's shell
// (docs/adr/0020) — show, set (the token only from a file or a named environment variable, never an
// argument: arguments land in shell history and in `ps`), enable, pause, resume, reconcile, dry-run,
// log. Runs as Roster itself (the `system` principal), like the other `roster apps` commands; the
// pushes themselves are made by `roster serve`'s engine.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Caller, Core, ProvisioningLogItem } from '../../core/index.js';
import { DEPROVISION_MODES, type DeprovisionMode } from '../../core/domain/apps.js';
import { withApp, type CliDeps } from '../app.js';
import { CliError, UsageError } from '../errors.js';
import { appIdOf } from '../lookups.js';
import { parsePositiveInt } from '../options.js';
import { chooseTenant } from '../tenants.js';

const TENANT = ['--tenant <id>', 'tenant id (default: the only tenant)'] as const;
const APP = ['<app>', 'the application: display name, id or appId'] as const;
const TOKEN_WARNING = 'The token is never a command-line argument: arguments are kept in shell history and shown by ps.';

function act(deps: CliDeps, tenant: string | undefined, fn: (core: Core, caller: Caller) => Promise<void>) {
  return withApp(deps, async (a) => {
    await a.migrate();
    const t = await chooseTenant(a, tenant);
    await fn(a.core, { tenantId: t.id, principal: { type: 'system' }, channel: 'api' });
  });
}

function parseDeprovision(value: string): DeprovisionMode {
  if (!(DEPROVISION_MODES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${DEPROVISION_MODES.join(', ')}.`);
  return value as DeprovisionMode;
}

interface TokenSource { tokenFile?: string; tokenEnv?: string; token?: string }

/** The token from `--token-file` (first line) or the environment variable `--token-env` names; undefined when neither is given. */
export function tokenOf(opts: TokenSource, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (opts.token !== undefined) throw new UsageError(`--token is not accepted. ${TOKEN_WARNING} Use --token-file or --token-env`);
  if (opts.tokenFile !== undefined && opts.tokenEnv !== undefined) throw new UsageError('give either --token-file or --token-env, not both');
  let raw: string | undefined;
  if (opts.tokenFile !== undefined) {
    try {
      raw = readFileSync(opts.tokenFile, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read the token file ${opts.tokenFile}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  } else if (opts.tokenEnv !== undefined) {
    raw = env[opts.tokenEnv];
    if (raw === undefined) throw new CliError(`the environment variable ${opts.tokenEnv} is not set`);
  }
  if (raw === undefined) return undefined;
  const token = raw.split(/\r?\n/)[0]?.trim() ?? '';
  if (!token) throw new CliError('the token is empty');
  return token;
}

const when = (iso: string | null) => iso ?? 'never';

/** "Ann Archer <ann@contoso.example> " for a user, "Sales " for a group, nothing when it is gone. */
function objectName(e: ProvisioningLogItem): string {
  if (e.localDisplayName === null) return '';
  return `${e.localDisplayName}${e.localUserPrincipalName ? ` <${e.localUserPrincipalName}>` : ''} `;
}

/** "SCIM attribute ← user field" (a fixed value keeps its quotes), one a line. */
function printMapping(out: (text: string) => void, mapping: Record<string, string>, title: string): void {
  out(`  ${title}:\n`);
  const width = Math.max(...Object.keys(mapping).map((a) => a.length));
  for (const [attribute, source] of Object.entries(mapping)) out(`    ${attribute.padEnd(width)} ← ${source}\n`);
}

export function registerAppsProvisioning(apps: Command, deps: CliDeps): void {
  const out = deps.stdout;
  const prov = apps.command('provisioning').description("Push an application's users (and groups) to its SCIM 2.0 directory");

  prov.command('show').description('State, target, settings, counts and the last error (never the token)')
    .argument(...APP).option(...TENANT).option('--json', 'print JSON', false)
    .action(async (name: string, opts: { tenant?: string; json: boolean }) => act(deps, opts.tenant, async (core, caller) => {
      const p = await core.getProvisioning(caller, { appId: await appIdOf(core, caller, name) });
      if (opts.json) return out(`${JSON.stringify(p, null, 2)}\n`);
      if (p.state === 'notConfigured') {
        out(`${name}: provisioning not configured\n`);
        out(`  Set it up with 'roster apps provisioning set ${name} --base-url <url> --token-file <path>'.\n`);
        return printMapping(out, p.userMapping, 'users would be sent as (the defaults)');
      }
      out(`${name}: provisioning ${p.state}${p.state === 'quarantined' ? ` after ${p.consecutiveFailures} failures in a row` : ''}\n`);
      out(`  target: ${p.baseUrl}\n  token: set (never shown)\n  deprovision: ${p.deprovision}\n  groups: ${p.provisionGroups ? 'yes' : 'no'}\n`);
      out(`  reconcile every: ${p.reconcileIntervalMinutes} min\n  last reconciliation: ${when(p.lastReconciledAt)}\n`);
      out(`  users: ${p.provisionedUsers} provisioned, ${p.activeUsers} active\n  groups provisioned: ${p.provisionedGroups}\n  pending changes: ${p.pendingJobs}\n`);
      if (p.lastError) out(`  last error: ${p.lastError}\n`);
      printMapping(out, p.userMapping, 'users are sent as');
    }));

  prov.command('set').description('Set up provisioning or change its settings (a new setup starts paused)')
    .argument(...APP)
    .option('--base-url <url>', "the target's SCIM base URL (https; http only to this machine)")
    .option('--token-file <path>', 'read the bearer token from this file (its first line)')
    .option('--token-env <name>', 'read the bearer token from this environment variable')
    .addOption(new Option('--token <value>').hideHelp())
    .option('--deprovision <mode>', `what a user who loses the app gets: ${DEPROVISION_MODES.join(' | ')}`, parseDeprovision)
    .option('--groups', 'also provision the groups assigned to the app')
    .option('--no-groups', 'users only')
    .option('--interval <minutes>', 'full reconciliation every N minutes (5–10080)', parsePositiveInt)
    .option(...TENANT)
    .addHelpText('after', `\n${TOKEN_WARNING}\nExample: roster apps provisioning set CRM --base-url https://crm.example/scim/v2 --token-file ./crm-scim.token`)
    .action(async (name: string, opts: TokenSource & { baseUrl?: string; deprovision?: DeprovisionMode; groups?: boolean; interval?: number; tenant?: string }) => {
      const token = tokenOf(opts);
      if ([opts.baseUrl, token, opts.deprovision, opts.groups, opts.interval].every((v) => v === undefined)) {
        throw new UsageError('name at least one setting: --base-url, --token-file/--token-env, --deprovision, --groups/--no-groups or --interval');
      }
      await act(deps, opts.tenant, async (core, caller) => {
        const p = await core.configureProvisioning(caller, {
          appId: await appIdOf(core, caller, name), baseUrl: opts.baseUrl, token, deprovision: opts.deprovision,
          provisionGroups: opts.groups, reconcileIntervalMinutes: opts.interval,
        });
        out(`Provisioning of ${name} saved (${p.state}${token ? ', token replaced' : ''}).\n`);
        if (p.state === 'paused') out(`Check what it would send with 'roster apps provisioning dry-run ${name}', then 'roster apps provisioning enable ${name}'.\n`);
      });
    });

  prov.command('enable').description('Turn provisioning on (queues a full reconciliation)')
    .argument(...APP).option(...TENANT)
    .action(async (name: string, opts: { tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      await core.configureProvisioning(caller, { appId: await appIdOf(core, caller, name), state: 'enabled' });
      out(`Provisioning of ${name} is on; 'roster serve' pushes the changes.\n`);
    }));

  prov.command('pause').description('Stop sending anything until it is enabled or resumed')
    .argument(...APP).option(...TENANT)
    .action(async (name: string, opts: { tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      await core.pauseProvisioning(caller, { appId: await appIdOf(core, caller, name) });
      out(`Provisioning of ${name} is paused.\n`);
    }));

  prov.command('resume').description('Turn provisioning on again after a pause or a quarantine: failures forgotten, full reconciliation')
    .argument(...APP).option(...TENANT)
    .action(async (name: string, opts: { tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      await core.resumeProvisioning(caller, { appId: await appIdOf(core, caller, name) });
      out(`Provisioning of ${name} resumed; a full reconciliation is queued.\n`);
    }));

  prov.command('reconcile').description('Queue a full reconciliation now (it runs while provisioning is on)')
    .argument(...APP).option(...TENANT)
    .action(async (name: string, opts: { tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      await core.reconcileProvisioningNow(caller, { appId: await appIdOf(core, caller, name) });
      out(`A full reconciliation of ${name} is queued.\n`);
    }));

  registerReadCommands(prov, deps);
}

function registerReadCommands(prov: Command, deps: CliDeps): void {
  const out = deps.stdout;
  prov.command('dry-run').description('What a reconciliation would send now: reads the target, sends nothing')
    .argument(...APP).option(...TENANT).option('--json', 'print JSON with the request bodies', false)
    .action(async (name: string, opts: { tenant?: string; json: boolean }) => act(deps, opts.tenant, async (core, caller) => {
      const run = await core.dryRunProvisioning(caller, { appId: await appIdOf(core, caller, name) });
      if (opts.json) return out(`${JSON.stringify(run, null, 2)}\n`);
      out(`Dry run of ${name} — nothing was sent. ${run.requests.length} request${run.requests.length === 1 ? '' : 's'} would be sent:\n`);
      for (const r of run.requests) out(`  ${r.method.padEnd(6)} ${r.path}\n`);
      const counts = Object.entries(run.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
      if (counts.length > 0) out(`  (${counts.join(', ')})\n`);
      if (run.error) throw new CliError(`the dry run stopped early: ${run.error}`);
    }));

  prov.command('log').description('Requests sent to the target, newest first')
    .argument(...APP).option('--top <n>', 'at most this many entries', parsePositiveInt, 50)
    .option(...TENANT).option('--json', 'print JSON', false)
    .action(async (name: string, opts: { top: number; tenant?: string; json: boolean }) => act(deps, opts.tenant, async (core, caller) => {
      const page = await core.listProvisioningLog(caller, { appId: await appIdOf(core, caller, name), limit: Math.min(opts.top, 999) });
      if (opts.json) return out(`${JSON.stringify(page.items, null, 2)}\n`);
      if (page.items.length === 0) return out('Nothing has been sent yet.\n');
      for (const e of page.items) {
        const object = e.objectType ? `${e.objectType} ${objectName(e)}${e.localId ?? ''}` : '';
        out(`${e.at}  ${e.operation.padEnd(22)} ${String(e.status ?? '-').padEnd(4)} ${e.outcome.padEnd(7)} ${e.durationMs ?? '-'} ms  ${object}${e.error ? `  ${e.error}` : ''}\n`);
      }
    }));
}
