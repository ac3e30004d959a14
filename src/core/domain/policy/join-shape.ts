// How joinPolicy and visibility fit together (SPEC §3.3, §3.4). For Microsoft 365 groups Graph ties
// joining to visibility: Public = open, Private/HiddenMembership = approval; closed keeps visibility.
import { DomainError } from '../errors.js';
import type { GroupKind, JoinPolicy, Visibility } from '../model.js';
import { isMoreOpen } from './creation.js';

export interface JoinShape {
  readonly joinPolicy: JoinPolicy;
  readonly visibility: Visibility;
}

export function joinPolicyForVisibility(visibility: Visibility): JoinPolicy {
  return visibility === 'Public' ? 'open' : 'approval';
}

function visibilityForJoinPolicy(policy: JoinPolicy, current: Visibility): Visibility {
  if (policy === 'open') return 'Public';
  if (policy === 'approval') return current === 'HiddenMembership' ? 'HiddenMembership' : 'Private';
  return current;
}

function consistentForM365(shape: JoinShape): boolean {
  if (shape.joinPolicy === 'closed') return true;
  return joinPolicyForVisibility(shape.visibility) === shape.joinPolicy;
}

/**
 * The join policy and visibility of a new group from what was asked and the channel's defaults.
 * `ceiling` lowers a *default* that is more open than owners may choose (an explicit choice above
 * it is refused by decideCreateGroup instead). Throws DomainError on an impossible combination.
 */
export function resolveNewJoinShape(
  kind: GroupKind,
  requested: { joinPolicy?: JoinPolicy | undefined; visibility?: Visibility | undefined },
  defaults: JoinShape,
  ceiling: JoinPolicy | null,
): JoinShape {
  if (requested.visibility === 'HiddenMembership' && kind !== 'microsoft365') throw new DomainError('hiddenMembershipOnlyForM365');
  let shape: JoinShape;
  if (kind !== 'microsoft365') {
    shape = { joinPolicy: requested.joinPolicy ?? defaults.joinPolicy, visibility: requested.visibility ?? defaults.visibility };
  } else if (requested.joinPolicy && requested.visibility) {
    shape = { joinPolicy: requested.joinPolicy, visibility: requested.visibility };
    if (!consistentForM365(shape)) throw new DomainError('invalidInput', `joinPolicy '${shape.joinPolicy}' does not match visibility '${shape.visibility}' for a Microsoft 365 group.`);
  } else if (requested.visibility) {
    shape = { joinPolicy: joinPolicyForVisibility(requested.visibility), visibility: requested.visibility };
  } else if (requested.joinPolicy) {
    shape = { joinPolicy: requested.joinPolicy, visibility: visibilityForJoinPolicy(requested.joinPolicy, defaults.visibility) };
  } else {
    shape = defaults;
  }
  // Only a default is lowered: a policy the caller chose (for Microsoft 365, also through visibility) is kept,
  // and decideCreateGroup refuses it if it is above the ceiling.
  const chosen = requested.joinPolicy !== undefined || (kind === 'microsoft365' && requested.visibility !== undefined);
  if (ceiling && !chosen && isMoreOpen(shape.joinPolicy, ceiling)) {
    shape = kind === 'microsoft365'
      ? { joinPolicy: ceiling, visibility: visibilityForJoinPolicy(ceiling, shape.visibility) }
      : { joinPolicy: ceiling, visibility: shape.visibility };
  }
  return shape;
}

/**
 * The shape after an update. Setting visibility of a Microsoft 365 group sets the matching join
 * policy; HiddenMembership can be neither added nor removed after creation.
 */
export function resolveUpdatedJoinShape(
  kind: GroupKind,
  current: JoinShape,
  changes: { joinPolicy?: JoinPolicy | undefined; visibility?: Visibility | undefined },
): JoinShape {
  const { visibility, joinPolicy } = changes;
  if (visibility !== undefined && visibility !== current.visibility
    && (visibility === 'HiddenMembership' || current.visibility === 'HiddenMembership')) {
    throw new DomainError('hiddenMembershipImmutable');
  }
  if (kind !== 'microsoft365') {
    return { joinPolicy: joinPolicy ?? current.joinPolicy, visibility: visibility ?? current.visibility };
  }
  if (joinPolicy !== undefined && visibility !== undefined) {
    const shape = { joinPolicy, visibility };
    if (!consistentForM365(shape)) throw new DomainError('invalidInput', `joinPolicy '${joinPolicy}' does not match visibility '${visibility}' for a Microsoft 365 group.`);
    return shape;
  }
  if (visibility !== undefined) return { joinPolicy: joinPolicyForVisibility(visibility), visibility };
  if (joinPolicy !== undefined) {
    const next = { joinPolicy, visibility: visibilityForJoinPolicy(joinPolicy, current.visibility) };
    // An open Microsoft 365 group is Public: opening a HiddenMembership group would un-hide its members.
    if (current.visibility === 'HiddenMembership' && next.visibility !== 'HiddenMembership') throw new DomainError('hiddenMembershipImmutable');
    return next;
  }
  return current;
}

/**
 * A role-assignable group hands out directory roles, so nobody may join it by self-service
 * (SECURITY #2): it is always Private and closed — only owners and admins add members.
 */
export function roleAssignableShape(joinPolicy: JoinPolicy | undefined): JoinShape {
  if (joinPolicy !== undefined && joinPolicy !== 'closed') {
    throw new DomainError('invalidInput', 'A role-assignable group cannot be joined or requested: its join policy is always closed.');
  }
  return { joinPolicy: 'closed', visibility: 'Private' };
}
