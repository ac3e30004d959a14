import { expect, it } from 'vitest';
import type { Membership } from '../core/domain/model.js';
import { describeEachEngine } from './testing/engines.js';
import { at, inTenant, makeGroup, makeMembership, makeNesting, newId, newTenant } from './testing/fixtures.js';

describeEachEngine('MembershipRepository', (getStorage) => {
  it('adds once (second add returns false and changes nothing), gets, and removes', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const m = makeMembership(t, g.id, newId(), { source: 'request', addedBy: newId(), expiresDateTime: at(9), requestId: newId() });
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      expect(await x.memberships.add(m)).toBe(true);
      expect(await x.memberships.add({ ...m, source: 'direct', expiresDateTime: null })).toBe(false);
      expect(await x.memberships.get(g.id, m.memberId)).toEqual(m);
      expect(await x.memberships.get(g.id, newId())).toBeNull();
      expect(await x.memberships.remove(g.id, m.memberId)).toBe(true);
      expect(await x.memberships.remove(g.id, m.memberId)).toBe(false);
      expect(await x.memberships.get(g.id, m.memberId)).toBeNull();
    });
  });

  it('pages members by memberId: every member exactly once, in order, optionally by type', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const children = [makeGroup(t), makeGroup(t)];
    const userIds = Array.from({ length: 23 }, () => newId());
    await inTenant(s, t, async (x) => {
      for (const grp of [g, ...children]) await x.groups.insert(grp);
      for (const id of userIds) await x.memberships.add(makeMembership(t, g.id, id));
      for (const c of children) await x.memberships.add(makeNesting(t, g.id, c.id));
    });
    const all = [...userIds, ...children.map((c) => c.id)].sort();
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page: Membership[] = await inTenant(s, t, (x) => x.memberships.listMembers(g.id, { limit: 5, after }));
      if (page.length === 0) break;
      seen.push(...page.map((m) => m.memberId));
      after = page.at(-1)?.memberId;
    }
    expect(seen).toEqual(all);
    await inTenant(s, t, async (x) => {
      expect(await x.memberships.countMembers(g.id)).toBe(25);
      const groups = await x.memberships.listMembers(g.id, { limit: 100, memberType: 'group' });
      expect(groups.map((m) => m.memberId)).toEqual(children.map((c) => c.id).sort());
      expect(await x.memberships.listMembers(g.id, { limit: 100, memberType: 'user' })).toHaveLength(23);
    });
  });

  it('lists the direct groups of a member and removes all of them at once', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const [a, b, c] = [makeGroup(t), makeGroup(t), makeGroup(t)];
    const user = newId();
    await inTenant(s, t, async (x) => {
      for (const g of [a, b, c]) await x.groups.insert(g);
      await x.memberships.add(makeMembership(t, a.id, user));
      await x.memberships.add(makeMembership(t, b.id, user));
    });
    await inTenant(s, t, async (x) => {
      expect((await x.memberships.listGroupsOf(user)).map((m) => m.groupId)).toEqual([a.id, b.id].sort());
      expect(await x.memberships.removeAllOfMember(user)).toEqual([a.id, b.id].sort());
      expect(await x.memberships.listGroupsOf(user)).toEqual([]);
      expect(await x.memberships.removeAllOfMember(user)).toEqual([]);
    });
  });

  it('removeAllOfMember of a nested group also fixes the closure', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const [p1, p2, child, top] = [makeGroup(t), makeGroup(t), makeGroup(t), makeGroup(t)];
    await inTenant(s, t, async (x) => {
      for (const g of [p1, p2, child, top]) await x.groups.insert(g);
      await x.memberships.add(makeNesting(t, top.id, p1.id));
      await x.memberships.add(makeNesting(t, p1.id, child.id));
      await x.memberships.add(makeNesting(t, p2.id, child.id));
      expect(await x.memberships.removeAllOfMember(child.id)).toEqual([p1.id, p2.id].sort());
      expect(await x.memberships.ancestorGroupIds(child.id)).toEqual([]);
      expect(await x.memberships.ancestorGroupIds(p1.id)).toEqual([top.id]);
    });
  });

  it('lists memberships whose expiry has passed, soonest first, up to a limit', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const [early, onTime, late, never] = [newId(), newId(), newId(), newId()];
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      await x.memberships.add(makeMembership(t, g.id, late, { expiresDateTime: at(30) }));
      await x.memberships.add(makeMembership(t, g.id, onTime, { expiresDateTime: at(10) }));
      await x.memberships.add(makeMembership(t, g.id, early, { expiresDateTime: at(5) }));
      await x.memberships.add(makeMembership(t, g.id, never));
    });
    await inTenant(s, t, async (x) => {
      expect((await x.memberships.listExpired(at(10), 10)).map((m) => m.memberId)).toEqual([early, onTime]);
      expect((await x.memberships.listExpired(at(10), 1)).map((m) => m.memberId)).toEqual([early]);
      expect(await x.memberships.listExpired(at(0), 10)).toEqual([]);
      expect(await x.memberships.listExpired(at(100), 10)).toHaveLength(3);
    });
  });
});
