// What one interface's run changed in the database, in a form two runs can be compared in: the rows
// added and removed per table (the authorization table's snapshot of the domain tables, plus the
// audit log and the outbox), with every id of the run's fixture replaced by its label, generated ids
// and times by placeholders, and "who acted" checked against the interface's actor, then hidden.
import type { Storage } from '../../src/storage/open-storage.js';
import { snapshot, SNAPSHOT_TABLES } from '../authz/world.js';

/** The domain tables, and the two a change writes beside them in the same transaction (ADR 0005). */
export const PARITY_TABLES = [...SNAPSHOT_TABLES, 'audit_events', 'outbox'] as const;

/** Bookkeeping that differs between any two runs by construction: the audit chain's links and the wire request id. */
const DROPPED_COLUMNS = new Set(['position', 'seq', 'prev_hash', 'hash', 'request_id']);

/** Who acted. The CLI is the system principal (recorded as null / `system`); REST and the portal are the administrator. */
export interface ActorOfRun {
  /** created_by, createdBy, actor_id: the user's id, or null for the system principal. */
  id: string | null;
  actorType: 'user' | 'system' | 'app';
  channel: string;
}
const ACTOR_ID_KEYS = new Set(['created_by', 'createdBy', 'actor_id']);

export type Snapshot = Record<string, string[]>;
export type Changes = Record<string, { added: string[]; removed: string[] }>;

export function capture(storage: Storage): Promise<Snapshot> {
  return snapshot(storage, PARITY_TABLES);
}

export interface Normaliser {
  /** Fixture ids (and other exact strings, e.g. the run's tag) → labels such as `<app:crm>`. */
  labels: ReadonlyMap<string, string>;
  actor: ActorOfRun;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;

function normaliseText(text: string, n: Normaliser): string {
  let out = text;
  // Longest first, so a tag inside a name never splits a longer label's match.
  for (const [raw, label] of [...n.labels].sort((a, b) => b[0].length - a[0].length)) out = out.split(raw).join(label);
  return out.replace(UUID, '<id>').replace(ISO_TIME, '<time>');
}

/** Replaces fixture ids with labels throughout a value (JSON held in text columns included). */
export function normalise(value: unknown, n: Normaliser, key = ''): unknown {
  // Who acted is the interface's actor (checked here, not ignored): any other actor keeps its label or raw value and shows in the comparison.
  if (ACTOR_ID_KEYS.has(key) && value === n.actor.id) return '<actor>';
  if (key === 'actor_type' && value === n.actor.actorType) return '<actor type>';
  if (key === 'channel' && value === n.actor.channel) return '<channel>';
  if (typeof value === 'string') {
    if (/^[[{]/.test(value)) {
      try {
        return JSON.stringify(normalise(JSON.parse(value), n));
      } catch {
        // Not JSON after all: a plain string.
      }
    }
    return normaliseText(value, n);
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, n));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!DROPPED_COLUMNS.has(k)) out[k] = normalise(v, n, k);
    return out;
  }
  return value;
}

function reduced(row: string): string {
  const parsed = JSON.parse(row) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(parsed).filter(([k]) => !DROPPED_COLUMNS.has(k))));
}

/** Rows added and removed per table, normalised and sorted (tables without changes are left out). */
export function changesBetween(before: Snapshot, after: Snapshot, n: Normaliser): Changes {
  const out: Changes = {};
  for (const table of Object.keys(after)) {
    // Compared without the dropped columns, so a row the audit sealer links meanwhile is not a change.
    const was = new Set((before[table] ?? []).map(reduced));
    const now = new Set((after[table] ?? []).map(reduced));
    const norm = (rows: string[]) => rows.map((r) => JSON.stringify(normalise(JSON.parse(r), n))).sort();
    const added = norm([...now].filter((r) => !was.has(r)));
    const removed = norm([...was].filter((r) => !now.has(r)));
    if (added.length > 0 || removed.length > 0) out[table] = { added, removed };
  }
  return out;
}

/** The audit events a run added, parsed (for the refusal checks). */
export function auditAdded(changes: Changes): Record<string, unknown>[] {
  return (changes['audit_events']?.added ?? []).map((r) => JSON.parse(r) as Record<string, unknown>);
}

/** Everything but the audit log: a refusal must leave all of it as it was. */
export function withoutAudit(changes: Changes): Changes {
  return Object.fromEntries(Object.entries(changes).filter(([table]) => table !== 'audit_events'));
}

/** The changes with the audit events' target left out, for an interface declared to name another target. */
export function withoutAuditTarget(changes: Changes): Changes {
  const audit = changes['audit_events'];
  if (!audit) return changes;
  const strip = (rows: string[]) => rows.map((r) => {
    const { target_type: _type, target_id: _id, ...rest } = JSON.parse(r) as Record<string, unknown>;
    return JSON.stringify(rest);
  });
  return { ...changes, audit_events: { added: strip(audit.added), removed: strip(audit.removed) } };
}
