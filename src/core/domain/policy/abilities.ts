// What the caller may do with a group, computed from the same decisions the use cases enforce, and
// shipped with every group so clients never re-derive a permission (STYLE example 2).
import { isAllowed } from '../decision.js';
import type { Group, Membership } from '../model.js';
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
}

export function groupAbilities(ctx: PolicyContext, group: Group, rel: GroupRelation, membership: Membership | null): GroupAbilities {
  const join = decideJoin(ctx, group, rel);
  return {
    join: join.outcome === 'allow',
    // A request is possible where joining needs approval and every request rule passes.
    request: join.outcome === 'needsApproval'
      && isAllowed(decideRequestToJoin(ctx, group, rel, { justification: 'x', requestedDurationDays: ctx.settings.maxMembershipDurationDays })),
    leave: isAllowed(decideLeave(ctx, group, membership)),
    edit: isAllowed(decideUpdateGroup(ctx, group, rel)),
    delete: isAllowed(decideDeleteGroup(ctx, group, rel)),
    restore: isAllowed(decideRestoreGroup(ctx, group, rel)),
    manageMembers: isAllowed(decideManageMembers(ctx, group, rel)),
    assignOwners: isAllowed(decideAssignOwners(ctx, group, rel)),
    approve: isAllowed(decideManageRequests(ctx, group, rel)) && group.deletedDateTime === null,
    seeMembers: memberListVisibility(ctx, group, rel) !== 'none',
  };
}
