// §3.6 owners: members become owners when the owner-assignment setting allows; 100 owners at most;
// the last owner is removed only by an admin (SECURITY #4).
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { MAX_OWNERS_PER_GROUP } from '../domain/model.js';
import { expectDenied, expectDeniedAndUnchanged, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('addOwner / removeOwner', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('§3.6 an owner makes a member a co-owner; a non-member is refused; audited', async () => {
    const w = await world();
    const [owner, ann, bob] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Bob')];
    const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY, members: [ann.id] });
    await expectDeniedAndUnchanged(w, () => w.core.addOwner(w.as(owner), { groupId: group.id, userId: bob.id }), 'ownerMustBeMember');
    const o = await w.core.addOwner(w.as(owner), { groupId: group.id, userId: ann.id });
    expect(o).toMatchObject({ userId: ann.id, addedBy: owner.id });
    await expectDeniedAndUnchanged(w, () => w.core.addOwner(w.as(owner), { groupId: group.id, userId: ann.id }), 'alreadyOwner');
    await expectDenied(w.core.addOwner(w.as(owner), { groupId: group.id, userId: '1d2c3b4a-0000-4000-8000-000000000000' }), 'userNotFound');
    expect(await w.audit(group.id)).toContainEqual(expect.objectContaining({ action: 'owner.add', outcome: 'success', actorId: owner.id }));
    // admins may make anyone an owner
    await w.core.addOwner(w.adminCaller(), { groupId: group.id, userId: bob.id });
  });

  it('§3.2/§3.6 "Owners who can assign members as group owners" = None / Selected', async () => {
    const w = await world();
    const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
    const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY, members: [ann.id] });
    await w.settings({ ownerAssignment: 'None' });
    await expectDeniedAndUnchanged(w, () => w.core.addOwner(w.as(owner), { groupId: group.id, userId: ann.id }), 'ownerAssignmentDisabled');
    const delegates = await w.core.createGroup(w.adminCaller(), { displayName: 'Delegates', ...SECURITY });
    await w.settings({ ownerAssignment: 'Selected', ownerAssignmentGroupId: delegates.group.id });
    await expectDeniedAndUnchanged(w, () => w.core.addOwner(w.as(owner), { groupId: group.id, userId: ann.id }), 'ownerAssignmentDisabled');
    await w.core.addMember(w.adminCaller(), { groupId: delegates.group.id, memberId: owner.id });
    await w.core.addOwner(w.as(owner), { groupId: group.id, userId: ann.id });
  });

  it(`§3.6 at most ${MAX_OWNERS_PER_GROUP} owners`, async () => {
    const w = await world();
    const { group } = await w.core.createGroup(w.adminCaller(), { displayName: 'Crowded', ...SECURITY });
    const users = [];
    for (let i = 0; i <= MAX_OWNERS_PER_GROUP; i++) users.push(await w.newUser(`U${i}`));
    for (const u of users.slice(0, MAX_OWNERS_PER_GROUP)) await w.core.addOwner(w.adminCaller(), { groupId: group.id, userId: u.id });
    const last = users[MAX_OWNERS_PER_GROUP];
    if (!last) throw new Error('unreachable');
    await expectDeniedAndUnchanged(w, () => w.core.addOwner(w.adminCaller(), { groupId: group.id, userId: last.id }), 'tooManyOwners');
    expect(await w.core.listOwners(w.adminCaller(), { groupId: group.id })).toHaveLength(MAX_OWNERS_PER_GROUP);
    await expectDenied(w.core.createGroup(w.adminCaller(), { displayName: 'Too many', ...SECURITY, owners: users.map((u) => u.id) }), 'tooManyOwners');
  }, 60_000);

  it('§3.6 the last owner is removed only by an admin; co-owners remove each other', async () => {
    const w = await world();
    const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
    const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY, members: [ann.id] });
    await expectDeniedAndUnchanged(w, () => w.core.removeOwner(w.as(owner), { groupId: group.id, userId: owner.id }), 'lastOwner');
    await w.core.addOwner(w.as(owner), { groupId: group.id, userId: ann.id });
    await w.core.removeOwner(w.as(ann), { groupId: group.id, userId: owner.id });
    await expectDeniedAndUnchanged(w, () => w.core.removeOwner(w.as(ann), { groupId: group.id, userId: ann.id }), 'lastOwner');
    await expectDeniedAndUnchanged(w, () => w.core.removeOwner(w.as(ann), { groupId: group.id, userId: owner.id }), 'notAnOwner');
    await w.core.removeOwner(w.adminCaller(), { groupId: group.id, userId: ann.id });
    expect(await w.core.listOwners(w.adminCaller(), { groupId: group.id })).toEqual([]);
  });

  it('SECURITY #4 two owners removing each other at once: at most one succeeds, one owner stays', async () => {
    const w = await world();
    const [a, b] = [await w.newUser('A'), await w.newUser('B')];
    const { group } = await w.core.createGroup(w.as(a), { displayName: 'G', ...SECURITY, members: [b.id] });
    await w.core.addOwner(w.as(a), { groupId: group.id, userId: b.id });
    const results = await Promise.allSettled([
      w.core.removeOwner(w.as(a), { groupId: group.id, userId: b.id }),
      w.core.removeOwner(w.as(b), { groupId: group.id, userId: a.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await w.core.listOwners(w.adminCaller(), { groupId: group.id })).toHaveLength(1);
  });

  it('a plain member cannot make themselves an owner (SECURITY #2)', async () => {
    const w = await world();
    const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
    const { group } = await w.core.createGroup(w.as(owner), { displayName: 'G', ...SECURITY, members: [ann.id] });
    await expectDeniedAndUnchanged(w, () => w.core.addOwner(w.as(ann), { groupId: group.id, userId: ann.id }), 'notOwner');
  });
});
