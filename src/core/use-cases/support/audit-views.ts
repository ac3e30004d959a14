// What the audit read use cases return: a sealed event and what the directory still knows of the user
// who acted (one batched read per page).
import type { SealedAuditEvent } from '../../ports.js';
import type { UseCaseContext } from './context.js';

/** The user who acted, as far as the directory still knows them. */
export interface AuditInitiator {
  readonly userPrincipalName: string;
  readonly displayName: string;
}

export interface DirectoryAuditEntry {
  readonly event: SealedAuditEvent;
  readonly initiator: AuditInitiator | null;
}

/** Adds what the directory knows of each acting user (one batched read of the distinct users). */
export async function withInitiators(uc: UseCaseContext, events: readonly SealedAuditEvent[]): Promise<DirectoryAuditEntry[]> {
  const ids = [...new Set(events.filter((e) => e.actorType === 'user' && e.actorId !== null).map((e) => e.actorId as string))];
  const users = ids.length ? await uc.scope.users.getMany(ids) : [];
  const byId = new Map(users.map((u) => [u.id, { userPrincipalName: u.userPrincipalName, displayName: u.displayName }]));
  return events.map((event) => ({ event, initiator: event.actorType === 'user' && event.actorId ? byId.get(event.actorId) ?? null : null }));
}
