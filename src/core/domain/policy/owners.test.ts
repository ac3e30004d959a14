// SPEC §3.6: owners. Members become owners only when the owner-assignment setting allows the owner;
// at most 100 owners; the last owner goes only when an admin removes it.
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import { MAX_OWNERS_PER_GROUP } from '../model.js';
import { admin, app, ctx, group, NOW, REL, rel, SYSTEM, user } from '../../testing/policy-fixtures.js';
import { decideAddOwner, decideRemoveOwner, type OwnerTarget } from './owners.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

const g = group();
const member: OwnerTarget = { isMember: true, isOwner: false };
const outsider: OwnerTarget = { isMember: false, isOwner: false };
const coOwner: OwnerTarget = { isMember: false, isOwner: true };

describe('§3.6 making owners', () => {
  run([
    ['§3.6 owner makes a member an owner → allow', () => decideAddOwner(ctx(user()), g, REL.owner, member), ALLOW],
    ['§3.6 owner makes a non-member an owner → deny ownerMustBeMember', () => decideAddOwner(ctx(user()), g, REL.owner, outsider), deny('ownerMustBeMember')],
    ['§3.6 groupsAdmin makes a non-member an owner → allow (admins always may)', () => decideAddOwner(ctx(admin()), g, REL.outsider, outsider), ALLOW],
    ['§3.6 app with Group.ReadWrite.All makes a non-member an owner → allow', () => decideAddOwner(ctx(app('Group.ReadWrite.All')), g, REL.outsider, outsider), ALLOW],
    ['§3.6 app with GroupMember.ReadWrite.All only → deny missingPermission', () => decideAddOwner(ctx(app('GroupMember.ReadWrite.All')), g, REL.outsider, member), deny('missingPermission')],
    ['§3.6 a member who is not an owner → deny notOwner', () => decideAddOwner(ctx(user()), g, REL.member, member), deny('notOwner')],
    ['§3.6 someone already an owner → deny alreadyOwner', () => decideAddOwner(ctx(user()), g, REL.owner, { isMember: true, isOwner: true }), deny('alreadyOwner')],
    [`§3.6 ${MAX_OWNERS_PER_GROUP - 1} owners, add one more → allow`, () => decideAddOwner(ctx(user()), g, rel({ isOwner: true, ownerCount: MAX_OWNERS_PER_GROUP - 1 }), member), ALLOW],
    [`§3.6 ${MAX_OWNERS_PER_GROUP} owners, add one more → deny tooManyOwners`, () => decideAddOwner(ctx(user()), g, rel({ isOwner: true, ownerCount: MAX_OWNERS_PER_GROUP }), member), deny('tooManyOwners')],
    [`§3.6 ${MAX_OWNERS_PER_GROUP} owners, even an admin → deny tooManyOwners`, () => decideAddOwner(ctx(admin()), g, rel({ ownerCount: MAX_OWNERS_PER_GROUP }), outsider), deny('tooManyOwners')],
    ['§3.6 owner of an externally managed group → deny externallyManaged', () => decideAddOwner(ctx(user()), group({ externallyManaged: true }), REL.owner, member), deny('externallyManaged')],
    ['§2 owner of a distribution list → deny notSelfServiceKind', () => decideAddOwner(ctx(user()), group({ kind: 'distribution' }), REL.owner, member), deny('notSelfServiceKind')],
    ['a deleted group → deny groupNotFound', () => decideAddOwner(ctx(admin()), group({ deletedDateTime: NOW }), REL.outsider, member), deny('groupNotFound')],
    ['disabled owner → deny accountDisabled', () => decideAddOwner(ctx(user({ accountEnabled: false })), g, REL.owner, member), deny('accountDisabled')],
    ['§3.2 owner of a security group while security creation = None still makes a member an owner → allow (owners are membership management)',
      () => decideAddOwner(ctx(user(), { settings: { securityGroupCreation: 'None' } }), g, REL.owner, member), ALLOW],
  ]);
});

describe('§3.6 removing owners; the last owner only by an admin', () => {
  run([
    ['§3.6 one of two owners removes the other → allow', () => decideRemoveOwner(ctx(user()), g, REL.owner, coOwner), ALLOW],
    ['§3.6 one of two owners removes themselves → allow', () => decideRemoveOwner(ctx(user()), g, REL.owner, { isMember: false, isOwner: true }), ALLOW],
    ['§3.6 the last owner removes themselves → deny lastOwner', () => decideRemoveOwner(ctx(user()), g, REL.soleOwner, coOwner), deny('lastOwner')],
    ['§3.6 groupsAdmin removes the last owner → allow', () => decideRemoveOwner(ctx(admin()), g, rel({ ownerCount: 1 }), coOwner), ALLOW],
    ['§3.6 globalAdmin removes the last owner → allow', () => decideRemoveOwner(ctx(admin('globalAdmin')), g, rel({ ownerCount: 1 }), coOwner), ALLOW],
    ['§3.6 app with Group.ReadWrite.All removes the last owner → allow (ADR 0004, reported as ownerless)', () => decideRemoveOwner(ctx(app('Group.ReadWrite.All')), g, rel({ ownerCount: 1 }), coOwner), ALLOW],
    ['§3.6 the system removes the last owner → allow', () => decideRemoveOwner(ctx(SYSTEM), g, rel({ ownerCount: 1 }), coOwner), ALLOW],
    ['§3.6 a non-owner removes an owner → deny notOwner', () => decideRemoveOwner(ctx(user()), g, REL.member, coOwner), deny('notOwner')],
    ['§3.6 removing someone who is not an owner → deny notAnOwner', () => decideRemoveOwner(ctx(user()), g, REL.owner, outsider), deny('notAnOwner')],
  ]);
});
