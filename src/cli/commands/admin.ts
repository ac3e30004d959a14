import type { Command } from 'commander';
import { generatePassword } from '../../platform/passwords.js';
import { withApp, type CliDeps } from '../app.js';
import { chooseTenant } from '../tenants.js';

export function registerAdmin(program: Command, deps: CliDeps): void {
  const admin = program.command('admin').description('Manage administrator accounts');
  admin
    .command('create')
    .description('Create a further global administrator in a tenant')
    .requiredOption('--upn <userPrincipalName>', 'sign-in name, e.g. ada@contoso.example (unique in the tenant)')
    .requiredOption('--name <displayName>', 'display name, e.g. "Ada Lovelace"')
    .option('--password <password>', 'initial password, 12+ characters; omit to generate one (safer: not kept in shell history)')
    .option('--tenant <id>', 'tenant id (default: the only tenant; see `roster tenant list`)')
    .action(async (opts: { upn: string; name: string; password?: string; tenant?: string }) => {
      await withApp(deps, async (app) => {
        await app.migrate();
        const tenant = await chooseTenant(app, opts.tenant);
        const password = opts.password ?? generatePassword();
        const user = await app.core.createAdmin(tenant.id, { userPrincipalName: opts.upn, displayName: opts.name, password });
        deps.stdout(`Created global administrator ${user.userPrincipalName} (${user.id}) in tenant "${tenant.name}" (${tenant.id}).\n`);
        if (opts.password === undefined) deps.stdout(`Password (shown only this once): ${password}\n`);
      });
    });
}
