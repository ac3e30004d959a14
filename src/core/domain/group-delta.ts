// GET /groups/delta (FIDELITY "Delta"; ADR 0015): where a delta round stands, and the pure rules that
// turn change-feed rows into what one caller may learn. The state is opaque to clients: the HTTP
// adapter signs it into $skiptoken / $deltatoken.
import type { GroupId, Instant, MemberType } from './model.js';
import type { MemberListVisibility } from './policy/visibility.js';

/** How long the change feed keeps rows, and so how old a delta token may be before a full resync. */
export const CHANGE_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * A point of the change feed: every change is either visible at it (committed before it) or not. A
 * change is visible when its position is below `before` and not among `inFlight` (transactions still
 * running then). On SQLite `inFlight` is always empty.
 */
export interface FeedSnapshot {
  readonly before: number;
  readonly inFlight: readonly number[];
}

export interface DeltaCursorKey {
  readonly position: number;
  readonly groupId: GroupId;
  readonly memberId: string;
}

export type DeltaState =
  /** The first round: every live group by id (and its members), as of `horizon`. */
  | {
    readonly phase: 'initial';
    readonly snapshot: FeedSnapshot;
    readonly issuedAt: Instant;
    readonly afterGroup: GroupId | null;
    /** A group whose members did not fit on the last page: continue it after this member. */
    readonly partial: { readonly groupId: GroupId; readonly afterMember: string } | null;
  }
  /** A later round: the changes visible at `until` that were not visible at `since`. */
  | {
    readonly phase: 'changes';
    readonly since: FeedSnapshot;
    readonly until: FeedSnapshot;
    readonly issuedAt: Instant;
    /** When `until` was taken: the next round's issuedAt. */
    readonly toAt: Instant;
    readonly after: DeltaCursorKey | null;
  }
  /** A deltaLink: the next round has what was not visible at `since`. */
  | { readonly phase: 'caughtUp'; readonly since: FeedSnapshot; readonly issuedAt: Instant };

/** A state older than the change feed's retention can no longer be continued: the client starts over. */
export function isDeltaStateExpired(state: DeltaState, now: Instant): boolean {
  return Date.parse(now) - Date.parse(state.issuedAt) > CHANGE_RETENTION_DAYS * DAY_MS;
}

/** The instant before which change-feed rows may be pruned (a day's margin over the retention). */
export function changeFeedPruneBefore(now: Instant): Instant {
  return new Date(Date.parse(now) - (CHANGE_RETENTION_DAYS + 1) * DAY_MS).toISOString();
}

export interface DeltaMember {
  readonly id: string;
  readonly type: MemberType;
  readonly removed: boolean;
}

export interface MemberChange {
  readonly memberId: string;
  readonly memberType: MemberType | null;
  readonly present: boolean;
}

/**
 * The member changes of one group that this caller may learn (SPEC §3.9): all of them when it may
 * see the member list, only its own when it sees only itself (HiddenMembership), none otherwise —
 * then the group must not show up for a membership change at all, or the timing would leak.
 */
export function visibleMemberChanges(seen: MemberListVisibility, selfId: string | null, changes: readonly MemberChange[]): DeltaMember[] {
  const kept = seen === 'all' ? changes : seen === 'selfOnly' ? changes.filter((c) => c.memberId === selfId) : [];
  const latest = new Map<string, DeltaMember>();
  for (const c of kept) latest.set(c.memberId, { id: c.memberId, type: c.memberType ?? 'user', removed: !c.present });
  return [...latest.values()];
}
