// §3.7 soft delete, restore within 30 days, the owners-can-delete ceiling; §3.7 editing rules.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, expectDeniedAndUnchanged, M365, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('deleteGroup / restoreGroup / updateGroup', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  describe('§3.7 delete and restore', () => {
    it('an owner soft-deletes: the group disappears for others, memberships stay, and the owner restores it whole', async () => {
      const w = await world();
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY, members: [ann.id] });
      await w.core.deleteGroup(w.as(owner), { groupId: group.id });
      await expectDenied(w.core.getGroup(w.as(ann), { groupId: group.id }), 'groupNotFound');
      expect(await w.core.listMyGroups(w.as(ann))).toEqual([]);
      const seenByOwner = await w.core.getGroup(w.as(owner), { groupId: group.id });
      expect(seenByOwner.abilities).toMatchObject({ restore: true, edit: false, delete: false });
      await expectDeniedAndUnchanged(w, () => w.core.deleteGroup(w.as(owner), { groupId: group.id }), 'groupNotFound');
      w.clock.advanceDays(30);
      const restored = await w.core.restoreGroup(w.as(owner), { groupId: group.id });
      expect(restored.group.deletedDateTime).toBeNull();
      expect((await w.core.listMyGroups(w.as(ann))).map((v) => v.group.id)).toEqual([group.id]);
      const actions = (await w.audit(group.id)).filter((e) => e.outcome === 'success').map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['group.delete', 'group.restore']));
      await expectDeniedAndUnchanged(w, () => w.core.restoreGroup(w.as(owner), { groupId: group.id }), 'groupNotDeleted');
    });

    it('after 30 days nobody restores, not even an admin', async () => {
      const w = await world();
      const owner = await w.newUser('Owner');
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY });
      await w.core.deleteGroup(w.as(owner), { groupId: group.id });
      w.clock.advanceDays(31);
      await expectDeniedAndUnchanged(w, () => w.core.restoreGroup(w.as(owner), { groupId: group.id }), 'restoreWindowPassed');
      await expectDeniedAndUnchanged(w, () => w.core.restoreGroup(w.adminCaller(), { groupId: group.id }), 'restoreWindowPassed');
    });

    it('non-owners cannot delete; a deleted group is invisible to them (not found, not forbidden)', async () => {
      const w = await world();
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY, members: [ann.id] });
      await expectDeniedAndUnchanged(w, () => w.core.deleteGroup(w.as(ann), { groupId: group.id }), 'notOwner');
      await w.core.deleteGroup(w.adminCaller(), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.restoreGroup(w.as(ann), { groupId: group.id }), 'groupNotFound');
    });

    it('§3.4 "owners can delete groups" = No: owners cannot, admins can', async () => {
      const w = await world();
      const owner = await w.newUser('Owner');
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY });
      await w.settings({ ownersCanDeleteGroups: false });
      await expectDeniedAndUnchanged(w, () => w.core.deleteGroup(w.as(owner), { groupId: group.id }), 'ownerDeleteDisabled');
      await w.core.deleteGroup(w.adminCaller(), { groupId: group.id });
    });

    it('a deleted group accepts no joins, requests, members or owners', async () => {
      const w = await world();
      await w.settings({ ownersCanManageJoinRequests: true });
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY, joinPolicy: 'approval', members: [ann.id] });
      const bob = await w.newUser('Bob');
      const r = await w.core.requestToJoin(w.as(bob), { groupId: group.id });
      await w.core.deleteGroup(w.as(owner), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.as(owner), { groupId: group.id, memberId: bob.id }), 'groupNotFound');
      await expectDeniedAndUnchanged(w, () => w.core.addOwner(w.as(owner), { groupId: group.id, userId: ann.id }), 'groupNotFound');
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'approve' }), 'groupNotFound');
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id }), 'groupNotFound');
    });
  });

  describe('§3.7 editing', () => {
    it('an owner renames and changes the policy; a member cannot; audited with before/after', async () => {
      const w = await world();
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Old', ...SECURITY, members: [ann.id] });
      const { group: updated } = await w.core.updateGroup(w.as(owner), { groupId: group.id, displayName: 'New', description: 'Text', joinPolicy: 'approval' });
      expect(updated).toMatchObject({ displayName: 'New', description: 'Text', joinPolicy: 'approval' });
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.as(ann), { groupId: group.id, displayName: 'Hijack' }), 'notOwner');
      expect(await w.audit(group.id)).toContainEqual(expect.objectContaining({
        action: 'group.update', outcome: 'success', before: expect.objectContaining({ displayName: 'Old' }), after: expect.objectContaining({ displayName: 'New' }),
      }));
    });

    it('§3.4 the ceiling binds owners on edit; §3.13 unlicensed owners cannot make a group need approval', async () => {
      const w = await world();
      const owner = await w.newUser('Owner');
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY });
      await w.settings({ maxOwnerJoinPolicy: 'approval', licenceEnforcement: true });
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.as(owner), { groupId: group.id, joinPolicy: 'open' }), 'joinPolicyAboveCeiling');
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.as(owner), { groupId: group.id, joinPolicy: 'approval' }), 'licenceRequired');
      await w.core.updateGroup(w.adminCaller(), { groupId: group.id, joinPolicy: 'open' });
    });

    it('§3.4 Microsoft 365: visibility through the api sets the join policy', async () => {
      const w = await world();
      const owner = await w.newUser('Owner');
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Team', ...M365 });
      const priv = await w.core.updateGroup(w.as(owner), { groupId: group.id, visibility: 'Private' });
      expect(priv.group).toMatchObject({ visibility: 'Private', joinPolicy: 'approval' });
      const closed = await w.core.updateGroup(w.as(owner), { groupId: group.id, joinPolicy: 'closed' });
      expect(closed.group).toMatchObject({ visibility: 'Private', joinPolicy: 'closed' });
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.as(owner), { groupId: group.id, joinPolicy: 'open', visibility: 'Private' }), 'invalidInput');
    });

    it('§3.7 externally managed groups are read-only to owners; mail nickname collisions conflict', async () => {
      const w = await world();
      const owner = await w.newUser('Owner');
      const ext = await w.core.createGroup(w.app(['Group.ReadWrite.All'], 'scim'), { displayName: 'HR', ...SECURITY, owners: [owner.id] });
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.as(owner), { groupId: ext.group.id, displayName: 'X' }), 'externallyManaged');
      const a = await w.core.createGroup(w.as(owner), { displayName: 'A', ...SECURITY, mailNickname: 'a-team' });
      await w.core.createGroup(w.as(owner), { displayName: 'B', ...SECURITY, mailNickname: 'b-team' });
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.as(owner), { groupId: a.group.id, mailNickname: 'B-TEAM' }), 'mailNicknameTaken');
    });
  });
});
