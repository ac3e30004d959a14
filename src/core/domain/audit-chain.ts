// The audit log's hash chain (SPEC §3.14, SECURITY §4 "Nothing lost"; docs/adr/0016). Each tenant's
// events are sealed in commit order: event n gets seq n, the previous event's hash, and
//   hash = SHA-256(prevHash ‖ canonical JSON of the event's fields and seq).
// A changed field, a deleted or inserted row, or rows put in another order no longer verify.

import { sha256Hex } from './sha256.js';

/** The hash before the first event of a tenant. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the chain covers: every recorded field of an event (not its storage position). */
export interface AuditFacts {
  readonly tenantId: string;
  readonly id: string;
  readonly occurredAt: string;
  readonly action: string;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly channel: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly outcome: string;
  readonly reason: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
}

/** Where a chain stands: the last sealed seq (0 before the first) and its hash. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export interface ChainLink {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export type SealedFacts = AuditFacts & ChainLink;

export const EMPTY_CHAIN: ChainHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/** JSON with object keys sorted at every depth and no whitespace: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && typeof v !== 'function')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return 'null';
}

/** The canonical text of an event at a seq (version 1 of the form). */
export function canonicalAuditEvent(e: AuditFacts, seq: number): string {
  return canonicalJson({
    v: 1, seq, tenantId: e.tenantId, id: e.id, occurredAt: e.occurredAt, action: e.action,
    actorType: e.actorType, actorId: e.actorId, channel: e.channel, targetType: e.targetType, targetId: e.targetId,
    outcome: e.outcome, reason: e.reason, before: e.before ?? null, after: e.after ?? null, requestId: e.requestId,
  });
}

export function chainHash(prevHash: string, e: AuditFacts, seq: number): string {
  return sha256Hex(prevHash + canonicalAuditEvent(e, seq));
}

/** The link that seals `e` right after `head`. */
export function nextLink(head: ChainHead, e: AuditFacts): ChainLink {
  const seq = head.seq + 1;
  return { seq, prevHash: head.hash, hash: chainHash(head.hash, e, seq) };
}

export type ChainProblem = 'gap' | 'outOfOrder' | 'prevHashMismatch' | 'hashMismatch';

export type ChainVerdict =
  | { readonly ok: true; readonly head: ChainHead; readonly checked: number }
  | { readonly ok: false; readonly seq: number; readonly problem: ChainProblem; readonly message: string; readonly checked: number };

const MESSAGES: Record<ChainProblem, (seq: number) => string> = {
  gap: (seq) => `seq ${seq} is missing: the chain has a gap (an event was deleted).`,
  outOfOrder: (seq) => `seq ${seq} is out of order (events were reordered or renumbered).`,
  prevHashMismatch: (seq) => `seq ${seq} does not link to the event before it (an event before it was removed, inserted or re-hashed).`,
  hashMismatch: (seq) => `seq ${seq} does not match its hash (the event was changed after it was sealed).`,
};

const broken = (seq: number, problem: ChainProblem, checked: number): ChainVerdict =>
  ({ ok: false, seq, problem, message: MESSAGES[problem](seq), checked });

/**
 * Checks a run of sealed events given in seq order, continuing from `from` (the head before the
 * run; EMPTY_CHAIN for the start), so a long log can be verified page by page. Names the first bad seq.
 */
export function verifyChain(events: readonly SealedFacts[], from: ChainHead = EMPTY_CHAIN): ChainVerdict {
  let head = from;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as SealedFacts;
    const expected = head.seq + 1;
    if (e.seq !== expected) {
      const later = events.slice(i + 1).some((x) => x.seq === expected);
      return broken(expected, later || e.seq < expected ? 'outOfOrder' : 'gap', i);
    }
    if (e.prevHash !== head.hash) return broken(e.seq, 'prevHashMismatch', i);
    if (chainHash(head.hash, e, e.seq) !== e.hash) return broken(e.seq, 'hashMismatch', i);
    head = { seq: e.seq, hash: e.hash };
  }
  return { ok: true, head, checked: events.length };
}
