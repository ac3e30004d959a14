import type { Command } from 'commander';
import { withApp, type CliDeps } from '../app.js';

export function registerMigrate(program: Command, deps: CliDeps): void {
  program
    .command('migrate')
    .description('Apply pending database migrations and exit (safe to run any number of times; serve runs it too)')
    .action(async () => {
      await withApp(deps, async (app) => {
        await app.migrate();
        deps.stdout(`Database schema is up to date (${app.database}).\n`);
      });
    });
}
