// SPEC §3.4/§3.9: who sees a group, its members, its join requests, and someone's membership.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import type { Visibility } from '../model.js';
import { admin, app, ctx, group, IDS, joinRequest, NOW, REL, SYSTEM, user } from '../../testing/policy-fixtures.js';
import type { GroupRelation } from './context.js';
import {
  canListGroupRequests, canSeeGroup, canSeeJoinRequest, canSeeLiveGroups, canSeeMembershipOf, canSeeUser, decideListGroups, memberListVisibility,
  type MemberListVisibility,
} from './visibility.js';

const live = group();
const deleted = group({ deletedDateTime: NOW });

describe('§3.9 canSeeGroup: live groups are found by everyone; deleted ones by owners and admins', () => {
  it.each([
    ['an enabled user, live group', user(), live, REL.outsider, true],
    ['a disabled user, live group', user({ accountEnabled: false }), live, REL.outsider, false],
    ['a disabled owner, live group', user({ accountEnabled: false }), live, REL.owner, false],
    ['an outsider, deleted group', user(), deleted, REL.outsider, false],
    ['a member, deleted group', user(), deleted, REL.member, false],
    ['an owner, deleted group', user(), deleted, REL.owner, true],
    ['a groupsAdmin, deleted group', admin(), deleted, REL.outsider, true],
    ['an app with Group.Read.All, live group', app('Group.Read.All'), live, REL.outsider, true],
    ['an app with GroupMember.Read.All, live group', app('GroupMember.Read.All'), live, REL.outsider, true],
    ['an app with User.Read.All only, live group', app('User.Read.All'), live, REL.outsider, false],
    ['an app with Group.Read.All, deleted group', app('Group.Read.All'), deleted, REL.outsider, false],
    ['an app with Group.ReadWrite.All, deleted group', app('Group.ReadWrite.All'), deleted, REL.outsider, true],
    ['the system, deleted group', SYSTEM, deleted, REL.outsider, true],
  ] as const)('§3.9 %s → %s', (_name, actor, grp, relation, expected) => {
    expect(canSeeGroup(ctx(actor), grp, relation)).toBe(expected);
  });
});

describe('§3.9 canSeeLiveGroups / decideListGroups: listing live groups agrees with canSeeGroup on every live group', () => {
  it.each([
    ['an enabled user', user(), true, 'allow'],
    ['a disabled user', user({ accountEnabled: false }), false, 'accountDisabled'],
    ['an app with Group.Read.All', app('Group.Read.All'), true, 'allow'],
    ['an app with Directory.Read.All', app('Directory.Read.All'), true, 'allow'],
    ['an app with User.Read.All only', app('User.Read.All'), false, 'missingPermission'],
    ['the system', SYSTEM, true, 'allow'],
  ] as const)('%s → %s', (_name, actor, expected, decision) => {
    expect(canSeeLiveGroups(ctx(actor))).toBe(expected);
    expect(canSeeGroup(ctx(actor), live, REL.outsider)).toBe(expected);
    const d = decideListGroups(ctx(actor));
    expect(d.outcome === 'allow' ? 'allow' : d.reason).toBe(decision);
  });
});

describe('SECURITY #1 canSeeUser: a user is found (also as a memberOf subject) exactly by those who may read the directory', () => {
  it.each([
    ['an enabled user', user(), true],
    ['a disabled user', user({ accountEnabled: false }), false],
    ['an app with User.Read.All', app('User.Read.All'), true],
    ['an app with Directory.Read.All', app('Directory.Read.All'), true],
    ['an app with Group.Read.All only', app('Group.Read.All'), false],
    ['an app with AuditLog.Read.All only', app('AuditLog.Read.All'), false],
    ['the system', SYSTEM, true],
  ] as const)('%s → %s', (_name, actor, expected) => {
    expect(canSeeUser(ctx(actor))).toBe(expected);
  });
});

describe('§3.4/§3.9 memberListVisibility: Public / Private / HiddenMembership × who asks', () => {
  const who: Array<readonly [string, Actor, GroupRelation]> = [
    ['direct member', user(), REL.member],
    ['member through nesting', user(), REL.nestedMember],
    ['owner (not a member)', user(), REL.owner],
    ['outsider', user(), REL.outsider],
    ['pending requester', user(), REL.pending],
    ['groupsAdmin', admin(), REL.outsider],
    ['globalAdmin', admin('globalAdmin'), REL.outsider],
    ['auditReader (no group role)', admin('auditReader'), REL.outsider],
    ['app with Group.Read.All', app('Group.Read.All'), REL.outsider],
    ['app without group permissions', app('User.Read.All'), REL.outsider],
    ['disabled member', user({ accountEnabled: false }), REL.member],
  ];
  const expected: Record<Visibility, MemberListVisibility[]> = {
    //                 member  nested  owner  outsider pending admin  global audit  app    noPerm disabled
    Public: ['all', 'all', 'all', 'all', 'all', 'all', 'all', 'all', 'all', 'none', 'none'],
    Private: ['all', 'all', 'all', 'none', 'none', 'all', 'all', 'none', 'all', 'none', 'none'],
    HiddenMembership: ['selfOnly', 'selfOnly', 'all', 'none', 'none', 'all', 'all', 'none', 'all', 'none', 'none'],
  };
  const rows = (Object.keys(expected) as Visibility[]).flatMap((visibility) =>
    who.map(([name, actor, relation], i) => [`§3.9 ${visibility} × ${name} → ${expected[visibility][i]}`, visibility, actor, relation, expected[visibility][i]] as const));
  it.each(rows)('%s', (_name, visibility, actor, relation, want) => {
    const grp = group({ kind: visibility === 'HiddenMembership' ? 'microsoft365' : 'security', visibility });
    expect(memberListVisibility(ctx(actor), grp, relation)).toBe(want);
  });
});

describe('§3.9 canSeeMembershipOf: memberOf of another user respects the group\'s member list', () => {
  const hidden = group({ kind: 'microsoft365', visibility: 'HiddenMembership' });
  const priv = group({ visibility: 'Private' });
  const pub = group({ kind: 'microsoft365', visibility: 'Public' });
  it.each([
    ['HiddenMembership, a member looks at themselves', hidden, user(), REL.member, IDS.user, true],
    ['HiddenMembership, a member looks at another member', hidden, user(), REL.member, IDS.other, false],
    ['HiddenMembership, an outsider looks at a member', hidden, user(), REL.outsider, IDS.other, false],
    ['HiddenMembership, an outsider looks at themselves (not a member)', hidden, user(), REL.outsider, IDS.user, false],
    ['HiddenMembership, an owner looks at a member', hidden, user(), REL.owner, IDS.other, true],
    ['HiddenMembership, a groupsAdmin looks at a member', hidden, admin(), REL.outsider, IDS.other, true],
    ['Private, an outsider looks at a member (delegated scoping)', priv, user(), REL.outsider, IDS.other, false],
    ['Private, the owner of another group looks at a member', priv, user(), REL.outsider, IDS.other, false],
    ['Private, a member looks at another member', priv, user(), REL.member, IDS.other, true],
    ['Public, an outsider looks at a member', pub, user(), REL.outsider, IDS.other, true],
  ] as const)('§3.9 %s → %s', (_name, grp, actor, relation, memberId, expected) => {
    expect(canSeeMembershipOf(ctx(actor), grp, relation, memberId)).toBe(expected);
  });
});

describe('§3.9 join requests are seen by the requester, the group\'s owners and admins', () => {
  const req = joinRequest({ requesterId: IDS.user });
  it.each([
    ['the requester', user(), REL.outsider, true],
    ['an owner of the group', user({ id: IDS.other }), REL.owner, true],
    ['a member of the group', user({ id: IDS.other }), REL.member, false],
    ['another user', user({ id: IDS.other }), REL.outsider, false],
    ['a groupsAdmin', admin(), REL.outsider, true],
    ['a disabled requester', user({ accountEnabled: false }), REL.outsider, false],
    ['an app with GroupMember.Read.All', app('GroupMember.Read.All'), REL.outsider, true],
    ['an app with Group.Read.All only', app('Group.Read.All'), REL.outsider, false],
    ['the system', SYSTEM, REL.outsider, true],
  ] as const)('§3.9 canSeeJoinRequest: %s → %s', (_name, actor, relation, expected) => {
    expect(canSeeJoinRequest(ctx(actor), req, relation)).toBe(expected);
  });

  it.each([
    ['an owner', user(), live, REL.owner, true],
    ['a member', user(), live, REL.member, false],
    ['a groupsAdmin', admin(), live, REL.outsider, true],
    ['an owner of a deleted group', user(), deleted, REL.owner, true],
    ['an outsider of a deleted group', user(), deleted, REL.outsider, false],
    ['an app with GroupMember.ReadWrite.All', app('GroupMember.ReadWrite.All'), live, REL.outsider, true],
    ['an app with Group.Read.All only', app('Group.Read.All'), live, REL.outsider, false],
    ['the system', SYSTEM, live, REL.outsider, true],
  ] as const)('§3.9 canListGroupRequests: %s → %s', (_name, actor, grp, relation, expected) => {
    expect(canListGroupRequests(ctx(actor), grp, relation)).toBe(expected);
  });
});
