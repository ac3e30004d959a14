// §3.6/§3.7 owners add and remove members; nesting needs rights on both ends and no cycles (SECURITY #2).
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, expectDeniedAndUnchanged, M365, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('addMember / removeMember', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  describe('users', () => {
    it('§3.6 an owner adds and removes members of a closed group; both are audited', async () => {
      const w = await world();
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Closed', ...SECURITY });
      const m = await w.core.addMember(w.as(owner), { groupId: group.id, memberId: ann.id });
      expect(m).toMatchObject({ source: 'direct', addedBy: owner.id, memberType: 'user' });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.as(owner), { groupId: group.id, memberId: ann.id }), 'alreadyMember');
      await w.core.removeMember(w.as(owner), { groupId: group.id, memberId: ann.id });
      await expectDeniedAndUnchanged(w, () => w.core.removeMember(w.as(owner), { groupId: group.id, memberId: ann.id }), 'notMember');
      const actions = (await w.audit(group.id)).filter((e) => e.outcome === 'success').map((e) => e.action).sort();
      expect(actions).toEqual(['group.create', 'member.add', 'member.remove']);
    });

    it('§3.6 a member who is not an owner cannot add or remove; the denial changes nothing and is audited', async () => {
      const w = await world();
      const [owner, ann, bob] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Bob')];
      const { group } = await w.core.createGroup(w.as(owner, 'myGroups'), { displayName: 'Team', ...M365 });
      await w.core.joinGroup(w.as(ann), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.as(ann), { groupId: group.id, memberId: bob.id }), 'notOwner');
      await expectDeniedAndUnchanged(w, () => w.core.removeMember(w.as(ann), { groupId: group.id, memberId: owner.id }), 'notOwner');
      expect(await w.audit(`${group.id}/${bob.id}`)).toEqual([expect.objectContaining({ action: 'member.add', outcome: 'denied', reason: 'notOwner', actorId: ann.id })]);
    });

    it('time-bound additions must end in the future; unknown members are memberNotFound', async () => {
      const w = await world();
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Closed', ...SECURITY });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.as(owner), { groupId: group.id, memberId: ann.id, expiresDateTime: w.clock.now() }), 'invalidInput');
      await expectDenied(w.core.addMember(w.as(owner), { groupId: group.id, memberId: '9c0f1c1e-0000-4000-8000-000000000000' }), 'memberNotFound');
      const m = await w.core.addMember(w.as(owner), { groupId: group.id, memberId: ann.id, expiresDateTime: '2030-01-01T00:00:00.000Z' });
      expect(m.expiresDateTime).toBe('2030-01-01T00:00:00.000Z');
    });

    it('§3.7 dynamic groups take no hand edits, even from admins; externally managed ones only through scim', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const dyn = await w.core.createGroup(w.adminCaller(), { displayName: 'Dyn', ...SECURITY, groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "X"' });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.adminCaller(), { groupId: dyn.group.id, memberId: ann.id }), 'dynamicMembership');
      const scim = w.app(['GroupMember.ReadWrite.All'], 'scim');
      const ext = await w.core.createGroup(w.app(['Group.ReadWrite.All'], 'scim'), { displayName: 'HR', ...SECURITY });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.adminCaller(), { groupId: ext.group.id, memberId: ann.id }), 'externallyManaged');
      const m = await w.core.addMember(scim, { groupId: ext.group.id, memberId: ann.id });
      expect(m.source).toBe('sync');
    });

    it('§3.2 an owner who may not create the kind still manages its members', async () => {
      const w = await world();
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Closed', ...SECURITY });
      await w.settings({ securityGroupCreation: 'None' });
      await w.core.addMember(w.as(owner), { groupId: group.id, memberId: ann.id });
      await w.core.removeMember(w.as(owner), { groupId: group.id, memberId: ann.id });
      await expectDeniedAndUnchanged(w, () => w.core.deleteGroup(w.as(owner), { groupId: group.id }), 'creationDisabledCannotEdit');
    });
  });

  describe('§2 nesting: rights on both ends, only security parents, no cycles', () => {
    it('SECURITY #2 an owner of the parent only cannot nest a group they do not own', async () => {
      const w = await world();
      const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
      const parent = await w.core.createGroup(w.as(ann), { displayName: 'Parent', ...SECURITY });
      const privileged = await w.core.createGroup(w.as(bob), { displayName: 'Privileged', ...SECURITY });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.as(ann), { groupId: parent.group.id, memberId: privileged.group.id }), 'notOwnerOfMemberGroup');
      // owner of the child only: not an owner of the parent
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.as(bob), { groupId: parent.group.id, memberId: privileged.group.id }), 'notOwner');
      // owner of both
      await w.core.addOwner(w.adminCaller(), { groupId: privileged.group.id, userId: ann.id });
      const m = await w.core.addMember(w.as(ann), { groupId: parent.group.id, memberId: privileged.group.id });
      expect(m.memberType).toBe('group');
    });

    it('§2 Microsoft 365 groups contain no groups; cycles are refused at any depth', async () => {
      const w = await world();
      const a = await w.core.createGroup(w.adminCaller(), { displayName: 'A', ...SECURITY });
      const b = await w.core.createGroup(w.adminCaller(), { displayName: 'B', ...SECURITY });
      const c = await w.core.createGroup(w.adminCaller(), { displayName: 'C', ...SECURITY });
      const team = await w.core.createGroup(w.adminCaller(), { displayName: 'Team', ...M365 });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.adminCaller(), { groupId: team.group.id, memberId: a.group.id }), 'nestingNotAllowed');
      await w.core.addMember(w.adminCaller(), { groupId: a.group.id, memberId: b.group.id });
      await w.core.addMember(w.adminCaller(), { groupId: b.group.id, memberId: c.group.id });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.adminCaller(), { groupId: c.group.id, memberId: a.group.id }), 'nestingCycle');
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.adminCaller(), { groupId: a.group.id, memberId: a.group.id }), 'nestingCycle');
      // a Microsoft 365 group may be nested into a security group
      await w.core.addMember(w.adminCaller(), { groupId: c.group.id, memberId: team.group.id });
    });

    it('a deleted group cannot be nested', async () => {
      const w = await world();
      const a = await w.core.createGroup(w.adminCaller(), { displayName: 'A', ...SECURITY });
      const gone = await w.core.createGroup(w.adminCaller(), { displayName: 'Gone', ...SECURITY });
      await w.core.deleteGroup(w.adminCaller(), { groupId: gone.group.id });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.adminCaller(), { groupId: a.group.id, memberId: gone.group.id }), 'memberNotFound');
    });
  });
});
