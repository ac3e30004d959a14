// What to send a SCIM target (docs/adr/0020): for one user, from what is desired (scope + mapping), what
// Roster recorded, and — when known — what the target holds; for a whole app (reconciliation), from the
// desired users, the records and the target's users; for a group, its members. Pure: no I/O.
import type { DeprovisionMode } from '../apps.js';
import type { ScimUserResource } from './mapping.js';

/** What Roster recorded as provisioned (provisioned_objects). */
export interface RecordedObject {
  readonly localId: string;
  readonly remoteId: string | null;
  readonly active: boolean;
  readonly attributesHash: string | null;
}

/** A user as the target holds it. */
export interface RemoteUser {
  readonly id: string;
  readonly userName: string;
  readonly externalId: string | null;
  readonly active: boolean;
  readonly resource: Record<string, unknown>;
}

export interface DesiredUser {
  readonly localId: string;
  readonly resource: ScimUserResource;
  readonly hash: string;
}

export type UserOperation =
  | { readonly op: 'create'; readonly localId: string; readonly resource: ScimUserResource; readonly hash: string }
  | { readonly op: 'adopt'; readonly localId: string; readonly remoteId: string; readonly hash: string }
  | { readonly op: 'update'; readonly localId: string; readonly remoteId: string; readonly resource: ScimUserResource; readonly hash: string }
  | { readonly op: 'deactivate'; readonly localId: string; readonly remoteId: string }
  | { readonly op: 'delete'; readonly localId: string; readonly remoteId: string }
  /** The record points at nothing the target holds any more: drop it. */
  | { readonly op: 'forget'; readonly localId: string };

/** For one user: `remote` undefined = not looked up yet (the caller looks it up and asks again). */
export type UserStep = { readonly lookup: true } | { readonly lookup: false; readonly operations: UserOperation[] };

export function planUser(
  desired: DesiredUser | null, recorded: RecordedObject | null, remote: RemoteUser | null | undefined, mode: DeprovisionMode,
): UserStep {
  if (desired) {
    const remoteId = recorded?.remoteId ?? null;
    if (remoteId !== null) {
      if (recorded?.active && recorded.attributesHash === desired.hash) return done([]);
      return done([{ op: 'update', localId: desired.localId, remoteId, resource: desired.resource, hash: desired.hash }]);
    }
    if (remote === undefined) return { lookup: true };
    if (remote === null) return done([{ op: 'create', localId: desired.localId, resource: desired.resource, hash: desired.hash }]);
    const adopt: UserOperation = { op: 'adopt', localId: desired.localId, remoteId: remote.id, hash: desired.hash };
    if (holdsDesired(remote, desired)) return done([adopt]);
    return done([adopt, { op: 'update', localId: desired.localId, remoteId: remote.id, resource: desired.resource, hash: desired.hash }]);
  }
  if (!recorded) return done([]);
  if (recorded.remoteId === null) return done([{ op: 'forget', localId: recorded.localId }]);
  return done(deprovision(recorded.localId, recorded.remoteId, recorded.active, mode));
}

function done(operations: UserOperation[]): UserStep {
  return { lookup: false, operations };
}

function deprovision(localId: string, remoteId: string, active: boolean, mode: DeprovisionMode): UserOperation[] {
  const ops: UserOperation[] = [];
  if (active && mode !== 'delete') ops.push({ op: 'deactivate', localId, remoteId });
  if (mode !== 'disable') ops.push({ op: 'delete', localId, remoteId });
  return ops;
}

/** The target's account already says what Roster would send (userName compared case-insensitively, as SCIM does). */
export function holdsDesired(remote: RemoteUser, desired: DesiredUser): boolean {
  if (remote.active !== desired.resource.active) return false;
  return contains({ ...remote.resource, userName: remote.userName.toLowerCase() }, { ...desired.resource, userName: desired.resource.userName.toLowerCase() });
}

/**
 * True when every value of `wanted` is present in `actual`: objects key by key, arrays element by
 * element (each wanted element contained in some actual one), strings and booleans equal. The target
 * may add attributes of its own (meta, ids, extra e-mails) without counting as a difference.
 */
export function contains(actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual)) return false;
    return wanted.every((w) => actual.some((a) => contains(a, w)));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(wanted).every(([k, v]) => k === 'schemas' || contains((actual as Record<string, unknown>)[k], v));
  }
  return actual === wanted;
}

/**
 * Reconciliation of one app: every desired user matched to the target by its record, then by
 * userName (case-insensitive) or externalId; recorded users no longer desired are deprovisioned if the
 * target still holds them, forgotten if not. Accounts Roster never provisioned are left alone.
 */
export function reconcileUsers(
  desired: readonly DesiredUser[], recorded: readonly RecordedObject[], actual: readonly RemoteUser[], mode: DeprovisionMode,
): UserOperation[] {
  const byId = new Map(actual.map((u) => [u.id, u]));
  const byUserName = new Map(actual.map((u) => [u.userName.toLowerCase(), u]));
  const byExternalId = new Map(actual.filter((u) => u.externalId !== null).map((u) => [u.externalId as string, u]));
  const records = new Map(recorded.map((r) => [r.localId, r]));
  const claimed = new Set<string>();
  const ops: UserOperation[] = [];
  for (const want of desired) {
    const record = records.get(want.localId);
    let remote = record?.remoteId ? byId.get(record.remoteId) : undefined;
    const adopted = remote === undefined;
    remote ??= byUserName.get(want.resource.userName.toLowerCase()) ?? byExternalId.get(String(want.resource.externalId ?? '')) ?? undefined;
    if (remote && claimed.has(remote.id)) remote = undefined;
    if (!remote) {
      ops.push({ op: 'create', localId: want.localId, resource: want.resource, hash: want.hash });
      continue;
    }
    claimed.add(remote.id);
    if (adopted) ops.push({ op: 'adopt', localId: want.localId, remoteId: remote.id, hash: want.hash });
    const same = holdsDesired(remote, want);
    if (!same) ops.push({ op: 'update', localId: want.localId, remoteId: remote.id, resource: want.resource, hash: want.hash });
    else if (!adopted && (record?.attributesHash !== want.hash || !record.active)) ops.push({ op: 'adopt', localId: want.localId, remoteId: remote.id, hash: want.hash });
  }
  const wanted = new Set(desired.map((d) => d.localId));
  for (const record of recorded) {
    if (wanted.has(record.localId)) continue;
    const remote = record.remoteId ? byId.get(record.remoteId) : undefined;
    if (!remote) {
      ops.push({ op: 'forget', localId: record.localId });
      continue;
    }
    if (claimed.has(remote.id)) continue;
    ops.push(...deprovision(record.localId, remote.id, remote.active, mode));
  }
  return ops;
}

/** The member PATCHes that make a target group's members (remote user ids) the desired ones. */
export function diffMembers(desired: Iterable<string>, actual: Iterable<string>): { add: string[]; remove: string[] } {
  const want = new Set(desired);
  const have = new Set(actual);
  return {
    add: [...want].filter((id) => !have.has(id)).sort(),
    remove: [...have].filter((id) => !want.has(id)).sort(),
  };
}
