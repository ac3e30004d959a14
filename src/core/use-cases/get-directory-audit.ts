// GET /auditLogs/directoryAudits/{id}: one sealed audit event (null when there is none by that id, or it
// is not sealed yet — the sealer runs first, so that means it has not committed below the horizon).
import { decideReadAuditLog } from '../domain/policy/audit.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { withInitiators, type DirectoryAuditEntry } from './support/audit-views.js';
import { sealAuditLog } from './seal-audit-log.js';

export async function getDirectoryAudit(deps: CoreDeps, caller: Caller, input: { id: string }): Promise<DirectoryAuditEntry | null> {
  await sealAuditLog(deps, caller.tenantId);
  return runUseCase(deps, caller, 'audit.read', { type: 'tenant', id: null }, async (uc) => {
    uc.enforce(decideReadAuditLog(uc.policy));
    const event = await uc.scope.audit.getSealed(input.id);
    if (!event) return null;
    const [entry] = await withInitiators(uc, [event]);
    return entry ?? null;
  });
}
