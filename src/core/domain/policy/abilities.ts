// What the caller may do with a group, computed from the same decisions the use cases enforce, and
// shipped with every group so clients never re-derive a permission (STYLE example 2).
import { isAllowed, type Decision } from '../decision.js';
import type { ReasonCode } from '../errors.js';
import type { Group, Membership } from '../model.js';
import { decideReadGroupAssignments } from './apps.js';
import type { GroupRelation, PolicyContext } from './context.js';
import { decideDeleteGroup, decideRestoreGroup, decideUpdateGroup } from './lifecycle.js';
import { decideJoin, decideLeave, decideManageMembers, decideRequestToJoin } from './membership.js';
import { decideAssignOwners } from './owners.js';
import { decideManageRequests } from './requests.js';
import { memberListVisibility } from './visibility.js';

export interface GroupAbilities {
  readonly join: boolean;
  readonly request: boolean;
  readonly leave: boolean;
  readonly edit: boolean;
  readonly delete: boolean;
  readonly restore: boolean;
  readonly manageMembers: boolean;
  readonly assignOwners: boolean;
  readonly approve: boolean;
  readonly seeMembers: boolean;
  /** May read the apps given to the group (the group page's "Apps this group gives"). */
  readonly seeApps: boolean;
  /**
   * Why neither join nor request is offered: the reason code of the refusal the caller would get by
   * trying (POST join for open and closed groups, POST joinRequests for approval groups); null when
   * one of them is offered. Every reason names only the caller's own relation, the group's own
   * properties or tenant settings, never anything the caller may not see (SPEC §3.9).
   */
  readonly joinBlockedReason: ReasonCode | null;
}

/** The self-service try that applies: joining, or requesting where joining needs approval. */
function selfServiceTry(join: Decision, request: () => Decision): Decision {
  return join.outcome === 'needsApproval' ? request() : join;
}

export function groupAbilities(ctx: PolicyContext, group: Group, rel: GroupRelation, membership: Membership | null): GroupAbilities {
  const join = decideJoin(ctx, group, rel);
  // A request is possible where joining needs approval and every request rule passes; the request is
  // assumed to carry a justification and the longest duration allowed, as the portal's form does.
  const attempt = selfServiceTry(join, () => decideRequestToJoin(ctx, group, rel, {
    justification: 'x', requestedDurationDays: ctx.settings.maxMembershipDurationDays,
  }));
  return {
    join: join.outcome === 'allow',
    request: join.outcome === 'needsApproval' && isAllowed(attempt),
    leave: isAllowed(decideLeave(ctx, group, membership)),
    edit: isAllowed(decideUpdateGroup(ctx, group, rel)),
    delete: isAllowed(decideDeleteGroup(ctx, group, rel)),
    restore: isAllowed(decideRestoreGroup(ctx, group, rel)),
    manageMembers: isAllowed(decideManageMembers(ctx, group, rel)),
    assignOwners: isAllowed(decideAssignOwners(ctx, group, rel)),
    approve: isAllowed(decideManageRequests(ctx, group, rel)) && group.deletedDateTime === null,
    seeMembers: memberListVisibility(ctx, group, rel) !== 'none',
    seeApps: isAllowed(decideReadGroupAssignments(ctx, rel)),
    joinBlockedReason: attempt.outcome === 'deny' ? attempt.reason : null,
  };
}
