// SPEC §3.2, the tenant settings table: every row, every value, as a named case.
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { GroupKind } from '../model.js';
import { defaultSettings, DEFAULT_SELF_SERVICE_GROUP_NAME, SETTINGS, type TenantSettings } from '../settings.js';
import {
  admin, app, ctx, group, IDS, joinRequest, REL, rel, SYSTEM, TENANT, user, userIn,
} from '../../testing/policy-fixtures.js';
import type { PolicyContext } from './context.js';
import { withSelectedGroupDefault } from './context.js';
import { decideCreateGroup } from './creation.js';
import { decideDeleteGroup, decideUpdateGroup } from './lifecycle.js';
import { decideAddMember, decideJoin, decideLeave, decideManageMembers, decideRemoveMember, decideRequestToJoin } from './membership.js';
import { decideAddOwner, decideAssignOwners, decideRemoveOwner } from './owners.js';
import { decideDecision } from './requests.js';

type Row = readonly [name: string, decide: () => Decision, expected: Decision];

const createAs = (c: PolicyContext, kind: GroupKind) => decideCreateGroup(c, { kind, joinPolicy: 'closed', dynamic: false });

describe('§3.2 defaults are the table\'s defaults', () => {
  it.each([
    ['Users can create security groups', 'securityGroupCreation', 'All'],
    ['Users can create Microsoft 365 groups', 'm365GroupCreation', 'All'],
    ['Owners can manage group membership requests in My Groups', 'ownersCanManageJoinRequests', false],
    ['Restrict user ability to access groups features in My Groups', 'restrictMyGroups', false],
    ['Owners who can assign members as group owners', 'ownerAssignment', 'All'],
  ] as const)('§3.2 %s defaults to %s', (label, key, value) => {
    expect(defaultSettings()[key]).toBe(value);
    expect(SETTINGS[key].label).toBe(label);
  });

  it('§3.2 Selected groups default to none chosen (the SSGMSecurityGroupsUsers fallback applies)', () => {
    const s = defaultSettings();
    expect([s.securityGroupCreationGroupId, s.m365GroupCreationGroupId, s.ownerAssignmentGroupId]).toEqual([null, null, null]);
    expect(DEFAULT_SELF_SERVICE_GROUP_NAME).toBe('SSGMSecurityGroupsUsers');
  });
});

describe.each([
  { kind: 'security' as const, label: 'Users can create security groups', audienceKey: 'securityGroupCreation' as const, groupKey: 'securityGroupCreationGroupId' as const, other: 'microsoft365' as const },
  { kind: 'microsoft365' as const, label: 'Users can create Microsoft 365 groups', audienceKey: 'm365GroupCreation' as const, groupKey: 'm365GroupCreationGroupId' as const, other: 'security' as const },
])('§3.2 $label', ({ kind, label, audienceKey, groupKey, other }) => {
  const selected = (groupId: string | null): Partial<TenantSettings> => ({ [audienceKey]: 'Selected', [groupKey]: groupId });
  const none: Partial<TenantSettings> = { [audienceKey]: 'None' };
  /** Selected with no group chosen, resolved the way the use case resolves it. */
  const selectedDefault = (ssgmId: string | null): TenantSettings =>
    withSelectedGroupDefault({ ...defaultSettings(), [audienceKey]: 'Selected' }, ssgmId);

  const rows: Row[] = [
    [`§3.2 ${label} = All (default), plain user → allow`, () => createAs(ctx(user()), kind), ALLOW],
    [`§3.2 ${label} = All, guest user → allow`, () => createAs(ctx(user({ userType: 'Guest' })), kind), ALLOW],
    [`§3.2 ${label} = Selected, user a direct member of the group → allow`,
      () => createAs(ctx(userIn(IDS.selected), { settings: selected(IDS.selected) }), kind), ALLOW],
    [`§3.2 ${label} = Selected, user in the group (transitively, through a nested group) → allow`,
      () => createAs(ctx(userIn(IDS.child, IDS.selected), { settings: selected(IDS.selected) }), kind), ALLOW],
    [`§3.2 ${label} = Selected, user not in the group → deny notInCreationGroup`,
      () => createAs(ctx(userIn(IDS.child), { settings: selected(IDS.selected) }), kind), deny('notInCreationGroup')],
    [`§3.2 ${label} = Selected, no group chosen, user in ${DEFAULT_SELF_SERVICE_GROUP_NAME} (withSelectedGroupDefault) → allow`,
      () => createAs({ ...ctx(userIn(IDS.ssgm)), settings: selectedDefault(IDS.ssgm) }, kind), ALLOW],
    [`§3.2 ${label} = Selected, no group chosen, user not in ${DEFAULT_SELF_SERVICE_GROUP_NAME} → deny notInCreationGroup`,
      () => createAs({ ...ctx(userIn(IDS.selected)), settings: selectedDefault(IDS.ssgm) }, kind), deny('notInCreationGroup')],
    [`§3.2 ${label} = Selected, no group chosen and no ${DEFAULT_SELF_SERVICE_GROUP_NAME} group exists → deny notInCreationGroup`,
      () => createAs({ ...ctx(userIn(IDS.ssgm)), settings: selectedDefault(null) }, kind), deny('notInCreationGroup')],
    [`§3.2 ${label} = Selected, a chosen group wins over ${DEFAULT_SELF_SERVICE_GROUP_NAME} → deny notInCreationGroup for a member of the default only`,
      () => createAs({ ...ctx(userIn(IDS.ssgm)), settings: withSelectedGroupDefault({ ...defaultSettings(), ...selected(IDS.selected) }, IDS.ssgm) }, kind),
      deny('notInCreationGroup')],
    [`§3.2 ${label} = Selected, groupsAdmin outside the group → allow (administrators may always create)`,
      () => createAs(ctx(admin('groupsAdmin'), { settings: selected(IDS.selected) }), kind), ALLOW],
    [`§3.2 ${label} = None, plain user → deny creationDisabledForKind`, () => createAs(ctx(user(), { settings: none }), kind), deny('creationDisabledForKind')],
    [`§3.2 ${label} = None, user in ${DEFAULT_SELF_SERVICE_GROUP_NAME} → deny creationDisabledForKind`,
      () => createAs({ ...ctx(userIn(IDS.ssgm)), settings: withSelectedGroupDefault({ ...defaultSettings(), ...none }, IDS.ssgm) }, kind),
      deny('creationDisabledForKind')],
    [`§3.2 ${label} = None, globalAdmin → allow`, () => createAs(ctx(admin('globalAdmin'), { settings: none }), kind), ALLOW],
    [`§3.2 ${label} = None, groupsAdmin → allow`, () => createAs(ctx(admin('groupsAdmin'), { settings: none }), kind), ALLOW],
    [`§3.2 ${label} = None, userAdmin → allow`, () => createAs(ctx(admin('userAdmin'), { settings: none }), kind), ALLOW],
    [`§3.2 ${label} = None, appAdmin (not a group administrator) → deny creationDisabledForKind`,
      () => createAs(ctx(admin('appAdmin'), { settings: none }), kind), deny('creationDisabledForKind')],
    [`§3.2 ${label} = None, disabled globalAdmin → deny accountDisabled`,
      () => createAs(ctx(admin('globalAdmin', { accountEnabled: false }), { settings: none }), kind), deny('accountDisabled')],
    [`§3.2 ${label} = None, app with Group.Create → allow (app permissions decide, not user settings)`,
      () => createAs(ctx(app('Group.Create'), { settings: none }), kind), ALLOW],
    [`§3.2 ${label} = None, app with Group.ReadWrite.All → allow`, () => createAs(ctx(app('Group.ReadWrite.All'), { settings: none }), kind), ALLOW],
    [`§3.2 ${label} = All, app without a group-writing permission → deny missingPermission`,
      () => createAs(ctx(app('Group.Read.All', 'User.ReadWrite.All')), kind), deny('missingPermission')],
    [`§3.2 ${label} = None, the system → allow`, () => createAs(ctx(SYSTEM, { settings: none }), kind), ALLOW],
    [`§3.2 ${label} = None does not limit the other kind (${other}) → allow`, () => createAs(ctx(user(), { settings: none }), other), ALLOW],
  ];
  it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));
});

describe('§3.2 Owners can manage group membership requests in My Groups', () => {
  const approvalGroup = group({ joinPolicy: 'approval' });
  const yes: Partial<TenantSettings> = { ownersCanManageJoinRequests: true };
  const rows: Row[] = [
    ['§3.2 Owners can manage group membership requests = No (default), owner approves → deny ownersCannotManageRequests',
      () => decideDecision(ctx(user()), approvalGroup, REL.owner, joinRequest(), 'approve'), deny('ownersCannotManageRequests')],
    ['§3.2 Owners can manage group membership requests = No, owner denies → deny ownersCannotManageRequests',
      () => decideDecision(ctx(user()), approvalGroup, REL.owner, joinRequest(), 'deny'), deny('ownersCannotManageRequests')],
    ['§3.2 Owners can manage group membership requests = No, user requests to join an approval group → deny joinRequestsDisabled',
      () => decideRequestToJoin(ctx(user()), approvalGroup, REL.outsider, { justification: 'x', requestedDurationDays: null }), deny('joinRequestsDisabled')],
    ['§3.2 Owners can manage group membership requests = No, groupsAdmin approves → allow',
      () => decideDecision(ctx(admin()), approvalGroup, REL.outsider, joinRequest(), 'approve'), ALLOW],
    ['§3.2 Owners can manage group membership requests = No, app with GroupMember.ReadWrite.All approves → allow',
      () => decideDecision(ctx(app('GroupMember.ReadWrite.All')), approvalGroup, REL.outsider, joinRequest(), 'approve'), ALLOW],
    ['§3.2 Owners can manage group membership requests = No, owner still adds a member directly → allow',
      () => decideAddMember(ctx(user()), approvalGroup, REL.owner, { type: 'user', userId: IDS.other }, false), ALLOW],
    ['§3.2 Owners can manage group membership requests = Yes, owner approves → allow',
      () => decideDecision(ctx(user(), { settings: yes }), approvalGroup, REL.owner, joinRequest(), 'approve'), ALLOW],
    ['§3.2 Owners can manage group membership requests = Yes, owner denies → allow',
      () => decideDecision(ctx(user(), { settings: yes }), approvalGroup, REL.owner, joinRequest(), 'deny'), ALLOW],
    ['§3.2 Owners can manage group membership requests = Yes, user requests to join an approval group → allow',
      () => decideRequestToJoin(ctx(user(), { settings: yes }), approvalGroup, REL.outsider, { justification: null, requestedDurationDays: null }), ALLOW],
    ['§3.2 Owners can manage group membership requests = Yes, a non-owner approves → deny notOwner',
      () => decideDecision(ctx(user(), { settings: yes }), approvalGroup, REL.member, joinRequest(), 'approve'), deny('notOwner')],
  ];
  it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));
});

describe('§3.2 Restrict user ability to access groups features in My Groups (§3.8: portal only, admins keep access)', () => {
  const restricted = { restrictMyGroups: true };
  const open = group({ joinPolicy: 'open' });
  const memberRow = { tenantId: TENANT, groupId: IDS.group, memberId: IDS.user, memberType: 'user' as const, source: 'join' as const, addedBy: IDS.user, addedDateTime: '2026-01-01T00:00:00.000Z', expiresDateTime: null, requestId: null };
  const ops: Array<readonly [string, (c: PolicyContext) => Decision, 'self' | 'owner']> = [
    ['create a security group', (c) => createAs(c, 'security'), 'self'],
    ['join an open group', (c) => decideJoin(c, open, REL.outsider), 'self'],
    ['request to join', (c) => decideRequestToJoin({ ...c, settings: { ...c.settings, ownersCanManageJoinRequests: true } }, group(), REL.outsider, { justification: 'x', requestedDurationDays: null }), 'self'],
    ['leave a group', (c) => decideLeave(c, open, memberRow), 'self'],
    ['add a member (owner)', (c) => decideAddMember(c, group(), REL.owner, { type: 'user', userId: IDS.other }, false), 'owner'],
    ['remove a member (owner)', (c) => decideRemoveMember(c, group(), REL.owner, true), 'owner'],
    ['make a member an owner (owner)', (c) => decideAddOwner(c, group(), REL.owner, { isMember: true, isOwner: false }), 'owner'],
    ['edit the group (owner)', (c) => decideUpdateGroup(c, group(), REL.owner), 'owner'],
    ['delete the group (owner)', (c) => decideDeleteGroup(c, group(), REL.owner), 'owner'],
    ['approve a request (owner)', (c) => decideDecision({ ...c, settings: { ...c.settings, ownersCanManageJoinRequests: true } }, group(), REL.owner, joinRequest(), 'approve'), 'owner'],
  ];
  const rows: Row[] = ops.flatMap(([op, decide]) => [
    [`§3.2 Restrict My Groups = Yes, plain user in myGroups: ${op} → deny myGroupsRestricted`,
      () => decide(ctx(user(), { settings: restricted, channel: 'myGroups' })), deny('myGroupsRestricted')] as const,
    [`§3.2 Restrict My Groups = Yes, plain user through the api: ${op} → allow (api unaffected)`,
      () => decide(ctx(user(), { settings: restricted, channel: 'api' })), ALLOW] as const,
    [`§3.2 Restrict My Groups = Yes, plain user through adminCenter: ${op} → allow (portal-only setting)`,
      () => decide(ctx(user(), { settings: restricted, channel: 'adminCenter' })), ALLOW] as const,
    [`§3.2 Restrict My Groups = No (default), plain user in myGroups: ${op} → allow`,
      () => decide(ctx(user(), { channel: 'myGroups' })), ALLOW] as const,
  ]);
  rows.push(
    ['§3.2 Restrict My Groups = Yes, groupsAdmin in myGroups: create a security group → allow (admins keep access)',
      () => createAs(ctx(admin(), { settings: restricted, channel: 'myGroups' }), 'security'), ALLOW],
    ['§3.2 Restrict My Groups = Yes, globalAdmin in myGroups: add a member → allow (admins keep access)',
      () => decideAddMember(ctx(admin('globalAdmin'), { settings: restricted, channel: 'myGroups' }), group(), REL.outsider, { type: 'user', userId: IDS.other }, false), ALLOW],
    ['§3.2 Restrict My Groups = Yes, groupsAdmin in myGroups: join an open group → allow (admins keep access)',
      () => decideJoin(ctx(admin(), { settings: restricted, channel: 'myGroups' }), open, REL.outsider), ALLOW],
    ['§3.2 Restrict My Groups = Yes, appAdmin (not a group administrator) in myGroups: join → deny myGroupsRestricted',
      () => decideJoin(ctx(admin('appAdmin'), { settings: restricted, channel: 'myGroups' }), open, REL.outsider), deny('myGroupsRestricted')],
  );
  it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));
});

describe('§3.2 Owners who can assign members as group owners', () => {
  const target = { isMember: true, isOwner: false };
  const settings = (s: Partial<TenantSettings>, ssgm: string | null = null) => withSelectedGroupDefault({ ...defaultSettings(), ...s }, ssgm);
  const rows: Row[] = [
    ['§3.2 Owners who can assign members as group owners = All (default), owner makes a member an owner → allow',
      () => decideAddOwner(ctx(user()), group(), REL.owner, target), ALLOW],
    ['§3.2 Owners who can assign members as group owners = Selected, owner in the group → allow',
      () => decideAddOwner(ctx(userIn(IDS.selected), { settings: { ownerAssignment: 'Selected', ownerAssignmentGroupId: IDS.selected } }), group(), REL.owner, target), ALLOW],
    ['§3.2 Owners who can assign members as group owners = Selected, owner in the group (transitively) → allow',
      () => decideAddOwner(ctx(userIn(IDS.child, IDS.selected), { settings: { ownerAssignment: 'Selected', ownerAssignmentGroupId: IDS.selected } }), group(), REL.owner, target), ALLOW],
    ['§3.2 Owners who can assign members as group owners = Selected, owner not in the group → deny ownerAssignmentDisabled',
      () => decideAddOwner(ctx(user(), { settings: { ownerAssignment: 'Selected', ownerAssignmentGroupId: IDS.selected } }), group(), REL.owner, target), deny('ownerAssignmentDisabled')],
    [`§3.2 Owners who can assign members as group owners = Selected, no group chosen, owner in ${DEFAULT_SELF_SERVICE_GROUP_NAME} → allow`,
      () => decideAddOwner({ ...ctx(userIn(IDS.ssgm)), settings: settings({ ownerAssignment: 'Selected' }, IDS.ssgm) }, group(), REL.owner, target), ALLOW],
    [`§3.2 Owners who can assign members as group owners = Selected, no group chosen and no ${DEFAULT_SELF_SERVICE_GROUP_NAME} → deny ownerAssignmentDisabled`,
      () => decideAddOwner({ ...ctx(userIn(IDS.ssgm)), settings: settings({ ownerAssignment: 'Selected' }, null) }, group(), REL.owner, target), deny('ownerAssignmentDisabled')],
    ['§3.2 Owners who can assign members as group owners = None, owner → deny ownerAssignmentDisabled',
      () => decideAddOwner(ctx(user(), { settings: { ownerAssignment: 'None' } }), group(), REL.owner, target), deny('ownerAssignmentDisabled')],
    ['§3.2 Owners who can assign members as group owners = None, the assignOwners ability is off for an owner',
      () => decideAssignOwners(ctx(user(), { settings: { ownerAssignment: 'None' } }), group(), REL.owner), deny('ownerAssignmentDisabled')],
    ['§3.2 Owners who can assign members as group owners = None, groupsAdmin → allow (admins always may)',
      () => decideAddOwner(ctx(admin(), { settings: { ownerAssignment: 'None' } }), group(), REL.outsider, target), ALLOW],
    ['§3.2 Owners who can assign members as group owners = None, app with Group.ReadWrite.All → allow (permissions decide)',
      () => decideAddOwner(ctx(app('Group.ReadWrite.All'), { settings: { ownerAssignment: 'None' } }), group(), REL.outsider, target), ALLOW],
    ['§3.2 Owners who can assign members as group owners = None, an owner may still remove a co-owner → allow (only assigning is limited)',
      () => decideRemoveOwner(ctx(user(), { settings: { ownerAssignment: 'None' } }), group(), REL.owner, { isMember: false, isOwner: true }), ALLOW],
  ];
  it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));
});

describe('§3.2 creation not allowed ⇒ an owner cannot change groups of that kind, but can still manage members and approve requests', () => {
  const cases = [
    { kind: 'security' as const, setting: { securityGroupCreation: 'None' } as Partial<TenantSettings>, why: 'security = None' },
    { kind: 'security' as const, setting: { securityGroupCreation: 'Selected', securityGroupCreationGroupId: IDS.selected } as Partial<TenantSettings>, why: 'security = Selected, owner not in the group' },
    { kind: 'microsoft365' as const, setting: { m365GroupCreation: 'None' } as Partial<TenantSettings>, why: 'Microsoft 365 = None' },
  ];
  const rows: Row[] = cases.flatMap(({ kind, setting, why }) => {
    const g = group({ kind, joinPolicy: 'approval' });
    const c = ctx(user(), { settings: { ...setting, ownersCanManageJoinRequests: true } });
    return [
      [`§3.2 creation ${why}: owner renames / edits the group → deny creationDisabledCannotEdit`, () => decideUpdateGroup(c, g, REL.owner), deny('creationDisabledCannotEdit')],
      [`§3.2 creation ${why}: owner changes the join policy → deny creationDisabledCannotEdit`, () => decideUpdateGroup(c, g, REL.owner, { joinPolicy: 'closed' }), deny('creationDisabledCannotEdit')],
      [`§3.2 creation ${why}: owner deletes the group → deny creationDisabledCannotEdit`, () => decideDeleteGroup(c, g, REL.owner), deny('creationDisabledCannotEdit')],
      [`§3.2 creation ${why}: owner manages members → allow`, () => decideManageMembers(c, g, REL.owner), ALLOW],
      [`§3.2 creation ${why}: owner adds a member → allow`, () => decideAddMember(c, g, REL.owner, { type: 'user', userId: IDS.other }, false), ALLOW],
      [`§3.2 creation ${why}: owner removes a member → allow`, () => decideRemoveMember(c, g, REL.owner, true), ALLOW],
      [`§3.2 creation ${why}: owner approves a request → allow`, () => decideDecision(c, g, REL.owner, joinRequest(), 'approve'), ALLOW],
      [`§3.2 creation ${why}: owner denies a request → allow`, () => decideDecision(c, g, REL.owner, joinRequest(), 'deny'), ALLOW],
      [`§3.2 creation ${why}: groupsAdmin edits → allow`, () => decideUpdateGroup(ctx(admin(), { settings: setting }), g, REL.outsider), ALLOW],
    ] as Row[];
  });
  rows.push(
    ['§3.2 creation security = None does not stop an owner editing a Microsoft 365 group → allow',
      () => decideUpdateGroup(ctx(user(), { settings: { securityGroupCreation: 'None' } }), group({ kind: 'microsoft365' }), REL.owner), ALLOW],
    ['§3.2 creation security = Selected, owner in the group → edit allowed',
      () => decideUpdateGroup(ctx(userIn(IDS.selected), { settings: { securityGroupCreation: 'Selected', securityGroupCreationGroupId: IDS.selected } }), group(), rel({ isOwner: true })), ALLOW],
  );
  it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));
});
