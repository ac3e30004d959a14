// Ports for what a change leaves behind: the audit log, the outbox, and the change feed behind
// GET /groups/delta. Part of the core's ports (re-exported by ports.ts); storage implements them.
import type { ChainHead, ChainLink } from './domain/audit-chain.js';
import type { ReasonCode } from './domain/errors.js';
import type { FeedSnapshot } from './domain/group-delta.js';
import type { Channel, GroupId, Instant, MemberType, TenantId } from './domain/model.js';

export type AuditTargetType = 'tenant' | 'user' | 'group' | 'membership' | 'ownership' | 'joinRequest' | 'settings' | 'licence' | 'role' | 'apiClient' | 'token'
  | 'application' | 'appAssignment' | 'appBlock' | 'appOwner' | 'provisioning';

export interface AuditEventInput {
  action: string;
  actorType: 'user' | 'app' | 'system';
  actorId: string | null;
  channel: Channel | 'system';
  targetType: AuditTargetType;
  targetId: string | null;
  outcome: 'success' | 'denied';
  reason: ReasonCode | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  occurredAt: Instant;
}

export interface AuditEvent extends AuditEventInput {
  tenantId: TenantId;
  id: string;
}

/** An event sealed into its tenant's hash chain (docs/adr/0016): seq 1, 2, 3, … in commit order. */
export interface SealedAuditEvent extends AuditEvent, ChainLink {}

/** What a read of the sealed log may be narrowed to (every field optional; all given must hold). */
export interface AuditFilter {
  readonly since?: Instant | undefined;
  readonly until?: Instant | undefined;
  readonly outcome?: AuditEventInput['outcome'] | undefined;
  readonly targetTypes?: readonly AuditTargetType[] | undefined;
  readonly targetId?: string | undefined;
  readonly actorId?: string | undefined;
}

export interface AuditLog {
  append(event: AuditEventInput): Promise<void>;
  /** Newest first. */
  list(query: { limit: number; targetId?: string | undefined }): Promise<AuditEvent[]>;
  /** Commit-ordered positions (as the change feed's): every event below this one has committed or never will. */
  horizon(): Promise<number>;
  /** Holds the tenant's chain lock until this transaction ends, so two sealers never seal at once. */
  lockChain(): Promise<void>;
  /** The last sealed link, or EMPTY_CHAIN. */
  head(): Promise<ChainHead>;
  /** Events below the horizon without a seq, in (position, id) order. */
  unsealed(query: { below: number; limit: number }): Promise<AuditEvent[]>;
  /** Seals one event unless it already has a seq; true when it did. */
  seal(id: string, link: ChainLink): Promise<boolean>;
  /** Sealed events by seq: `desc` below `beforeSeq`, `asc` above `afterSeq`. */
  sealed(query: {
    order: 'asc' | 'desc'; limit: number; beforeSeq?: number | undefined; afterSeq?: number | undefined; filter?: AuditFilter | undefined;
  }): Promise<SealedAuditEvent[]>;
  getSealed(id: string): Promise<SealedAuditEvent | null>;
}

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
}

export interface Outbox {
  enqueue(message: OutboxMessage, at: Instant): Promise<void>;
}

/** One recorded change: of a group itself (memberId null), or of one membership of it (GET /groups/delta). */
export interface GroupChange {
  readonly position: number;
  readonly groupId: GroupId;
  readonly memberId: string | null;
  /** Member rows: the member's type as recorded (a removed membership no longer says). */
  readonly memberType: MemberType | null;
  /** Member rows: whether the membership exists now. */
  readonly memberPresent: boolean;
}

/** Where a read of the change feed stopped: the last row's key (memberId '' for a group row). */
export interface ChangeKey {
  readonly position: number;
  readonly groupId: GroupId;
  readonly memberId: string;
}

/**
 * The per-tenant change feed. Repositories write it in the transaction of the change itself (storage
 * does this, so no path can forget); readers page through what became visible between two snapshots.
 */
export interface ChangeFeed {
  /** What has committed now (FeedSnapshot): positions below `before`, except those still in flight. */
  snapshot(): Promise<FeedSnapshot>;
  /** Changes visible at `until` but not at `since`, after `after`, in (position, groupId, memberId) order. */
  read(query: { since: FeedSnapshot; until: FeedSnapshot; after?: ChangeKey | undefined; groupsOnly: boolean; limit: number }): Promise<GroupChange[]>;
  /** Deletes the rows recorded before `before`; returns how many. */
  prune(before: Instant): Promise<number>;
}
