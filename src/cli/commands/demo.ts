import type { Command } from 'commander';
import { findGlobalAdmin } from '../../demo/find-admin.js';
import { withApp, type CliDeps } from '../app.js';
import { CliError } from '../errors.js';
import { chooseTenant } from '../tenants.js';

export function registerDemo(program: Command, deps: CliDeps): void {
  const demo = program.command('demo').description('Demo data');
  demo
    .command('seed')
    .description('Seed the demo organisation (about 200 users, 40 groups, join requests) through the same rules as real use; only into a tenant that has nobody but administrators')
    .option('--tenant <id>', 'tenant id (default: the only tenant)')
    .addHelpText('after', '\nDemo users share one password: $DEMO_PASSWORD, or a default that is printed and is for demos only.')
    .action(async (opts: { tenant?: string }) => {
      await withApp(deps, async (app) => {
        await app.migrate();
        const tenant = await chooseTenant(app, opts.tenant);
        const adminId = await findGlobalAdmin(app.core, tenant.id);
        if (!adminId) throw new CliError(`tenant "${tenant.name}" has no enabled global administrator to seed as; create one with 'roster admin create'`);
        for (const line of await app.seedDemo(tenant.id, adminId)) deps.stdout(`${line}\n`);
      });
    });
}
