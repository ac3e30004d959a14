// The `roster` command line: commander with its own output and exits, so every failure ends as one
// line on stderr and a known exit code (errors.ts).
import { Command } from 'commander';
import { ENVIRONMENT } from '../platform/config.js';
import type { CliDeps } from './app.js';
import { registerAccess } from './commands/access.js';
import { registerAdmin } from './commands/admin.js';
import { registerApps } from './commands/apps.js';
import { registerAudit } from './commands/audit.js';
import { registerDemo } from './commands/demo.js';
import { registerMigrate } from './commands/migrate.js';
import { registerServe } from './commands/serve.js';
import { registerTenant } from './commands/tenant.js';
import { exitFor } from './errors.js';

export const VERSION = '0.1.0';

function environmentHelp(root: boolean): string {
  const width = Math.max(...ENVIRONMENT.map(([name]) => name.length));
  const lines = ENVIRONMENT.map(([name, fallback, meaning]) => `  ${name.padEnd(width)}  ${meaning} (default: ${fallback})`);
  const more = root ? "\n\nRun 'roster <command> --help' for a command's options." : '';
  return `\nEnvironment variables:\n${lines.join('\n')}${more}`;
}

export function buildProgram(deps: CliDeps): Command {
  const program = new Command('roster');
  program
    .description('Roster: self-service group management — groups, join requests, owners, tenant policy')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError(false)
    .exitOverride()
    // Our error mapper prints the one line; commander prints help and version itself.
    .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr, outputError: () => {} })
    .addHelpText('after', environmentHelp(true));
  registerServe(program, deps);
  registerMigrate(program, deps);
  registerAdmin(program, deps);
  registerTenant(program, deps);
  registerDemo(program, deps);
  registerAccess(program, deps);
  registerApps(program, deps);
  registerAudit(program, deps);
  // Every command reads the environment (at least the database settings), so each one's help lists it.
  const leaves = (c: Command): Command[] => (c.commands.length === 0 ? [c] : c.commands.flatMap(leaves));
  for (const command of program.commands.flatMap(leaves)) command.addHelpText('after', environmentHelp(false));
  return program;
}

/** Runs the CLI; returns the process exit code instead of exiting, so tests and main decide. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  try {
    await buildProgram(deps).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    const exit = exitFor(error);
    if (exit.message !== null) deps.stderr(`roster: ${exit.message}\n`);
    if (exit.code !== 0 && process.env['LOG_LEVEL'] === 'debug' && error instanceof Error && error.stack) deps.stderr(`${error.stack}\n`);
    return exit.code;
  }
}
