// Requests waiting for my decision (groups I own), and my own requests.
import type { JoinRequest, JoinRequestStatus } from '../domain/model.js';
import { decideDecision } from '../domain/policy/requests.js';
import { effectiveStatus } from '../domain/join-request.js';
import type { Caller, CoreDeps } from '../ports.js';
import { pageSize } from './list-members.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup, relationOf } from './support/relation.js';
import { canListGroupRequests } from '../domain/policy/visibility.js';

/** Pending requests for the groups I own that I may decide (never my own). */
export async function listPendingApprovals(deps: CoreDeps, caller: Caller, input: { after?: string; limit?: number } = {}): Promise<JoinRequest[]> {
  return runUseCase(deps, caller, 'request.listApprovals', { type: 'joinRequest', id: null }, async (uc) => {
    if (uc.actor.kind !== 'user') return [];
    const groupIds = await uc.scope.owners.groupIdsOwnedBy(uc.actor.id);
    if (groupIds.length === 0) return [];
    const pending = await uc.scope.requests.listForGroups(groupIds, { status: 'pending', after: input.after, limit: pageSize(input.limit) });
    const groups = new Map((await uc.scope.groups.getMany(groupIds)).map((g) => [g.id, g]));
    const out: JoinRequest[] = [];
    for (const request of pending) {
      const group = groups.get(request.groupId);
      if (!group) continue;
      const rel = await relationOf(uc, uc.actor, group);
      if (decideDecision(uc.policy, group, rel, request, 'approve').outcome === 'allow'
        || decideDecision(uc.policy, group, rel, request, 'deny').outcome === 'allow') out.push(request);
    }
    return out;
  });
}

/** My requests, newest state shown (a pending request past its expiry shows as expired). */
export async function listMyJoinRequests(deps: CoreDeps, caller: Caller, input: { status?: JoinRequestStatus; after?: string; limit?: number } = {}): Promise<JoinRequest[]> {
  return runUseCase(deps, caller, 'request.listMine', { type: 'joinRequest', id: null }, async (uc) => {
    if (uc.actor.kind !== 'user') return [];
    const rows = await uc.scope.requests.listByRequester(uc.actor.id, { status: input.status, after: input.after, limit: pageSize(input.limit) });
    return rows.map((r) => ({ ...r, status: effectiveStatus(r, uc.now) }));
  });
}

/** Requests of one group: owners and admins see all of them. */
export async function listGroupJoinRequests(deps: CoreDeps, caller: Caller, input: { groupId: string; status?: JoinRequestStatus; after?: string; limit?: number }): Promise<JoinRequest[]> {
  return runUseCase(deps, caller, 'request.listGroup', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId);
    const mayList = canListGroupRequests(uc.policy, group, rel);
    if (!mayList) return [];
    const rows = await uc.scope.requests.listForGroups([group.id], { status: input.status, after: input.after, limit: pageSize(input.limit) });
    return rows.map((r) => ({ ...r, status: effectiveStatus(r, uc.now) }));
  });
}
