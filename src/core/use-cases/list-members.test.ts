// §3.9 delegated scoping and §3.4 HiddenMembership through the core: member lists, memberOf, and
// checkMemberGroups answer only what the caller may see (SECURITY #6), on both engines.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { M365, newWorld, SECURITY, type TestWorld } from '../testing/world.js';

const ids = (rows: Array<{ memberId: string }>) => rows.map((r) => r.memberId).sort();

async function twoPrivateGroups(w: TestWorld) {
  const [olga, oscar, ann, bob] = [await w.newUser('Olga'), await w.newUser('Oscar'), await w.newUser('Ann'), await w.newUser('Bob')];
  const sales = await w.core.createGroup(w.as(olga), { displayName: 'Sales', ...SECURITY, members: [ann.id] });
  const legal = await w.core.createGroup(w.as(oscar), { displayName: 'Legal', ...SECURITY, members: [bob.id] });
  expect([sales.group.visibility, legal.group.visibility]).toEqual(['Private', 'Private']);
  return { olga, oscar, ann, bob, sales: sales.group, legal: legal.group };
}

describeEachEngine('listMembers and memberOf scoping', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  describe('§3.9 delegated scoping', () => {
    it('two owners of different Private groups cannot list each other\'s members; an admin can', async () => {
      const w = await world();
      const { olga, oscar, ann, bob, sales, legal } = await twoPrivateGroups(w);
      expect(ids(await w.core.listMembers(w.as(olga), { groupId: sales.id }))).toEqual([ann.id]);
      expect(await w.core.listMembers(w.as(olga), { groupId: legal.id })).toEqual([]);
      expect(await w.core.listMembers(w.as(oscar), { groupId: sales.id })).toEqual([]);
      expect(ids(await w.core.listMembers(w.adminCaller(), { groupId: sales.id }))).toEqual([ann.id]);
      expect(ids(await w.core.listMembers(w.adminCaller(), { groupId: legal.id }))).toEqual([bob.id]);
      // Owners are public (whom to ask); the group is findable.
      expect((await w.core.getGroup(w.as(olga), { groupId: legal.id })).abilities.seeMembers).toBe(false);
    });

    it('an empty answer for a hidden list is the same as for an empty group (no count leaks)', async () => {
      const w = await world();
      const { olga, legal } = await twoPrivateGroups(w);
      const empty = await w.core.createGroup(w.adminCaller(), { displayName: 'Empty', ...SECURITY });
      expect(await w.core.listMembers(w.as(olga), { groupId: legal.id })).toEqual(await w.core.listMembers(w.as(olga), { groupId: empty.group.id }));
    });

    it('memberOf of another user shows only the groups whose members the caller may see', async () => {
      const w = await world();
      const { olga, oscar, ann, bob, sales, legal } = await twoPrivateGroups(w);
      // Bob joins Sales too: Olga sees Bob in Sales but not in Legal.
      await w.core.addMember(w.as(olga), { groupId: sales.id, memberId: bob.id });
      expect((await w.core.listDirectGroups(w.as(olga), { memberId: bob.id })).map((g) => g.id)).toEqual([sales.id]);
      expect((await w.core.listTransitiveGroups(w.as(olga), { memberId: bob.id })).map((g) => g.id)).toEqual([sales.id]);
      expect(await w.core.checkMemberGroups(w.as(olga), { memberId: bob.id, groupIds: [sales.id, legal.id] })).toEqual([sales.id]);
      expect(await w.core.checkMemberGroups(w.as(oscar), { memberId: ann.id, groupIds: [sales.id] })).toEqual([]);
      expect((await w.core.listDirectGroups(w.adminCaller(), { memberId: bob.id })).map((g) => g.id).sort()).toEqual([sales.id, legal.id].sort());
      // Everyone sees their own memberships.
      expect((await w.core.listDirectGroups(w.as(bob), { memberId: bob.id })).map((g) => g.id).sort()).toEqual([sales.id, legal.id].sort());
    });

    it('a Public group\'s members are visible to everyone', async () => {
      const w = await world();
      const [owner, ann, eve] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Eve')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Team', ...M365, members: [ann.id] });
      expect(group.visibility).toBe('Public');
      expect(ids(await w.core.listMembers(w.as(eve), { groupId: group.id }))).toEqual([ann.id]);
    });

    it('a disabled user sees no group at all', async () => {
      const w = await world();
      const { sales } = await twoPrivateGroups(w);
      const dan = await w.newUser('Dan', { accountEnabled: false });
      await expect(w.core.listMembers(w.as(dan), { groupId: sales.id })).rejects.toMatchObject({ reason: 'groupNotFound' });
    });
  });

  describe('§3.4 HiddenMembership: a member sees only themselves; owners and admins see all', () => {
    it('member lists, memberOf and checkMemberGroups agree', async () => {
      const w = await world();
      const [owner, ann, bob, eve] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Bob'), await w.newUser('Eve')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Secret', ...M365, visibility: 'HiddenMembership', members: [ann.id, bob.id] });
      expect(ids(await w.core.listMembers(w.as(ann), { groupId: group.id }))).toEqual([ann.id]);
      expect(ids(await w.core.listMembers(w.as(bob), { groupId: group.id }))).toEqual([bob.id]);
      expect(await w.core.listMembers(w.as(eve), { groupId: group.id })).toEqual([]);
      expect(ids(await w.core.listMembers(w.as(owner), { groupId: group.id }))).toEqual([ann.id, bob.id].sort());
      expect(ids(await w.core.listMembers(w.adminCaller(), { groupId: group.id }))).toEqual([ann.id, bob.id].sort());
      // a member asking about another member, and an outsider asking about a member: nothing
      expect(await w.core.listDirectGroups(w.as(ann), { memberId: bob.id })).toEqual([]);
      expect(await w.core.checkMemberGroups(w.as(eve), { memberId: ann.id, groupIds: [group.id] })).toEqual([]);
      expect(await w.core.checkMemberGroups(w.as(ann), { memberId: ann.id, groupIds: [group.id] })).toEqual([group.id]);
      expect(await w.core.checkMemberGroups(w.as(owner), { memberId: ann.id, groupIds: [group.id] })).toEqual([group.id]);
      // the answer about a non-member equals the answer about a hidden member
      expect(await w.core.checkMemberGroups(w.as(eve), { memberId: ann.id, groupIds: [group.id] }))
        .toEqual(await w.core.checkMemberGroups(w.as(eve), { memberId: owner.id, groupIds: [group.id] }));
      // paging past oneself returns nothing
      expect(await w.core.listMembers(w.as(ann), { groupId: group.id, after: ann.id })).toEqual([]);
    });
  });

  describe('join requests are scoped too', () => {
    it('the group\'s requests are listed for its owners and admins only', async () => {
      const w = await world();
      await w.settings({ ownersCanManageJoinRequests: true });
      const [owner, ann, eve] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Eve')];
      const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY, joinPolicy: 'approval' });
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      expect((await w.core.listGroupJoinRequests(w.as(owner), { groupId: group.id })).map((x) => x.id)).toEqual([r.id]);
      expect((await w.core.listGroupJoinRequests(w.adminCaller(), { groupId: group.id })).map((x) => x.id)).toEqual([r.id]);
      expect(await w.core.listGroupJoinRequests(w.as(eve), { groupId: group.id })).toEqual([]);
      expect(await w.core.listGroupJoinRequests(w.as(ann), { groupId: group.id })).toEqual([]);
      expect((await w.core.listPendingApprovals(w.as(owner))).map((x) => x.id)).toEqual([r.id]);
      expect(await w.core.listPendingApprovals(w.as(eve))).toEqual([]);
    });
  });
});
