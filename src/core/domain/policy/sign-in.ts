// Who may sign in, and the lockout (docs/adr/0017, SECURITY #12): 5 failures for one account from one
// client within 15 minutes lock that pair for 15 minutes; 20 for the account from anywhere lock the
// account for everyone. A lock refuses the right password too; failures during a lock do not extend it,
// so an attacker cannot keep a victim out for ever by trying once every few minutes.
import type { Instant } from '../model.js';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_LOCK_MS = 15 * 60 * 1000;
export const PAIR_FAILURE_LIMIT = 5;
export const ACCOUNT_FAILURE_LIMIT = 20;

/** Failure counting for one account, from one client (clientKey = its IP) or from anywhere (ACCOUNT_WIDE). */
export interface SignInThrottle {
  readonly failures: number;
  readonly windowStartedDateTime: Instant;
  readonly lockedUntilDateTime: Instant | null;
}

export const ACCOUNT_WIDE = '*';

export type SignInFailure = 'unknownUser' | 'noPassword' | 'badPassword' | 'disabled' | 'locked';

export type SignInDecision =
  | { readonly outcome: 'success' }
  | { readonly outcome: 'failure'; readonly failure: SignInFailure; readonly counts: boolean };

export interface SignInFacts {
  readonly userFound: boolean;
  readonly accountEnabled: boolean;
  readonly hasPassword: boolean;
  readonly passwordMatches: boolean;
  readonly pair: SignInThrottle | null;
  readonly account: SignInThrottle | null;
  readonly now: Instant;
}

export function isLocked(t: SignInThrottle | null, now: Instant): boolean {
  return t?.lockedUntilDateTime != null && Date.parse(t.lockedUntilDateTime) > Date.parse(now);
}

/**
 * The sign-in decision. Every failure gets the same answer on the wire; the kind is for the audit log.
 * Only a wrong password against an unlocked account counts towards a lock (an unknown user has no
 * account to lock; a disabled one is refused anyway).
 */
export function decideSignIn(f: SignInFacts): SignInDecision {
  if (!f.userFound) return { outcome: 'failure', failure: 'unknownUser', counts: false };
  if (isLocked(f.pair, f.now) || isLocked(f.account, f.now)) return { outcome: 'failure', failure: 'locked', counts: false };
  if (!f.hasPassword) return { outcome: 'failure', failure: 'noPassword', counts: true };
  if (!f.passwordMatches) return { outcome: 'failure', failure: 'badPassword', counts: true };
  if (!f.accountEnabled) return { outcome: 'failure', failure: 'disabled', counts: false };
  return { outcome: 'success' };
}

/** The throttle after one more failure: a new window when the last one ended, a lock at the limit. */
export function afterFailure(t: SignInThrottle | null, now: Instant, limit: number): SignInThrottle {
  const at = Date.parse(now);
  const fresh = !t || at >= Date.parse(t.windowStartedDateTime) + SIGN_IN_WINDOW_MS;
  const failures = fresh ? 1 : t.failures + 1;
  const windowStartedDateTime = fresh ? now : t.windowStartedDateTime;
  const lockedUntilDateTime = failures >= limit ? new Date(at + SIGN_IN_LOCK_MS).toISOString() : (fresh ? null : t.lockedUntilDateTime);
  return { failures, windowStartedDateTime, lockedUntilDateTime };
}

/** True when this failure is the one that locked (for the audit log's `auth.lockout`). */
export function justLocked(before: SignInThrottle | null, after: SignInThrottle, now: Instant): boolean {
  return isLocked(after, now) && !isLocked(before, now);
}
