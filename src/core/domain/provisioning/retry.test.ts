import { describe, expect, it } from 'vitest';
import { classifyStatus, nextAttempt, parseRetryAfter, shouldQuarantine, type PushErrorKind } from './retry.js';

describe('nextAttempt', () => {
  const cases: Array<[string, number, PushErrorKind, number | null, number, ReturnType<typeof nextAttempt>]> = [
    ['first failure, top of the jitter range', 1, 'network', null, 0.999999, { retry: true, delayMs: 1999 }],
    ['first failure, bottom of the jitter range', 1, 'server', null, 0, { retry: true, delayMs: 0 }],
    ['doubles: third failure under 8 s', 3, 'server', null, 0.5, { retry: true, delayMs: 4000 }],
    ['capped at 10 minutes', 20, 'network', null, 0.999999, { retry: true, delayMs: 599_999 }],
    ['huge attempt counts stay capped', 10_000, 'network', null, 0.5, { retry: true, delayMs: 300_000 }],
    ['429 honours a later Retry-After', 1, 'throttled', 30_000, 0.5, { retry: true, delayMs: 30_000 }],
    ['Retry-After earlier than the backoff: the backoff wins', 5, 'throttled', 1000, 0.5, { retry: true, delayMs: 16_000 }],
    ['Retry-After capped at an hour', 1, 'throttled', 86_400_000, 0, { retry: true, delayMs: 3_600_000 }],
    ['409 is retried (the lookup runs again)', 1, 'conflict', null, 0.5, { retry: true, delayMs: 1000 }],
    ['other 4xx: no retry', 1, 'client', null, 0.5, { retry: false }],
    ['other 4xx ignores Retry-After', 1, 'client', 5000, 0.5, { retry: false }],
  ];
  it.each(cases)('%s', (_name, attempts, kind, retryAfter, random, expected) => {
    expect(nextAttempt(attempts, kind, retryAfter, random)).toEqual(expected);
  });
});

describe('shouldQuarantine', () => {
  it.each([[0, false], [9, false], [10, true], [11, true]])('%i failures → %s', (n, expected) => {
    expect(shouldQuarantine(n)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:01:00 GMT', 60_000],
    ['Wed, 31 Dec 2025 00:00:00 GMT', 0],
    ['soon', null],
    [null, null],
    ['-5', null],
  ])('%s → %s', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('classifyStatus', () => {
  it.each([[200, null], [204, null], [400, 'client'], [401, 'client'], [404, 'client'], [409, 'conflict'], [429, 'throttled'], [500, 'server'], [503, 'server']] as const)(
    '%i → %s', (status, expected) => expect(classifyStatus(status)).toBe(expected),
  );
});
