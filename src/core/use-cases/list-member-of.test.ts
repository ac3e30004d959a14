// listMemberOf (memberOf / transitiveMemberOf, keyset-paged): each group carries the caller's abilities
// (the same as getGroup's), only groups the caller may see the member in are listed (SPEC §3.9), pages
// are full until the last even when hidden groups sit in between, cursors only ever point at visible
// groups, $count counts what the caller may see, and the reads per page do not grow with the groups.
import { expect, it } from 'vitest';
import type { ListCursor } from '../domain/list-query.js';
import type { UnitOfWork } from '../ports.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { M365, newWorld, SECURITY, type TestWorld } from '../testing/world.js';
import type { GroupPage } from './list-groups.js';

type Input = Omit<Parameters<TestWorld['core']['listMemberOf']>[1], 'cursor'>;

async function walk(w: TestWorld, callerId: string, input: Input): Promise<{ pages: GroupPage[]; cursors: ListCursor[] }> {
  const pages: GroupPage[] = [];
  const cursors: ListCursor[] = [];
  let cursor: ListCursor | undefined;
  for (;;) {
    const page = await w.core.listMemberOf(w.as(callerId), { ...input, cursor });
    pages.push(page);
    if (!page.next) return { pages, cursors };
    cursors.push(page.next);
    cursor = page.next;
  }
}

/** Counts repository calls made through the unit of work (one call may be one or a few queries). */
function counting(uow: UnitOfWork): { uow: UnitOfWork; calls: () => number } {
  let calls = 0;
  const wrap = (repo: object) => new Proxy(repo, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => { calls++; return (v as (...a: unknown[]) => unknown).apply(target, args); };
    },
  });
  return {
    calls: () => calls,
    uow: {
      tenants: uow.tenants,
      transaction: (tenantId, fn) => uow.transaction(tenantId, (scope) => fn(new Proxy(scope, {
        get(target, prop) {
          const v: unknown = Reflect.get(target, prop);
          return typeof v === 'object' && v !== null ? wrap(v) : v;
        },
      }))),
    },
  };
}

describeEachEngine('listMemberOf', (getStorage) => {
  it('every listed group carries the caller\'s abilities, equal to getGroup\'s, for every kind of relation and caller', async () => {
    const w = await newWorld(getStorage().uow);
    const [owner, u, v] = [await w.newUser('Owner'), await w.newUser('U'), await w.newUser('V')];
    await w.settings({ ownersCanManageJoinRequests: true });
    const mk = (displayName: string, joinPolicy: 'open' | 'approval' | 'closed' = 'approval') =>
      w.core.createGroup(w.adminCaller(), { displayName, ...SECURITY, visibility: 'Public', joinPolicy, owners: [owner.id], members: [v.id] });
    const owned = await w.core.createGroup(w.adminCaller(), { displayName: 'Owned', ...SECURITY, visibility: 'Public', owners: [u.id], members: [v.id] });
    const direct = await mk('Direct', 'open');
    const nested = await w.core.createGroup(w.adminCaller(), { displayName: 'Nested', ...SECURITY, visibility: 'Public', owners: [owner.id] });
    await w.core.addMember(w.adminCaller(), { groupId: nested.group.id, memberId: direct.group.id });
    await w.core.addMember(w.adminCaller(), { groupId: direct.group.id, memberId: u.id });
    const pending = await mk('Pending');
    await w.core.requestToJoin(w.as(u), { groupId: pending.group.id });
    await mk('Closed', 'closed');
    await w.core.createGroup(w.adminCaller(), { displayName: 'Hidden', ...M365, visibility: 'HiddenMembership', owners: [owner.id], members: [u.id, v.id] });

    const all = ['Closed', 'Direct', 'Hidden', 'Nested', 'Owned', 'Pending'];
    const callers = [
      { caller: w.as(u), sees: all.filter((n) => n !== 'Hidden') },
      { caller: w.as(v), sees: all },
      { caller: w.as(owner), sees: all },
      { caller: w.adminCaller(), sees: all },
      { caller: w.app(['GroupMember.Read.All', 'User.Read.All']), sees: all },
      { caller: w.system, sees: all },
    ];
    for (const { caller, sees } of callers) {
      const page = await w.core.listMemberOf(caller, { memberId: v.id, transitive: true, top: 999 });
      expect(page.groups.map((x) => x.group.displayName)).toEqual(sees);
      for (const view of page.groups) {
        expect(view.abilities, `${view.group.displayName}`).toEqual((await w.core.getGroup(caller, { groupId: view.group.id })).abilities);
      }
    }
    const mine = (await w.core.listMemberOf(w.as(u), { memberId: v.id, transitive: true })).groups;
    const of = (n: string) => mine.find((x) => x.group.displayName === n)?.abilities;
    expect(of('Pending')).toMatchObject({ request: false, join: false });
    expect(of('Owned')).toMatchObject({ edit: true, manageMembers: true });
    expect(of('Direct')).toMatchObject({ leave: true });
    expect(of('Nested')).toMatchObject({ seeMembers: true, leave: false });
    // Direct memberships only: Nested is reached through Direct.
    expect((await w.core.listMemberOf(w.as(v), { memberId: v.id, transitive: false })).groups.map((x) => x.group.displayName))
      .toEqual(['Closed', 'Direct', 'Hidden', 'Owned', 'Pending']);
    expect(owned.group.id).toBeDefined();
  });

  it('pages stay full past groups the caller may not see; cursors point only at visible groups; $count counts what is visible', async () => {
    const w = await newWorld(getStorage().uow);
    const [olga, bob] = [await w.newUser('Olga'), await w.newUser('Bob')];
    const visible: string[] = [];
    const hidden: string[] = [];
    // 120 Private groups Olga is not in sort first (more than one storage batch), then visible ones interleaved with hidden.
    for (let i = 0; i < 120; i++) hidden.push((await w.core.createGroup(w.adminCaller(), { displayName: `A ${String(i).padStart(3, '0')}`, ...SECURITY, members: [bob.id] })).group.id);
    for (let i = 0; i < 7; i++) {
      visible.push((await w.core.createGroup(w.adminCaller(), { displayName: `B ${i}`, ...SECURITY, visibility: 'Public', members: [bob.id] })).group.id);
      hidden.push((await w.core.createGroup(w.adminCaller(), { displayName: `B ${i}`, ...SECURITY, members: [bob.id] })).group.id);
    }
    const deleted = await w.core.createGroup(w.adminCaller(), { displayName: 'B 9', ...SECURITY, visibility: 'Public', members: [bob.id] });
    await w.core.deleteGroup(w.adminCaller(), { groupId: deleted.group.id });

    for (const transitive of [false, true]) {
      const { pages, cursors } = await walk(w, olga.id, { memberId: bob.id, transitive, top: 2, count: true });
      expect(pages.map((p) => p.groups.length)).toEqual([2, 2, 2, 1]);
      expect(pages.flatMap((p) => p.groups.map((x) => x.group.id)).sort()).toEqual([...visible].sort());
      expect(pages.flatMap((p) => p.groups.map((x) => x.group.displayName))).toEqual(['B 0', 'B 1', 'B 2', 'B 3', 'B 4', 'B 5', 'B 6']);
      expect(pages.every((p) => p.count === 7)).toBe(true);
      for (const c of cursors) expect(visible).toContain(c.id);
    }
    // Bob sees all his groups; an admin too; the last page ends the listing.
    const own = await walk(w, bob.id, { memberId: bob.id, transitive: false, top: 100, count: true });
    expect(own.pages.map((p) => p.groups.length)).toEqual([100, 34]);
    expect(own.pages[0]?.count).toBe(134);
    // Exactly a page's worth: no empty page after it.
    expect((await walk(w, olga.id, { memberId: bob.id, transitive: false, top: 7 })).pages.map((p) => p.groups.length)).toEqual([7]);
    expect(hidden).toHaveLength(127);
  });

  it('filter, search and order come from the list query; memberships stay unfilterable', async () => {
    const w = await newWorld(getStorage().uow);
    const bob = await w.newUser('Bob');
    for (const name of ['Sales EMEA', 'Sales APAC', 'Legal']) {
      await w.core.createGroup(w.adminCaller(), { displayName: name, ...SECURITY, members: [bob.id] });
    }
    const names = async (q: Partial<Input>) =>
      (await w.core.listMemberOf(w.as(bob), { memberId: bob.id, transitive: true, ...q })).groups.map((x) => x.group.displayName);
    expect(await names({ filter: { op: 'startsWith', field: 'displayName', value: 'sales' } })).toEqual(['Sales APAC', 'Sales EMEA']);
    expect(await names({ search: { op: 'clause', clause: { field: 'displayName', terms: ['emea'] } } })).toEqual(['Sales EMEA']);
    expect(await names({ orderBy: { field: 'displayName', direction: 'desc' } })).toEqual(['Sales EMEA', 'Sales APAC', 'Legal']);
    await expect(w.core.listMemberOf(w.as(bob), { memberId: bob.id, transitive: true, filter: { op: 'any', field: 'members', property: 'id', value: { type: 'string', value: bob.id } } }))
      .rejects.toMatchObject({ reason: 'invalidInput' });
    await expect(w.core.listMemberOf(w.as(bob), { memberId: '00000000-0000-4000-8000-000000000000', transitive: true })).rejects.toMatchObject({ reason: 'memberNotFound' });
  });

  it('the reads for a page do not grow with the number of groups (relations in bulk, no query per group)', async () => {
    const counted = counting(getStorage().uow);
    const w = await newWorld(counted.uow);
    const [olga, few, many] = [await w.newUser('Olga'), await w.newUser('Few'), await w.newUser('Many')];
    for (let i = 0; i < 60; i++) {
      await w.core.createGroup(w.adminCaller(), { displayName: `G ${i}`, ...SECURITY, visibility: i % 2 ? 'Public' : 'Private', owners: [olga.id], members: i < 3 ? [few.id, many.id] : [many.id] });
    }
    const callsFor = async (memberId: string) => {
      const before = counted.calls();
      const page = await w.core.listMemberOf(w.as(olga), { memberId, transitive: true, top: 999, count: true });
      return { calls: counted.calls() - before, groups: page.groups.length };
    };
    const small = await callsFor(few.id);
    const large = await callsFor(many.id);
    expect([small.groups, large.groups]).toEqual([3, 60]);
    expect(large.calls).toBe(small.calls);
  });
});
