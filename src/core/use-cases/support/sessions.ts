// Shared by the sign-in use cases: opening a session (fresh id and secret, hashed at rest), the view
// the portal gets, and the audit records of sign-in events (never a password or a secret).
import type { DirectoryRole, Tenant, User } from '../../domain/model.js';
import { absoluteEnd, formatSessionCookie, sessionEndsAt, type Session, type SignInMethod } from '../../domain/sessions.js';
import type { CoreDeps, TenantScope } from '../../ports.js';
import { secretsOf } from './credentials.js';

/** The audit channel of sign-in events: the portal's own front door. */
export const SIGN_IN_CHANNEL = 'myGroups';

export interface SessionUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  roles: DirectoryRole[];
}

/** A signed-in session as the portal sees it; `cookie` is the value of the session cookie. */
export interface SignedIn {
  cookie: string;
  sessionId: string;
  expiresDateTime: string;
  user: SessionUser;
  tenant: { id: string; name: string };
}

export const sessionUser = (u: User): SessionUser => ({ id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, roles: [...u.roles] });

/** Inserts a new session (a fresh id at every sign-in: no fixation) and audits the sign-in. */
export async function openSession(
  deps: CoreDeps, scope: TenantScope, tenant: Tenant, user: User, method: SignInMethod, detail: { clientKey: string; requestId?: string | undefined },
): Promise<SignedIn> {
  const now = deps.clock.now();
  const secrets = secretsOf(deps);
  const secret = secrets.newSecret();
  const session: Session = {
    tenantId: tenant.id, id: deps.ids.newId(), userId: user.id, secretHash: secrets.digest(secret), method,
    createdDateTime: now, lastSeenDateTime: now, expiresDateTime: absoluteEnd(now), revokedDateTime: null,
  };
  await scope.sessions.insert(session);
  await auditSignIn(scope, deps, {
    action: 'auth.signIn', userId: user.id, outcome: 'success', requestId: detail.requestId,
    after: { method, client: detail.clientKey, sessionId: session.id },
  });
  return {
    cookie: formatSessionCookie(tenant.id, session.id, secret), sessionId: session.id, expiresDateTime: sessionEndsAt(session, now),
    user: sessionUser(user), tenant: { id: tenant.id, name: tenant.name },
  };
}

export interface SignInAuditRecord {
  action: 'auth.signIn' | 'auth.lockout' | 'auth.signOut';
  userId: string | null;
  outcome: 'success' | 'denied';
  requestId?: string | undefined;
  after: Record<string, unknown>;
}

export async function auditSignIn(scope: TenantScope, deps: CoreDeps, r: SignInAuditRecord): Promise<void> {
  await scope.audit.append({
    action: r.action, actorType: r.userId ? 'user' : 'system', actorId: r.userId, channel: SIGN_IN_CHANNEL,
    targetType: 'user', targetId: r.userId, outcome: r.outcome, reason: r.outcome === 'denied' ? 'invalidCredentials' : null,
    before: null, after: r.after, requestId: r.requestId ?? null, occurredAt: deps.clock.now(),
  });
}

const dummyHashes = new WeakMap<object, Promise<string>>();

/**
 * A real hash (same cost as stored ones) to verify against when there is no user or no password, so an
 * unknown sign-in name takes as long as a wrong password (no enumeration by timing).
 */
export function dummyHash(deps: CoreDeps): Promise<string> {
  let h = dummyHashes.get(deps.passwords);
  if (!h) {
    h = deps.passwords.hash('roster-dummy-password-for-timing');
    dummyHashes.set(deps.passwords, h);
  }
  return h;
}
