// SPEC §3.7 with §3.2 and the policy ceiling: editing, deleting and restoring groups.
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import { admin, app, ctx, daysAfter, dynamicGroup, group, NOW, REL, user } from '../../testing/policy-fixtures.js';
import { decideDeleteGroup, decideRestoreGroup, decideUpdateGroup, isPurgeDue } from './lifecycle.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

const g = group({ joinPolicy: 'closed' });
const deletedAt = NOW;
const deletedG = group({ deletedDateTime: deletedAt });
const at = (days: number) => ({ now: daysAfter(deletedAt, days) });

describe('§3.7 editing', () => {
  run([
    ['§3.7 owner edits → allow', () => decideUpdateGroup(ctx(user()), g, REL.owner), ALLOW],
    ['§3.7 a member who is not an owner edits → deny notOwner', () => decideUpdateGroup(ctx(user()), g, REL.member), deny('notOwner')],
    ['§3.7 groupsAdmin edits any group → allow', () => decideUpdateGroup(ctx(admin()), g, REL.outsider), ALLOW],
    ['§3.7 app with Group.ReadWrite.All → allow', () => decideUpdateGroup(ctx(app('Group.ReadWrite.All')), g, REL.outsider), ALLOW],
    ['§3.7 app with GroupMember.ReadWrite.All only → deny missingPermission', () => decideUpdateGroup(ctx(app('GroupMember.ReadWrite.All')), g, REL.outsider), deny('missingPermission')],
    ['§3.7 externally managed group, owner → deny externallyManaged (read-only in self-service)', () => decideUpdateGroup(ctx(user()), group({ externallyManaged: true }), REL.owner), deny('externallyManaged')],
    ['§3.7 externally managed group, groupsAdmin → allow', () => decideUpdateGroup(ctx(admin()), group({ externallyManaged: true }), REL.outsider), ALLOW],
    ['§3.7 dynamic group, groupsAdmin edits its rule → allow', () => decideUpdateGroup(ctx(admin()), dynamicGroup(), REL.outsider), ALLOW],
    ['a deleted group → deny groupNotFound', () => decideUpdateGroup(ctx(admin()), deletedG, REL.outsider), deny('groupNotFound')],
    ['disabled owner → deny accountDisabled', () => decideUpdateGroup(ctx(user({ accountEnabled: false })), g, REL.owner), deny('accountDisabled')],
    // the ceiling on join policy
    ['§3.4 ceiling approval, owner opens the group → deny joinPolicyAboveCeiling', () => decideUpdateGroup(ctx(user(), { settings: { maxOwnerJoinPolicy: 'approval' } }), g, REL.owner, { joinPolicy: 'open' }), deny('joinPolicyAboveCeiling')],
    ['§3.4 ceiling approval, owner sets approval → allow', () => decideUpdateGroup(ctx(user(), { settings: { maxOwnerJoinPolicy: 'approval' } }), g, REL.owner, { joinPolicy: 'approval' }), ALLOW],
    ['§3.4 ceiling approval, an open group (made open by an admin) keeps its policy on an unrelated edit → allow',
      () => decideUpdateGroup(ctx(user(), { settings: { maxOwnerJoinPolicy: 'approval' } }), group({ joinPolicy: 'open' }), REL.owner, { joinPolicy: 'open' }), ALLOW],
    ['§3.4 ceiling closed, owner closes an open group → allow (lowering is always fine)', () => decideUpdateGroup(ctx(user(), { settings: { maxOwnerJoinPolicy: 'closed' } }), group({ joinPolicy: 'open' }), REL.owner, { joinPolicy: 'closed' }), ALLOW],
    ['§3.4 ceiling closed, groupsAdmin opens → allow', () => decideUpdateGroup(ctx(admin(), { settings: { maxOwnerJoinPolicy: 'closed' } }), g, REL.outsider, { joinPolicy: 'open' }), ALLOW],
    // §3.13: an unlicensed owner cannot turn a group into an approval group
    ['§3.13 licence enforcement on, unlicensed owner sets approval → deny licenceRequired', () => decideUpdateGroup(ctx(user(), { settings: { licenceEnforcement: true } }), g, REL.owner, { joinPolicy: 'approval' }), deny('licenceRequired')],
    ['§3.13 licence enforcement on, licensed owner sets approval → allow', () => decideUpdateGroup(ctx(user({ hasPremiumLicence: true }), { settings: { licenceEnforcement: true } }), g, REL.owner, { joinPolicy: 'approval' }), ALLOW],
    ['§3.13 licence enforcement on, unlicensed owner sets open → allow', () => decideUpdateGroup(ctx(user(), { settings: { licenceEnforcement: true } }), g, REL.owner, { joinPolicy: 'open' }), ALLOW],
  ]);
});

describe('§3.7 deleting (soft) and the owners-can-delete ceiling', () => {
  run([
    ['§3.7 owner deletes → allow', () => decideDeleteGroup(ctx(user()), g, REL.owner), ALLOW],
    ['§3.7 non-owner deletes → deny notOwner', () => decideDeleteGroup(ctx(user()), g, REL.member), deny('notOwner')],
    ['§3.4 "owners can delete groups" = No, owner deletes → deny ownerDeleteDisabled', () => decideDeleteGroup(ctx(user(), { settings: { ownersCanDeleteGroups: false } }), g, REL.owner), deny('ownerDeleteDisabled')],
    ['§3.4 "owners can delete groups" = No, groupsAdmin deletes → allow', () => decideDeleteGroup(ctx(admin(), { settings: { ownersCanDeleteGroups: false } }), g, REL.outsider), ALLOW],
    ['§3.4 "owners can delete groups" = No, app with Group.ReadWrite.All deletes → allow', () => decideDeleteGroup(ctx(app('Group.ReadWrite.All'), { settings: { ownersCanDeleteGroups: false } }), g, REL.outsider), ALLOW],
    ['§3.7 externally managed, owner deletes → deny externallyManaged', () => decideDeleteGroup(ctx(user()), group({ externallyManaged: true }), REL.owner), deny('externallyManaged')],
    ['§3.7 deleting twice → deny groupNotFound', () => decideDeleteGroup(ctx(admin()), deletedG, REL.outsider), deny('groupNotFound')],
  ]);
});

describe('§3.7 restoring within 30 days', () => {
  run([
    ['§3.7 owner restores after 1 day → allow', () => decideRestoreGroup(ctx(user(), at(1)), deletedG, REL.owner), ALLOW],
    ['§3.7 owner restores on day 30 exactly → allow', () => decideRestoreGroup(ctx(user(), at(30)), deletedG, REL.owner), ALLOW],
    ['§3.7 owner restores after 30 days and a minute → deny restoreWindowPassed', () => decideRestoreGroup(ctx(user(), { now: new Date(Date.parse(daysAfter(deletedAt, 30)) + 60_000).toISOString() }), deletedG, REL.owner), deny('restoreWindowPassed')],
    ['§3.7 groupsAdmin restores after 31 days → deny restoreWindowPassed (purged)', () => decideRestoreGroup(ctx(admin(), at(31)), deletedG, REL.outsider), deny('restoreWindowPassed')],
    ['§3.7 groupsAdmin restores after 29 days → allow', () => decideRestoreGroup(ctx(admin(), at(29)), deletedG, REL.outsider), ALLOW],
    ['§3.7 a non-owner restores → deny notOwner', () => decideRestoreGroup(ctx(user(), at(1)), deletedG, REL.member), deny('notOwner')],
    ['§3.7 restoring a live group → deny groupNotDeleted', () => decideRestoreGroup(ctx(admin()), g, REL.outsider), deny('groupNotDeleted')],
    ['§3.7 owner restores while "owners can delete groups" = No → allow (restoring is not deleting)', () => decideRestoreGroup(ctx(user(), { ...at(1), settings: { ownersCanDeleteGroups: false } }), deletedG, REL.owner), ALLOW],
  ]);

  it.each([
    [null, 100, false], [0, 0, false], [0, 30, false], [0, 31, true],
  ] as const)('isPurgeDue(deleted %s, now +%s days) = %s', (deleted, days, expected) => {
    const grp = group({ deletedDateTime: deleted === null ? null : daysAfter(NOW, deleted) });
    expect(isPurgeDue(grp, daysAfter(NOW, days))).toBe(expected);
  });
});
