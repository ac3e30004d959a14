// SPEC §3.6: owners. Making a member an owner follows "Owners who can assign members as group owners";
// the last owner can be removed only by an administrator.
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import { groupKind, isSelfServiceKind, MAX_OWNERS_PER_GROUP, type Group } from '../model.js';
import { actsAsAdmin, audienceIncludes, decideOwnerOrAdmin, decideRoleAssignableChange, type GroupRelation, type PolicyContext } from './context.js';

function ownerActor(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  if (group.deletedDateTime !== null) return deny('groupNotFound');
  return firstDenial(
    () => decideOwnerOrAdmin(ctx, rel, ['Group.ReadWrite.All'],
      () => (isSelfServiceKind(groupKind(group)) ? ALLOW : deny('notSelfServiceKind')),
      () => (group.externallyManaged ? deny('externallyManaged') : ALLOW)),
    () => decideRoleAssignableChange(ctx, group, rel),
  );
}

/** The "assignOwners" ability: may the actor make members owners of this group? */
export function decideAssignOwners(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  return firstDenial(
    () => ownerActor(ctx, group, rel),
    () => (actsAsAdmin(ctx) || ctx.actor.kind === 'app' ? ALLOW
      : audienceIncludes(ctx.actor, ctx.settings.ownerAssignment, ctx.settings.ownerAssignmentGroupId) ? ALLOW
        : deny('ownerAssignmentDisabled')),
  );
}

export interface OwnerTarget {
  readonly isMember: boolean;
  readonly isOwner: boolean;
}

export function decideAddOwner(ctx: PolicyContext, group: Group, rel: GroupRelation, target: OwnerTarget): Decision {
  const privileged = actsAsAdmin(ctx) || ctx.actor.kind === 'app';
  return firstDenial(
    () => decideAssignOwners(ctx, group, rel),
    () => (target.isOwner ? deny('alreadyOwner') : ALLOW),
    () => (privileged || target.isMember ? ALLOW : deny('ownerMustBeMember')),
    () => (rel.ownerCount >= MAX_OWNERS_PER_GROUP ? deny('tooManyOwners') : ALLOW),
  );
}

export function decideRemoveOwner(ctx: PolicyContext, group: Group, rel: GroupRelation, target: OwnerTarget): Decision {
  const privileged = actsAsAdmin(ctx) || ctx.actor.kind === 'app';
  return firstDenial(
    () => ownerActor(ctx, group, rel),
    () => (target.isOwner ? ALLOW : deny('notAnOwner')),
    () => (privileged || rel.ownerCount > 1 ? ALLOW : deny('lastOwner')),
  );
}
