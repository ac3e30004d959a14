// A user asks to join an approval group, with a justification and an optional duration (SPEC §3.5).
import { DomainError } from '../domain/errors.js';
import { effectiveStatus, requestExpiry } from '../domain/join-request.js';
import type { JoinRequest } from '../domain/model.js';
import { decideRequestToJoin } from '../domain/policy/membership.js';
import { MAX_JUSTIFICATION, validOptionalText } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';
import { markExpired } from './support/requests.js';

export interface RequestToJoinInput {
  groupId: string;
  justification?: string | null | undefined;
  requestedDurationDays?: number | null | undefined;
}

export async function requestToJoin(deps: CoreDeps, caller: Caller, input: RequestToJoinInput): Promise<JoinRequest> {
  return runUseCase(deps, caller, 'request.create', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    const justification = validOptionalText(input.justification, 'justification', MAX_JUSTIFICATION);
    const requestedDurationDays = input.requestedDurationDays ?? null;
    uc.enforce(decideRequestToJoin(uc.policy, group, rel, { justification, requestedDurationDays }));
    if (uc.actor.kind !== 'user') throw new DomainError('invalidInput');
    const request: JoinRequest = {
      tenantId: caller.tenantId, id: deps.ids.newId(), groupId: group.id, requesterId: uc.actor.id,
      justification, requestedDurationDays, status: 'pending', decidedBy: null, decisionReason: null,
      createdDateTime: uc.now, decidedDateTime: null,
      expiresDateTime: requestExpiry(uc.now, uc.settings.joinRequestExpiryDays), membershipExpiresDateTime: null,
    };
    // A request that expired but was not swept yet still holds the "one pending request" slot: free it.
    const stale = await uc.scope.requests.findPending(group.id, uc.actor.id);
    if (stale && effectiveStatus(stale, uc.now) === 'expired') await markExpired(uc, stale);
    // The partial unique index refuses a second pending request even if two arrive at once.
    await uc.scope.requests.insert(request);
    await uc.audit({ action: 'request.create', targetType: 'joinRequest', targetId: request.id, after: request });
    await uc.scope.outbox.enqueue({ topic: 'request.created', payload: { requestId: request.id, groupId: group.id } }, uc.now);
    return request;
  });
}
