// My Groups home and discovery: my groups, groups I own, groups I could join or request, with abilities.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { M365, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('listMyGroups / listOwnedGroups / listJoinableGroups', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('my groups are the ones I am a direct member of; owned groups include deleted ones on request', async () => {
    const w = await world();
    const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
    const a = await w.core.createGroup(w.as(owner), { displayName: 'Alpha', ...SECURITY, members: [ann.id] });
    const b = await w.core.createGroup(w.as(owner), { displayName: 'Beta', ...M365, members: [ann.id] });
    await w.core.createGroup(w.as(owner), { displayName: 'Gamma', ...SECURITY });
    expect((await w.core.listMyGroups(w.as(ann))).map((v) => v.group.displayName)).toEqual(['Alpha', 'Beta']);
    expect((await w.core.listOwnedGroups(w.as(owner))).map((v) => v.group.displayName)).toEqual(['Alpha', 'Beta', 'Gamma']);
    await w.core.deleteGroup(w.as(owner), { groupId: b.group.id });
    expect((await w.core.listMyGroups(w.as(ann))).map((v) => v.group.id)).toEqual([a.group.id]);
    expect((await w.core.listOwnedGroups(w.as(owner))).map((v) => v.group.displayName)).toEqual(['Alpha', 'Gamma']);
    expect((await w.core.listOwnedGroups(w.as(owner), { includeDeleted: true })).map((v) => v.group.displayName)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(await w.core.listMyGroups(w.app(['Group.Read.All']))).toEqual([]);
  });

  it('discover lists open groups to join and approval groups to request (when requests are on), never closed ones', async () => {
    const w = await world();
    const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
    await w.core.createGroup(w.as(owner, 'myGroups'), { displayName: 'Open', ...SECURITY });
    await w.core.createGroup(w.as(owner, 'myGroups'), { displayName: 'Approval', ...SECURITY, joinPolicy: 'approval' });
    await w.core.createGroup(w.as(owner, 'myGroups'), { displayName: 'Closed', ...SECURITY, joinPolicy: 'closed' });
    const joined = await w.core.createGroup(w.as(owner, 'myGroups'), { displayName: 'Joined', ...SECURITY });
    await w.core.joinGroup(w.as(ann), { groupId: joined.group.id });
    const names = async () => (await w.core.listJoinableGroups(w.as(ann, 'myGroups'), {})).groups.map((v) => v.group.displayName).sort();
    expect(await names()).toEqual(['Open']);
    await w.settings({ ownersCanManageJoinRequests: true });
    expect(await names()).toEqual(['Approval', 'Open']);
    const view = (await w.core.listJoinableGroups(w.as(ann, 'myGroups'), { search: 'Appr' })).groups[0];
    expect(view?.abilities).toMatchObject({ join: false, request: true, seeMembers: false });
    // §3.8: with My Groups restricted, a plain user is offered nothing in the portal
    await w.settings({ restrictMyGroups: true });
    expect(await names()).toEqual([]);
    expect((await w.core.listJoinableGroups(w.as(ann, 'api'), {})).groups).toHaveLength(2);
  });

  it('discover pages with a cursor', async () => {
    const w = await world();
    const ann = await w.newUser('Ann');
    for (let i = 0; i < 5; i++) await w.core.createGroup(w.adminCaller('myGroups'), { displayName: `Open ${i}`, ...SECURITY });
    const first = await w.core.listJoinableGroups(w.as(ann), { limit: 3 });
    expect(first.groups).toHaveLength(3);
    expect(first.next).not.toBeNull();
    const second = await w.core.listJoinableGroups(w.as(ann), { limit: 3, after: first.next ?? undefined });
    expect(second.groups).toHaveLength(2);
    expect(new Set([...first.groups, ...second.groups].map((v) => v.group.id)).size).toBe(5);
  });
});
