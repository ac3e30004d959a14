// SPEC §3.5: the join request state machine (pending → approved | denied | cancelled | expired), expiry,
// and durations (the approver may shorten, never lengthen).
import { describe, expect, it } from 'vitest';
import { JOIN_REQUEST_STATUSES } from './model.js';
import { addDays, approvedDurationDays, daysBetween, effectiveStatus, isEndingStatus, requestExpiry, transition, type RequestEvent } from './join-request.js';

const EVENTS: RequestEvent[] = ['approve', 'deny', 'cancel', 'expire'];
const T = '2026-06-01T12:00:00.000Z';

describe('§3.5 transitions: only pending moves; every other state is an ending state', () => {
  const target = { approve: 'approved', deny: 'denied', cancel: 'cancelled', expire: 'expired' } as const;
  const ended = { approved: 'requestAlreadyDecided', denied: 'requestAlreadyDecided', cancelled: 'requestNotPending', expired: 'requestExpired' } as const;
  const rows = JOIN_REQUEST_STATUSES.flatMap((status) => EVENTS.map((event) => [status, event] as const));
  it.each(rows)('%s + %s', (status, event) => {
    const t = transition(status, event);
    if (status === 'pending') expect(t).toEqual({ ok: true, to: target[event] });
    else expect(t).toEqual({ ok: false, reason: ended[status] });
    expect(isEndingStatus(status)).toBe(status !== 'pending');
  });

  it('§3.5 the first decision wins: approve then deny (or approve again) is a conflict', () => {
    const first = transition('pending', 'approve');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(transition(first.to, 'deny')).toEqual({ ok: false, reason: 'requestAlreadyDecided' });
    expect(transition(first.to, 'approve')).toEqual({ ok: false, reason: 'requestAlreadyDecided' });
  });
});

describe('§3.5 expiry', () => {
  it('a new request expires after the tenant\'s number of days', () => {
    expect(requestExpiry(T, 14)).toBe('2026-06-15T12:00:00.000Z');
    expect(addDays(T, -1)).toBe('2026-05-31T12:00:00.000Z');
    expect(daysBetween(T, '2026-06-15T12:00:00.000Z')).toBe(14);
  });
  it.each([
    ['pending', '2026-06-15T11:59:59.999Z', 'pending'], ['pending', '2026-06-15T12:00:00.000Z', 'expired'], ['pending', '2027-01-01T00:00:00.000Z', 'expired'],
    ['approved', '2027-01-01T00:00:00.000Z', 'approved'], ['cancelled', '2027-01-01T00:00:00.000Z', 'cancelled'],
  ] as const)('effectiveStatus(%s, at %s) = %s', (status, now, expected) => {
    expect(effectiveStatus({ status, expiresDateTime: '2026-06-15T12:00:00.000Z' }, now)).toBe(expected);
  });
});

describe('§3.5 durations: the approver may shorten, not lengthen', () => {
  it.each([
    [null, undefined, null, 'permanent request, approver says nothing → permanent'],
    [null, null, null, 'permanent request, approver says null → permanent'],
    [null, 30, 30, 'permanent request, approver makes it time-bound → 30'],
    [30, undefined, 30, 'asked 30, approver says nothing → 30'],
    [30, 10, 10, 'asked 30, approver shortens to 10 → 10'],
    [30, 30, 30, 'asked 30, approver keeps 30 → 30'],
  ] as const)('requested %s, approver %s → %s (%s)', (requested, approver, expected, _why) => {
    expect(approvedDurationDays(requested, approver)).toBe(expected);
  });
  it.each([
    [30, 31, 'lengthening'], [30, 0, 'zero days'], [null, -1, 'negative'], [30, 2.5, 'fractional'],
  ] as const)('requested %s, approver %s → durationNotAllowed (%s)', (requested, approver, _why) => {
    expect(() => approvedDurationDays(requested, approver)).toThrow(expect.objectContaining({ reason: 'durationNotAllowed', category: 'invalid' }));
  });
});
