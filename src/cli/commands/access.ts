// API clients (app registrations) and user tokens from the command line. The CLI runs on the server
// with the database's own rights, so it acts as Roster itself (the `system` principal).
import type { Command } from 'commander';
import { APP_PERMISSIONS } from '../../core/domain/actor.js';
import type { Caller } from '../../core/index.js';
import { withApp, type CliDeps } from '../app.js';
import { parsePositiveInt } from '../options.js';
import { chooseTenant } from '../tenants.js';

const system = (tenantId: string): Caller => ({ tenantId, principal: { type: 'system' }, channel: 'api' });
const collect = (value: string, previous: string[]) => [...previous, value];

export function registerAccess(program: Command, deps: CliDeps): void {
  const app = program.command('app').description('Manage API clients (app registrations) that call the Graph-compatible API with client credentials');
  app
    .command('create')
    .description('Register an API client; prints its client id and a secret shown only once')
    .requiredOption('--name <displayName>', 'display name, e.g. "HR sync"')
    .option('--permission <name>', `application permission, repeatable: ${APP_PERMISSIONS.join(', ')}`, collect, [])
    .option('--tenant <id>', 'tenant id (default: the only tenant)')
    .action(async (opts: { name: string; permission: string[]; tenant?: string }) => {
      await withApp(deps, async (a) => {
        await a.migrate();
        const tenant = await chooseTenant(a, opts.tenant);
        const { client, clientSecret } = await a.core.registerApiClient(system(tenant.id), { displayName: opts.name, permissions: opts.permission });
        deps.stdout(`Registered API client "${client.displayName}" in tenant "${tenant.name}".\n`);
        deps.stdout(`Tenant id:      ${tenant.id}\nClient id:      ${client.id}\nClient secret (shown only this once): ${clientSecret}\n`);
        deps.stdout(`Permissions:    ${client.permissions.join(', ') || '(none)'}\n`);
        deps.stdout(`Token endpoint: POST /${tenant.id}/oauth2/v2.0/token (grant_type=client_credentials, scope=https://graph.microsoft.com/.default)\n`);
      });
    });
  app
    .command('list')
    .description('List the API clients: client id, permissions, name')
    .option('--tenant <id>', 'tenant id (default: the only tenant)')
    .option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { tenant?: string; json: boolean }) => {
      await withApp(deps, async (a) => {
        await a.migrate();
        const tenant = await chooseTenant(a, opts.tenant);
        const clients = await a.core.listApiClients(system(tenant.id));
        if (opts.json) return deps.stdout(`${JSON.stringify(clients, null, 2)}\n`);
        if (clients.length === 0) return deps.stdout('No API clients yet.\n');
        for (const c of clients) deps.stdout(`${c.id}  ${c.permissions.join(',') || '-'}  ${c.displayName}\n`);
      });
    });

  const token = program.command('token').description('Manage user tokens for scripts and the CLI (they act as that user)');
  token
    .command('create')
    .description('Create a bearer token acting as a user; printed only once')
    .requiredOption('--upn <userPrincipalName>', 'the user the token acts as')
    .option('--days <n>', 'lifetime in days, 1–90', parsePositiveInt, 30)
    .option('--description <text>', 'what the token is for')
    .option('--tenant <id>', 'tenant id (default: the only tenant)')
    .action(async (opts: { upn: string; days: number; description?: string; tenant?: string }) => {
      await withApp(deps, async (a) => {
        await a.migrate();
        const tenant = await chooseTenant(a, opts.tenant);
        const { token: t, accessToken } = await a.core.createUserToken(system(tenant.id), { userPrincipalName: opts.upn, days: opts.days, description: opts.description });
        deps.stdout(`Token ${t.id} for ${opts.upn}, valid until ${t.expiresDateTime}.\nAuthorization: Bearer ${accessToken}\n(shown only this once)\n`);
      });
    });
  token
    .command('revoke')
    .description('Revoke a token at once')
    .requiredOption('--id <tokenId>', 'the token id (printed when it was created)')
    .option('--tenant <id>', 'tenant id (default: the only tenant)')
    .action(async (opts: { id: string; tenant?: string }) => {
      await withApp(deps, async (a) => {
        await a.migrate();
        const tenant = await chooseTenant(a, opts.tenant);
        await a.core.revokeToken(system(tenant.id), { tokenId: opts.id });
        deps.stdout(`Revoked token ${opts.id}.\n`);
      });
    });
}
