// SPEC §3.2 (who may create which kind) and §3.3 (the defaults of a new group, by channel and kind).
import { appHas } from '../actor.js';
import { ALLOW, deny, firstDenial, type Decision } from '../decision.js';
import { isSelfServiceKind, JOIN_POLICIES, type Channel, type GroupKind, type JoinPolicy, type Visibility } from '../model.js';
import { DEFAULT_SELF_SERVICE_GROUP_NAME, type Audience, type TenantSettings } from '../settings.js';
import { actsAsAdmin, audienceIncludes, decideMyGroupsAccess, requireEnabled, type PolicyContext } from './context.js';

export function creationAudience(settings: TenantSettings, kind: 'security' | 'microsoft365'): { audience: Audience; groupId: string | null } {
  return kind === 'security'
    ? { audience: settings.securityGroupCreation, groupId: settings.securityGroupCreationGroupId }
    : { audience: settings.m365GroupCreation, groupId: settings.m365GroupCreationGroupId };
}

/** Whether the creation setting for this kind lets the (non-admin) actor create — and so change — groups of it. */
export function decideCreationSetting(ctx: PolicyContext, kind: GroupKind, whenRefused: 'create' | 'edit'): Decision {
  if (!isSelfServiceKind(kind)) return deny('notSelfServiceKind');
  const { audience, groupId } = creationAudience(ctx.settings, kind);
  if (audienceIncludes(ctx.actor, audience, groupId)) return ALLOW;
  if (whenRefused === 'edit') return deny('creationDisabledCannotEdit');
  return deny(audience === 'None' ? 'creationDisabledForKind' : 'notInCreationGroup');
}

/** `a` is more open than `b` (open > approval > closed). */
export function isMoreOpen(a: JoinPolicy, b: JoinPolicy): boolean {
  return JOIN_POLICIES.indexOf(a) < JOIN_POLICIES.indexOf(b);
}

export interface CreateGroupRequest {
  readonly kind: GroupKind;
  readonly joinPolicy: JoinPolicy;
  readonly dynamic: boolean;
}

/** May this actor create a group of this kind, with this join policy, through this channel? */
export function decideCreateGroup(ctx: PolicyContext, req: CreateGroupRequest): Decision {
  const { actor } = ctx;
  if (actor.kind === 'app') return appHas(actor, 'Group.ReadWrite.All', 'Group.Create') ? ALLOW : deny('missingPermission');
  return firstDenial(
    () => requireEnabled(ctx),
    () => decideMyGroupsAccess(ctx),
    () => (actsAsAdmin(ctx) ? ALLOW : firstDenial(
      () => (req.dynamic ? deny('notAdmin') : ALLOW),
      () => decideCreationSetting(ctx, req.kind, 'create'),
      () => (isMoreOpen(req.joinPolicy, ctx.settings.maxOwnerJoinPolicy) ? deny('joinPolicyAboveCeiling') : ALLOW),
      () => (ctx.settings.licenceEnforcement && req.joinPolicy === 'approval' && actor.kind === 'user' && !actor.hasPremiumLicence
        ? deny('licenceRequired') : ALLOW),
    )),
  );
}

/** Who becomes owner of a new group when the request names no owners. */
export type AutomaticOwner = 'creator' | 'none';

export interface NewGroupDefaults {
  readonly joinPolicy: JoinPolicy;
  readonly visibility: Visibility;
  /** Applied only when the request gives no owners. */
  readonly automaticOwner: AutomaticOwner;
  readonly externallyManaged: boolean;
}

/**
 * SPEC §3.3, exactly:
 * | channel     | security                                    | Microsoft 365                 |
 * | api         | closed, Private; non-admin creator is owner | open, Public; caller is owner |
 * | adminCenter | closed, Private; no owner automatically     | open, Public; no owner auto.  |
 * | myGroups    | open (creator chooses); creator is owner    | open (creator chooses); owner |
 * `scim` (inbound provisioning, not in the table): closed, Private, no owner, externally managed.
 */
export function newGroupDefaults(channel: Channel, kind: GroupKind, creatorIsAdmin: boolean): NewGroupDefaults {
  const m365 = kind === 'microsoft365';
  const visibility: Visibility = m365 ? 'Public' : 'Private';
  switch (channel) {
    case 'api':
      return m365
        ? { joinPolicy: 'open', visibility, automaticOwner: 'creator', externallyManaged: false }
        : { joinPolicy: 'closed', visibility, automaticOwner: creatorIsAdmin ? 'none' : 'creator', externallyManaged: false };
    case 'adminCenter':
      return { joinPolicy: m365 ? 'open' : 'closed', visibility, automaticOwner: 'none', externallyManaged: false };
    case 'myGroups':
      return { joinPolicy: 'open', visibility, automaticOwner: 'creator', externallyManaged: false };
    case 'scim':
      return { joinPolicy: 'closed', visibility: 'Private', automaticOwner: 'none', externallyManaged: true };
  }
}

/**
 * The legacy "Selected" group name (SSGMSecurityGroupsUsers) is reserved for administrators: when a
 * "Selected" setting names no group, the group with this name decides who may create groups or assign
 * owners (withSelectedGroupDefault), so a user who named their own group so would select themselves.
 */
export function decideGroupName(ctx: PolicyContext, displayName: string): Decision {
  if (displayName.trim().toLowerCase() !== DEFAULT_SELF_SERVICE_GROUP_NAME.toLowerCase()) return ALLOW;
  return actsAsAdmin(ctx) || appHas(ctx.actor, 'Group.ReadWrite.All') ? ALLOW : deny('notAdmin');
}
