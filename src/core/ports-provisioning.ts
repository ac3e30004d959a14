// Ports of outbound SCIM provisioning (docs/adr/0020): configs, what was provisioned, durable jobs with
// leases, the per-app log, the outbox as the dispatcher reads it, and the box that seals tokens.
// Part of the core's ports (re-exported by ports.ts); storage and platform implement them.
import type { AppId, ProvisioningConfig, ProvisioningState } from './domain/apps.js';
import type { Instant } from './domain/model.js';

/** Seals secrets at rest (AES-256-GCM in platform/); `context` binds a ciphertext to its owner. */
export interface SecretBox {
  seal(plain: string, context: string): string;
  /** Throws when the ciphertext was altered, sealed under another key or for another context. */
  open(sealed: string, context: string): string;
}

export interface ProvisioningConfigRepository {
  get(appId: AppId): Promise<ProvisioningConfig | null>;
  /** Every app of the tenant with provisioning configured. */
  list(): Promise<ProvisioningConfig[]>;
  /** Insert or replace the whole config. */
  put(config: ProvisioningConfig): Promise<void>;
  delete(appId: AppId): Promise<boolean>;
  /** A failed push: consecutive_failures + 1 and the error; returns the new count. */
  recordFailure(appId: AppId, error: string, at: Instant): Promise<number>;
  /** A successful push: consecutive_failures back to 0 (and the last error cleared if a failure streak ends). */
  recordSuccess(appId: AppId, at: Instant): Promise<void>;
  setState(appId: AppId, state: ProvisioningState, at: Instant, lastError?: string | null): Promise<void>;
  markReconciled(appId: AppId, at: Instant): Promise<void>;
}

export type ProvisionedObjectType = 'user' | 'group';

export interface ProvisionedObject {
  appId: AppId;
  objectType: ProvisionedObjectType;
  localId: string;
  remoteId: string | null;
  active: boolean;
  attributesHash: string | null;
  updatedDateTime: Instant;
}

export interface ProvisionedObjectRepository {
  get(appId: AppId, objectType: ProvisionedObjectType, localId: string): Promise<ProvisionedObject | null>;
  getMany(appId: AppId, objectType: ProvisionedObjectType, localIds: readonly string[]): Promise<ProvisionedObject[]>;
  /** Keyset-paged by localId. */
  list(appId: AppId, objectType: ProvisionedObjectType, page: { after?: string | undefined; limit: number }): Promise<ProvisionedObject[]>;
  put(object: ProvisionedObject): Promise<void>;
  remove(appId: AppId, objectType: ProvisionedObjectType, localId: string): Promise<boolean>;
  count(appId: AppId, objectType: ProvisionedObjectType, activeOnly?: boolean): Promise<number>;
  /** The apps that hold a record of this object (to deprovision what left every scope). */
  appIdsOf(objectType: ProvisionedObjectType, localId: string): Promise<AppId[]>;
}

/** `user` / `group`: one object; `app`: reconcile the whole app. */
export type ProvisioningJobKind = 'user' | 'group' | 'app';

export interface ProvisioningJobKey {
  appId: AppId;
  kind: ProvisioningJobKind;
  objectId: string;
}

export interface ProvisioningJob extends ProvisioningJobKey {
  tenantId: string;
  generation: number;
  attempts: number;
  availableAt: Instant;
  lockedUntil: Instant | null;
  lockedBy: string | null;
  lastError: string | null;
}

export interface ProvisioningJobRepository {
  /** A new pending row, or — if one is pending for the same key — generation + 1 and due now (folded). */
  enqueue(key: ProvisioningJobKey, at: Instant): Promise<void>;
  /**
   * Leases up to `limit` due, unleased (or lease lapsed) jobs of apps whose provisioning is enabled:
   * `locked_by = worker`, `locked_until = leaseUntil`. Two claimers never get the same job
   * (PostgreSQL: rows picked FOR UPDATE SKIP LOCKED; SQLite: one writer).
   */
  claim(query: { now: Instant; leaseUntil: Instant; worker: string; limit: number }): Promise<ProvisioningJob[]>;
  /** Deletes the job if its generation is still `generation` (nothing changed while it ran); true if deleted. */
  complete(job: ProvisioningJob): Promise<boolean>;
  /** Unleases the job, due again at `availableAt`, with its attempt count and last error. */
  reschedule(job: ProvisioningJob, update: { availableAt: Instant; attempts: number; lastError: string | null }): Promise<void>;
  /** Makes every job of the app due now with attempts reset (resume). */
  releaseApp(appId: AppId, at: Instant): Promise<number>;
  count(appId: AppId): Promise<number>;
  deleteForApp(appId: AppId): Promise<number>;
}

export type ProvisioningOutcome = 'success' | 'failure' | 'skipped' | 'dryRun';

export interface ProvisioningLogInput {
  appId: AppId;
  at: Instant;
  /** e.g. `POST /Users`, `PATCH /Users/{id}`, or an engine step such as `reconcile`. */
  operation: string;
  objectType: ProvisionedObjectType | null;
  localId: string | null;
  remoteId: string | null;
  status: number | null;
  outcome: ProvisioningOutcome;
  error: string | null;
  durationMs: number | null;
  attempt: number | null;
}

export interface ProvisioningLogEntry extends ProvisioningLogInput {
  id: string;
  seq: number;
}

/** The local object of a log entry as it is now: the user or group the entry names, if it still exists. */
export interface LoggedObject {
  displayName: string;
  /** Users only. */
  userPrincipalName: string | null;
  /** Groups only: set while the group is soft-deleted. */
  deletedDateTime: Instant | null;
}

export interface ProvisioningLogRow extends ProvisioningLogEntry {
  /** Read with the page (one query, no lookup per row); null when the entry names no object or it is gone. */
  local: LoggedObject | null;
}

export interface ProvisioningLogRepository {
  append(entry: ProvisioningLogInput): Promise<void>;
  /** Newest first, each with its local object as it is now; `before` is the seq of the last row of the previous page. */
  page(appId: AppId, query: { before?: number | undefined; limit: number }): Promise<ProvisioningLogRow[]>;
  /** Deletes entries older than `before` (every app of the tenant); returns how many. */
  prune(before: Instant): Promise<number>;
}

/** An outbox row as the provisioning dispatcher reads it. */
export interface PendingOutboxMessage {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

export interface OutboxQueue {
  /** Oldest due, undone rows, locked until the transaction ends (PostgreSQL FOR UPDATE SKIP LOCKED). */
  claim(now: Instant, limit: number): Promise<PendingOutboxMessage[]>;
  markDone(ids: readonly string[], at: Instant): Promise<void>;
  /** Deletes done rows older than `before`. */
  pruneDone(before: Instant): Promise<number>;
}

/** The provisioning repositories of one tenant, on the scope's transaction. */
export interface ProvisioningStore {
  readonly configs: ProvisioningConfigRepository;
  readonly objects: ProvisionedObjectRepository;
  readonly jobs: ProvisioningJobRepository;
  readonly log: ProvisioningLogRepository;
  readonly outbox: OutboxQueue;
}

/** What the engine does on demand, outside any use case's transaction. */
export interface ProvisioningRunner {
  /** The writes a reconciliation of the app would send now; reads the target for real, writes nothing. */
  dryRun(tenantId: string, appId: AppId): Promise<{ requests: DryRunRequest[]; counts: Record<string, number>; error: string | null }>;
}

/** One write a dry run would send, with the local user or group it is about (null for none). */
export interface DryRunRequest {
  method: string;
  path: string;
  body: unknown;
  objectType: 'user' | 'group' | null;
  localId: string | null;
}
