// SPEC §3.10 / ADR 0019: who manages applications, assigns them, blocks, and reads who has them.
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { Application } from '../apps.js';
import { admin, app, ctx, group, IDS, NOW, SYSTEM, TENANT, user } from '../../testing/policy-fixtures.js';
import {
  decideAdministerApps, decideAssign, decideExplain, decideListMyApps, decideManageApp, decidePreviewImpact, decideReadAppAccess,
  decideReadGroupAssignments, decideRole, decideSeeApp, NO_APP_RELATION, type AppRelation,
} from './apps.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

const ROLE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OFF_ROLE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const theApp: Application = {
  tenantId: TENANT, id: 'app-1', appId: 'client-1', displayName: 'Payroll', description: null, homepage: null, loginUrl: null, logoUrl: null,
  accountEnabled: true, appRoleAssignmentRequired: true, visibleToUsers: true, cascadeNestedGroups: true,
  appRoles: [
    { id: ROLE, displayName: 'Reader', value: 'read', description: null, isEnabled: true, allowedMemberTypes: ['User'] },
    { id: OFF_ROLE, displayName: 'Old', value: 'old', description: null, isEnabled: false, allowedMemberTypes: ['User'] },
  ],
  createdBy: null, createdDateTime: NOW,
};
const owner: AppRelation = { isOwner: true, hasAccess: false };
const holder: AppRelation = { isOwner: false, hasAccess: true };
const none = NO_APP_RELATION;
const DEFAULT = '00000000-0000-0000-0000-000000000000';

describe('§3.10 administering apps (create, delete, owners)', () => {
  run([
    ['globalAdmin → allow', () => decideAdministerApps(ctx(admin('globalAdmin'))), ALLOW],
    ['appAdmin → allow', () => decideAdministerApps(ctx(admin('appAdmin'))), ALLOW],
    ['groupsAdmin (no app role) → deny notAppAdmin', () => decideAdministerApps(ctx(admin('groupsAdmin'))), deny('notAppAdmin')],
    ['a user → deny notAppAdmin', () => decideAdministerApps(ctx(user())), deny('notAppAdmin')],
    ['disabled appAdmin → deny accountDisabled', () => decideAdministerApps(ctx(admin('appAdmin', { accountEnabled: false }))), deny('accountDisabled')],
    ['API client with Application.ReadWrite.All → allow', () => decideAdministerApps(ctx(app('Application.ReadWrite.All'))), ALLOW],
    ['API client with Application.Read.All → deny missingPermission', () => decideAdministerApps(ctx(app('Application.Read.All'))), deny('missingPermission')],
    ['the system → allow', () => decideAdministerApps(ctx(SYSTEM)), ALLOW],
  ]);
});

describe('§3.10 managing one app (update, assign, block): admins and its owners', () => {
  run([
    ['owner → allow', () => decideManageApp(ctx(user()), owner), ALLOW],
    ['appAdmin, not owner → allow', () => decideManageApp(ctx(admin('appAdmin')), none), ALLOW],
    ['a user who has the app → deny notAppOwner', () => decideManageApp(ctx(user()), holder), deny('notAppOwner')],
    ['disabled owner → deny accountDisabled', () => decideManageApp(ctx(user({ accountEnabled: false })), owner), deny('accountDisabled')],
    ['API client with Application.Read.All → deny missingPermission', () => decideManageApp(ctx(app('Application.Read.All')), none), deny('missingPermission')],
    ['API client with Group.ReadWrite.All → deny missingPermission', () => decideManageApp(ctx(app('Group.ReadWrite.All')), none), deny('missingPermission')],
  ]);
});

describe('§3.10 reading who has an app', () => {
  run([
    ['owner → allow', () => decideReadAppAccess(ctx(user()), owner), ALLOW],
    ['globalAdmin → allow', () => decideReadAppAccess(ctx(admin('globalAdmin')), none), ALLOW],
    ['a user who has the app → deny notAccessReader', () => decideReadAppAccess(ctx(user()), holder), deny('notAccessReader')],
    ['userAdmin → deny notAccessReader', () => decideReadAppAccess(ctx(admin('userAdmin')), none), deny('notAccessReader')],
    ['API client with Application.Read.All → allow', () => decideReadAppAccess(ctx(app('Application.Read.All')), none), ALLOW],
    ['API client with User.Read.All → deny missingPermission', () => decideReadAppAccess(ctx(app('User.Read.All')), none), deny('missingPermission')],
  ]);
});

describe('§3.9 who sees an app at all', () => {
  run([
    ['a user who has a visible app → allow', () => decideSeeApp(ctx(user()), theApp, holder), ALLOW],
    ['a user who has a hidden app → deny appNotFound', () => decideSeeApp(ctx(user()), { ...theApp, visibleToUsers: false }, holder), deny('appNotFound')],
    ['a user without it → deny appNotFound', () => decideSeeApp(ctx(user()), theApp, none), deny('appNotFound')],
    ['the owner of a hidden app → allow', () => decideSeeApp(ctx(user()), { ...theApp, visibleToUsers: false }, owner), ALLOW],
    // SECURITY #6: a 403 here beside the 404 of a missing id would tell the client which ids are apps.
    ['an API client without Application permissions → deny appNotFound, as for a missing app', () => decideSeeApp(ctx(app('Group.Read.All')), theApp, none), deny('appNotFound')],
    ['an API client with only Group.ReadWrite.All, on a hidden app → deny appNotFound', () => decideSeeApp(ctx(app('Group.ReadWrite.All')), { ...theApp, visibleToUsers: false }, none), deny('appNotFound')],
    ['an API client with Application.Read.All → allow', () => decideSeeApp(ctx(app('Application.Read.All')), theApp, none), ALLOW],
    ['a disabled user who has it → deny appNotFound', () => decideSeeApp(ctx(user({ accountEnabled: false })), theApp, holder), deny('appNotFound')],
  ]);
});

describe('explain: self, or readers of the app for others', () => {
  run([
    ['a user about themselves → allow', () => decideExplain(ctx(user()), none, IDS.user), ALLOW],
    ['a user about someone else → deny notAccessReader', () => decideExplain(ctx(user()), holder, IDS.other), deny('notAccessReader')],
    ['the owner about someone else → allow', () => decideExplain(ctx(user()), owner, IDS.other), ALLOW],
    ['a disabled user about themselves → deny accountDisabled', () => decideExplain(ctx(user({ accountEnabled: false })), none, IDS.user), deny('accountDisabled')],
  ]);
});

describe('FIDELITY §4.4 assigning: security groups only, a role of the app, rights on both ends', () => {
  const sec = group();
  run([
    ['owner assigns a security group → allow', () => decideAssign(ctx(user()), theApp, owner, { type: 'Group', group: sec }, DEFAULT), ALLOW],
    ['owner assigns a Microsoft 365 group → deny groupNotAssignable', () => decideAssign(ctx(user()), theApp, owner, { type: 'Group', group: group({ kind: 'microsoft365' }) }, DEFAULT), deny('groupNotAssignable')],
    ['owner assigns a distribution list → deny groupNotAssignable', () => decideAssign(ctx(user()), theApp, owner, { type: 'Group', group: group({ kind: 'distribution' }) }, DEFAULT), deny('groupNotAssignable')],
    ['owner assigns a mail-enabled security group → allow', () => decideAssign(ctx(user()), theApp, owner, { type: 'Group', group: group({ kind: 'mailEnabledSecurity' }) }, DEFAULT), ALLOW],
    ['admin assigns a deleted group → deny groupNotFound', () => decideAssign(ctx(admin('appAdmin')), theApp, none, { type: 'Group', group: group({ deletedDateTime: NOW }) }, DEFAULT), deny('groupNotFound')],
    ['owner assigns a user with an enabled role → allow', () => decideAssign(ctx(user()), theApp, owner, { type: 'User' }, ROLE), ALLOW],
    ['owner assigns a disabled role → deny appRoleNotFound', () => decideAssign(ctx(user()), theApp, owner, { type: 'User' }, OFF_ROLE), deny('appRoleNotFound')],
    ['owner assigns an unknown role → deny appRoleNotFound', () => decideAssign(ctx(user()), theApp, owner, { type: 'User' }, 'nope'), deny('appRoleNotFound')],
    ['owner of A and of B gives A to B\'s audience → allow', () => decideAssign(ctx(user()), theApp, owner, { type: 'ServicePrincipal', source: owner }, DEFAULT), ALLOW],
    ['owner of A only gives A to B\'s audience → deny notAppOwner', () => decideAssign(ctx(user()), theApp, owner, { type: 'ServicePrincipal', source: holder }, DEFAULT), deny('notAppOwner')],
    ['appAdmin gives A to any audience → allow', () => decideAssign(ctx(admin('appAdmin')), theApp, none, { type: 'ServicePrincipal', source: none }, DEFAULT), ALLOW],
    ['a non-owner → deny notAppOwner', () => decideAssign(ctx(user()), theApp, none, { type: 'User' }, DEFAULT), deny('notAppOwner')],
    ['API client with Application.ReadWrite.All → allow', () => decideAssign(ctx(app('Application.ReadWrite.All')), theApp, none, { type: 'ServicePrincipal', source: none }, DEFAULT), ALLOW],
    ['Default Access on an app with roles → allow', () => decideRole(theApp, DEFAULT), ALLOW],
  ]);
});

describe('impact preview and My Apps', () => {
  run([
    ['an owner who may decide the request → allow', () => decidePreviewImpact(ctx(user()), true), ALLOW],
    ['a user who may not decide it → deny notApprover', () => decidePreviewImpact(ctx(user()), false), deny('notApprover')],
    ['groupsAdmin → allow', () => decidePreviewImpact(ctx(admin('groupsAdmin')), false), ALLOW],
    ['appAdmin → allow', () => decidePreviewImpact(ctx(admin('appAdmin')), false), ALLOW],
    ['API client without Application permissions → deny missingPermission', () => decidePreviewImpact(ctx(app('Group.Read.All')), false), deny('missingPermission')],
    ['My Apps for a user → allow', () => decideListMyApps(ctx(user())), ALLOW],
    ['My Apps for an API client → deny missingPermission', () => decideListMyApps(ctx(app('Application.ReadWrite.All'))), deny('missingPermission')],
  ]);
});

describe('the apps given to a group (and the group page\'s seeApps ability)', () => {
  run([
    ['an owner of the group → allow', () => decideReadGroupAssignments(ctx(user()), { isOwner: true }), ALLOW],
    ['a Groups Administrator → allow', () => decideReadGroupAssignments(ctx(admin('groupsAdmin')), { isOwner: false }), ALLOW],
    ['an Application Administrator → allow', () => decideReadGroupAssignments(ctx(admin('appAdmin')), { isOwner: false }), ALLOW],
    ['a member (not owner) → deny notAccessReader', () => decideReadGroupAssignments(ctx(user()), { isOwner: false }), deny('notAccessReader')],
    ['a disabled owner → deny accountDisabled', () => decideReadGroupAssignments(ctx(user({ accountEnabled: false })), { isOwner: true }), deny('accountDisabled')],
    ['API client with Application.Read.All → allow', () => decideReadGroupAssignments(ctx(app('Application.Read.All')), { isOwner: false }), ALLOW],
    ['API client with Group.Read.All only → deny missingPermission', () => decideReadGroupAssignments(ctx(app('Group.Read.All')), { isOwner: false }), deny('missingPermission')],
  ]);
});
