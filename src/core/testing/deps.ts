// Test-only implementations of the small ports: a clock the test sets, random UUIDs, and a password
// hasher that does no work. Never wire these outside tests (src/platform has the real ones).
// eslint-disable-next-line no-restricted-imports -- test helper: ids come from node:crypto as in production
import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator, PasswordHasher } from '../ports.js';
import type { Instant } from '../domain/model.js';

export const TEST_EPOCH: Instant = '2026-06-01T12:00:00.000Z';
const DAY_MS = 86_400_000;

/** A clock that stands still until the test moves it. */
export class SettableClock implements Clock {
  private current: number;

  constructor(start: Instant = TEST_EPOCH) {
    this.current = Date.parse(start);
  }

  now(): Instant {
    return new Date(this.current).toISOString();
  }

  set(at: Instant): void {
    this.current = Date.parse(at);
  }

  advanceDays(days: number): void {
    this.current += days * DAY_MS;
  }

  advanceMs(ms: number): void {
    this.current += ms;
  }
}

export const randomIds: IdGenerator = { newId: () => randomUUID() };

/**
 * Reversible and instant: fine for tests, where scrypt would only make them slow. Clearly not a hash.
 */
export const testPasswordHasher: PasswordHasher = {
  hash: async (password) => `test-plain:${password}`,
  verify: async (password, hash) => hash === `test-plain:${password}`,
};
