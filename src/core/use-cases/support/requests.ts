import { DomainError } from '../../domain/errors.js';
import type { Group, JoinRequest } from '../../domain/model.js';
import type { RequestDecisionPatch } from '../../ports.js';
import type { GroupRelation } from '../../domain/policy/context.js';
import { canSeeJoinRequest } from '../../domain/policy/visibility.js';
import type { UseCaseContext } from './context.js';
import { relationOf } from './relation.js';

/** Loads a request the caller may see, with its group (locked), or answers "not found". */
export async function loadVisibleRequest(uc: UseCaseContext, requestId: string): Promise<{ request: JoinRequest; group: Group; rel: GroupRelation }> {
  const request = await uc.scope.requests.get(requestId);
  if (!request) throw new DomainError('requestNotFound');
  const group = await uc.scope.groups.lock(request.groupId);
  if (!group) throw new DomainError('requestNotFound');
  const rel = await relationOf(uc, uc.actor, group);
  if (!canSeeJoinRequest(uc.policy, request, rel)) throw new DomainError('requestNotFound');
  return { request, group, rel };
}

/** Records a pending request past its expiry as expired (audited, announced). False if it was no longer pending. */
export async function markExpired(uc: UseCaseContext, request: JoinRequest): Promise<boolean> {
  const patch: RequestDecisionPatch = { status: 'expired', decidedBy: null, decisionReason: null, decidedDateTime: uc.now, membershipExpiresDateTime: null };
  if (!(await uc.scope.requests.decide(request.id, patch))) return false;
  await uc.audit({ action: 'request.expire', targetType: 'joinRequest', targetId: request.id, before: request, after: { ...request, ...patch } });
  await uc.scope.outbox.enqueue({ topic: 'request.decided', payload: { requestId: request.id, groupId: request.groupId, status: 'expired' } }, uc.now);
  return true;
}
