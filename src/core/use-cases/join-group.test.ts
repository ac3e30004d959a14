// §3.4 joining and leaving through the core, on both engines.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, expectDeniedAndUnchanged, M365, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('joinGroup / leaveGroup', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  describe('§3.4 join policies', () => {
    it('open: joins at once (source join), audited; a second join conflicts', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const { group } = await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Open', ...SECURITY });
      expect(group.joinPolicy).toBe('open');
      const m = await w.core.joinGroup(w.as(ann, 'myGroups'), { groupId: group.id });
      expect(m).toMatchObject({ groupId: group.id, memberId: ann.id, source: 'join', addedBy: ann.id, requestId: null });
      expect(await w.audit(group.id)).toContainEqual(expect.objectContaining({ action: 'group.join', outcome: 'success', actorId: ann.id }));
      await expectDeniedAndUnchanged(w, () => w.core.joinGroup(w.as(ann, 'myGroups'), { groupId: group.id }), 'alreadyMember');
    });

    it('approval: joining is refused with approvalRequired (request instead); closed: groupClosed', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const approval = await w.core.createGroup(w.adminCaller(), { displayName: 'Approval', ...SECURITY, joinPolicy: 'approval' });
      const closed = await w.core.createGroup(w.adminCaller(), { displayName: 'Closed', ...SECURITY });
      await expectDeniedAndUnchanged(w, () => w.core.joinGroup(w.as(ann), { groupId: approval.group.id }), 'approvalRequired');
      await expectDeniedAndUnchanged(w, () => w.core.joinGroup(w.as(ann), { groupId: closed.group.id }), 'groupClosed');
      expect(await w.audit(approval.group.id)).toContainEqual(expect.objectContaining({ action: 'group.join', outcome: 'denied', reason: 'approvalRequired' }));
    });

    it('a Microsoft 365 group made Private through visibility needs approval; made Public again, it is open', async () => {
      const w = await world();
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner, 'myGroups'), { displayName: 'Team', ...M365 });
      await w.core.updateGroup(w.as(owner, 'api'), { groupId: group.id, visibility: 'Private' });
      await expectDenied(w.core.joinGroup(w.as(ann), { groupId: group.id }), 'approvalRequired');
      const { group: reopened } = await w.core.updateGroup(w.as(owner, 'api'), { groupId: group.id, visibility: 'Public' });
      expect(reopened.joinPolicy).toBe('open');
      await w.core.joinGroup(w.as(ann), { groupId: group.id });
    });

    it('unknown, other-tenant and deleted groups all answer groupNotFound', async () => {
      const w = await world();
      const other = await newWorld(getStorage().uow);
      const ann = await w.newUser('Ann');
      const theirs = await other.core.createGroup(other.adminCaller('myGroups'), { displayName: 'Theirs', ...SECURITY });
      const mine = await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Mine', ...SECURITY });
      await w.core.deleteGroup(w.adminCaller(), { groupId: mine.group.id });
      await expectDenied(w.core.joinGroup(w.as(ann), { groupId: theirs.group.id }), 'groupNotFound');
      await expectDenied(w.core.joinGroup(w.as(ann), { groupId: mine.group.id }), 'groupNotFound');
      await expectDenied(w.core.joinGroup(w.as(ann), { groupId: '0b6f3c58-4a51-4f8e-9d8a-000000000000' }), 'groupNotFound');
      expect(await other.core.listMembers(other.adminCaller(), { groupId: theirs.group.id })).toEqual([]);
    });

    it('disabled users cannot join; apps have no membership of their own', async () => {
      const w = await world();
      const dan = await w.newUser('Dan', { accountEnabled: false });
      const { group } = await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Open', ...SECURITY });
      await expectDeniedAndUnchanged(w, () => w.core.joinGroup(w.as(dan), { groupId: group.id }), 'groupNotFound');
      await expectDeniedAndUnchanged(w, () => w.core.joinGroup(w.app(['Group.ReadWrite.All']), { groupId: group.id }), 'invalidInput');
    });

    it('§3.8 restrict My Groups: no joining in the portal, the api still joins', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const { group } = await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Open', ...SECURITY });
      await w.settings({ restrictMyGroups: true });
      await expectDeniedAndUnchanged(w, () => w.core.joinGroup(w.as(ann, 'myGroups'), { groupId: group.id }), 'myGroupsRestricted');
      await w.core.joinGroup(w.as(ann, 'api'), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.leaveGroup(w.as(ann, 'myGroups'), { groupId: group.id }), 'myGroupsRestricted');
    });
  });

  describe('leaving', () => {
    it('a member leaves (audited); leaving again is notMember', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const { group } = await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Open', ...SECURITY });
      await w.core.joinGroup(w.as(ann), { groupId: group.id });
      await w.core.leaveGroup(w.as(ann), { groupId: group.id });
      expect(await w.core.listMembers(w.adminCaller(), { groupId: group.id })).toEqual([]);
      expect(await w.audit(group.id)).toContainEqual(expect.objectContaining({ action: 'group.leave', outcome: 'success' }));
      await expectDeniedAndUnchanged(w, () => w.core.leaveGroup(w.as(ann), { groupId: group.id }), 'notMember');
    });

    it('a member added by an owner to a closed group may leave it', async () => {
      const w = await world();
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Closed', ...SECURITY });
      await w.core.addMember(w.as(owner), { groupId: group.id, memberId: ann.id });
      await w.core.leaveGroup(w.as(ann), { groupId: group.id });
    });

    it('members of an externally managed group cannot leave it by hand', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const scim = w.app(['Group.ReadWrite.All'], 'scim');
      const { group } = await w.core.createGroup(scim, { displayName: 'HR', ...SECURITY, members: [ann.id] });
      const bob = await w.newUser('Bob');
      await w.core.addMember(scim, { groupId: group.id, memberId: bob.id });
      // Both SCIM paths (members at creation, members added later) record the membership as synced.
      expect((await w.core.listMembers(w.adminCaller(), { groupId: group.id })).map((m) => m.source)).toEqual(['sync', 'sync']);
      await expectDeniedAndUnchanged(w, () => w.core.leaveGroup(w.as(ann), { groupId: group.id }), 'externallyManaged');
    });
  });
});
