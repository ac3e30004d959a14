import { expect, it } from 'vitest';
import { describeEachEngine } from './testing/engines.js';
import { at, inTenant, makeGroup, makeOwnership, newId, newTenant } from './testing/fixtures.js';

describeEachEngine('OwnerRepository', (getStorage) => {
  it('adds once, checks, lists by user id, counts and removes', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const [u1, u2] = [newId(), newId()].sort() as [string, string];
    const o1 = makeOwnership(t, g.id, u1, { addedBy: newId(), addedDateTime: at(1) });
    const o2 = makeOwnership(t, g.id, u2);
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      expect(await x.owners.add(o2)).toBe(true);
      expect(await x.owners.add(o1)).toBe(true);
      expect(await x.owners.add({ ...o1, addedBy: null })).toBe(false);
      expect(await x.owners.isOwner(g.id, u1)).toBe(true);
      expect(await x.owners.isOwner(g.id, newId())).toBe(false);
      expect(await x.owners.list(g.id)).toEqual([o1, o2]);
      expect(await x.owners.count(g.id)).toBe(2);
      expect(await x.owners.remove(g.id, u1)).toBe(true);
      expect(await x.owners.remove(g.id, u1)).toBe(false);
      expect(await x.owners.count(g.id)).toBe(1);
    });
  });

  it('lists and removes every group a user owns', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const [a, b, c] = [makeGroup(t), makeGroup(t), makeGroup(t)];
    const u = newId();
    await inTenant(s, t, async (x) => {
      for (const g of [a, b, c]) await x.groups.insert(g);
      await x.owners.add(makeOwnership(t, b.id, u));
      await x.owners.add(makeOwnership(t, a.id, u));
      await x.owners.add(makeOwnership(t, c.id, newId()));
      expect(await x.owners.groupIdsOwnedBy(u)).toEqual([a.id, b.id].sort());
      expect(await x.owners.removeAllOfUser(u)).toEqual([a.id, b.id].sort());
      expect(await x.owners.groupIdsOwnedBy(u)).toEqual([]);
      expect(await x.owners.count(c.id)).toBe(1);
    });
  });

  it('counts the owners of many groups in one read, within the tenant', async () => {
    const s = getStorage();
    const [t, other] = [await newTenant(s), await newTenant(s)];
    const [a, b, c] = [makeGroup(t), makeGroup(t), makeGroup(t)];
    const foreign = makeGroup(other);
    await inTenant(s, t, async (x) => {
      for (const g of [a, b, c]) await x.groups.insert(g);
      for (const u of [newId(), newId()]) await x.owners.add(makeOwnership(t, a.id, u));
      await x.owners.add(makeOwnership(t, b.id, newId()));
    });
    await inTenant(s, other, async (x) => {
      await x.groups.insert(foreign);
      await x.owners.add(makeOwnership(other, foreign.id, newId()));
    });
    const counts = await inTenant(s, t, (x) => x.owners.countMany([a.id, b.id, c.id, foreign.id, a.id]));
    expect(counts).toEqual(new Map([[a.id, 2], [b.id, 1]]));
    expect(await inTenant(s, t, (x) => x.owners.countMany([]))).toEqual(new Map());
  });
});

