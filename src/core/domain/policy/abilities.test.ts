// Abilities are the same decisions the use cases enforce, shipped to clients (STYLE example 2).
import { describe, expect, it } from 'vitest';
import { admin, ctx, group, IDS, NOW, REL, TENANT, user } from '../../testing/policy-fixtures.js';
import { groupAbilities } from './abilities.js';

const membership = { tenantId: TENANT, groupId: IDS.group, memberId: IDS.user, memberType: 'user' as const, source: 'direct' as const, addedBy: null, addedDateTime: NOW, expiresDateTime: null, requestId: null };

describe('groupAbilities', () => {
  it('an outsider of an open group may join and nothing else', () => {
    expect(groupAbilities(ctx(user()), group({ joinPolicy: 'open' }), REL.outsider, null)).toEqual({
      join: true, request: false, leave: false, edit: false, delete: false, restore: false,
      manageMembers: false, assignOwners: false, approve: false, seeMembers: false,
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
