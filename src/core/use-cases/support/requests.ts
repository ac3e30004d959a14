import { DomainError } from '../../domain/errors.js';
import type { Group, JoinRequest } from '../../domain/model.js';
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
