// Who may register API clients, grant them permissions and issue tokens (SECURITY #2: a permission is
// granted only by someone who holds every right it gives — a global administrator).
import { isGlobalAdmin } from '../actor.js';
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import { requireEnabled, type PolicyContext } from './context.js';

/** Register, rotate, delete or list API clients and their permissions: global administrators only. */
export function decideManageApiClients(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'app') return deny('notAdmin');
  return firstDenial(() => requireEnabled(ctx), () => (isGlobalAdmin(actor) ? ALLOW : deny('notAdmin')));
}

/** A user token for `userId`: a user for themselves; Roster itself (the CLI on the server) for anyone. */
export function decideIssueUserToken(ctx: PolicyContext, userId: string): Decision {
  const { actor } = ctx;
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'app') return deny('notAdmin');
  return firstDenial(() => requireEnabled(ctx), () => (actor.id === userId ? ALLOW : deny('notAdmin')));
}

/** Revoke a token: its own user, a global administrator, or Roster itself. */
export function decideRevokeToken(ctx: PolicyContext, ownerUserId: string | null): Decision {
  const { actor } = ctx;
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'app') return deny('notAdmin');
  return firstDenial(() => requireEnabled(ctx), () => (isGlobalAdmin(actor) || actor.id === ownerUserId ? ALLOW : deny('notAdmin')));
}
