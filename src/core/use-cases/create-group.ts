// Create a group through any channel, with the channel's defaults (SPEC §3.2, §3.3).
import { actorId } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import { groupKind, isDynamic, MAX_OWNERS_PER_GROUP, type Group, type GroupType, type JoinPolicy, type Visibility } from '../domain/model.js';
import { actsAsAdmin, decideCreateRoleAssignable, NO_RELATION } from '../domain/policy/context.js';
import { decideCreateGroup, decideGroupName, newGroupDefaults } from '../domain/policy/creation.js';
import { resolveNewJoinShape, roleAssignableShape } from '../domain/policy/join-shape.js';
import { decideManageMembers, decideNesting } from '../domain/policy/membership.js';
import { mailNicknameFrom, MAX_DESCRIPTION, validDisplayName, validMailNickname, validOptionalText } from '../domain/validation.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { viewOf, type GroupView } from './support/views.js';

export interface CreateGroupInput {
  displayName: string;
  description?: string | null | undefined;
  mailNickname?: string | undefined;
  groupTypes?: GroupType[] | undefined;
  securityEnabled: boolean;
  mailEnabled: boolean;
  joinPolicy?: JoinPolicy | undefined;
  visibility?: Visibility | undefined;
  classification?: string | null | undefined;
  membershipRule?: string | null | undefined;
  isAssignableToRole?: boolean | undefined;
  /** User ids. When empty, the channel's automatic owner applies. */
  owners?: string[] | undefined;
  /** User or group ids. */
  members?: string[] | undefined;
}

export async function createGroup(deps: CoreDeps, caller: Caller, input: CreateGroupInput): Promise<GroupView> {
  return runUseCase(deps, caller, 'group.create', { type: 'group', id: null }, async (uc) => {
    const groupTypes = [...new Set(input.groupTypes ?? [])];
    const shapeFlags = { groupTypes, securityEnabled: input.securityEnabled, mailEnabled: input.mailEnabled };
    if (!input.securityEnabled && !input.mailEnabled) throw new DomainError('invalidInput', 'A group must be security-enabled, mail-enabled, or both.');
    if (groupTypes.includes('Unified') && !input.mailEnabled) throw new DomainError('invalidInput', 'A Microsoft 365 group must be mail-enabled.');
    const kind = groupKind(shapeFlags);
    const dynamic = isDynamic(shapeFlags);
    if (dynamic && !input.membershipRule) throw new DomainError('invalidInput', 'A dynamic group needs a membershipRule.');
    if (input.isAssignableToRole && (!input.securityEnabled || dynamic)) throw new DomainError('invalidInput', 'A role-assignable group must be security-enabled and not dynamic.');
    if (input.isAssignableToRole) uc.enforce(decideCreateRoleAssignable(uc.policy));

    const admin = actsAsAdmin(uc.policy);
    const defaults = newGroupDefaults(caller.channel, kind, admin);
    const ceiling = uc.actor.kind === 'user' && !admin ? uc.settings.maxOwnerJoinPolicy : null;
    const shape = input.isAssignableToRole ? roleAssignableShape(input.joinPolicy) : resolveNewJoinShape(kind, input, defaults, ceiling);
    uc.enforce(decideCreateGroup(uc.policy, { kind, joinPolicy: shape.joinPolicy, dynamic }));
    uc.enforce(decideGroupName(uc.policy, input.displayName));

    const owners = await resolveOwners(uc, input.owners, defaults.automaticOwner);
    const group: Group = {
      tenantId: caller.tenantId,
      id: deps.ids.newId(),
      displayName: validDisplayName(input.displayName),
      description: validOptionalText(input.description, 'description', MAX_DESCRIPTION),
      mailNickname: await uniqueNickname(uc, input.mailNickname, input.displayName),
      mail: null,
      groupTypes,
      securityEnabled: input.securityEnabled,
      mailEnabled: input.mailEnabled,
      visibility: shape.visibility,
      joinPolicy: shape.joinPolicy,
      classification: validOptionalText(input.classification, 'classification', 256),
      createdVia: caller.channel,
      createdBy: actorId(uc.actor),
      createdDateTime: uc.now,
      renewedDateTime: uc.now,
      expirationDateTime: null,
      deletedDateTime: null,
      membershipRule: input.membershipRule ?? null,
      membershipRuleProcessingState: dynamic ? 'On' : null,
      isAssignableToRole: input.isAssignableToRole ?? false,
      onPremisesSyncEnabled: false,
      externallyManaged: defaults.externallyManaged,
    };
    await uc.scope.groups.insert(group);
    for (const userId of owners) {
      await uc.scope.owners.add({ tenantId: caller.tenantId, groupId: group.id, userId, addedBy: actorId(uc.actor), addedDateTime: uc.now });
    }
    const members = await addInitialMembers(uc, group, input.members ?? []);
    await uc.audit({ action: 'group.create', targetType: 'group', targetId: group.id, after: { ...group, owners, members } });
    await uc.scope.outbox.enqueue({ topic: 'group.created', payload: { groupId: group.id } }, uc.now);
    return viewOf(uc, group);
  });
}

async function resolveOwners(uc: UseCaseContext, requested: string[] | undefined, automatic: 'creator' | 'none'): Promise<string[]> {
  const ids = [...new Set(requested ?? [])];
  if (ids.length > MAX_OWNERS_PER_GROUP) throw new DomainError('tooManyOwners');
  if (ids.length === 0) return automatic === 'creator' && uc.actor.kind === 'user' ? [uc.actor.id] : [];
  const users = await uc.scope.users.getMany(ids);
  if (users.length !== ids.length) throw new DomainError('userNotFound');
  return ids;
}

async function uniqueNickname(uc: UseCaseContext, requested: string | undefined, displayName: string): Promise<string> {
  if (requested !== undefined) return validMailNickname(requested);
  const base = mailNicknameFrom(displayName);
  let candidate = base;
  while (await uc.scope.groups.getByMailNickname(candidate)) candidate = `${base}-${uc.deps.ids.newId().slice(0, 4)}`;
  return candidate;
}

async function addInitialMembers(uc: UseCaseContext, group: Group, memberIds: string[]): Promise<string[]> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return [];
  const users = await uc.scope.users.getMany(ids);
  const userIds = new Set(users.map((u) => u.id));
  const groups = await uc.scope.groups.getMany(ids.filter((id) => !userIds.has(id)));
  if (users.length + groups.length !== ids.length) throw new DomainError('memberNotFound');
  // An app that may only create groups (Group.Create) may not choose their members.
  if (uc.actor.kind === 'app') uc.enforce(decideManageMembers(uc.policy, group, NO_RELATION));
  for (const child of groups) {
    const actorOwnsChild = uc.actor.kind === 'user' && await uc.scope.owners.isOwner(child.id, uc.actor.id);
    uc.enforce(decideNesting(uc.policy, group, { type: 'group', group: child, actorOwnsChild, ancestorsOfParent: new Set() }));
  }
  if ((isDynamic(group) || group.externallyManaged) && uc.caller.channel !== 'scim') throw new DomainError(isDynamic(group) ? 'dynamicMembership' : 'externallyManaged');
  const addedBy = actorId(uc.actor);
  for (const id of ids) {
    await uc.scope.memberships.add({
      tenantId: group.tenantId, groupId: group.id, memberId: id, memberType: userIds.has(id) ? 'user' : 'group',
      source: uc.caller.channel === 'scim' ? 'sync' : 'direct', addedBy, addedDateTime: uc.now, expiresDateTime: null, requestId: null,
    });
  }
  return ids;
}
