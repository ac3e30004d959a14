// The join request state machine (SPEC §3.5): pending → approved | denied | cancelled | expired.
// Every state but pending is an ending state; a second transition is a conflict.
import { DomainError, type ReasonCode } from './errors.js';
import type { Instant, JoinRequest, JoinRequestStatus } from './model.js';

export type RequestEvent = 'approve' | 'deny' | 'cancel' | 'expire';

const TARGET: Record<RequestEvent, Exclude<JoinRequestStatus, 'pending'>> = {
  approve: 'approved', deny: 'denied', cancel: 'cancelled', expire: 'expired',
};

const ENDED: Record<Exclude<JoinRequestStatus, 'pending'>, ReasonCode> = {
  approved: 'requestAlreadyDecided',
  denied: 'requestAlreadyDecided',
  cancelled: 'requestNotPending',
  expired: 'requestExpired',
};

export function isEndingStatus(status: JoinRequestStatus): boolean {
  return status !== 'pending';
}

/** A pending request past its expiry is expired, whether or not a sweep has recorded it yet. */
export function effectiveStatus(request: Pick<JoinRequest, 'status' | 'expiresDateTime'>, now: Instant): JoinRequestStatus {
  return request.status === 'pending' && now >= request.expiresDateTime ? 'expired' : request.status;
}

export type Transition = { ok: true; to: Exclude<JoinRequestStatus, 'pending'> } | { ok: false; reason: ReasonCode };

export function transition(status: JoinRequestStatus, event: RequestEvent): Transition {
  if (status !== 'pending') return { ok: false, reason: ENDED[status] };
  return { ok: true, to: TARGET[event] };
}

const DAY_MS = 86_400_000;

export function addDays(at: Instant, days: number): Instant {
  return new Date(Date.parse(at) + days * DAY_MS).toISOString();
}

export function daysBetween(from: Instant, to: Instant): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/** The expiry of a new pending request. */
export function requestExpiry(createdAt: Instant, expiryDays: number): Instant {
  return addDays(createdAt, expiryDays);
}

/**
 * The length of the membership an approval creates: the approver may shorten the asked-for duration
 * (or make a permanent request time-bound) but never lengthen it.
 */
export function approvedDurationDays(requested: number | null, approverDays: number | null | undefined): number | null {
  if (approverDays === undefined || approverDays === null) return requested;
  if (!Number.isInteger(approverDays) || approverDays < 1) throw new DomainError('durationNotAllowed');
  if (requested !== null && approverDays > requested) throw new DomainError('durationNotAllowed', 'An approver may shorten the requested duration, not lengthen it.');
  return approverDays;
}
