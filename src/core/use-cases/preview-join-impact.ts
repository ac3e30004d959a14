// The impact of approving a pending join request (ADR 0019): the groups the requester would newly be
// a transitive member of, and the apps that would newly open, each explained as if approved. For
// those who may decide the request, and administrators.
import { previewJoinImpact as impactOf } from '../domain/access/explain.js';
import type { AccessExplanation } from '../domain/apps.js';
import type { GroupId } from '../domain/model.js';
import { decidePreviewImpact } from '../domain/policy/apps.js';
import { decideDecision } from '../domain/policy/requests.js';
import type { Caller, CoreDeps } from '../ports.js';
import { namesOnPaths } from './support/apps.js';
import { runUseCase } from './support/context.js';
import { loadVisibleRequest } from './support/requests.js';

export interface JoinImpactView {
  requestId: string;
  newGroups: Array<{ id: GroupId; displayName: string }>;
  newApps: AccessExplanation[];
  /** Display names of the users, groups and apps on the paths. */
  names: Record<string, string>;
}

export async function previewJoinImpact(deps: CoreDeps, caller: Caller, input: { requestId: string }): Promise<JoinImpactView> {
  return runUseCase(deps, caller, 'request.previewImpact', { type: 'joinRequest', id: input.requestId }, async (uc) => {
    const { request, group, rel } = await loadVisibleRequest(uc, input.requestId);
    const canDecide = decideDecision(uc.policy, group, rel, request, 'approve').outcome === 'allow';
    uc.enforce(decidePreviewImpact(uc.policy, canDecide));
    const [before, after] = await Promise.all([
      uc.scope.access.facts(request.requesterId),
      uc.scope.access.facts(request.requesterId, { extraGroupIds: [group.id] }),
    ]);
    const impact = impactOf(before, after);
    const groups = await uc.scope.groups.getMany(impact.newGroupIds);
    return {
      requestId: request.id,
      newGroups: groups.map((g) => ({ id: g.id, displayName: g.displayName })).sort((a, b) => (a.id < b.id ? -1 : 1)),
      newApps: impact.newApps,
      names: await namesOnPaths(uc, impact.newApps.flatMap((e) => e.paths)),
    };
  });
}
