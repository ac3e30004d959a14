// The requester withdraws a pending request.
import { DomainError } from '../domain/errors.js';
import type { JoinRequest } from '../domain/model.js';
import { decideCancel } from '../domain/policy/requests.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleRequest } from './support/requests.js';

export async function cancelJoinRequest(deps: CoreDeps, caller: Caller, input: { requestId: string }): Promise<JoinRequest> {
  return runUseCase(deps, caller, 'request.cancel', { type: 'joinRequest', id: input.requestId }, async (uc) => {
    const { request } = await loadVisibleRequest(uc, input.requestId);
    uc.enforce(decideCancel(uc.policy, request));
    const patch = { status: 'cancelled' as const, decidedBy: request.requesterId, decisionReason: null, decidedDateTime: uc.now, membershipExpiresDateTime: null };
    if (!(await uc.scope.requests.decide(request.id, patch))) throw new DomainError('requestNotPending');
    const after = { ...request, ...patch };
    await uc.audit({ action: 'request.cancel', targetType: 'joinRequest', targetId: request.id, before: request, after });
    return after;
  });
}
