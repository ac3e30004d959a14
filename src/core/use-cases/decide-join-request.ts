// An owner or admin approves or denies a request (SPEC §3.5). The first decision wins: the state
// change is a conditional update (WHERE status = 'pending'), so of many concurrent deciders exactly one
// moves the request; the rest get a conflict and change nothing.
import { actorId } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import { addDays, approvedDurationDays } from '../domain/join-request.js';
import type { JoinRequest, Membership } from '../domain/model.js';
import { decideDecision } from '../domain/policy/requests.js';
import { MAX_JUSTIFICATION, validOptionalText } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleRequest } from './support/requests.js';

export interface DecideJoinRequestInput {
  requestId: string;
  decision: 'approve' | 'deny';
  reason?: string | null | undefined;
  /** Approve only: shorten the membership to this many days. */
  membershipDurationDays?: number | null | undefined;
}

export async function decideJoinRequest(deps: CoreDeps, caller: Caller, input: DecideJoinRequestInput): Promise<JoinRequest> {
  const action = input.decision === 'approve' ? 'request.approve' : 'request.deny';
  return runUseCase(deps, caller, action, { type: 'joinRequest', id: input.requestId }, async (uc) => {
    const { request, group, rel } = await loadVisibleRequest(uc, input.requestId);
    uc.enforce(decideDecision(uc.policy, group, rel, request, input.decision));
    const reason = validOptionalText(input.reason, 'reason', MAX_JUSTIFICATION);
    const days = input.decision === 'approve' ? approvedDurationDays(request.requestedDurationDays, input.membershipDurationDays) : null;
    const patch = {
      status: input.decision === 'approve' ? 'approved' as const : 'denied' as const,
      decidedBy: actorId(uc.actor), decisionReason: reason, decidedDateTime: uc.now,
      membershipExpiresDateTime: days === null ? null : addDays(uc.now, days),
    };
    if (!(await uc.scope.requests.decide(request.id, patch))) throw new DomainError('requestAlreadyDecided');
    const decided: JoinRequest = { ...request, ...patch };
    await uc.audit({ action, targetType: 'joinRequest', targetId: request.id, before: request, after: decided });
    if (input.decision === 'approve') {
      const membership: Membership = {
        tenantId: caller.tenantId, groupId: group.id, memberId: request.requesterId, memberType: 'user', source: 'request',
        addedBy: actorId(uc.actor), addedDateTime: uc.now, expiresDateTime: patch.membershipExpiresDateTime, requestId: request.id,
      };
      if (await uc.scope.memberships.add(membership)) {
        await uc.audit({ action: 'member.add', targetType: 'membership', targetId: group.id, after: membership });
        await uc.scope.outbox.enqueue({ topic: 'membership.added', payload: { groupId: group.id, memberId: request.requesterId } }, uc.now);
      }
    }
    await uc.scope.outbox.enqueue({ topic: 'request.decided', payload: { requestId: request.id, groupId: group.id, status: decided.status } }, uc.now);
    return decided;
  });
}
