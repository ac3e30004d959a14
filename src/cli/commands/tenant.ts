import type { Command } from 'commander';
import { generatePassword } from '../../platform/passwords.js';
import { withApp, type CliDeps } from '../app.js';
import { defaultAdminUpn } from '../tenants.js';

export function registerTenant(program: Command, deps: CliDeps): void {
  const tenant = program.command('tenant').description('Manage tenants (each is one organisation\'s separate directory)');
  tenant
    .command('create')
    .description('Create a tenant with its first global administrator')
    .requiredOption('--name <name>', 'the organisation\'s name, e.g. "Fabrikam"')
    .option('--admin-upn <userPrincipalName>', 'first administrator\'s sign-in name (default: admin@<name>.example)')
    .option('--admin-name <displayName>', 'first administrator\'s display name', 'Administrator')
    .option('--admin-password <password>', 'first administrator\'s password, 12+ characters; omit to generate one')
    .action(async (opts: { name: string; adminUpn?: string; adminName: string; adminPassword?: string }) => {
      await withApp(deps, async (app) => {
        await app.migrate();
        const password = opts.adminPassword ?? generatePassword();
        const { tenant: created, admin } = await app.core.bootstrapTenant({
          tenantName: opts.name,
          admin: { userPrincipalName: opts.adminUpn ?? defaultAdminUpn(opts.name), displayName: opts.adminName, password },
        });
        deps.stdout(`Created tenant "${created.name}" (${created.id}) with global administrator ${admin.userPrincipalName}.\n`);
        if (opts.adminPassword === undefined) deps.stdout(`Administrator password (shown only this once): ${password}\n`);
      });
    });
  tenant
    .command('list')
    .description('List the tenants: id, creation time and name')
    .option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { json: boolean }) => {
      await withApp(deps, async (app) => {
        await app.migrate();
        const tenants = await app.listTenants();
        if (opts.json) {
          deps.stdout(`${JSON.stringify(tenants, null, 2)}\n`);
          return;
        }
        if (tenants.length === 0) {
          deps.stdout('No tenants yet.\n');
          return;
        }
        for (const t of tenants) deps.stdout(`${t.id}  ${t.createdDateTime}  ${t.name}\n`);
      });
    });
}
