// A join request as a caller sees it: its current status (a pending request past its expiry shows as
// expired) and what the caller may do with it, from the same decisions approve/deny/cancel enforce.
import { effectiveStatus } from '../domain/join-request.js';
import type { Group, JoinRequest } from '../domain/model.js';
import type { GroupRelation } from '../domain/policy/context.js';
import { requestAbilities, type RequestAbilities } from '../domain/policy/requests.js';
import { canSeeJoinRequest } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { relationOf } from './support/relation.js';
import { loadVisibleRequest } from './support/requests.js';

export interface JoinRequestView {
  readonly request: JoinRequest;
  readonly abilities: RequestAbilities;
}

function viewOf(uc: UseCaseContext, request: JoinRequest, group: Group, rel: GroupRelation): JoinRequestView {
  return { request: { ...request, status: effectiveStatus(request, uc.now) }, abilities: requestAbilities(uc.policy, group, rel, request) };
}

/** One request the caller may see (the requester, the group's owners, admins), or "not found". */
export async function getJoinRequest(deps: CoreDeps, caller: Caller, input: { requestId: string }): Promise<JoinRequestView> {
  return runUseCase(deps, caller, 'request.read', { type: 'joinRequest', id: input.requestId }, async (uc) => {
    const { request, group, rel } = await loadVisibleRequest(uc, input.requestId);
    return viewOf(uc, request, group, rel);
  });
}

/**
 * The views of requests another use case returned to this caller (lists, a decision just made).
 * Requests the caller may not see, or whose group is gone, are left out.
 */
export async function viewJoinRequests(deps: CoreDeps, caller: Caller, input: { requests: readonly JoinRequest[] }): Promise<JoinRequestView[]> {
  return runUseCase(deps, caller, 'request.read', { type: 'joinRequest', id: null }, async (uc) => {
    const groupIds = [...new Set(input.requests.map((r) => r.groupId))];
    const groups = new Map((await uc.scope.groups.getMany(groupIds)).map((g) => [g.id, g]));
    const relations = new Map<string, GroupRelation>();
    const out: JoinRequestView[] = [];
    for (const request of input.requests) {
      const group = groups.get(request.groupId);
      if (!group) continue;
      let rel = relations.get(group.id);
      if (!rel) {
        rel = await relationOf(uc, uc.actor, group);
        relations.set(group.id, rel);
      }
      if (canSeeJoinRequest(uc.policy, request, rel)) out.push(viewOf(uc, request, group, rel));
    }
    return out;
  });
}
