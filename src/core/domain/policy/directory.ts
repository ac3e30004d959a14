// Users, licences and tenant settings (directory roles: roles.ts). User admins cannot manage holders
// of privileged roles (SECURITY #2).
import { appHas, isGlobalAdmin, isGroupAdmin, isUserAdmin } from '../actor.js';
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import type { DirectoryRole, User } from '../model.js';
import { requireEnabled, type PolicyContext } from './context.js';

/** Roles a User Administrator may not manage the holders of (Entra: privileged roles). */
const PRIVILEGED: readonly DirectoryRole[] = ['globalAdmin', 'privilegedRoleAdmin'];

export function decideReadDirectory(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All') ? ALLOW : deny('missingPermission');
  return requireEnabled(ctx);
}

/** Create, update, disable or delete a user (optionally an existing one). */
export function decideManageUser(ctx: PolicyContext, target: User | null): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') {
    if (!appHas(actor, 'User.ReadWrite.All')) return deny('missingPermission');
    return target && target.roles.length > 0 ? deny('notAdmin') : ALLOW;
  }
  return firstDenial(
    () => requireEnabled(ctx),
    () => (isUserAdmin(actor) ? ALLOW : deny('notAdmin')),
    () => (target && target.roles.some((r) => PRIVILEGED.includes(r)) && !isGlobalAdmin(actor) ? deny('notAdmin') : ALLOW),
  );
}

export function decideDeleteUser(ctx: PolicyContext, target: User): Decision {
  return firstDenial(
    () => decideManageUser(ctx, target),
    () => (ctx.actor.kind === 'user' && ctx.actor.id === target.id ? deny('cannotDeleteSelf') : ALLOW),
  );
}

export function decideDisableUser(ctx: PolicyContext, target: User): Decision {
  return decideDeleteUser(ctx, target);
}

export function decideManageLicences(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, 'User.ReadWrite.All') ? ALLOW : deny('missingPermission');
  return firstDenial(() => requireEnabled(ctx), () => (isUserAdmin(actor) ? ALLOW : deny('notAdmin')));
}

export function decideSetLicenceSeats(ctx: PolicyContext): Decision {
  return isGlobalAdmin(ctx.actor) ? ALLOW : deny('notAdmin');
}

export function decideReadSettings(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, 'Directory.Read.All', 'Group.Read.All', 'Group.ReadWrite.All') ? ALLOW : deny('missingPermission');
  return requireEnabled(ctx);
}

/** Group settings: global and groups administrators (Entra: Global / Groups Administrator). */
export function decideUpdateSettings(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return deny('notAdmin');
  return firstDenial(
    () => requireEnabled(ctx),
    () => (isGlobalAdmin(actor) || (isGroupAdmin(actor) && actor.kind === 'user' && actor.roles.includes('groupsAdmin')) ? ALLOW : deny('notAdmin')),
  );
}
