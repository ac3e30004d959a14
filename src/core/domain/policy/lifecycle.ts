// SPEC §3.7 with §3.2: editing, deleting and restoring groups. Owners are bound by the creation
// setting of the group's kind ("cannot change existing groups") and by the admin policy ceiling.
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import { daysBetween } from '../join-request.js';
import { groupKind, RESTORE_WINDOW_DAYS, type Group, type JoinPolicy } from '../model.js';
import { actsAsAdmin, decideOwnerOrAdmin, type GroupRelation, type PolicyContext } from './context.js';
import { decideCreationSetting, isMoreOpen } from './creation.js';

/** The parts common to every change of the group itself (not its members). */
function decideChangeGroup(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  return decideOwnerOrAdmin(ctx, rel, ['Group.ReadWrite.All'],
    () => (group.externallyManaged ? deny('externallyManaged') : ALLOW),
    () => decideCreationSetting(ctx, groupKind(group), 'edit'));
}

export interface GroupChange {
  /** The join policy after the change, when it changes. */
  readonly joinPolicy?: JoinPolicy | undefined;
}

/** The "edit" ability, and the check for a concrete change. */
export function decideUpdateGroup(ctx: PolicyContext, group: Group, rel: GroupRelation, change: GroupChange = {}): Decision {
  const { actor, settings } = ctx;
  const newPolicy = change.joinPolicy;
  return firstDenial(
    () => (group.deletedDateTime !== null ? deny('groupNotFound') : ALLOW),
    () => decideChangeGroup(ctx, group, rel),
    () => {
      if (actsAsAdmin(ctx) || actor.kind !== 'user' || newPolicy === undefined || newPolicy === group.joinPolicy) return ALLOW;
      if (isMoreOpen(newPolicy, settings.maxOwnerJoinPolicy)) return deny('joinPolicyAboveCeiling');
      if (newPolicy === 'approval' && settings.licenceEnforcement && !actor.hasPremiumLicence) return deny('licenceRequired');
      return ALLOW;
    },
  );
}

export function decideDeleteGroup(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  return firstDenial(
    () => (group.deletedDateTime !== null ? deny('groupNotFound') : ALLOW),
    () => decideChangeGroup(ctx, group, rel),
    () => (actsAsAdmin(ctx) || ctx.actor.kind === 'app' || ctx.settings.ownersCanDeleteGroups ? ALLOW : deny('ownerDeleteDisabled')),
  );
}

/** Soft-deleted groups can be restored for 30 days by owners or admins. */
export function decideRestoreGroup(ctx: PolicyContext, group: Group, rel: GroupRelation): Decision {
  return firstDenial(
    () => (group.deletedDateTime === null ? deny('groupNotDeleted') : ALLOW),
    () => decideChangeGroup(ctx, group, rel),
    () => (group.deletedDateTime !== null && daysBetween(group.deletedDateTime, ctx.now) > RESTORE_WINDOW_DAYS
      ? deny('restoreWindowPassed') : ALLOW),
  );
}

/** Past the restore window a deleted group is purged for good. */
export function isPurgeDue(group: Group, now: string): boolean {
  return group.deletedDateTime !== null && daysBetween(group.deletedDateTime, now) > RESTORE_WINDOW_DAYS;
}
