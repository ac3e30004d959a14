// `roster audit verify`: re-computes each tenant's audit hash chain from its first event (after sealing
// what has committed) and names the first seq that does not verify (docs/adr/0016). Exit 0 when every
// chain checked verifies, 1 when one is broken. Runs on the server with the database's own rights.
import type { Command } from 'commander';
import type { Tenant } from '../../core/domain/model.js';
import { withApp, type CliDeps } from '../app.js';
import { CliError } from '../errors.js';
import { chooseTenant } from '../tenants.js';

export function registerAudit(program: Command, deps: CliDeps): void {
  const audit = program.command('audit').description('Check the tamper-evident audit log');
  audit
    .command('verify')
    .description('Seal committed audit events, then verify every tenant\'s hash chain (or one tenant\'s); exits 1 naming the first bad seq')
    .option('--tenant <id>', 'verify only this tenant (default: every tenant)')
    .option('--json', 'print one JSON object per tenant instead of text', false)
    .action(async (opts: { tenant?: string; json: boolean }) => {
      await withApp(deps, async (a) => {
        await a.migrate();
        const tenants: Tenant[] = opts.tenant !== undefined ? [await chooseTenant(a, opts.tenant)] : await a.listTenants();
        if (tenants.length === 0) return deps.stdout('No tenants: nothing to verify.\n');
        const broken: string[] = [];
        for (const tenant of tenants) {
          const { verdict, sealedNow } = await a.core.verifyAuditLog(tenant.id);
          if (opts.json) {
            deps.stdout(`${JSON.stringify({ tenantId: tenant.id, tenantName: tenant.name, sealedNow, ...verdict })}\n`);
          } else if (verdict.ok) {
            deps.stdout(`Tenant "${tenant.name}" (${tenant.id}): audit chain verifies — ${verdict.checked} events, last seq ${verdict.head.seq}, hash ${verdict.head.hash}\n`);
          } else {
            deps.stdout(`Tenant "${tenant.name}" (${tenant.id}): audit chain BROKEN at seq ${verdict.seq} — ${verdict.message}\n`);
          }
          if (!verdict.ok) broken.push(`tenant ${tenant.id} at seq ${verdict.seq} (${verdict.problem})`);
        }
        if (broken.length > 0) throw new CliError(`audit chain broken: ${broken.join('; ')}`);
      });
    });
}
