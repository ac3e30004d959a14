// GET /groups and /users through the core: the query language, visibility (§3.9), counts, ordered
// paging, and SECURITY #6 — a filter can never reach memberships, so hidden members cannot leak.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import type { FilterExpr, ListCursor, OrderBy } from '../domain/list-query.js';
import { expectDenied, M365, newWorld, SECURITY } from '../testing/world.js';

const str = (value: string) => ({ type: 'string' as const, value });

describeEachEngine('listGroups / listUsers', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('lists live groups with filter, search, count and abilities; deleted groups never appear', async () => {
    const w = await world();
    const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
    const sales = await w.core.createGroup(w.as(owner), { displayName: 'Sales Team', ...M365, description: 'Quarterly budget' });
    await w.core.createGroup(w.as(owner), { displayName: 'Sales EU', ...SECURITY });
    const old = await w.core.createGroup(w.as(owner), { displayName: 'Sales Archive', ...SECURITY });
    await w.core.deleteGroup(w.as(owner), { groupId: old.group.id });
    const startsSales: FilterExpr = { op: 'startsWith', field: 'displayName', value: 'sales' };
    const page = await w.core.listGroups(w.as(ann), { filter: startsSales, count: true, orderBy: { field: 'displayName', direction: 'asc' } });
    expect(page.groups.map((v) => v.group.displayName)).toEqual(['Sales EU', 'Sales Team']);
    expect(page.count).toBe(2);
    expect(page.next).toBeNull();
    expect(page.groups[1]?.abilities).toMatchObject({ edit: false });
    const unified = await w.core.listGroups(w.as(owner), { filter: { op: 'any', field: 'groupTypes', value: str('Unified') } });
    expect(unified.groups.map((v) => v.group.id)).toEqual([sales.group.id]);
    expect(unified.groups[0]?.abilities).toMatchObject({ edit: true });
    const searched = await w.core.listGroups(w.as(ann), { search: { op: 'clause', clause: { field: 'description', terms: ['budget'] } } });
    expect(searched.groups.map((v) => v.group.id)).toEqual([sales.group.id]);
    expect((await w.core.listGroups(w.app(['Group.Read.All']), { filter: startsSales })).groups).toHaveLength(2);
  });

  it('who may list: apps need a group read permission, disabled users nothing', async () => {
    const w = await world();
    const off = await w.newUser('Off', { accountEnabled: false });
    await expectDenied(w.core.listGroups(w.app(['User.Read.All'])), 'missingPermission');
    await expectDenied(w.core.listGroups(w.as(off)), 'accountDisabled');
    await expectDenied(w.core.listUsers(w.app(['Group.Read.All'])), 'missingPermission');
    await expectDenied(w.core.listUsers(w.as(off)), 'accountDisabled');
  });

  it('SECURITY #6: a filter on members or memberOf is refused, and a hidden group answers members and outsiders alike', async () => {
    const w = await world();
    const [owner, member, outsider] = [await w.newUser('Owner'), await w.newUser('Member'), await w.newUser('Outsider')];
    const hidden = await w.core.createGroup(w.adminCaller(), { displayName: 'Hidden Club', ...M365, visibility: 'HiddenMembership', owners: [owner.id], members: [member.id] });
    const byMember: FilterExpr[] = [
      { op: 'any', field: 'members', property: 'id', value: str(member.id) },
      { op: 'eq', field: 'members/id', value: str(member.id) },
      { op: 'any', field: 'transitiveMembers', property: 'id', value: str(member.id) },
      { op: 'any', field: 'owners', property: 'id', value: str(owner.id) },
    ];
    for (const filter of byMember) {
      for (const caller of [w.as(outsider), w.as(member), w.adminCaller(), w.system]) {
        await expect(w.core.listGroups(caller, { filter, count: true })).rejects.toMatchObject({ reason: 'invalidInput', detail: expect.stringMatching(/memberships are read through/) });
      }
    }
    await expect(w.core.listUsers(w.as(outsider), { filter: { op: 'any', field: 'memberOf', property: 'id', value: str(hidden.group.id) } }))
      .rejects.toMatchObject({ reason: 'invalidInput' });
    // Everything a filter can say about the hidden group is the same for a member and an outsider.
    const ask = async (userId: string) => {
      const r = await w.core.listGroups(w.as(userId), { filter: { op: 'eq', field: 'id', value: str(hidden.group.id) }, count: true });
      return { ids: r.groups.map((v) => v.group.id), count: r.count, seeMembers: r.groups[0]?.abilities.seeMembers };
    };
    expect(await ask(outsider.id)).toEqual({ ids: [hidden.group.id], count: 1, seeMembers: false });
    expect((await ask(member.id)).count).toBe(1);
  });

  it('pages an ordered, filtered list with the cursor: every group once, in order, count on each page', async () => {
    const w = await world();
    for (let i = 0; i < 30; i++) await w.core.createGroup(w.adminCaller(), { displayName: `Team ${String(i % 4)}`, ...SECURITY, mailNickname: `team-${i}` });
    await w.core.createGroup(w.adminCaller(), { displayName: 'Other', ...SECURITY });
    const orderBy: OrderBy = { field: 'displayName', direction: 'desc' };
    const filter: FilterExpr = { op: 'startsWith', field: 'displayName', value: 'Team' };
    const seen: string[] = [];
    let cursor: ListCursor | undefined;
    let pages = 0;
    do {
      const page = await w.core.listGroups(w.adminCaller(), { filter, orderBy, top: 7, count: true, cursor });
      expect(page.count).toBe(30);
      seen.push(...page.groups.map((v) => `${v.group.displayName}|${v.group.id}`));
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    const names = seen.map((x) => x.split('|')[0]);
    expect(names).toEqual([...names].sort().reverse());
    await expect(w.core.listGroups(w.adminCaller(), { top: 1000 })).rejects.toMatchObject({ reason: 'invalidInput' });
    await expect(w.core.listGroups(w.adminCaller(), { orderBy: { field: 'securityEnabled', direction: 'asc' } })).rejects.toMatchObject({ reason: 'invalidInput' });
  });

  it('listUsers: filter, $search, ordering and count', async () => {
    const w = await world();
    await w.newUser('Zed Guest');
    await w.newUser('Ann Lee');
    await w.newUser('Anna Bell', { accountEnabled: false });
    const all = await w.core.listUsers(w.as(w.admin), { orderBy: { field: 'displayName', direction: 'asc' }, count: true });
    expect(all.users.map((u) => u.displayName)).toEqual(['Ada Admin', 'Ann Lee', 'Anna Bell', 'Zed Guest']);
    expect(all.count).toBe(4);
    const ann = await w.core.listUsers(w.app(['User.Read.All']), {
      filter: { op: 'and', args: [{ op: 'startsWith', field: 'displayName', value: 'ann' }, { op: 'eq', field: 'accountEnabled', value: { type: 'boolean', value: true } }] },
      count: true,
    });
    expect(ann.users.map((u) => u.displayName)).toEqual(['Ann Lee']);
    expect(ann.count).toBe(1);
    const searched = await w.core.listUsers(w.as(w.admin), { search: { op: 'clause', clause: { field: 'displayName', terms: ['bell'] } } });
    expect(searched.users.map((u) => u.displayName)).toEqual(['Anna Bell']);
    const paged = await w.core.listUsers(w.as(w.admin), { top: 3 });
    expect(paged.users).toHaveLength(3);
    expect(paged.next).not.toBeNull();
    const rest = await w.core.listUsers(w.as(w.admin), { top: 3, cursor: paged.next ?? undefined });
    expect(rest.users).toHaveLength(1);
    expect(rest.next).toBeNull();
  });

  it('relations read in bulk for a page give the same abilities as getGroup, for every kind of relation and caller', async () => {
    const w = await world();
    const [owner, u] = [await w.newUser('Owner'), await w.newUser('U')];
    await w.settings({ ownersCanManageJoinRequests: true });
    const mk = (displayName: string, joinPolicy: 'open' | 'approval' | 'closed' = 'approval') =>
      w.core.createGroup(w.adminCaller(), { displayName, ...SECURITY, joinPolicy, owners: [owner.id] });
    const owned = await w.core.createGroup(w.adminCaller(), { displayName: 'Owned', ...SECURITY, owners: [u.id] });
    const direct = await mk('Direct', 'open');
    const nested = await mk('Nested');
    await w.core.addMember(w.adminCaller(), { groupId: nested.group.id, memberId: direct.group.id });
    await w.core.addMember(w.adminCaller(), { groupId: direct.group.id, memberId: u.id });
    const pending = await mk('Pending');
    const expired = await mk('Expired');
    await w.core.requestToJoin(w.as(u), { groupId: expired.group.id });
    w.clock.advanceDays(15);
    await w.core.requestToJoin(w.as(u), { groupId: pending.group.id });
    await mk('Unrelated', 'closed');
    await w.core.createGroup(w.adminCaller(), { displayName: 'Hidden', ...M365, visibility: 'HiddenMembership', owners: [owner.id], members: [u.id] });
    for (const caller of [w.as(u), w.as(owner), w.adminCaller(), w.app(['GroupMember.ReadWrite.All']), w.system]) {
      const page = await w.core.listGroups(caller, { top: 999 });
      expect(page.groups.length).toBeGreaterThanOrEqual(7);
      for (const view of page.groups) {
        expect(view.abilities, `${view.group.displayName}`).toEqual((await w.core.getGroup(caller, { groupId: view.group.id })).abilities);
      }
    }
    const mine = (await w.core.listGroups(w.as(u), { top: 999 })).groups;
    const byName = (n: string) => mine.find((v) => v.group.displayName === n)?.abilities;
    expect(byName('Pending')).toMatchObject({ request: false });
    expect(byName('Expired')).toMatchObject({ request: true });
    expect(byName('Nested')).toMatchObject({ seeMembers: true });
    expect(owned.group.id).toBeDefined();
  });
});
