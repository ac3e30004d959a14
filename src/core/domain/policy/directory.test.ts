// Users, roles, licences and settings. SECURITY #2: nobody grants a role they could not hold.
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { User } from '../model.js';
import { admin, app, ctx, IDS, SYSTEM, TENANT, user } from '../../testing/policy-fixtures.js';
import {
  decideDeleteUser, decideDisableUser, decideManageLicences, decideManageUser, decideReadDirectory, decideReadSettings,
  decideSetLicenceSeats, decideUpdateSettings,
} from './directory.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

const target = (over: Partial<User> = {}): User => ({
  tenantId: TENANT, id: IDS.other, userPrincipalName: 'bob@contoso.example', displayName: 'Bob', mail: null, givenName: null, surname: null,
  department: null, jobTitle: null, companyName: null, officeLocation: null, accountEnabled: true, userType: 'Member', externalId: null,
  assignedLicenses: [], roles: [], createdDateTime: '2026-01-01T00:00:00.000Z', ...over,
});

describe('users and roles', () => {
  run([
    ['userAdmin manages a plain user → allow', () => decideManageUser(ctx(admin('userAdmin')), target()), ALLOW],
    ['groupsAdmin manages a user → deny notAdmin', () => decideManageUser(ctx(admin('groupsAdmin')), target()), deny('notAdmin')],
    ['plain user manages a user → deny notAdmin', () => decideManageUser(ctx(user()), target()), deny('notAdmin')],
    ['userAdmin manages a globalAdmin → deny notAdmin', () => decideManageUser(ctx(admin('userAdmin')), target({ roles: ['globalAdmin'] })), deny('notAdmin')],
    ['userAdmin manages a privilegedRoleAdmin → deny notAdmin', () => decideManageUser(ctx(admin('userAdmin')), target({ roles: ['privilegedRoleAdmin'] })), deny('notAdmin')],
    ['globalAdmin manages a globalAdmin → allow', () => decideManageUser(ctx(admin('globalAdmin')), target({ roles: ['globalAdmin'] })), ALLOW],
    ['app with User.ReadWrite.All manages a plain user → allow', () => decideManageUser(ctx(app('User.ReadWrite.All')), target()), ALLOW],
    ['app with User.ReadWrite.All manages a user with a role → deny notAdmin', () => decideManageUser(ctx(app('User.ReadWrite.All')), target({ roles: ['groupsAdmin'] })), deny('notAdmin')],
    ['app with User.Read.All manages a user → deny missingPermission', () => decideManageUser(ctx(app('User.Read.All')), target()), deny('missingPermission')],
    ['disabled userAdmin → deny accountDisabled', () => decideManageUser(ctx(admin('userAdmin', { accountEnabled: false })), target()), deny('accountDisabled')],
    ['userAdmin deletes themselves → deny cannotDeleteSelf', () => decideDeleteUser(ctx(admin('userAdmin')), target({ id: IDS.admin })), deny('cannotDeleteSelf')],
    ['globalAdmin disables themselves → deny cannotDeleteSelf', () => decideDisableUser(ctx(admin('globalAdmin')), target({ id: IDS.admin, roles: ['globalAdmin'] })), deny('cannotDeleteSelf')],
    ['userAdmin deletes another user → allow', () => decideDeleteUser(ctx(admin('userAdmin')), target()), ALLOW],
    ['any enabled user reads the directory → allow', () => decideReadDirectory(ctx(user())), ALLOW],
    ['disabled user reads the directory → deny accountDisabled', () => decideReadDirectory(ctx(user({ accountEnabled: false }))), deny('accountDisabled')],
    ['app without User.Read.All reads the directory → deny missingPermission', () => decideReadDirectory(ctx(app('Group.Read.All'))), deny('missingPermission')],
  ]);
});

describe('§3.13 licences', () => {
  run([
    ['userAdmin assigns licences → allow', () => decideManageLicences(ctx(admin('userAdmin'))), ALLOW],
    ['groupsAdmin assigns licences → deny notAdmin', () => decideManageLicences(ctx(admin('groupsAdmin'))), deny('notAdmin')],
    ['app with User.ReadWrite.All assigns licences → allow', () => decideManageLicences(ctx(app('User.ReadWrite.All'))), ALLOW],
    ['app without it → deny missingPermission', () => decideManageLicences(ctx(app('Group.ReadWrite.All'))), deny('missingPermission')],
    ['globalAdmin sets seats → allow', () => decideSetLicenceSeats(ctx(admin('globalAdmin'))), ALLOW],
    ['userAdmin sets seats → deny notAdmin', () => decideSetLicenceSeats(ctx(admin('userAdmin'))), deny('notAdmin')],
    ['the system sets seats → allow', () => decideSetLicenceSeats(ctx(SYSTEM)), ALLOW],
  ]);
});

describe('tenant settings', () => {
  run([
    ['globalAdmin updates settings → allow', () => decideUpdateSettings(ctx(admin('globalAdmin'))), ALLOW],
    ['groupsAdmin updates settings → allow', () => decideUpdateSettings(ctx(admin('groupsAdmin'))), ALLOW],
    ['userAdmin updates settings → deny notAdmin', () => decideUpdateSettings(ctx(admin('userAdmin'))), deny('notAdmin')],
    ['plain user updates settings → deny notAdmin', () => decideUpdateSettings(ctx(user())), deny('notAdmin')],
    ['app with every permission updates settings → deny notAdmin', () => decideUpdateSettings(ctx(app('Group.ReadWrite.All', 'Directory.Read.All'))), deny('notAdmin')],
    ['disabled globalAdmin updates settings → deny accountDisabled', () => decideUpdateSettings(ctx(admin('globalAdmin', { accountEnabled: false }))), deny('accountDisabled')],
    ['any user reads settings → allow', () => decideReadSettings(ctx(user())), ALLOW],
    ['app with Group.Read.All reads settings → allow', () => decideReadSettings(ctx(app('Group.Read.All'))), ALLOW],
    ['app with User.Read.All only reads settings → deny missingPermission', () => decideReadSettings(ctx(app('User.Read.All'))), deny('missingPermission')],
  ]);
});
