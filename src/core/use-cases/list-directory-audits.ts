// GET /auditLogs/directoryAudits: the tenant's sealed audit events, newest first by seq, keyset-paged.
// The sealer runs first, so every event committed below the horizon is sealed and shown; events not
// yet sealed (still above the horizon) appear on a later read. Who may read: decideReadAuditLog.
import { DomainError } from '../domain/errors.js';
import { DEFAULT_TOP, MAX_TOP, type ListCursor } from '../domain/list-query.js';
import { decideReadAuditLog } from '../domain/policy/audit.js';
import type { AuditFilter, Caller, CoreDeps, SealedAuditEvent } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { sealAuditLog } from './seal-audit-log.js';

export interface DirectoryAuditRequest {
  readonly filter?: AuditFilter | undefined;
  /** 1–999 (default 100). */
  readonly top?: number | undefined;
  /** The `next` of the previous page, unchanged (with the same filter). */
  readonly cursor?: ListCursor | undefined;
}

/** The user who acted, as far as the directory still knows them. */
export interface AuditInitiator {
  readonly userPrincipalName: string;
  readonly displayName: string;
}

export interface DirectoryAuditEntry {
  readonly event: SealedAuditEvent;
  readonly initiator: AuditInitiator | null;
}

export interface DirectoryAuditPage {
  readonly entries: DirectoryAuditEntry[];
  readonly next: ListCursor | null;
}

function seqBefore(cursor: ListCursor | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (typeof cursor.key !== 'number' || !Number.isSafeInteger(cursor.key) || cursor.key < 1) throw new DomainError('invalidInput', 'The page cursor is not valid.');
  return cursor.key;
}

/** Adds what the directory knows of each acting user (one read per distinct user). */
export async function withInitiators(uc: UseCaseContext, events: readonly SealedAuditEvent[]): Promise<DirectoryAuditEntry[]> {
  const ids = [...new Set(events.filter((e) => e.actorType === 'user' && e.actorId !== null).map((e) => e.actorId as string))];
  const users = ids.length ? await uc.scope.users.getMany(ids) : [];
  const byId = new Map(users.map((u) => [u.id, { userPrincipalName: u.userPrincipalName, displayName: u.displayName }]));
  return events.map((event) => ({ event, initiator: event.actorType === 'user' && event.actorId ? byId.get(event.actorId) ?? null : null }));
}

export async function listDirectoryAudits(deps: CoreDeps, caller: Caller, input: DirectoryAuditRequest = {}): Promise<DirectoryAuditPage> {
  await sealAuditLog(deps, caller.tenantId);
  return runUseCase(deps, caller, 'audit.list', { type: 'tenant', id: null }, async (uc) => {
    uc.enforce(decideReadAuditLog(uc.policy));
    const top = input.top ?? DEFAULT_TOP;
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) throw new DomainError('invalidInput', `$top must be between 1 and ${MAX_TOP}.`);
    const events = await uc.scope.audit.sealed({ order: 'desc', limit: top, beforeSeq: seqBefore(input.cursor), filter: input.filter });
    const last = events.at(-1);
    const next = last && events.length === top ? { key: last.seq, id: last.id } : null;
    return { entries: await withInitiators(uc, events), next };
  });
}
