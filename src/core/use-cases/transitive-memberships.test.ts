// Transitive memberships through depth-4 nesting, kept current as nesting changes, on both engines.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, newWorld, SECURITY, type TestWorld } from '../testing/world.js';

/** L0 ⊃ L1 ⊃ L2 ⊃ L3 ⊃ ann: ann is four nestings deep in L0. */
async function chain(w: TestWorld) {
  const ann = await w.newUser('Ann');
  const levels = [];
  for (let i = 0; i < 4; i++) levels.push((await w.core.createGroup(w.adminCaller(), { displayName: `L${i}`, ...SECURITY })).group);
  for (let i = 0; i < 3; i++) await w.core.addMember(w.adminCaller(), { groupId: levels[i]!.id, memberId: levels[i + 1]!.id });
  await w.core.addMember(w.adminCaller(), { groupId: levels[3]!.id, memberId: ann.id });
  return { ann, levels };
}

const names = (gs: Array<{ displayName: string }>) => gs.map((g) => g.displayName);

describeEachEngine('transitive memberships', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('a user four levels down is a transitive member of every level, a direct member of the last only', async () => {
    const w = await world();
    const { ann, levels } = await chain(w);
    expect(names(await w.core.listTransitiveGroups(w.adminCaller(), { memberId: ann.id }))).toEqual(['L0', 'L1', 'L2', 'L3']);
    expect(names(await w.core.listDirectGroups(w.adminCaller(), { memberId: ann.id }))).toEqual(['L3']);
    expect((await w.core.checkMemberGroups(w.adminCaller(), { memberId: ann.id, groupIds: [levels[0]!.id, levels[2]!.id] })).sort())
      .toEqual([levels[0]!.id, levels[2]!.id].sort());
    // a group's memberOf too
    expect(names(await w.core.listTransitiveGroups(w.adminCaller(), { memberId: levels[3]!.id }))).toEqual(['L0', 'L1', 'L2']);
    // the user sees their own transitive groups
    expect(names(await w.core.listTransitiveGroups(w.as(ann), { memberId: ann.id }))).toEqual(['L0', 'L1', 'L2', 'L3']);
  });

  it('cutting a link in the middle removes the groups above it', async () => {
    const w = await world();
    const { ann, levels } = await chain(w);
    await w.core.removeMember(w.adminCaller(), { groupId: levels[1]!.id, memberId: levels[2]!.id });
    expect(names(await w.core.listTransitiveGroups(w.adminCaller(), { memberId: ann.id }))).toEqual(['L2', 'L3']);
    await w.core.addMember(w.adminCaller(), { groupId: levels[0]!.id, memberId: levels[2]!.id });
    expect(names(await w.core.listTransitiveGroups(w.adminCaller(), { memberId: ann.id }))).toEqual(['L0', 'L2', 'L3']);
  });

  it('§3.2 Selected creation is matched through four levels of nesting', async () => {
    const w = await world();
    const { ann, levels } = await chain(w);
    const bob = await w.newUser('Bob');
    await w.settings({ securityGroupCreation: 'Selected', securityGroupCreationGroupId: levels[0]!.id });
    await w.core.createGroup(w.as(ann), { displayName: 'Mine', ...SECURITY });
    await expectDenied(w.core.createGroup(w.as(bob), { displayName: 'Bob', ...SECURITY }), 'notInCreationGroup');
  });

  it('§3.9 transitive memberOf of someone else is scoped: a Private chain is invisible to outsiders, visible to members', async () => {
    const w = await world();
    const { ann, levels } = await chain(w);
    const eve = await w.newUser('Eve');
    expect(await w.core.listTransitiveGroups(w.as(eve), { memberId: ann.id })).toEqual([]);
    // An admin adds Eve to L1: she is now a (transitive) member of L1 and L0, so she sees Ann in both.
    await w.core.addMember(w.adminCaller(), { groupId: levels[1]!.id, memberId: eve.id });
    expect(names(await w.core.listTransitiveGroups(w.as(eve), { memberId: ann.id }))).toEqual(['L0', 'L1']);
    await expectDenied(w.core.listTransitiveGroups(w.as(eve), { memberId: '6a5b4c3d-0000-4000-8000-000000000000' }), 'memberNotFound');
  });
});
