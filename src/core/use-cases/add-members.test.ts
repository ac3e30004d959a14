// The use cases behind Graph-only shapes: addMembers (PATCH members@odata.bind, all or nothing, ≤ 20),
// listDeletedGroups (owners and admins) and listTransitiveMembers (nesting never widens what is seen).
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDeniedAndUnchanged, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('addMembers / listDeletedGroups / listTransitiveMembers', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('addMembers adds all or nothing, and refuses more than 20', async () => {
    const w = await world();
    const [owner, ann, bob] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Bob')];
    const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Batch', ...SECURITY });
    await expectDeniedAndUnchanged(w, () => w.core.addMembers(w.as(owner), { groupId: group.id, memberIds: [ann.id, '00000000-0000-4000-8000-000000000009'] }), 'memberNotFound');
    await expectDeniedAndUnchanged(w, () => w.core.addMembers(w.as(owner), { groupId: group.id, memberIds: [ann.id, ann.id] }), 'alreadyMember');
    await expectDeniedAndUnchanged(w, () => w.core.addMembers(w.as(ann), { groupId: group.id, memberIds: [bob.id] }), 'notOwner');
    await expectDeniedAndUnchanged(w, () => w.core.addMembers(w.as(owner), { groupId: group.id, memberIds: Array.from({ length: 21 }, () => ann.id) }), 'invalidInput');
    const added = await w.core.addMembers(w.as(owner), { groupId: group.id, memberIds: [ann.id, bob.id] });
    expect(added.map((m) => m.memberId)).toEqual([ann.id, bob.id]);
  });

  it('listDeletedGroups shows a deleted group to its owner and admins, not to others', async () => {
    const w = await world();
    const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
    const { group } = await w.core.createGroup(w.as(owner), { displayName: 'Gone', ...SECURITY });
    await w.core.deleteGroup(w.as(owner), { groupId: group.id });
    expect((await w.core.listDeletedGroups(w.as(owner))).groups.map((v) => v.group.id)).toEqual([group.id]);
    expect((await w.core.listDeletedGroups(w.adminCaller())).groups.map((v) => v.group.id)).toEqual([group.id]);
    expect((await w.core.listDeletedGroups(w.as(ann))).groups).toEqual([]);
  });

  it('listTransitiveMembers walks nesting, but a Private nested group\'s members stay hidden from outsiders (§3.9)', async () => {
    const w = await world();
    const [owner, ann, bob, outsider] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Bob'), await w.newUser('Outsider')];
    const outer = (await w.core.createGroup(w.as(owner), { displayName: 'Outer', ...SECURITY, visibility: 'Public' })).group;
    const inner = (await w.core.createGroup(w.as(owner), { displayName: 'Inner', ...SECURITY, visibility: 'Private' })).group;
    await w.core.addMember(w.as(owner), { groupId: outer.id, memberId: inner.id });
    await w.core.addMember(w.as(owner), { groupId: outer.id, memberId: ann.id });
    await w.core.addMember(w.as(owner), { groupId: inner.id, memberId: bob.id });
    const ids = async (caller: ReturnType<typeof w.as>) => (await w.core.listTransitiveMembers(caller, { groupId: outer.id })).map((m) => m.memberId).sort();
    expect(await ids(w.as(owner))).toEqual([ann.id, bob.id, inner.id].sort());
    expect(await ids(w.as(outsider))).toEqual([ann.id, inner.id].sort());
    expect(await ids(w.as(bob))).toEqual([ann.id, bob.id, inner.id].sort());
  });
});
