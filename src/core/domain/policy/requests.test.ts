// SPEC §3.5: deciding and cancelling join requests. The first decision wins (state machine), nobody
// decides their own request — not even an owner or an admin.
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { JoinRequestStatus } from '../model.js';
import { admin, app, ctx, daysAfter, dynamicGroup, group, IDS, joinRequest, NOW, REL, SYSTEM, user } from '../../testing/policy-fixtures.js';
import { decideCancel, decideDecision, decideManageRequests } from './requests.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

const yes = { settings: { ownersCanManageJoinRequests: true } };
const g = group({ joinPolicy: 'approval' });
const owner = () => ctx(user(), yes);
const ofStatus = (status: JoinRequestStatus) => joinRequest({ status, decidedBy: status === 'pending' ? null : IDS.admin, decidedDateTime: status === 'pending' ? null : NOW });

describe('§3.5 approving and denying', () => {
  run([
    ['§3.5 any owner approves a pending request → allow', () => decideDecision(owner(), g, REL.owner, joinRequest(), 'approve'), ALLOW],
    ['§3.5 the sole owner denies → allow', () => decideDecision(owner(), g, REL.soleOwner, joinRequest(), 'deny'), ALLOW],
    ['§3.5 a member who is not an owner → deny notOwner', () => decideDecision(owner(), g, REL.member, joinRequest(), 'approve'), deny('notOwner')],
    ['§3.5 groupsAdmin → allow', () => decideDecision(ctx(admin()), g, REL.outsider, joinRequest(), 'deny'), ALLOW],
    // nobody approves their own request
    ['§3.5 the requester, not an owner, approves their own request → deny notOwner', () => decideDecision(owner(), g, REL.outsider, joinRequest({ requesterId: IDS.user }), 'approve'), deny('notOwner')],
    ['§3.5 the requester, an owner, approves their own request → deny selfApproval', () => decideDecision(owner(), g, REL.owner, joinRequest({ requesterId: IDS.user }), 'approve'), deny('selfApproval')],
    ['§3.5 the requester, an owner, denies their own request → deny selfApproval', () => decideDecision(owner(), g, REL.owner, joinRequest({ requesterId: IDS.user }), 'deny'), deny('selfApproval')],
    ['§3.5 the requester, a groupsAdmin, approves their own request → deny selfApproval', () => decideDecision(ctx(admin()), g, REL.outsider, joinRequest({ requesterId: IDS.admin }), 'approve'), deny('selfApproval')],
    ['§3.5 the requester, a globalAdmin and owner, approves their own request → deny selfApproval', () => decideDecision(ctx(admin('globalAdmin'), yes), g, REL.owner, joinRequest({ requesterId: IDS.admin }), 'approve'), deny('selfApproval')],
    // first decision wins: ending states answer a conflict
    ['§3.5 a request already approved → deny requestAlreadyDecided', () => decideDecision(owner(), g, REL.owner, ofStatus('approved'), 'approve'), deny('requestAlreadyDecided')],
    ['§3.5 approve after a deny → deny requestAlreadyDecided', () => decideDecision(owner(), g, REL.owner, ofStatus('denied'), 'approve'), deny('requestAlreadyDecided')],
    ['§3.5 deny after an approve → deny requestAlreadyDecided', () => decideDecision(owner(), g, REL.owner, ofStatus('approved'), 'deny'), deny('requestAlreadyDecided')],
    ['§3.5 a cancelled request → deny requestNotPending', () => decideDecision(owner(), g, REL.owner, ofStatus('cancelled'), 'approve'), deny('requestNotPending')],
    ['§3.5 an expired request → deny requestExpired', () => decideDecision(owner(), g, REL.owner, ofStatus('expired'), 'approve'), deny('requestExpired')],
    ['§3.5 a pending request past its expiry (not swept yet) → deny requestExpired',
      () => decideDecision({ ...owner(), now: daysAfter(NOW, 15) }, g, REL.owner, joinRequest(), 'approve'), deny('requestExpired')],
    ['§3.5 a pending request at the last instant before expiry → allow',
      () => decideDecision({ ...owner(), now: '2026-06-15T11:59:59.999Z' }, g, REL.owner, joinRequest(), 'approve'), ALLOW],
    // approving adds a member, so the group must still accept members by hand
    ['§3.7 approve on a group that became dynamic → deny dynamicMembership', () => decideDecision(ctx(admin()), dynamicGroup(), REL.outsider, joinRequest(), 'approve'), deny('dynamicMembership')],
    ['§3.7 deny on a group that became dynamic → allow (a denial adds nobody)', () => decideDecision(ctx(admin()), dynamicGroup(), REL.outsider, joinRequest(), 'deny'), ALLOW],
    ['§3.7 approve on a group that became externally managed → deny externallyManaged', () => decideDecision(owner(), group({ externallyManaged: true }), REL.owner, joinRequest(), 'approve'), deny('externallyManaged')],
    ['approve on a deleted group → deny groupNotFound', () => decideDecision(ctx(admin()), group({ deletedDateTime: NOW }), REL.outsider, joinRequest(), 'approve'), deny('groupNotFound')],
    // §3.2 creation not allowed does not stop approving
    ['§3.2 owner of a security group while security creation = None approves → allow', () => decideDecision(ctx(user(), { settings: { ownersCanManageJoinRequests: true, securityGroupCreation: 'None' } }), g, REL.owner, joinRequest(), 'approve'), ALLOW],
    // apps and disabled users
    ['app with GroupMember.ReadWrite.All → allow', () => decideDecision(ctx(app('GroupMember.ReadWrite.All')), g, REL.outsider, joinRequest(), 'approve'), ALLOW],
    ['app with only read permissions → deny missingPermission', () => decideDecision(ctx(app('GroupMember.Read.All')), g, REL.outsider, joinRequest(), 'approve'), deny('missingPermission')],
    ['disabled owner → deny accountDisabled', () => decideDecision(ctx(user({ accountEnabled: false }), yes), g, REL.owner, joinRequest(), 'approve'), deny('accountDisabled')],
    ['§3.8 owner in a restricted My Groups → deny myGroupsRestricted', () => decideDecision(ctx(user(), { settings: { ownersCanManageJoinRequests: true, restrictMyGroups: true }, channel: 'myGroups' }), g, REL.owner, joinRequest(), 'approve'), deny('myGroupsRestricted')],
    ['the approve ability: system → allow', () => decideManageRequests(ctx(SYSTEM), g, REL.outsider), ALLOW],
  ]);
});

describe('§3.5 cancelling', () => {
  const mine = (over = {}) => joinRequest({ requesterId: IDS.user, ...over });
  run([
    ['§3.5 the requester cancels their pending request → allow', () => decideCancel(ctx(user()), mine()), ALLOW],
    ['§3.5 someone else (even an owner) cancels → deny notRequester', () => decideCancel(ctx(user({ id: IDS.other })), mine()), deny('notRequester')],
    ['§3.5 a groupsAdmin cancels another\'s request → deny notRequester (admins deny instead)', () => decideCancel(ctx(admin()), mine()), deny('notRequester')],
    ['§3.5 an app cancels → deny notRequester', () => decideCancel(ctx(app('GroupMember.ReadWrite.All')), mine()), deny('notRequester')],
    ['§3.5 cancel after approval → deny requestAlreadyDecided', () => decideCancel(ctx(user()), mine({ status: 'approved' })), deny('requestAlreadyDecided')],
    ['§3.5 cancel twice → deny requestNotPending', () => decideCancel(ctx(user()), mine({ status: 'cancelled' })), deny('requestNotPending')],
    ['§3.5 cancel after expiry → deny requestExpired', () => decideCancel({ ...ctx(user()), now: daysAfter(NOW, 20) }, mine()), deny('requestExpired')],
    ['a disabled requester → deny accountDisabled', () => decideCancel(ctx(user({ accountEnabled: false })), mine()), deny('accountDisabled')],
  ]);
});
