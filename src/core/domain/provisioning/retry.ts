// When a failed push is tried again (docs/adr/0020): exponential backoff from 2 s doubling to 10 min
// with full jitter, a later Retry-After honoured, and no retry for a 4xx the target will refuse again.

/** How a push failed, as the SCIM client classifies it. */
export const PUSH_ERROR_KINDS = ['network', 'server', 'throttled', 'conflict', 'client'] as const;
export type PushErrorKind = (typeof PUSH_ERROR_KINDS)[number];

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 600_000;
/** A Retry-After longer than this is treated as this: a target cannot park an app for days. */
export const RETRY_AFTER_CAP_MS = 3_600_000;
/** Consecutive failed attempts of an app's jobs after which the app is quarantined. */
export const QUARANTINE_AFTER_FAILURES = 10;

export type NextAttempt =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false };

/**
 * `attempts`: failed attempts of this job so far, this one included (≥ 1). `random` in [0, 1).
 * Network errors, 5xx, 429 and 409 (the lookup is re-run) are retried; any other 4xx is not.
 */
export function nextAttempt(attempts: number, kind: PushErrorKind, retryAfterMs: number | null, random: number): NextAttempt {
  if (kind === 'client') return { retry: false };
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  const jittered = Math.floor(Math.min(Math.max(random, 0), 1) * ceiling);
  const floor = retryAfterMs === null ? 0 : Math.min(Math.max(retryAfterMs, 0), RETRY_AFTER_CAP_MS);
  return { retry: true, delayMs: Math.max(jittered, floor) };
}

export function shouldQuarantine(consecutiveFailures: number): boolean {
  return consecutiveFailures >= QUARANTINE_AFTER_FAILURES;
}

/** RFC 9110 Retry-After: delay-seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | null {
  if (header === null || header === undefined) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** Which error kind an HTTP status is (null: success). */
export function classifyStatus(status: number): PushErrorKind | null {
  if (status < 400) return null;
  if (status === 429) return 'throttled';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  return 'client';
}
