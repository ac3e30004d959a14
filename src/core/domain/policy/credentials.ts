// Who may register API clients, grant them permissions and issue tokens (SECURITY #2: a permission is
// granted only by someone who holds every right it gives — a global administrator).
import { isGlobalAdmin, isUserAdmin } from '../actor.js';
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import type { DirectoryRole, Instant } from '../model.js';
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

/** Whose tokens are at stake: the user they act as (null for an app's token, or a user no longer there). */
export interface TokenOwner {
  readonly id: string;
  readonly roles: readonly DirectoryRole[];
}

/**
 * See or revoke a user's tokens: the user themselves, Roster itself, a global administrator, or a user
 * administrator — except a global administrator's tokens, as with every other change to such a user
 * (decideManageUser). An app's tokens, or those of a user gone: global administrators only.
 */
export function decideManageTokensOf(ctx: PolicyContext, owner: TokenOwner | null): Decision {
  const { actor } = ctx;
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'app') return deny('notAdmin');
  return firstDenial(
    () => requireEnabled(ctx),
    () => {
      if (owner !== null && actor.id === owner.id) return ALLOW;
      if (isGlobalAdmin(actor)) return ALLOW;
      return owner !== null && isUserAdmin(actor) && !owner.roles.includes('globalAdmin') ? ALLOW : deny('notAdmin');
    },
  );
}

/**
 * When a new user token may expire (docs/adr/0013): a caller who signed in with a token cannot make one
 * that outlives it, so a leaked token cannot extend itself. `presentedExpires` is the expiry of the
 * token the caller presented (null: the CLI or a session). Asking for nothing gets the default, cut
 * to the presented token's expiry.
 */
export function userTokenExpiry(requested: { expires: Instant; explicit: boolean }, presentedExpires: Instant | null): { decision: Decision; expires: Instant } {
  if (presentedExpires === null || requested.expires <= presentedExpires) return { decision: ALLOW, expires: requested.expires };
  if (!requested.explicit) return { decision: ALLOW, expires: presentedExpires };
  return { decision: deny('tokenOutlivesCredential'), expires: requested.expires };
}
