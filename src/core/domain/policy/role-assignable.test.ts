// Role-assignable groups (SECURITY #2; Entra "restrictions for role-assignable groups"): members and
// owners change only by a global administrator or the group's own owners — not by Groups or User
// Administrators, not by any app — and no group can be nested into one. Found by the authorization
// table (e2e/authz/table-kinds.ts): a groupsAdmin or an app with GroupMember.ReadWrite.All could add
// anyone, and an owner of a role-assignable group could nest a group of their own into it.
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import { admin, app, ctx, group, joinRequest, REL, SYSTEM, user } from '../../testing/policy-fixtures.js';
import { decideCreateRoleAssignable, decideRoleAssignableChange } from './context.js';
import { decideAddMember, decideManageMembers, decideNesting, decideRemoveMember } from './membership.js';
import { decideAddOwner, decideAssignOwners, decideRemoveOwner } from './owners.js';
import { decideDecision } from './requests.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

const roles = group({ isAssignableToRole: true, joinPolicy: 'closed' });
const plain = group({ joinPolicy: 'closed' });
const child = group({ id: '00000000-0000-4000-8000-0000000000c1' });
const nestChild = { type: 'group' as const, group: child, actorOwnsChild: true, ancestorsOfParent: new Set<string>() };
const member = { isMember: true, isOwner: false };
const owner = { isMember: true, isOwner: true };

describe('who creates a role-assignable group', () => {
  run([
    ['a global administrator → allow', () => decideCreateRoleAssignable(ctx(admin('globalAdmin'))), ALLOW],
    ['the system → allow', () => decideCreateRoleAssignable(ctx(SYSTEM)), ALLOW],
    ['a Groups Administrator → deny notAdmin', () => decideCreateRoleAssignable(ctx(admin('groupsAdmin'))), deny('notAdmin')],
    ['a user → deny notAdmin', () => decideCreateRoleAssignable(ctx(user())), deny('notAdmin')],
    ['a disabled global administrator → deny notAdmin', () => decideCreateRoleAssignable(ctx(admin('globalAdmin', { accountEnabled: false }))), deny('notAdmin')],
    ['an app with Group.ReadWrite.All → deny missingPermission', () => decideCreateRoleAssignable(ctx(app('Group.ReadWrite.All'))), deny('missingPermission')],
    ['an app with Group.Create → deny missingPermission', () => decideCreateRoleAssignable(ctx(app('Group.Create'))), deny('missingPermission')],
  ]);
});

describe('who changes the members and owners of a role-assignable group', () => {
  run([
    ['its owner → allow', () => decideManageMembers(ctx(user()), roles, REL.owner), ALLOW],
    ['a global administrator → allow', () => decideManageMembers(ctx(admin('globalAdmin')), roles, REL.outsider), ALLOW],
    ['the system → allow', () => decideManageMembers(ctx(SYSTEM), roles, REL.outsider), ALLOW],
    ['a Groups Administrator → deny roleAssignableRestricted', () => decideManageMembers(ctx(admin('groupsAdmin')), roles, REL.outsider), deny('roleAssignableRestricted')],
    ['a User Administrator → deny roleAssignableRestricted', () => decideManageMembers(ctx(admin('userAdmin')), roles, REL.outsider), deny('roleAssignableRestricted')],
    ['a Groups Administrator who owns it → allow (as its owner)', () => decideManageMembers(ctx(admin('groupsAdmin')), roles, REL.owner), ALLOW],
    ['an app with GroupMember.ReadWrite.All → deny missingPermission', () => decideManageMembers(ctx(app('GroupMember.ReadWrite.All')), roles, REL.outsider), deny('missingPermission')],
    ['an app with Group.ReadWrite.All → deny missingPermission', () => decideManageMembers(ctx(app('Group.ReadWrite.All')), roles, REL.outsider), deny('missingPermission')],
    ['a member who is not an owner → deny notOwner (the usual frame first)', () => decideManageMembers(ctx(user()), roles, REL.member), deny('notOwner')],
    ['a disabled owner → deny accountDisabled', () => decideManageMembers(ctx(user({ accountEnabled: false })), roles, REL.owner), deny('accountDisabled')],
    ['a Groups Administrator on a group that is not role-assignable → allow (unchanged)', () => decideManageMembers(ctx(admin('groupsAdmin')), plain, REL.outsider), ALLOW],
    ['an app on a group that is not role-assignable → allow (unchanged)', () => decideManageMembers(ctx(app('GroupMember.ReadWrite.All')), plain, REL.outsider), ALLOW],
    ['add a user as a Groups Administrator → deny roleAssignableRestricted', () => decideAddMember(ctx(admin('groupsAdmin')), roles, REL.outsider, { type: 'user', userId: 'u' }, false), deny('roleAssignableRestricted')],
    ['remove a member as a Groups Administrator → deny roleAssignableRestricted', () => decideRemoveMember(ctx(admin('groupsAdmin')), roles, REL.outsider, true), deny('roleAssignableRestricted')],
    ['approve a request as a Groups Administrator → deny roleAssignableRestricted',
      () => decideDecision(ctx(admin('groupsAdmin'), { settings: { ownersCanManageJoinRequests: true } }), roles, REL.outsider, joinRequest(), 'approve'), deny('roleAssignableRestricted')],
    ['make a member owner as a Groups Administrator → deny roleAssignableRestricted', () => decideAddOwner(ctx(admin('groupsAdmin')), roles, REL.outsider, member), deny('roleAssignableRestricted')],
    ['make a member owner as its owner → allow', () => decideAddOwner(ctx(user()), roles, REL.owner, member), ALLOW],
    ['make a member owner as a global administrator → allow', () => decideAddOwner(ctx(admin('globalAdmin')), roles, REL.outsider, member), ALLOW],
    ['make an owner as an app with Group.ReadWrite.All → deny missingPermission', () => decideAddOwner(ctx(app('Group.ReadWrite.All')), roles, REL.outsider, member), deny('missingPermission')],
    ['remove an owner as a Groups Administrator → deny roleAssignableRestricted', () => decideRemoveOwner(ctx(admin('groupsAdmin')), roles, REL.outsider, owner), deny('roleAssignableRestricted')],
    ['the assignOwners ability for a Groups Administrator → deny roleAssignableRestricted', () => decideAssignOwners(ctx(admin('groupsAdmin')), roles, REL.outsider), deny('roleAssignableRestricted')],
    ['decideRoleAssignableChange on any other group → allow', () => decideRoleAssignableChange(ctx(app()), plain, REL.outsider), ALLOW],
  ]);
});

describe('no group is nested into a role-assignable group', () => {
  run([
    ['its owner, owning the child too → deny roleAssignableNesting', () => decideNesting(ctx(user()), roles, nestChild), deny('roleAssignableNesting')],
    ['a global administrator → deny roleAssignableNesting', () => decideNesting(ctx(admin('globalAdmin')), roles, nestChild), deny('roleAssignableNesting')],
    ['the system → deny roleAssignableNesting', () => decideNesting(ctx(SYSTEM), roles, nestChild), deny('roleAssignableNesting')],
    ['through decideAddMember as its owner → deny roleAssignableNesting', () => decideAddMember(ctx(user()), roles, REL.owner, nestChild, false), deny('roleAssignableNesting')],
    ['a role-assignable group nested into a plain security group → allow (the parent holds no roles)',
      () => decideNesting(ctx(user()), plain, { ...nestChild, group: { ...roles, id: child.id } }), ALLOW],
    ['a plain security group into a plain one → allow (unchanged)', () => decideNesting(ctx(user()), plain, nestChild), ALLOW],
  ]);
});
