// Which tenant a command acts on: the one named by --tenant, or the only one there is.
import { DomainError } from '../core/index.js';
import type { Tenant } from '../core/domain/model.js';
import type { App } from './app.js';
import { CliError, UsageError } from './errors.js';

export async function chooseTenant(app: App, requested: string | undefined): Promise<Tenant> {
  const tenants = await app.listTenants();
  if (requested !== undefined) {
    const found = tenants.find((t) => t.id === requested.trim().toLowerCase());
    if (!found) throw new DomainError('tenantNotFound');
    return found;
  }
  const [only] = tenants;
  if (tenants.length === 1 && only) return only;
  if (tenants.length === 0) throw new CliError("there is no tenant yet: start the server once ('roster serve') or run 'roster tenant create --name NAME'");
  throw new UsageError(`there are ${tenants.length} tenants: choose one with --tenant ID ('roster tenant list' shows them)`);
}

/** A default administrator sign-in name for a new tenant: admin@<name>.example. */
export function defaultAdminUpn(tenantName: string): string {
  const slug = tenantName.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `admin@${slug || 'tenant'}.example`;
}
