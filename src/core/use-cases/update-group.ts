// Edit a group's properties (SPEC §3.7; owners are bound by §3.2 and the policy ceiling).
import { DomainError } from '../domain/errors.js';
import { groupKind, type Group, type JoinPolicy, type Visibility } from '../domain/model.js';
import { resolveUpdatedJoinShape, roleAssignableShape } from '../domain/policy/join-shape.js';
import { decideGroupName } from '../domain/policy/creation.js';
import { decideUpdateGroup } from '../domain/policy/lifecycle.js';
import { MAX_DESCRIPTION, validDisplayName, validMailNickname, validOptionalText } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase } from './support/context.js';
import { loadVisibleGroup } from './support/relation.js';
import { viewOf, type GroupView } from './support/views.js';

export interface UpdateGroupInput {
  groupId: string;
  displayName?: string | undefined;
  description?: string | null | undefined;
  mailNickname?: string | undefined;
  joinPolicy?: JoinPolicy | undefined;
  visibility?: Visibility | undefined;
  classification?: string | null | undefined;
  membershipRule?: string | null | undefined;
  membershipRuleProcessingState?: 'On' | 'Paused' | undefined;
}

export async function updateGroup(deps: CoreDeps, caller: Caller, input: UpdateGroupInput): Promise<GroupView> {
  return runUseCase(deps, caller, 'group.update', { type: 'group', id: input.groupId }, async (uc) => {
    const { group, rel } = await loadVisibleGroup(uc, input.groupId, { lock: true });
    const changed = resolveUpdatedJoinShape(groupKind(group), group, input);
    const shape = group.isAssignableToRole ? roleAssignableShape(changed.joinPolicy) : changed;
    uc.enforce(decideUpdateGroup(uc.policy, group, rel, { joinPolicy: shape.joinPolicy }));
    if (input.displayName !== undefined) uc.enforce(decideGroupName(uc.policy, input.displayName));
    const updated: Group = {
      ...group,
      displayName: input.displayName !== undefined ? validDisplayName(input.displayName) : group.displayName,
      description: input.description !== undefined ? validOptionalText(input.description, 'description', MAX_DESCRIPTION) : group.description,
      mailNickname: input.mailNickname !== undefined ? validMailNickname(input.mailNickname) : group.mailNickname,
      classification: input.classification !== undefined ? validOptionalText(input.classification, 'classification', 256) : group.classification,
      joinPolicy: shape.joinPolicy,
      visibility: shape.visibility,
      membershipRule: group.groupTypes.includes('DynamicMembership') && input.membershipRule ? input.membershipRule : group.membershipRule,
      membershipRuleProcessingState: group.groupTypes.includes('DynamicMembership') ? input.membershipRuleProcessingState ?? group.membershipRuleProcessingState : null,
    };
    if (updated.mailNickname.toLowerCase() !== group.mailNickname.toLowerCase()) {
      const other = await uc.scope.groups.getByMailNickname(updated.mailNickname);
      if (other && other.id !== group.id) throw new DomainError('mailNicknameTaken');
    }
    await uc.scope.groups.update(updated);
    await uc.audit({ action: 'group.update', targetType: 'group', targetId: group.id, before: group, after: updated });
    await uc.scope.outbox.enqueue({ topic: 'group.updated', payload: { groupId: group.id } }, uc.now);
    return viewOf(uc, updated);
  });
}
