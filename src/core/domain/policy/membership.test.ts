// SPEC §3.4 (join / request / closed), §3.5 (request rules), §3.13 (licences for requests), §3.6–§3.7
// (owners manage members; dynamic and externally managed groups), nesting, apps and disabled users.
import { describe, expect, it } from 'vitest';
import { ALLOW, deny, needsApproval, type Decision } from '../decision.js';
import type { Membership, MembershipSource } from '../model.js';
import type { TenantSettings } from '../settings.js';
import {
  admin, app, ctx, dynamicGroup, group, IDS, NOW, REL, SYSTEM, TENANT, user,
} from '../../testing/policy-fixtures.js';
import {
  decideAddMember, decideJoin, decideLeave, decideManageMembers, decideNesting, decideRemoveMember,
  decideRequestedDuration, decideRequestToJoin, type JoinRequestInput, type MemberTarget,
} from './membership.js';

type Row = readonly [string, () => Decision, Decision];
const run = (rows: Row[]) => it.each(rows)('%s', (_name, decide, expected) => expect(decide()).toEqual(expected));

const openG = group({ joinPolicy: 'open' });
const approvalG = group({ joinPolicy: 'approval' });
const closedG = group({ joinPolicy: 'closed' });
const deleted = group({ joinPolicy: 'open', deletedDateTime: NOW });

describe('§3.4 joining: open joins at once, approval needs a request, closed offers no join', () => {
  run([
    ['§3.4 open group, any user who can see it → allow ("auto-approved")', () => decideJoin(ctx(user()), openG, REL.outsider), ALLOW],
    ['§3.4 open Microsoft 365 group → allow', () => decideJoin(ctx(user()), group({ kind: 'microsoft365', joinPolicy: 'open' }), REL.outsider), ALLOW],
    ['§3.4 approval group → needsApproval approvalRequired', () => decideJoin(ctx(user()), approvalG, REL.outsider), needsApproval('approvalRequired')],
    ['§3.4 closed group → deny groupClosed', () => decideJoin(ctx(user()), closedG, REL.outsider), deny('groupClosed')],
    ['§3.4 closed group, even for its owner → deny groupClosed (owners add members instead)', () => decideJoin(ctx(user()), closedG, REL.owner), deny('groupClosed')],
    ['§3.4 already a direct member → deny alreadyMember', () => decideJoin(ctx(user()), openG, REL.member), deny('alreadyMember')],
    ['§3.4 member only through nesting may still join directly → allow', () => decideJoin(ctx(user()), openG, REL.nestedMember), ALLOW],
    ['§3.4 deleted group → deny groupNotFound', () => decideJoin(ctx(user()), deleted, REL.outsider), deny('groupNotFound')],
    ['§2 distribution list → deny notSelfServiceKind', () => decideJoin(ctx(user()), group({ kind: 'distribution', joinPolicy: 'open' }), REL.outsider), deny('notSelfServiceKind')],
    ['§2 mail-enabled security group → deny notSelfServiceKind', () => decideJoin(ctx(user()), group({ kind: 'mailEnabledSecurity', joinPolicy: 'open' }), REL.outsider), deny('notSelfServiceKind')],
    ['§3.7 dynamic group → deny dynamicMembership', () => decideJoin(ctx(user()), dynamicGroup({ joinPolicy: 'open' }), REL.outsider), deny('dynamicMembership')],
    ['role-assignable group (always closed) → deny roleAssignableSelfService', () => decideJoin(ctx(user()), group({ joinPolicy: 'closed', isAssignableToRole: true }), REL.outsider), deny('roleAssignableSelfService')],
    ['§3.7 externally managed group → deny externallyManaged', () => decideJoin(ctx(user()), group({ joinPolicy: 'open', externallyManaged: true }), REL.outsider), deny('externallyManaged')],
    ['disabled user → deny accountDisabled', () => decideJoin(ctx(user({ accountEnabled: false })), openG, REL.outsider), deny('accountDisabled')],
    ['an app has no membership of its own → deny invalidInput', () => decideJoin(ctx(app('Group.ReadWrite.All')), openG, REL.outsider), deny('invalidInput')],
    ['the system has no membership of its own → deny invalidInput', () => decideJoin(ctx(SYSTEM), openG, REL.outsider), deny('invalidInput')],
    ['§3.4 groupsAdmin joining an approval group still needs approval (self-service rules apply to admins acting for themselves)',
      () => decideJoin(ctx(admin()), approvalG, REL.outsider), needsApproval('approvalRequired')],
  ]);
});

describe('§3.4/§3.5/§3.13 requesting to join', () => {
  const yes: Partial<TenantSettings> = { ownersCanManageJoinRequests: true };
  const req = (over: Partial<JoinRequestInput> = {}): JoinRequestInput => ({ justification: 'I work on it', requestedDurationDays: null, ...over });
  const c = (s: Partial<TenantSettings> = {}, actor = user()) => ctx(actor, { settings: { ...yes, ...s } });
  run([
    ['§3.4 approval group, requests managed by owners → allow', () => decideRequestToJoin(c(), approvalG, REL.outsider, req()), ALLOW],
    ['§3.4 approval Microsoft 365 group (Private) → allow', () => decideRequestToJoin(c(), group({ kind: 'microsoft365', visibility: 'Private', joinPolicy: 'approval' }), REL.outsider, req()), ALLOW],
    ['§3.4 open group → deny groupIsOpen (join it directly)', () => decideRequestToJoin(c(), openG, REL.outsider, req()), deny('groupIsOpen')],
    ['§3.4 closed group → deny groupClosed', () => decideRequestToJoin(c(), closedG, REL.outsider, req()), deny('groupClosed')],
    ['§3.4 "Owners can manage requests" = No → deny joinRequestsDisabled', () => decideRequestToJoin(c({ ownersCanManageJoinRequests: false }), approvalG, REL.outsider, req()), deny('joinRequestsDisabled')],
    ['§3.4 already a member → deny alreadyMember', () => decideRequestToJoin(c(), approvalG, REL.member, req()), deny('alreadyMember')],
    ['§3.5 one pending request per (user, group) → deny pendingRequestExists', () => decideRequestToJoin(c(), approvalG, REL.pending, req()), deny('pendingRequestExists')],
    ['§3.5 justification optional by default → allow without one', () => decideRequestToJoin(c(), approvalG, REL.outsider, req({ justification: null })), ALLOW],
    ['§3.5 justification required, none given → deny justificationRequired', () => decideRequestToJoin(c({ joinRequestJustificationRequired: true }), approvalG, REL.outsider, req({ justification: null })), deny('justificationRequired')],
    ['§3.5 justification required, blank given → deny justificationRequired', () => decideRequestToJoin(c({ joinRequestJustificationRequired: true }), approvalG, REL.outsider, req({ justification: '   ' })), deny('justificationRequired')],
    ['§3.5 justification required and given → allow', () => decideRequestToJoin(c({ joinRequestJustificationRequired: true }), approvalG, REL.outsider, req()), ALLOW],
    ['§3.5 duration asked, no maximum → allow', () => decideRequestToJoin(c(), approvalG, REL.outsider, req({ requestedDurationDays: 400 })), ALLOW],
    ['§3.5 duration within the maximum → allow', () => decideRequestToJoin(c({ maxMembershipDurationDays: 30 }), approvalG, REL.outsider, req({ requestedDurationDays: 30 })), ALLOW],
    ['§3.5 duration above the maximum → deny durationNotAllowed', () => decideRequestToJoin(c({ maxMembershipDurationDays: 30 }), approvalG, REL.outsider, req({ requestedDurationDays: 31 })), deny('durationNotAllowed')],
    ['§3.5 permanent asked while a maximum is set → deny durationNotAllowed (ADR 0003)', () => decideRequestToJoin(c({ maxMembershipDurationDays: 30 }), approvalG, REL.outsider, req()), deny('durationNotAllowed')],
    ['§3.13 licence enforcement on, user without a premium licence → deny licenceRequired', () => decideRequestToJoin(c({ licenceEnforcement: true }), approvalG, REL.outsider, req()), deny('licenceRequired')],
    ['§3.13 licence enforcement on, user with a premium licence → allow', () => decideRequestToJoin(c({ licenceEnforcement: true }, user({ hasPremiumLicence: true })), approvalG, REL.outsider, req()), ALLOW],
    ['§3.13 licence enforcement off, user without a licence → allow', () => decideRequestToJoin(c({ licenceEnforcement: false }), approvalG, REL.outsider, req()), ALLOW],
    ['§3.13 licence enforcement on, an unlicensed groupsAdmin requesting for themselves → deny licenceRequired', () => decideRequestToJoin(c({ licenceEnforcement: true }, admin()), approvalG, REL.outsider, req()), deny('licenceRequired')],
    ['§3.5 an owner who is not a member may request (and cannot approve it: see requests) → allow', () => decideRequestToJoin(c(), approvalG, REL.owner, req()), ALLOW],
    ['deleted group → deny groupNotFound', () => decideRequestToJoin(c(), group({ deletedDateTime: NOW }), REL.outsider, req()), deny('groupNotFound')],
    ['role-assignable group → deny roleAssignableSelfService', () => decideRequestToJoin(c(), group({ isAssignableToRole: true }), REL.outsider, req()), deny('roleAssignableSelfService')],
    ['§3.7 externally managed → deny externallyManaged', () => decideRequestToJoin(c(), group({ externallyManaged: true }), REL.outsider, req()), deny('externallyManaged')],
    ['disabled user → deny accountDisabled', () => decideRequestToJoin(c({}, user({ accountEnabled: false })), approvalG, REL.outsider, req()), deny('accountDisabled')],
    ['an app cannot request for itself → deny invalidInput', () => decideRequestToJoin(c({}, app('GroupMember.ReadWrite.All') as never), approvalG, REL.outsider, req()), deny('invalidInput')],
  ]);

  it.each([
    [null, null, ALLOW], [7, null, ALLOW], [0, null, deny('durationNotAllowed')], [-3, null, deny('durationNotAllowed')],
    [1.5, null, deny('durationNotAllowed')], [10, 10, ALLOW], [11, 10, deny('durationNotAllowed')], [null, 10, deny('durationNotAllowed')],
  ] as const)('§3.5 decideRequestedDuration(asked %s days, maximum %s) → %o', (days, max, expected) => {
    expect(decideRequestedDuration(max, days)).toEqual(expected);
  });
});

describe('leaving', () => {
  const membership = (source: MembershipSource): Membership => ({
    tenantId: TENANT, groupId: IDS.group, memberId: IDS.user, memberType: 'user', source, addedBy: null, addedDateTime: NOW, expiresDateTime: null, requestId: null,
  });
  run([
    ['a direct member leaves → allow', () => decideLeave(ctx(user()), approvalG, membership('direct')), ALLOW],
    ['a member by an approved request leaves → allow', () => decideLeave(ctx(user()), approvalG, membership('request')), ALLOW],
    ['a member by an open join leaves a group that is now closed → allow', () => decideLeave(ctx(user()), closedG, membership('join')), ALLOW],
    ['not a member → deny notMember', () => decideLeave(ctx(user()), approvalG, null), deny('notMember')],
    ['a membership set by a rule → deny externallyManaged', () => decideLeave(ctx(user()), approvalG, membership('rule')), deny('externallyManaged')],
    ['a membership synced from outside → deny externallyManaged', () => decideLeave(ctx(user()), approvalG, membership('sync')), deny('externallyManaged')],
    ['a deleted group → deny groupNotFound', () => decideLeave(ctx(user()), deleted, membership('direct')), deny('groupNotFound')],
    ['disabled user → deny accountDisabled', () => decideLeave(ctx(user({ accountEnabled: false })), approvalG, membership('direct')), deny('accountDisabled')],
  ]);
});

describe('§3.6/§3.7 owners manage members', () => {
  const u: MemberTarget = { type: 'user', userId: IDS.other };
  run([
    ['§3.6 owner adds a member to a closed group → allow', () => decideAddMember(ctx(user()), closedG, REL.owner, u, false), ALLOW],
    ['§3.6 owner adds a member to a Microsoft 365 group → allow', () => decideAddMember(ctx(user()), group({ kind: 'microsoft365' }), REL.owner, u, false), ALLOW],
    ['§3.6 owner removes a member → allow', () => decideRemoveMember(ctx(user()), closedG, REL.owner, true), ALLOW],
    ['§3.6 a member who is not an owner adds someone → deny notOwner', () => decideAddMember(ctx(user()), closedG, REL.member, u, false), deny('notOwner')],
    ['§3.6 an outsider removes a member → deny notOwner', () => decideRemoveMember(ctx(user()), closedG, REL.outsider, true), deny('notOwner')],
    ['§3.6 adding someone already in the group → deny alreadyMember', () => decideAddMember(ctx(user()), closedG, REL.owner, u, true), deny('alreadyMember')],
    ['§3.6 removing someone not in the group → deny notMember', () => decideRemoveMember(ctx(user()), closedG, REL.owner, false), deny('notMember')],
    ['§3.6 groupsAdmin adds to any group → allow', () => decideAddMember(ctx(admin()), closedG, REL.outsider, u, false), ALLOW],
    ['§3.6 userAdmin adds to any group → allow', () => decideAddMember(ctx(admin('userAdmin')), closedG, REL.outsider, u, false), ALLOW],
    ['§3.6 auditReader is not an administrator of groups → deny notOwner', () => decideAddMember(ctx(admin('auditReader')), closedG, REL.outsider, u, false), deny('notOwner')],
    ['§2 owner of a distribution list (admin-only kind) → deny notSelfServiceKind', () => decideManageMembers(ctx(user()), group({ kind: 'distribution' }), REL.owner), deny('notSelfServiceKind')],
    ['§2 groupsAdmin manages a distribution list → allow', () => decideManageMembers(ctx(admin()), group({ kind: 'distribution' }), REL.outsider), ALLOW],
    ['§3.7 dynamic group, owner → deny dynamicMembership', () => decideManageMembers(ctx(user()), dynamicGroup(), REL.owner), deny('dynamicMembership')],
    ['§3.7 dynamic group, even groupsAdmin → deny dynamicMembership', () => decideManageMembers(ctx(admin()), dynamicGroup(), REL.outsider), deny('dynamicMembership')],
    ['§3.7 externally managed group, owner → deny externallyManaged', () => decideManageMembers(ctx(user()), group({ externallyManaged: true }), REL.owner), deny('externallyManaged')],
    ['§3.7 externally managed group, groupsAdmin through the portal → deny externallyManaged (read-only in self-service)', () => decideManageMembers(ctx(admin(), { channel: 'myGroups' }), group({ externallyManaged: true }), REL.outsider), deny('externallyManaged')],
    ['§3.7 externally managed group through the scim channel (the managing system) → allow', () => decideManageMembers(ctx(app('GroupMember.ReadWrite.All'), { channel: 'scim' }), group({ externallyManaged: true }), REL.outsider), ALLOW],
    ['deleted group → deny groupNotFound', () => decideManageMembers(ctx(admin()), deleted, REL.outsider), deny('groupNotFound')],
    ['disabled owner → deny accountDisabled', () => decideManageMembers(ctx(user({ accountEnabled: false })), closedG, REL.owner), deny('accountDisabled')],
    ['disabled groupsAdmin → deny accountDisabled', () => decideManageMembers(ctx(admin('groupsAdmin', { accountEnabled: false })), closedG, REL.outsider), deny('accountDisabled')],
    // apps: permissions decide, user settings do not
    ['app with GroupMember.ReadWrite.All → allow', () => decideManageMembers(ctx(app('GroupMember.ReadWrite.All')), closedG, REL.outsider), ALLOW],
    ['app with Group.ReadWrite.All → allow', () => decideManageMembers(ctx(app('Group.ReadWrite.All')), closedG, REL.outsider), ALLOW],
    ['app with read permissions only → deny missingPermission', () => decideManageMembers(ctx(app('GroupMember.Read.All', 'Group.Read.All')), closedG, REL.outsider), deny('missingPermission')],
    ['app with GroupMember.ReadWrite.All while My Groups is restricted → allow (user settings do not bind apps)',
      () => decideManageMembers(ctx(app('GroupMember.ReadWrite.All'), { settings: { restrictMyGroups: true }, channel: 'myGroups' }), closedG, REL.outsider), ALLOW],
  ]);
});

describe('§2 nesting: only security groups contain groups, no cycles, rights on both ends', () => {
  const sec = group({ id: IDS.group, joinPolicy: 'closed' });
  const childSec = group({ id: IDS.child, displayName: 'Child' });
  const nest = (child = childSec, actorOwnsChild = true, ancestors: string[] = []): Extract<MemberTarget, { type: 'group' }> =>
    ({ type: 'group', group: child, actorOwnsChild, ancestorsOfParent: new Set(ancestors) });
  run([
    ['§2 security ⊃ security, owner of both → allow', () => decideNesting(ctx(user()), sec, nest()), ALLOW],
    ['§2 security ⊃ Microsoft 365, owner of both → allow', () => decideNesting(ctx(user()), sec, nest(group({ id: IDS.child, kind: 'microsoft365' }))), ALLOW],
    ['§2 security ⊃ mail-enabled security → allow', () => decideNesting(ctx(admin()), sec, nest(group({ id: IDS.child, kind: 'mailEnabledSecurity' }))), ALLOW],
    ['§2 mail-enabled security ⊃ security, admin → allow', () => decideNesting(ctx(admin()), group({ kind: 'mailEnabledSecurity' }), nest()), ALLOW],
    ['§2 Microsoft 365 ⊃ anything → deny nestingNotAllowed', () => decideNesting(ctx(admin()), group({ kind: 'microsoft365' }), nest()), deny('nestingNotAllowed')],
    ['§2 distribution list ⊃ security → deny nestingNotAllowed', () => decideNesting(ctx(admin()), group({ kind: 'distribution' }), nest()), deny('nestingNotAllowed')],
    ['§2 security ⊃ distribution list → deny nestingNotAllowed', () => decideNesting(ctx(admin()), sec, nest(group({ id: IDS.child, kind: 'distribution' }))), deny('nestingNotAllowed')],
    ['§2 a group inside itself → deny nestingCycle', () => decideNesting(ctx(admin()), sec, nest(sec)), deny('nestingCycle')],
    ['§2 a group inside one of its own members (the child already contains the parent) → deny nestingCycle', () => decideNesting(ctx(admin()), sec, nest(childSec, true, [IDS.selected, IDS.child])), deny('nestingCycle')],
    ['§2 unrelated ancestors are no cycle → allow', () => decideNesting(ctx(admin()), sec, nest(childSec, false, [IDS.selected])), ALLOW],
    ['SECURITY #2 owner of the parent only → deny notOwnerOfMemberGroup', () => decideNesting(ctx(user()), sec, nest(childSec, false)), deny('notOwnerOfMemberGroup')],
    ['SECURITY #2 groupsAdmin owning neither → allow', () => decideNesting(ctx(admin()), sec, nest(childSec, false)), ALLOW],
    ['SECURITY #2 app with GroupMember.ReadWrite.All owning neither → allow (permissions decide)', () => decideNesting(ctx(app('GroupMember.ReadWrite.All')), sec, nest(childSec, false)), ALLOW],
    ['a deleted child → deny memberNotFound', () => decideNesting(ctx(admin()), sec, nest(group({ id: IDS.child, deletedDateTime: NOW }))), deny('memberNotFound')],
    ['SECURITY #2 decideAddMember: owner of the parent only nests → deny notOwnerOfMemberGroup', () => decideAddMember(ctx(user()), sec, REL.owner, nest(childSec, false), false), deny('notOwnerOfMemberGroup')],
    ['SECURITY #2 decideAddMember: owner of the child only nests → deny notOwner', () => decideAddMember(ctx(user()), sec, REL.outsider, nest(childSec, true), false), deny('notOwner')],
    ['§2 decideAddMember: owner of both nests into a Microsoft 365 group → deny nestingNotAllowed', () => decideAddMember(ctx(user()), group({ kind: 'microsoft365' }), REL.owner, nest(), false), deny('nestingNotAllowed')],
    ['§2 decideAddMember: nesting a group already nested → deny alreadyMember', () => decideAddMember(ctx(user()), sec, REL.owner, nest(), true), deny('alreadyMember')],
  ]);
});
