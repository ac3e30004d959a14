// Directory roles: who holds each, and granting or removing one (SECURITY #2; docs/adr/0022). Each
// change is audited in its transaction; role changes in a tenant are serialised so the last enabled
// Global Administrator cannot be removed by two admins removing each other at once.
import { DomainError } from '../domain/errors.js';
import { DIRECTORY_ROLES, type DirectoryRole, type User } from '../domain/model.js';
import { decideGrantRole, decideReadRoles, decideRevokeRole } from '../domain/policy/roles.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';

export function validRole(name: string): DirectoryRole {
  if (!(DIRECTORY_ROLES as readonly string[]).includes(name)) throw new DomainError('roleNotFound');
  return name as DirectoryRole;
}

export interface RoleChange {
  userId: string;
  role: string;
}

async function targetUser(uc: UseCaseContext, userId: string): Promise<User> {
  await uc.scope.users.lockRoles();
  const user = await uc.scope.users.get(userId);
  if (!user) throw new DomainError('userNotFound');
  return user;
}

async function writeRoles(uc: UseCaseContext, user: User, roles: DirectoryRole[], action: 'role.grant' | 'role.revoke', role: DirectoryRole): Promise<User> {
  const updated: User = { ...user, roles: [...roles].sort() };
  await uc.scope.users.update(updated);
  await uc.audit({ action, targetType: 'role', targetId: user.id, before: { role, roles: user.roles }, after: { role, roles: updated.roles } });
  await uc.scope.outbox.enqueue({ topic: 'user.updated', payload: { userId: user.id } }, uc.now);
  return updated;
}

export async function grantRole(deps: CoreDeps, caller: Caller, input: RoleChange): Promise<User> {
  const role = validRole(input.role);
  return runUseCase(deps, caller, 'role.grant', { type: 'role', id: input.userId }, async (uc) => {
    uc.enforce(decideGrantRole(uc.policy, role));
    const user = await targetUser(uc, input.userId);
    // Graph answers a second add of the same member with 400 "already exist" (FIDELITY §4.6).
    if (user.roles.includes(role)) throw new DomainError('alreadyMember');
    return writeRoles(uc, user, [...user.roles, role], 'role.grant', role);
  });
}

export async function revokeRole(deps: CoreDeps, caller: Caller, input: RoleChange): Promise<User> {
  const role = validRole(input.role);
  return runUseCase(deps, caller, 'role.revoke', { type: 'role', id: input.userId }, async (uc) => {
    uc.enforce(decideGrantRole(uc.policy, role));
    const user = await targetUser(uc, input.userId);
    if (!user.roles.includes(role)) throw new DomainError('notMember');
    const enabledGlobalAdmins = (await uc.scope.users.listWithRole('globalAdmin')).filter((u) => u.accountEnabled).length;
    uc.enforce(decideRevokeRole(uc.policy, role, user, enabledGlobalAdmins));
    return writeRoles(uc, user, user.roles.filter((r) => r !== role), 'role.revoke', role);
  });
}

/** The roles there are, each with how many hold it. */
export async function listRoles(deps: CoreDeps, caller: Caller): Promise<Array<{ role: DirectoryRole; memberCount: number }>> {
  return runUseCase(deps, caller, 'role.list', { type: 'role', id: null }, async (uc) => {
    uc.enforce(decideReadRoles(uc.policy));
    return Promise.all(DIRECTORY_ROLES.map(async (role) => ({ role, memberCount: (await uc.scope.users.listWithRole(role)).length })));
  });
}

export async function listRoleMembers(deps: CoreDeps, caller: Caller, input: { role: string }): Promise<User[]> {
  const role = validRole(input.role);
  return runUseCase(deps, caller, 'role.listMembers', { type: 'role', id: role }, async (uc) => {
    uc.enforce(decideReadRoles(uc.policy));
    return uc.scope.users.listWithRole(role);
  });
}

/** May the caller see who holds which role (user JSON carries roles only then)? */
export async function canReadRoles(deps: CoreDeps, caller: Caller): Promise<boolean> {
  return runUseCase(deps, caller, 'role.check', { type: 'role', id: null }, async (uc) => decideReadRoles(uc.policy).outcome === 'allow');
}
