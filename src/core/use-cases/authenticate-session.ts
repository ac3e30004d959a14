// Session cookie → the caller, on every portal request (docs/adr/0017): the secret matches, the session
// is neither revoked nor idle for an hour nor older than 12 hours, and the user still exists and is
// enabled — a disabled or deleted user's session is revoked on sight (SECURITY #11). Last-seen moves
// at most once a minute. Every failure is the same invalidToken, not audited (the cookie is the
// caller's choice).
import { DomainError } from '../domain/errors.js';
import type { Channel } from '../domain/model.js';
import { parseSessionCookie, sessionEndsAt, sessionNeedsTouch, sessionState } from '../domain/sessions.js';
import type { Caller, CoreDeps } from '../ports.js';
import { secretsOf } from './support/credentials.js';
import { sessionUser, type SessionUser } from './support/sessions.js';

export interface SessionInfo {
  caller: Caller;
  sessionId: string;
  expiresDateTime: string;
  user: SessionUser;
  tenant: { id: string; name: string };
}

export async function authenticateSession(
  deps: CoreDeps, input: { cookie: string; channel: Channel; requestId?: string | undefined },
): Promise<SessionInfo> {
  const parsed = parseSessionCookie(input.cookie);
  if (!parsed) throw new DomainError('invalidToken');
  const tenant = await deps.uow.tenants.get(parsed.tenantId);
  if (!tenant) throw new DomainError('invalidToken');
  const secrets = secretsOf(deps);
  const info = await deps.uow.transaction(tenant.id, async (scope): Promise<SessionInfo | null> => {
    const now = deps.clock.now();
    const session = await scope.sessions.get(parsed.sessionId);
    if (!session || !secrets.sameDigest(session.secretHash, secrets.digest(parsed.secret))) return null;
    if (sessionState(session, now) !== 'active') return null;
    const user = await scope.users.get(session.userId);
    if (!user || !user.accountEnabled) {
      await scope.sessions.revoke(session.id, now);
      return null;
    }
    const touch = sessionNeedsTouch(session, now);
    if (touch) await scope.sessions.touch(session.id, now);
    return {
      caller: { tenantId: tenant.id, principal: { type: 'user', userId: user.id }, channel: input.channel, requestId: input.requestId },
      sessionId: session.id,
      expiresDateTime: sessionEndsAt(session, touch ? now : session.lastSeenDateTime),
      user: sessionUser(user),
      tenant: { id: tenant.id, name: tenant.name },
    };
  });
  if (!info) throw new DomainError('invalidToken');
  return info;
}
