// Who may read the audit log (SPEC §3.14; docs/adr/0016). Entra lets Global Administrators and the
// reader roles (Reports Reader, Security Reader, Global Reader — Roster's `auditReader`) read directory
// audits; applications need AuditLog.Read.All (Directory.Read.All is accepted too). Group, user and
// application administrators may not: the log shows every tenant-wide change and denial.
import { appHas } from '../actor.js';
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import type { DirectoryRole } from '../model.js';
import { requireEnabled, type PolicyContext } from './context.js';

export const AUDIT_READER_ROLES: readonly DirectoryRole[] = ['globalAdmin', 'auditReader'];

export function decideReadAuditLog(ctx: PolicyContext): Decision {
  const { actor } = ctx;
  if (actor.kind === 'system') return ALLOW;
  if (actor.kind === 'app') return appHas(actor, 'AuditLog.Read.All', 'Directory.Read.All') ? ALLOW : deny('missingPermission');
  return firstDenial(
    () => requireEnabled(ctx),
    () => (actor.roles.some((r) => AUDIT_READER_ROLES.includes(r)) ? ALLOW : deny('notAdmin')),
  );
}
