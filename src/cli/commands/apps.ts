// Applications from the command line (docs/adr/0019): list, create, show, delete, assign and unassign
// (a user, a group, or another application's audience), block and unblock, and the two questions
// admins ask — who has this app (`access`) and why does this user have it (`explain`). The CLI runs on
// the server as Roster itself (the `system` principal), like `roster app` and `roster token`.
import type { Command } from 'commander';
import type { Caller, Core } from '../../core/index.js';
import { DEFAULT_ACCESS_ROLE_ID, type PrincipalType } from '../../core/domain/apps.js';
import { pathLine } from '../access-paths.js';
import { withApp, type CliDeps } from '../app.js';
import { UsageError } from '../errors.js';
import { appIdOf, groupIdOf, userIdOf } from '../lookups.js';
import { registerAppsProvisioning } from './apps-provisioning.js';
import { parsePositiveInt } from '../options.js';
import { chooseTenant } from '../tenants.js';

const system = (tenantId: string): Caller => ({ tenantId, principal: { type: 'system' }, channel: 'api' });
const collect = (value: string, previous: string[]) => [...previous, value];
const TENANT = ['--tenant <id>', 'tenant id (default: the only tenant)'] as const;

interface PrincipalOptions { user?: string; group?: string; audienceOf?: string }

/** Runs `fn` with the core and a system caller on the chosen tenant. */
function act(deps: CliDeps, tenant: string | undefined, fn: (core: Core, caller: Caller) => Promise<void>) {
  return withApp(deps, async (a) => {
    await a.migrate();
    const t = await chooseTenant(a, tenant);
    await fn(a.core, system(t.id));
  });
}

async function principalOf(core: Core, caller: Caller, opts: PrincipalOptions): Promise<{ principalType: PrincipalType; principalId: string }> {
  const given = [opts.user, opts.group, opts.audienceOf].filter((v) => v !== undefined);
  if (given.length !== 1) throw new UsageError('name exactly one of --user, --group or --audience-of');
  if (opts.user !== undefined) return { principalType: 'User', principalId: await userIdOf(core, caller, opts.user) };
  if (opts.group !== undefined) return { principalType: 'Group', principalId: await groupIdOf(core, caller, opts.group) };
  return { principalType: 'ServicePrincipal', principalId: await appIdOf(core, caller, opts.audienceOf ?? '') };
}

const principalOptions = (c: Command) => c
  .option('--user <upn>', 'a user, by sign-in name or id')
  .option('--group <name>', 'a security group, by display name or id (members of nested groups too, unless the app says otherwise)')
  .option('--audience-of <app>', 'everyone who has this other application');

export function registerApps(program: Command, deps: CliDeps): void {
  const apps = program.command('apps').description('Manage applications: who is given them, who has them and why, blocks, provisioning');
  const out = deps.stdout;

  apps.command('list').description('List the applications: id, enabled, assignment required, name')
    .option(...TENANT).option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { tenant?: string; json: boolean }) => act(deps, opts.tenant, async (core, caller) => {
      const { items } = await core.listApps(caller, { limit: 999 });
      if (opts.json) return out(`${JSON.stringify(items, null, 2)}\n`);
      if (items.length === 0) return out("No applications yet ('roster apps create --name NAME' adds one).\n");
      for (const app of items) out(`${app.id}  ${app.accountEnabled ? 'enabled ' : 'disabled'}  ${app.appRoleAssignmentRequired ? 'assigned-only' : 'everyone     '}  ${app.displayName}\n`);
    }));

  apps.command('create').description('Create an application (enabled, assignment required, nested groups cascade, shown in My Apps)')
    .requiredOption('--name <displayName>', 'display name, e.g. "CRM"')
    .option('--description <text>', 'what it is for')
    .option('--homepage <url>', 'where My Apps sends users')
    .option('--owner <upn>', 'an owner who manages its assignments, repeatable', collect, [])
    .option('--open-to-everyone', 'no assignment required: every enabled user has it', false)
    .option('--no-cascade', 'members of nested groups of an assigned group do not get it (Entra\'s behaviour)')
    .option('--hidden', 'not shown in My Apps', false)
    .option(...TENANT)
    .action(async (opts: { name: string; description?: string; homepage?: string; owner: string[]; openToEveryone: boolean; cascade: boolean; hidden: boolean; tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      const owners = [];
      for (const o of opts.owner) owners.push(await userIdOf(core, caller, o));
      const app = await core.createApp(caller, {
        displayName: opts.name, description: opts.description ?? null, homepage: opts.homepage ?? null, ownerIds: owners,
        appRoleAssignmentRequired: !opts.openToEveryone, cascadeNestedGroups: opts.cascade, visibleToUsers: !opts.hidden,
      });
      out(`Created application "${app.displayName}" (${app.id}, appId ${app.appId}).\n`);
    }));

  apps.command('show').description('Show an application, its owners and its assignments')
    .argument('<app>', 'the application: display name, id or appId')
    .option(...TENANT).option('--json', 'print JSON', false)
    .action(async (name: string, opts: { tenant?: string; json: boolean }) => act(deps, opts.tenant, async (core, caller) => {
      const appId = await appIdOf(core, caller, name);
      const app = await core.getApp(caller, { id: appId });
      const owners = await core.viewAppUsers(caller, { userIds: (await core.listAppOwners(caller, { appId })).map((o) => o.userId) });
      const assignments = await core.viewAssignments(caller, { assignments: (await core.listAppAssignments(caller, { appId, limit: 999 })).items });
      if (opts.json) return out(`${JSON.stringify({ app, owners, assignments: assignments.map((a) => ({ ...a.assignment, principalDisplayName: a.principalDisplayName })) }, null, 2)}\n`);
      out(`${app.displayName} (${app.id})\n  appId: ${app.appId}\n  enabled: ${app.accountEnabled ? 'yes' : 'no'}\n  assignment required: ${app.appRoleAssignmentRequired ? 'yes' : 'no (everyone)'}\n`);
      out(`  nested groups cascade: ${app.cascadeNestedGroups ? 'yes' : 'no'}\n  shown in My Apps: ${app.visibleToUsers ? 'yes' : 'no'}\n`);
      out(`  owners: ${owners.map((u) => u.userPrincipalName).join(', ') || '(none)'}\n  assignments:\n`);
      if (assignments.length === 0) out('    (none)\n');
      for (const a of assignments) out(`    ${a.assignment.id}  ${a.assignment.principalType.padEnd(16)}  ${a.principalDisplayName ?? a.assignment.principalId}\n`);
    }));

  apps.command('delete').description('Delete an application and its assignments, owners and blocks')
    .argument('<app>', 'the application: display name, id or appId').option(...TENANT)
    .action(async (name: string, opts: { tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      const appId = await appIdOf(core, caller, name);
      await core.deleteApp(caller, { id: appId });
      out(`Deleted application ${appId}.\n`);
    }));

  principalOptions(apps.command('assign').description('Give an application to a user, a security group, or another application\'s audience')
    .argument('<app>', 'the application: display name, id or appId'))
    .option('--role <id>', 'app role id (default: Default Access)', DEFAULT_ACCESS_ROLE_ID).option(...TENANT)
    .action(async (name: string, opts: PrincipalOptions & { role: string; tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      const appId = await appIdOf(core, caller, name);
      const { principalType, principalId } = await principalOf(core, caller, opts);
      const assignment = await core.assignApp(caller, { appId, principalType, principalId, appRoleId: opts.role });
      out(`Assigned (${assignment.id}): ${assignment.principalType} ${principalId} → ${appId}.\n`);
    }));

  principalOptions(apps.command('unassign').description('Remove the assignments of a user, a group or an audience from an application')
    .argument('<app>', 'the application: display name, id or appId'))
    .option(...TENANT)
    .action(async (name: string, opts: PrincipalOptions & { tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      const appId = await appIdOf(core, caller, name);
      const principal = await principalOf(core, caller, opts);
      const { removed } = await core.unassignPrincipal(caller, { appId, ...principal });
      out(`Removed ${removed} assignment${removed === 1 ? '' : 's'}.\n`);
    }));

  apps.command('block').description('Block a user from an application: overrides every path that gives it')
    .argument('<app>', 'the application').argument('<user>', 'sign-in name or id')
    .option('--reason <text>', 'why (kept with the block and in the audit log)').option(...TENANT)
    .action(async (name: string, user: string, opts: { reason?: string; tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      const appId = await appIdOf(core, caller, name);
      await core.blockUser(caller, { appId, userId: await userIdOf(core, caller, user), reason: opts.reason ?? null });
      out(`Blocked ${user} from ${name}.\n`);
    }));

  apps.command('unblock').description('Lift a block')
    .argument('<app>', 'the application').argument('<user>', 'sign-in name or id').option(...TENANT)
    .action(async (name: string, user: string, opts: { tenant?: string }) => act(deps, opts.tenant, async (core, caller) => {
      const appId = await appIdOf(core, caller, name);
      await core.unblockUser(caller, { appId, userId: await userIdOf(core, caller, user) });
      out(`Unblocked ${user} from ${name}.\n`);
    }));

  apps.command('access').description('Who has an application: every user, each with the paths that give it')
    .argument('<app>', 'the application')
    .option('--search <text>', 'only users whose name or sign-in name starts with this text')
    .option('--top <n>', 'at most this many users', parsePositiveInt, 100)
    .option(...TENANT).option('--json', 'print JSON', false)
    .action(async (name: string, opts: { search?: string; top: number; tenant?: string; json: boolean }) => act(deps, opts.tenant, async (core, caller) => {
      const appId = await appIdOf(core, caller, name);
      const page = await core.listEffectiveUsers(caller, { appId, search: opts.search?.trim() || undefined, count: true, limit: Math.min(opts.top, 999), withPaths: true });
      if (opts.json) return out(`${JSON.stringify(page, null, 2)}\n`);
      const names = page.names ?? {};
      out(`${page.count ?? page.items.length} user${page.count === 1 ? '' : 's'} with access${page.nextCursor ? ` (first ${page.items.length} shown)` : ''}:\n`);
      for (const u of page.items) {
        out(`${u.userPrincipalName}  ${u.displayName}\n`);
        for (const p of u.paths ?? []) out(`    ${pathLine(p, (s) => names[s.id] ?? null)}\n`);
      }
    }));

  apps.command('explain').description('Why a user has (or hasn\'t) an application: the verdict and every path')
    .argument('<app>', 'the application').argument('<user>', 'sign-in name or id')
    .option(...TENANT).option('--json', 'print JSON', false)
    .action(async (name: string, user: string, opts: { tenant?: string; json: boolean }) => act(deps, opts.tenant, async (core, caller) => {
      const appId = await appIdOf(core, caller, name);
      const { names, ...explanation } = await core.explainAppAccess(caller, { appId, userId: await userIdOf(core, caller, user) });
      if (opts.json) return out(`${JSON.stringify(explanation, null, 2)}\n`);
      out(`${user} → ${name}: ${explanation.verdict}\n`);
      for (const p of explanation.paths) out(`    ${pathLine(p, (s) => names[s.id] ?? null)}\n`);
      if (explanation.block) out(`  blocked${explanation.block.reason ? `: ${explanation.block.reason}` : ''} (${explanation.block.createdDateTime})\n`);
    }));

  registerAppsProvisioning(apps, deps);
}
