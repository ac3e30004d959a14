// Sweep: portal sessions that ended (expired or revoked) more than a day ago are deleted — they can
// never authenticate again, and the audit log keeps the sign-ins and sign-outs.
import type { CoreDeps } from '../ports.js';

const KEEP_ENDED_MS = 24 * 60 * 60 * 1000;

export async function pruneSessions(deps: CoreDeps, tenantId: string): Promise<number> {
  const before = new Date(Date.parse(deps.clock.now()) - KEEP_ENDED_MS).toISOString();
  return deps.uow.transaction(tenantId, (scope) => scope.sessions.prune(before));
}
