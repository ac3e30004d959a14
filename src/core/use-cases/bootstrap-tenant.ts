// First start: create a tenant and its first global admin. Runs as the system, only on a tenant
// that does not exist yet, so it can never be replayed to mint a second admin.
import { DomainError } from '../domain/errors.js';
import type { Tenant, User } from '../domain/model.js';
import { validPassword, validUserPrincipalName } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { createUser } from './create-user.js';

export interface BootstrapInput {
  tenantId?: string | undefined;
  tenantName: string;
  admin: { userPrincipalName: string; displayName: string; password: string };
}

export async function bootstrapTenant(deps: CoreDeps, input: BootstrapInput): Promise<{ tenant: Tenant; admin: User }> {
  const name = input.tenantName.trim();
  if (!name || name.length > 256) throw new DomainError('invalidInput', 'The tenant name must be 1–256 characters.');
  // Validate the administrator before the tenant exists: a tenant without its first admin could never get one.
  validUserPrincipalName(input.admin.userPrincipalName);
  validPassword(input.admin.password);
  if (!input.admin.displayName.trim()) throw new DomainError('invalidInput', 'The administrator needs a display name.');
  const tenant: Tenant = { id: input.tenantId ?? deps.ids.newId(), name, createdDateTime: deps.clock.now() };
  if (await deps.uow.tenants.get(tenant.id)) throw new DomainError('invalidInput', 'The tenant already exists.');
  await deps.uow.tenants.insert(tenant);
  const system: Caller = { tenantId: tenant.id, principal: { type: 'system' }, channel: 'adminCenter' };
  const admin = await createUser(deps, system, { ...input.admin, roles: ['globalAdmin'] });
  return { tenant, admin };
}

/** A further global admin on an existing tenant (the `roster admin create` command). */
export async function createAdmin(deps: CoreDeps, tenantId: string, admin: BootstrapInput['admin']): Promise<User> {
  if (!(await deps.uow.tenants.get(tenantId))) throw new DomainError('tenantNotFound');
  const system: Caller = { tenantId, principal: { type: 'system' }, channel: 'adminCenter' };
  return createUser(deps, system, { ...admin, roles: ['globalAdmin'] });
}
