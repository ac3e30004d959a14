// `roster audit verify`: seals what is committed, then re-computes a tenant's whole hash chain from the
// first event, page by page, and names the first seq that does not verify (docs/adr/0016).
import { EMPTY_CHAIN, verifyChain, type ChainHead, type ChainVerdict } from '../domain/audit-chain.js';
import type { CoreDeps } from '../ports.js';
import { sealAuditLog } from './seal-audit-log.js';

const PAGE = 1000;

export interface AuditVerification {
  readonly verdict: ChainVerdict;
  /** Events sealed by this run before verifying. */
  readonly sealedNow: number;
}

export async function verifyAuditLog(deps: CoreDeps, tenantId: string): Promise<AuditVerification> {
  const sealedNow = await sealAuditLog(deps, tenantId);
  let head: ChainHead = EMPTY_CHAIN;
  let checked = 0;
  for (;;) {
    // Pages by seq; a deleted row shows as a gap because the next page starts right after the last seq read.
    const page = await deps.uow.transaction(tenantId, (scope) => scope.audit.sealed({ order: 'asc', afterSeq: head.seq, limit: PAGE }));
    const verdict = verifyChain(page, head);
    if (!verdict.ok) return { verdict: { ...verdict, checked: checked + verdict.checked }, sealedNow };
    head = verdict.head;
    checked += verdict.checked;
    if (page.length < PAGE) return { verdict: { ok: true, head, checked }, sealedNow };
  }
}
