// Directory roles (SECURITY #2: nobody grants what they could not hold). Global Administrators grant
// and remove any role; a Privileged Role Administrator (Entra's role-assigning role) grants and removes
// only roles they hold themselves, so never Global Administrator. Nobody else touches roles; no app
// permission reaches them (Graph wants RoleManagement.ReadWrite.Directory, which Roster has not).
import { appHas, isGlobalAdmin } from '../actor.js';
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import type { DirectoryRole, User } from '../model.js';
import { requireEnabled, type PolicyContext } from './context.js';

export function decideGrantRole(ctx: PolicyContext, role: DirectoryRole): Decision {
  const { actor } = ctx;
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'app') return deny('missingPermission');
  return firstDenial(
    () => requireEnabled(ctx),
    () => {
      if (isGlobalAdmin(actor)) return ALLOW;
      if (!actor.roles.includes('privilegedRoleAdmin')) return deny('notAdmin');
      return actor.roles.includes(role) ? ALLOW : deny('roleNotHeld');
    },
  );
}

/** Every role a new user is created with is a grant. */
export function decideGrantRoles(ctx: PolicyContext, roles: readonly DirectoryRole[]): Decision {
  return firstDenial(...roles.map((role) => () => decideGrantRole(ctx, role)));
}

/**
 * Removing a role takes the right to grant it (GitLab CVE-2026-4916: a lower role demoting a higher
 * one), and the tenant keeps at least one enabled Global Administrator.
 * `enabledGlobalAdmins`: how many enabled users hold globalAdmin now, the target included.
 */
export function decideRevokeRole(ctx: PolicyContext, role: DirectoryRole, target: Pick<User, 'roles' | 'accountEnabled'>, enabledGlobalAdmins: number): Decision {
  return firstDenial(
    () => decideGrantRole(ctx, role),
    () => {
      const removesAnEnabledGlobalAdmin = role === 'globalAdmin' && target.roles.includes('globalAdmin') && target.accountEnabled;
      return removesAnEnabledGlobalAdmin && enabledGlobalAdmins <= 1 ? deny('lastGlobalAdmin') : ALLOW;
    },
  );
}

/** Who holds which role is for administrators (any role) and apps with Directory.Read.All. */
export function decideReadRoles(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'app') return appHas(actor, 'Directory.Read.All') ? ALLOW : deny('missingPermission');
  return firstDenial(() => requireEnabled(ctx), () => (actor.roles.length > 0 ? ALLOW : deny('notAdmin')));
}
