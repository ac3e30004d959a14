// SPEC §3.5: deciding and cancelling join requests. First decision wins; nobody decides their own.
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import { effectiveStatus, transition, type RequestEvent } from '../join-request.js';
import type { Group, JoinRequest } from '../model.js';
import { decideOwnerOrAdmin, requireEnabled, type GroupRelation, type PolicyContext } from './context.js';
import { decideManageMembers } from './membership.js';

function stateAllows(ctx: PolicyContext, request: JoinRequest, event: RequestEvent): Decision {
  const t = transition(effectiveStatus(request, ctx.now), event);
  return t.ok ? ALLOW : deny(t.reason);
}

/** May the actor approve or deny requests for this group at all (the "approve" ability)? */
export function decideManageRequests(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  return decideOwnerOrAdmin(ctx, rel, ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All'],
    () => (ctx.settings.ownersCanManageJoinRequests ? ALLOW : deny('ownersCannotManageRequests')));
}

export function decideDecision(
  ctx: PolicyContext, group: Group, rel: GroupRelation, request: JoinRequest, event: 'approve' | 'deny',
): Decision {
  const { actor } = ctx;
  return firstDenial(
    () => decideManageRequests(ctx, group, rel),
    () => (actor.kind === 'user' && actor.id === request.requesterId ? deny('selfApproval') : ALLOW),
    () => stateAllows(ctx, request, event),
    // Approving adds a member, so the group must still accept members by hand.
    () => (event === 'approve' ? decideManageMembers(ctx, group, rel) : ALLOW),
  );
}

export function decideCancel(ctx: PolicyContext, request: JoinRequest): Decision {
  const { actor } = ctx;
  return firstDenial(
    () => requireEnabled(ctx),
    () => (actor.kind === 'user' && actor.id === request.requesterId ? ALLOW : deny('notRequester')),
    () => stateAllows(ctx, request, 'cancel'),
  );
}

/** What the caller may do with one request (`@roster.abilities` on a request), from the same decisions. */
export interface RequestAbilities {
  readonly approve: boolean;
  readonly deny: boolean;
  readonly cancel: boolean;
}

export function requestAbilities(ctx: PolicyContext, group: Group, rel: GroupRelation, request: JoinRequest): RequestAbilities {
  return {
    approve: decideDecision(ctx, group, rel, request, 'approve').outcome === 'allow',
    deny: decideDecision(ctx, group, rel, request, 'deny').outcome === 'allow',
    cancel: decideCancel(ctx, request).outcome === 'allow',
  };
}
