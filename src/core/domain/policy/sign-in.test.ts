import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_FAILURE_LIMIT, afterFailure, decideSignIn, isLocked, justLocked, PAIR_FAILURE_LIMIT, SIGN_IN_LOCK_MS, SIGN_IN_WINDOW_MS,
  type SignInFacts, type SignInThrottle,
} from './sign-in.js';

const NOW = '2026-06-01T12:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const locked: SignInThrottle = { failures: 5, windowStartedDateTime: at(-60_000), lockedUntilDateTime: at(60_000) };
const lockPassed: SignInThrottle = { failures: 5, windowStartedDateTime: at(-SIGN_IN_WINDOW_MS - 1), lockedUntilDateTime: at(-1) };
const good: SignInFacts = { userFound: true, accountEnabled: true, hasPassword: true, passwordMatches: true, pair: null, account: null, now: NOW };

describe('decideSignIn', () => {
  it.each<[string, Partial<SignInFacts>, ReturnType<typeof decideSignIn>]>([
    ['right password, enabled, no throttle', {}, { outcome: 'success' }],
    ['unknown user: not counted (no account to lock)', { userFound: false, passwordMatches: false }, { outcome: 'failure', failure: 'unknownUser', counts: false }],
    ['wrong password counts', { passwordMatches: false }, { outcome: 'failure', failure: 'badPassword', counts: true }],
    ['no local password counts', { hasPassword: false, passwordMatches: false }, { outcome: 'failure', failure: 'noPassword', counts: true }],
    ['disabled with the right password: refused, not counted', { accountEnabled: false }, { outcome: 'failure', failure: 'disabled', counts: false }],
    ['disabled with a wrong password: a wrong password', { accountEnabled: false, passwordMatches: false }, { outcome: 'failure', failure: 'badPassword', counts: true }],
    ['pair locked refuses the right password', { pair: locked }, { outcome: 'failure', failure: 'locked', counts: false }],
    ['account locked refuses the right password', { account: locked }, { outcome: 'failure', failure: 'locked', counts: false }],
    ['locked and wrong password: locked, not counted (no extension)', { pair: locked, passwordMatches: false }, { outcome: 'failure', failure: 'locked', counts: false }],
    ['a lock that has passed no longer refuses', { pair: lockPassed, account: lockPassed }, { outcome: 'success' }],
  ])('%s', (_name, facts, expected) => {
    expect(decideSignIn({ ...good, ...facts })).toEqual(expected);
  });
});

describe('afterFailure', () => {
  it('counts within the window and locks at the limit for 15 minutes', () => {
    let t: SignInThrottle | null = null;
    for (let i = 1; i < PAIR_FAILURE_LIMIT; i++) {
      t = afterFailure(t, at(i * 1000), PAIR_FAILURE_LIMIT);
      expect(t.failures).toBe(i);
      expect(isLocked(t, at(i * 1000))).toBe(false);
    }
    const before = t;
    t = afterFailure(t, at(10_000), PAIR_FAILURE_LIMIT);
    expect(t).toEqual({ failures: PAIR_FAILURE_LIMIT, windowStartedDateTime: at(1000), lockedUntilDateTime: at(10_000 + SIGN_IN_LOCK_MS) });
    expect(justLocked(before, t, at(10_000))).toBe(true);
    expect(isLocked(t, at(10_000 + SIGN_IN_LOCK_MS - 1))).toBe(true);
    expect(isLocked(t, at(10_000 + SIGN_IN_LOCK_MS))).toBe(false);
  });

  it('starts a new window once the old one has ended', () => {
    const t = afterFailure({ failures: 4, windowStartedDateTime: NOW, lockedUntilDateTime: null }, at(SIGN_IN_WINDOW_MS), PAIR_FAILURE_LIMIT);
    expect(t).toEqual({ failures: 1, windowStartedDateTime: at(SIGN_IN_WINDOW_MS), lockedUntilDateTime: null });
  });

  it('four failures then one after the window: not locked', () => {
    let t: SignInThrottle | null = null;
    for (let i = 0; i < 4; i++) t = afterFailure(t, at(i), PAIR_FAILURE_LIMIT);
    t = afterFailure(t, at(SIGN_IN_WINDOW_MS + 5), PAIR_FAILURE_LIMIT);
    expect(isLocked(t, at(SIGN_IN_WINDOW_MS + 5))).toBe(false);
  });

  it('the account-wide limit is higher than the pair limit', () => {
    expect(ACCOUNT_FAILURE_LIMIT).toBeGreaterThan(PAIR_FAILURE_LIMIT);
    let t: SignInThrottle | null = null;
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) t = afterFailure(t, at(i), ACCOUNT_FAILURE_LIMIT);
    expect(isLocked(t, at(100))).toBe(false);
    t = afterFailure(t, at(100), ACCOUNT_FAILURE_LIMIT);
    expect(isLocked(t, at(100))).toBe(true);
  });

  it('justLocked is false for a failure that finds the lock already there', () => {
    expect(justLocked(locked, locked, NOW)).toBe(false);
  });
});
