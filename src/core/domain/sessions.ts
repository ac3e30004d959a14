// Portal sessions (docs/adr/0017): server-side rows; the cookie carries <tenantId>.<sessionId>.<secret>
// and storage keeps only SHA-256 of the secret. Idle 1 h (sliding, written at most once a minute),
// absolute 12 h from sign-in.
import type { Instant, TenantId, UserId } from './model.js';

export type SignInMethod = 'password' | 'oidc';

export interface Session {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly userId: UserId;
  /** SHA-256 (hex) of the cookie's secret part. */
  readonly secretHash: string;
  readonly method: SignInMethod;
  readonly createdDateTime: Instant;
  readonly lastSeenDateTime: Instant;
  /** The absolute end: sign-in + 12 h. */
  readonly expiresDateTime: Instant;
  readonly revokedDateTime: Instant | null;
}

export const SESSION_IDLE_MS = 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last-seen is written at most this often, so a busy page is not one write per request. */
export const SESSION_TOUCH_MS = 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function formatSessionCookie(tenantId: TenantId, sessionId: string, secret: string): string {
  return `${tenantId}.${sessionId}.${secret}`;
}

/** The parts of a well-formed cookie value, or null: nothing malformed reaches storage. */
export function parseSessionCookie(value: string): { tenantId: TenantId; sessionId: string; secret: string } | null {
  if (value.length > 200) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [tenantId, sessionId, secret] = parts as [string, string, string];
  if (!UUID.test(tenantId) || !UUID.test(sessionId) || !SECRET.test(secret)) return null;
  return { tenantId, sessionId, secret };
}

export type SessionState = 'active' | 'revoked' | 'idle' | 'expired';

export function sessionState(session: Session, now: Instant): SessionState {
  const t = Date.parse(now);
  if (session.revokedDateTime !== null) return 'revoked';
  if (t >= Date.parse(session.expiresDateTime)) return 'expired';
  if (t >= Date.parse(session.lastSeenDateTime) + SESSION_IDLE_MS) return 'idle';
  return 'active';
}

/** Whether this request should move last-seen forward (at most once a minute). */
export function sessionNeedsTouch(session: Session, now: Instant): boolean {
  return Date.parse(now) - Date.parse(session.lastSeenDateTime) >= SESSION_TOUCH_MS;
}

/** When the session ends if nothing else happens: the idle end or the absolute end, whichever is first. */
export function sessionEndsAt(session: Session, lastSeen: Instant): Instant {
  return new Date(Math.min(Date.parse(lastSeen) + SESSION_IDLE_MS, Date.parse(session.expiresDateTime))).toISOString();
}

export function absoluteEnd(createdAt: Instant): Instant {
  return new Date(Date.parse(createdAt) + SESSION_ABSOLUTE_MS).toISOString();
}
