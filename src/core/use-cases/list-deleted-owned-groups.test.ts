// Deleted groups a user owns (getUserOwnedObjects): the owner's own, restorable until the 30-day window
// closes and then no longer listed; co-owners see them too; anyone else asking gets only what they could
// see themselves; a user who does not exist (or whom the caller may not see) is "not found".
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('listDeletedOwnedGroups', (getStorage) => {
  it('lists the owner\'s deleted groups by id with restore allowed, for 30 days; co-owners too; others none', async () => {
    const w = await newWorld(getStorage().uow);
    const [ann, bob, eve] = [await w.newUser('Ann'), await w.newUser('Bob'), await w.newUser('Eve')];
    const shared = (await w.core.createGroup(w.as(ann), { displayName: 'Shared', ...SECURITY, owners: [ann.id, bob.id] })).group;
    const solo = (await w.core.createGroup(w.as(ann), { displayName: 'Solo', ...SECURITY })).group;
    const live = (await w.core.createGroup(w.as(ann), { displayName: 'Live', ...SECURITY })).group;
    await w.core.deleteGroup(w.as(ann), { groupId: shared.id });
    await w.core.deleteGroup(w.as(ann), { groupId: solo.id });

    const mine = await w.core.listDeletedOwnedGroups(w.as(ann), { userId: ann.id });
    expect(mine.map((v) => v.group.id)).toEqual([shared.id, solo.id].sort());
    expect(mine.every((v) => v.abilities.restore && !v.abilities.edit)).toBe(true);
    expect(mine.map((v) => v.group.id)).not.toContain(live.id);
    expect((await w.core.listDeletedOwnedGroups(w.as(bob), { userId: bob.id })).map((v) => v.group.id)).toEqual([shared.id]);
    // Bob asks about Ann: only what Bob may see himself (the group they share).
    expect((await w.core.listDeletedOwnedGroups(w.as(bob), { userId: ann.id })).map((v) => v.group.id)).toEqual([shared.id]);
    expect(await w.core.listDeletedOwnedGroups(w.as(eve), { userId: ann.id })).toEqual([]);
    expect((await w.core.listDeletedOwnedGroups(w.adminCaller(), { userId: ann.id })).length).toBe(2);

    w.clock.advanceDays(30);
    expect((await w.core.listDeletedOwnedGroups(w.as(ann), { userId: ann.id })).length).toBe(2);
    w.clock.advanceDays(1);
    expect(await w.core.listDeletedOwnedGroups(w.as(ann), { userId: ann.id })).toEqual([]);
  });

  it('an unknown user, or one a disabled caller cannot see, is not found', async () => {
    const w = await newWorld(getStorage().uow);
    const ann = await w.newUser('Ann');
    const off = await w.newUser('Off', { accountEnabled: false });
    await expectDenied(w.core.listDeletedOwnedGroups(w.as(ann), { userId: '00000000-0000-4000-8000-000000000000' }), 'userNotFound');
    await expectDenied(w.core.listDeletedOwnedGroups(w.as(off), { userId: ann.id }), 'userNotFound');
  });
});
