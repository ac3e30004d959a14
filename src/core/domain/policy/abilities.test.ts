// Abilities are the same decisions the use cases enforce, shipped to clients (STYLE example 2).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Channel, Group } from '../model.js';
import type { ReasonCode } from '../errors.js';
import type { TenantSettings } from '../settings.js';
import { admin, ctx, dynamicGroup, group, IDS, NOW, REL, rel, TENANT, user } from '../../testing/policy-fixtures.js';
import { groupAbilities } from './abilities.js';
import type { GroupRelation, PolicyContext } from './context.js';
import { decideJoin, decideRequestToJoin } from './membership.js';

const membership = { tenantId: TENANT, groupId: IDS.group, memberId: IDS.user, memberType: 'user' as const, source: 'direct' as const, addedBy: null, addedDateTime: NOW, expiresDateTime: null, requestId: null };

describe('groupAbilities', () => {
  it('an outsider of an open group may join and nothing else', () => {
    expect(groupAbilities(ctx(user()), group({ joinPolicy: 'open' }), REL.outsider, null)).toEqual({
      join: true, request: false, leave: false, edit: false, delete: false, restore: false,
      manageMembers: false, assignOwners: false, approve: false, seeMembers: false, seeApps: false, joinBlockedReason: null,
    });
  });

  it('an outsider of an approval group may request only when owners manage requests', () => {
    const g = group({ joinPolicy: 'approval' });
    expect(groupAbilities(ctx(user()), g, REL.outsider, null).request).toBe(false);
    expect(groupAbilities(ctx(user(), { settings: { ownersCanManageJoinRequests: true } }), g, REL.outsider, null).request).toBe(true);
    // a maximum duration is offered as the request's duration, so the ability stays true
    expect(groupAbilities(ctx(user(), { settings: { ownersCanManageJoinRequests: true, maxMembershipDurationDays: 30 } }), g, REL.outsider, null).request).toBe(true);
    // required justification: the ability assumes one will be given
    expect(groupAbilities(ctx(user(), { settings: { ownersCanManageJoinRequests: true, joinRequestJustificationRequired: true } }), g, REL.outsider, null).request).toBe(true);
  });

  it('a sole owner and member: edit, delete, manage, assign, leave; approve only with the setting', () => {
    const a = groupAbilities(ctx(user()), group(), { ...REL.ownerAndMember, ownerCount: 1 }, membership);
    expect(a).toMatchObject({ join: false, request: false, leave: true, edit: true, delete: true, restore: false, manageMembers: true, assignOwners: true, approve: false, seeMembers: true });
    expect(groupAbilities(ctx(user(), { settings: { ownersCanManageJoinRequests: true } }), group(), REL.ownerAndMember, membership).approve).toBe(true);
  });

  it('§3.2 an owner of a security group while its creation is None: manage and approve, but no edit or delete', () => {
    const a = groupAbilities(ctx(user(), { settings: { securityGroupCreation: 'None', ownersCanManageJoinRequests: true } }), group(), REL.owner, null);
    expect(a).toMatchObject({ edit: false, delete: false, manageMembers: true, approve: true });
  });

  it('a deleted group: its owner may restore and nothing else', () => {
    const a = groupAbilities(ctx(user(), { settings: { ownersCanManageJoinRequests: true } }), group({ deletedDateTime: NOW }), REL.owner, null);
    expect(a).toMatchObject({ join: false, edit: false, delete: false, restore: true, manageMembers: false, assignOwners: false, approve: false, seeMembers: true });
  });

  it('a groupsAdmin may do everything to a live group but join a closed one', () => {
    const a = groupAbilities(ctx(admin()), group({ joinPolicy: 'closed' }), REL.outsider, null);
    expect(a).toMatchObject({ join: false, edit: true, delete: true, manageMembers: true, assignOwners: true, approve: true, seeMembers: true });
  });
});

const REQUESTS_ON = { ownersCanManageJoinRequests: true };
const approvalG = group({ joinPolicy: 'approval' });

type BlockedRow = readonly [string, PolicyContext, Group, GroupRelation, ReasonCode | null];

describe('joinBlockedReason: why neither join nor request is offered', () => {
  const rows: BlockedRow[] = [
    ['open group, outsider → none (join offered)', ctx(user()), group({ joinPolicy: 'open' }), REL.outsider, null],
    ['approval group, requests on → none (request offered)', ctx(user(), { settings: REQUESTS_ON }), approvalG, REL.outsider, null],
    ['closed group → groupClosed', ctx(user()), group({ joinPolicy: 'closed' }), REL.outsider, 'groupClosed'],
    ['§3.2 approval group, owners may not manage requests → joinRequestsDisabled', ctx(user()), approvalG, REL.outsider, 'joinRequestsDisabled'],
    ['§3.13 licence enforcement, unlicensed → licenceRequired', ctx(user(), { settings: { ...REQUESTS_ON, licenceEnforcement: true } }), approvalG, REL.outsider, 'licenceRequired'],
    ['§3.13 licence enforcement, licensed → none', ctx(user({ hasPremiumLicence: true }), { settings: { ...REQUESTS_ON, licenceEnforcement: true } }), approvalG, REL.outsider, null],
    ['§3.13 licence enforcement does not stop joining an open group → none', ctx(user(), { settings: { licenceEnforcement: true } }), group({ joinPolicy: 'open' }), REL.outsider, null],
    ['§3.8 My Groups restricted, in the portal → myGroupsRestricted', ctx(user(), { settings: { restrictMyGroups: true }, channel: 'myGroups' }), group({ joinPolicy: 'open' }), REL.outsider, 'myGroupsRestricted'],
    ['§3.8 My Groups restricted does not reach the API → none', ctx(user(), { settings: { restrictMyGroups: true }, channel: 'api' }), group({ joinPolicy: 'open' }), REL.outsider, null],
    ['role-assignable group → roleAssignableSelfService', ctx(user()), group({ joinPolicy: 'closed', isAssignableToRole: true }), REL.outsider, 'roleAssignableSelfService'],
    ['§3.7 dynamic group → dynamicMembership', ctx(user()), dynamicGroup({ joinPolicy: 'open' }), REL.outsider, 'dynamicMembership'],
    ['§3.7 externally managed → externallyManaged', ctx(user()), group({ joinPolicy: 'open', externallyManaged: true }), REL.outsider, 'externallyManaged'],
    ['§2 distribution list → notSelfServiceKind', ctx(user()), group({ kind: 'distribution', joinPolicy: 'open' }), REL.outsider, 'notSelfServiceKind'],
    ['already a member → alreadyMember', ctx(user()), group({ joinPolicy: 'open' }), REL.member, 'alreadyMember'],
    ['already a member of an approval group → alreadyMember', ctx(user(), { settings: REQUESTS_ON }), approvalG, REL.member, 'alreadyMember'],
    ['§3.5 a request is pending → pendingRequestExists', ctx(user(), { settings: REQUESTS_ON }), approvalG, REL.pending, 'pendingRequestExists'],
    ['deleted group → groupNotFound', ctx(user()), group({ joinPolicy: 'open', deletedDateTime: NOW }), REL.outsider, 'groupNotFound'],
  ];
  it.each(rows)('%s', (_name, c, g, r, expected) => {
    const a = groupAbilities(c, g, r, null);
    expect(a.joinBlockedReason).toBe(expected);
    expect(a.joinBlockedReason === null).toBe(a.join || a.request);
  });
});

/** The refusal a caller gets by trying: POST join, or POST joinRequests where joining needs approval. */
function refusalOfTrying(c: PolicyContext, g: Group, r: GroupRelation): ReasonCode | null {
  const join = decideJoin(c, g, r);
  if (join.outcome === 'deny') return join.reason;
  if (join.outcome === 'allow') return null;
  const request = decideRequestToJoin(c, g, r, { justification: 'because', requestedDurationDays: c.settings.maxMembershipDurationDays });
  return request.outcome === 'deny' ? request.reason : null;
}

describe('joinBlockedReason is the refusal of trying anyway (property)', () => {
  const settings = fc.record({
    ownersCanManageJoinRequests: fc.boolean(), licenceEnforcement: fc.boolean(), restrictMyGroups: fc.boolean(),
  }) as fc.Arbitrary<Partial<TenantSettings>>;
  const groups = fc.record({
    joinPolicy: fc.constantFrom('open', 'approval', 'closed'), kind: fc.constantFrom('security', 'microsoft365', 'distribution'),
    isAssignableToRole: fc.boolean(), externallyManaged: fc.boolean(), dynamic: fc.boolean(), deleted: fc.boolean(),
  }).map(({ dynamic, deleted, ...g }) => (dynamic ? dynamicGroup : group)({ ...g, deletedDateTime: deleted ? NOW : null }));
  const relations = fc.record({ isDirectMember: fc.boolean(), hasPendingRequest: fc.boolean(), isOwner: fc.boolean() }).map((r) => rel(r));
  const actors = fc.record({ hasPremiumLicence: fc.boolean(), admin: fc.boolean() })
    .map(({ admin: isAdmin, ...a }) => (isAdmin ? admin('groupsAdmin', a) : user(a)));
  const channels = fc.constantFrom<Channel>('myGroups', 'api', 'adminCenter');

  it('for every actor, group, relation, setting and channel', () => {
    fc.assert(fc.property(actors, settings, channels, groups, relations, (a, s, channel, g, r) => {
      const c = ctx(a, { settings: s, channel });
      expect(groupAbilities(c, g, r, null).joinBlockedReason).toBe(refusalOfTrying(c, g, r));
    }), { numRuns: 500 });
  });
});
