// GET /auditLogs/directoryAudits: the tenant's sealed audit events, newest first by seq, keyset-paged.
// The sealer runs first, so every event committed below the horizon is sealed and shown; events not
// yet sealed (still above the horizon) appear on a later read. Who may read: decideReadAuditLog.
import { DomainError } from '../domain/errors.js';
import { DEFAULT_TOP, MAX_TOP, type ListCursor } from '../domain/list-query.js';
import { decideReadAuditLog } from '../domain/policy/audit.js';
import type { AuditFilter, Caller, CoreDeps } from '../ports.js';
import { withInitiators, type DirectoryAuditEntry } from './support/audit-views.js';
import { runUseCase } from './support/context.js';
import { sealAuditLog } from './seal-audit-log.js';

export interface DirectoryAuditRequest {
  readonly filter?: AuditFilter | undefined;
  /** 1–999 (default 100). */
  readonly top?: number | undefined;
  /** The `next` of the previous page, unchanged (with the same filter). */
  readonly cursor?: ListCursor | undefined;
}

export type { AuditInitiator, DirectoryAuditEntry } from './support/audit-views.js';

export interface DirectoryAuditPage {
  readonly entries: DirectoryAuditEntry[];
  readonly next: ListCursor | null;
}

function seqBefore(cursor: ListCursor | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (typeof cursor.key !== 'number' || !Number.isSafeInteger(cursor.key) || cursor.key < 1) throw new DomainError('invalidInput', 'The page cursor is not valid.');
  return cursor.key;
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
