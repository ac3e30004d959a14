// memberOf / transitiveMemberOf pushed down to storage: live groups only, the list query's filter and
// search, (displayName, id) keyset order with ties, every group exactly once across pages even while
// memberships change, and never another tenant's rows.
import { expect, it } from 'vitest';
import type { Group } from '../core/domain/model.js';
import type { MemberOfQuery, TenantScope } from '../core/ports.js';
import { describeEachEngine } from './testing/engines.js';
import { at, inTenant, makeGroup, makeMembership, makeNesting, newId, newTenant } from './testing/fixtures.js';

const BY_NAME = { field: 'displayName', direction: 'asc' } as const;
const byNameThenId = (a: Group, b: Group) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every page of a listing, following the (displayName, id) cursor of each page's last row. */
async function walk(x: TenantScope, memberId: string, query: Omit<MemberOfQuery, 'cursor'>): Promise<Group[][]> {
  const pages: Group[][] = [];
  let cursor: MemberOfQuery['cursor'];
  for (;;) {
    const page = await x.memberships.listGroupsOfPage(memberId, { ...query, cursor });
    pages.push(page);
    const last = page[page.length - 1];
    if (!last || page.length < query.limit) return pages;
    cursor = { key: last.displayName, id: last.id };
  }
}

describeEachEngine('MembershipRepository: memberOf pages', (getStorage) => {
  it('direct and transitive groups, live only, in (displayName, id) order with ties, each exactly once over pages', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const user = newId();
    // 25 direct groups, names with ties (5 per name); 6 parents above some of them; one deleted group.
    const direct = Array.from({ length: 25 }, (_, i) => makeGroup(t, { displayName: `Team ${String(i % 5).padStart(2, '0')}` }));
    const parents = Array.from({ length: 6 }, (_, i) => makeGroup(t, { displayName: `Division ${i}` }));
    const grand = makeGroup(t, { displayName: 'Company' });
    const deleted = makeGroup(t, { displayName: 'Team 00', deletedDateTime: at(5) });
    const unrelated = makeGroup(t, { displayName: 'Team 01' });
    await inTenant(s, t, async (x) => {
      for (const g of [...direct, ...parents, grand, deleted, unrelated]) await x.groups.insert(g);
      for (const g of [...direct, deleted]) await x.memberships.add(makeMembership(t, g.id, user));
      for (const [i, p] of parents.entries()) await x.memberships.add(makeNesting(t, p.id, (direct[i * 3] as Group).id));
      for (const p of parents) await x.memberships.add(makeNesting(t, grand.id, p.id));
      // A parent reached twice (two direct groups under it) is still listed once.
      await x.memberships.add(makeNesting(t, (parents[0] as Group).id, (direct[1] as Group).id));
    });
    await inTenant(s, t, async (x) => {
      const directPages = await walk(x, user, { transitive: false, orderBy: BY_NAME, limit: 4 });
      expect(directPages.flat().map((g) => g.id)).toEqual([...direct].sort(byNameThenId).map((g) => g.id));
      expect(directPages.slice(0, -1).every((p) => p.length === 4)).toBe(true);

      const transitive = (await walk(x, user, { transitive: true, orderBy: BY_NAME, limit: 7 })).flat();
      expect(transitive.map((g) => g.id)).toEqual([...direct, ...parents, grand].sort(byNameThenId).map((g) => g.id));
      expect(transitive[0]).toEqual(grand);

      // Without an order: by id, with the id cursor.
      const byId = await x.memberships.listGroupsOfPage(user, { transitive: true, limit: 999 });
      expect(byId.map((g) => g.id)).toEqual([...direct, ...parents, grand].map((g) => g.id).sort());
      // A group's memberOf: the groups above it.
      expect((await x.memberships.listGroupsOfPage((direct[0] as Group).id, { transitive: true, orderBy: BY_NAME, limit: 10 })).map((g) => g.id))
        .toEqual([grand.id, (parents[0] as Group).id]);
      expect((await x.memberships.listGroupsOfPage((direct[0] as Group).id, { transitive: false, limit: 10 })).map((g) => g.id))
        .toEqual([(parents[0] as Group).id]);
      expect(await x.memberships.listGroupsOfPage(newId(), { transitive: true, limit: 10 })).toEqual([]);
    });
  });

  it('applies the list filter and search to the groups, and descending order', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const user = newId();
    const groups = [
      makeGroup(t, { displayName: 'Sales EMEA', securityEnabled: true }),
      makeGroup(t, { displayName: 'Sales APAC', securityEnabled: false, mailEnabled: true, groupTypes: ['Unified'], mail: 'apac@x.example' }),
      makeGroup(t, { displayName: 'Legal', securityEnabled: true }),
    ];
    await inTenant(s, t, async (x) => {
      for (const g of groups) await x.groups.insert(g);
      for (const g of groups) await x.memberships.add(makeMembership(t, g.id, user));
      const names = async (q: Partial<MemberOfQuery>) =>
        (await x.memberships.listGroupsOfPage(user, { transitive: false, orderBy: BY_NAME, limit: 10, ...q })).map((g) => g.displayName);
      expect(await names({ filter: { op: 'startsWith', field: 'displayName', value: 'sales' } })).toEqual(['Sales APAC', 'Sales EMEA']);
      expect(await names({ filter: { op: 'eq', field: 'securityEnabled', value: { type: 'boolean', value: true } } })).toEqual(['Legal', 'Sales EMEA']);
      expect(await names({ searchTerms: { op: 'clause', clause: { field: 'displayName', terms: ['emea'] } } })).toEqual(['Sales EMEA']);
      expect(await names({ orderBy: { field: 'displayName', direction: 'desc' } })).toEqual(['Sales EMEA', 'Sales APAC', 'Legal']);
      expect(await names({ orderBy: { field: 'displayName', direction: 'desc' }, cursor: { key: 'Sales APAC', id: (groups[1] as Group).id } })).toEqual(['Legal']);
    });
  });

  it('keyset pages do not shift while memberships change: no group seen twice, none still there skipped', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const user = newId();
    const groups = Array.from({ length: 12 }, (_, i) => makeGroup(t, { displayName: `G ${String(i).padStart(2, '0')}` }));
    const early = makeGroup(t, { displayName: 'A first' });
    await inTenant(s, t, async (x) => {
      for (const g of [...groups, early]) await x.groups.insert(g);
      for (const g of groups) await x.memberships.add(makeMembership(t, g.id, user));
    });
    const first = await inTenant(s, t, (x) => x.memberships.listGroupsOfPage(user, { transitive: false, orderBy: BY_NAME, limit: 5 }));
    expect(first.map((g) => g.displayName)).toEqual(['G 00', 'G 01', 'G 02', 'G 03', 'G 04']);
    // Between pages: a group that sorts before the cursor is added and an already-seen one removed.
    await inTenant(s, t, async (x) => {
      await x.memberships.add(makeMembership(t, early.id, user));
      await x.memberships.remove((groups[0] as Group).id, user);
    });
    const last = first[first.length - 1] as Group;
    const rest = await inTenant(s, t, (x) =>
      x.memberships.listGroupsOfPage(user, { transitive: false, orderBy: BY_NAME, limit: 99, cursor: { key: last.displayName, id: last.id } }));
    expect(rest.map((g) => g.displayName)).toEqual(['G 05', 'G 06', 'G 07', 'G 08', 'G 09', 'G 10', 'G 11']);
  });

  it('getManyOf: the member\'s memberships in exactly the groups asked for', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const user = newId();
    const [a, b, c] = [makeGroup(t), makeGroup(t), makeGroup(t)] as [Group, Group, Group];
    await inTenant(s, t, async (x) => {
      for (const g of [a, b, c]) await x.groups.insert(g);
      await x.memberships.add(makeMembership(t, a.id, user));
      await x.memberships.add(makeMembership(t, b.id, user, { source: 'request', expiresDateTime: at(9) }));
      await x.memberships.add(makeMembership(t, c.id, newId()));
      const found = await x.memberships.getManyOf(user, [b.id, c.id, newId(), b.id]);
      expect(found).toEqual([await x.memberships.get(b.id, user)]);
      expect(await x.memberships.getManyOf(user, [])).toEqual([]);
    });
  });

  it('never crosses tenants: the same member id in another tenant lists nothing here', async () => {
    const s = getStorage();
    const [t1, t2] = [await newTenant(s, 'A'), await newTenant(s, 'B')];
    const user = newId();
    const g1 = makeGroup(t1);
    const g2 = makeGroup(t2);
    await inTenant(s, t1, async (x) => { await x.groups.insert(g1); await x.memberships.add(makeMembership(t1, g1.id, user)); });
    await inTenant(s, t2, async (x) => { await x.groups.insert(g2); await x.memberships.add(makeMembership(t2, g2.id, user)); });
    for (const [t, g] of [[t1, g1], [t2, g2]] as const) {
      await inTenant(s, t, async (x) => {
        expect((await x.memberships.listGroupsOfPage(user, { transitive: true, limit: 10 })).map((r) => r.id)).toEqual([g.id]);
        expect((await x.memberships.getManyOf(user, [g1.id, g2.id])).map((m) => m.groupId)).toEqual([g.id]);
      });
    }
  });
});
