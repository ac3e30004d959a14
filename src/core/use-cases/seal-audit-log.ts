// The sealer (docs/adr/0016): links a tenant's committed audit events into its hash chain. Events below
// the horizon (every transaction under it has finished, ADR 0015) that have no seq yet are sealed in
// (position, id) order — seq = last + 1, hash = SHA-256(prevHash ‖ canonical event) — in one
// transaction under the tenant's chain lock, so two sealers (two nodes) produce one chain. Writers
// never wait for it: they only insert. Run by the sweeper and before every audit read.
import { nextLink } from '../domain/audit-chain.js';
import type { CoreDeps } from '../ports.js';

const BATCH = 500;

/** Seals what can be sealed; returns how many events it sealed. */
export async function sealAuditLog(deps: CoreDeps, tenantId: string): Promise<number> {
  return deps.uow.transaction(tenantId, async (scope) => {
    const { audit } = scope;
    await audit.lockChain();
    // Taken after the lock, before this transaction writes anything (it has no transaction id yet).
    const below = await audit.horizon();
    let head = await audit.head();
    let sealed = 0;
    for (;;) {
      const batch = await audit.unsealed({ below, limit: BATCH });
      for (const event of batch) {
        const link = nextLink(head, event);
        // Second guard behind the lock: seal only what nobody sealed (a unique (tenant, seq) index is the third).
        if (!(await audit.seal(event.id, link))) throw new Error(`audit chain: event ${event.id} was sealed by another sealer`);
        head = link;
        sealed++;
      }
      if (batch.length < BATCH) return sealed;
    }
  });
}
