// Effective access through the core on both engines (ADR 0019): who has an app (paged, searched,
// counted, with paths), explain for oneself and for others, My Apps, list visibility, and the impact
// preview of a join request — with nested groups, audiences, blocks, deleted groups, disabled users.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('effective access', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  async function scenario() {
    const w = await world();
    const [owner, ann, bob, cat, dan] = [await w.newUser('Owner'), await w.newUser('Ann Archer'), await w.newUser('Bob Baker'), await w.newUser('Cat Cole'), await w.newUser('Dan Dale')];
    const group = async (name: string) => (await w.core.createGroup(w.adminCaller(), { displayName: name, ...SECURITY, owners: [owner.id], joinPolicy: 'approval' })).group;
    const [sales, emea, uk] = [await group('Sales'), await group('EMEA'), await group('UK')];
    await w.core.addMember(w.adminCaller(), { groupId: sales.id, memberId: emea.id });
    await w.core.addMember(w.adminCaller(), { groupId: emea.id, memberId: uk.id });
    await w.core.addMember(w.adminCaller(), { groupId: uk.id, memberId: ann.id });
    await w.core.addMember(w.adminCaller(), { groupId: sales.id, memberId: bob.id });
    await w.core.addMember(w.adminCaller(), { groupId: emea.id, memberId: cat.id });
    const site = await w.core.createApp(w.adminCaller(), { displayName: 'Site', ownerIds: [owner.id] });
    const saas = await w.core.createApp(w.adminCaller(), { displayName: 'SaaS', ownerIds: [owner.id] });
    await w.core.assignApp(w.as(owner), { appId: site.id, principalType: 'Group', principalId: sales.id });
    await w.core.assignApp(w.as(owner), { appId: saas.id, principalType: 'ServicePrincipal', principalId: site.id });
    return { w, owner, ann, bob, cat, dan, sales, emea, uk, site, saas };
  }

  it('lists who has an app through nested groups and audiences, paged, searched, counted, with paths', async () => {
    const { w, owner, ann, bob, cat, sales, emea, uk, site, saas } = await scenario();
    const all = await w.core.listEffectiveUsers(w.as(owner), { appId: saas.id, count: true });
    expect(all.items.map((u) => u.displayName).sort()).toEqual(['Ann Archer', 'Bob Baker', 'Cat Cole']);
    expect(all.count).toBe(3);
    const first = await w.core.listEffectiveUsers(w.as(owner), { appId: saas.id, limit: 2 });
    const rest = await w.core.listEffectiveUsers(w.as(owner), { appId: saas.id, limit: 2, after: first.nextCursor ?? undefined });
    expect([...first.items, ...rest.items].map((u) => u.id)).toEqual(all.items.map((u) => u.id));
    expect(rest.nextCursor).toBeNull();
    const searched = await w.core.listEffectiveUsers(w.as(owner), { appId: saas.id, search: 'bob', count: true });
    expect(searched.items.map((u) => u.id)).toEqual([bob.id]);
    expect(searched.count).toBe(1);

    const withPaths = await w.core.listEffectiveUsers(w.as(owner), { appId: saas.id, withPaths: true, search: 'ann' });
    expect(withPaths.items[0]?.paths?.[0]?.steps.map((s) => withPaths.names?.[s.id])).toEqual(['Ann Archer', 'UK', 'EMEA', 'Sales', 'Site', 'SaaS']);

    await w.core.blockUser(w.as(owner), { appId: site.id, userId: cat.id });
    expect((await w.core.listEffectiveUsers(w.as(owner), { appId: saas.id, count: true })).count).toBe(2); // the block on Site holds for SaaS
    await w.core.updateUser(w.adminCaller(), { userId: ann.id, accountEnabled: false });
    expect((await w.core.listEffectiveUsers(w.as(owner), { appId: site.id })).items.map((u) => u.id)).toEqual([bob.id]);
    await w.core.deleteGroup(w.adminCaller(), { groupId: sales.id });
    expect((await w.core.listEffectiveUsers(w.as(owner), { appId: site.id, count: true })).count).toBe(0);
    expect([emea.id, uk.id]).toHaveLength(2);

    await expectDenied(w.core.listEffectiveUsers(w.as(bob), { appId: site.id }), 'appNotFound'); // Sales deleted: Bob no longer has it
  });

  it('explain: a user for themselves, owners for anyone, others refused; verdicts', async () => {
    const { w, owner, ann, bob, dan, site, saas } = await scenario();
    const mine = await w.core.explainAppAccess(w.as(ann), { appId: saas.id, userId: ann.id });
    expect(mine.verdict).toBe('granted');
    expect(mine.paths[0]?.steps.map((s) => mine.names[s.id])).toEqual(['Ann Archer', 'UK', 'EMEA', 'Sales', 'Site', 'SaaS']);
    await expectDenied(w.core.explainAppAccess(w.as(ann), { appId: saas.id, userId: bob.id }), 'notAccessReader');
    await expectDenied(w.core.explainAppAccess(w.as(dan), { appId: saas.id, userId: dan.id }), 'appNotFound'); // Dan cannot see it
    expect((await w.core.explainAppAccess(w.as(owner), { appId: saas.id, userId: dan.id })).verdict).toBe('noPath');
    await w.core.blockUser(w.as(owner), { appId: saas.id, userId: bob.id });
    const blocked = await w.core.explainAppAccess(w.as(owner), { appId: saas.id, userId: bob.id });
    expect(blocked).toMatchObject({ verdict: 'blocked', block: { userId: bob.id } });
    expect(blocked.paths).toHaveLength(1);
    await w.core.updateApp(w.as(owner), { id: site.id, patch: { accountEnabled: false } });
    expect((await w.core.explainAppAccess(w.as(owner), { appId: site.id, userId: ann.id })).verdict).toBe('appDisabled');
    expect((await w.core.explainAppAccess(w.as(ann), { appId: saas.id, userId: ann.id })).verdict).toBe('granted'); // Site's kill switch is Site's alone
  });

  it('My Apps and the app list: visible apps the user has, with the groups they come through', async () => {
    const { w, ann, dan, sales, emea, uk, site, saas } = await scenario();
    const hidden = await w.core.createApp(w.adminCaller(), { displayName: 'Hidden', visibleToUsers: false });
    await w.core.assignApp(w.adminCaller(), { appId: hidden.id, principalType: 'User', principalId: ann.id });
    const open = await w.core.createApp(w.adminCaller(), { displayName: 'Open', appRoleAssignmentRequired: false });
    const mine = await w.core.listMyApps(w.as(ann));
    expect(mine.items.map((i) => i.app.displayName)).toEqual(['Open', 'SaaS', 'Site']);
    expect(mine.items.find((i) => i.app.id === site.id)?.groupIds).toEqual([uk.id, emea.id, sales.id]);
    expect(mine.items.find((i) => i.app.id === open.id)?.groupIds).toEqual([]);
    expect(mine.names[sales.id]).toBe('Sales');
    expect((await w.core.listApps(w.as(ann), { count: true })).items.map((a) => a.id).sort()).toEqual([open.id, saas.id, site.id].sort());
    expect((await w.core.listApps(w.as(dan))).items.map((a) => a.id)).toEqual([open.id]);
    expect((await w.core.listApps(w.adminCaller(), { count: true })).count).toBe(4);
    await expectDenied(w.core.getApp(w.as(ann), { id: hidden.id }), 'appNotFound');
    await expectDenied(w.core.listMyApps(w.app(['Application.Read.All'])), 'missingPermission');
  });

  it('impact preview of a join request: for those who may decide it and admins', async () => {
    const { w, owner, dan, sales, emea, uk, site, saas } = await scenario();
    const open = await w.core.createApp(w.adminCaller(), { displayName: 'Open', appRoleAssignmentRequired: false });
    await w.settings({ ownersCanManageJoinRequests: true });
    const request = await w.core.requestToJoin(w.as(dan), { groupId: uk.id, justification: 'New in the UK team' });
    const impact = await w.core.previewJoinImpact(w.as(owner), { requestId: request.id });
    expect(impact.newGroups.map((g) => g.displayName).sort()).toEqual(['EMEA', 'Sales', 'UK']);
    expect(impact.newApps.map((e) => e.appId).sort()).toEqual([saas.id, site.id].sort());
    expect(impact.newApps.find((e) => e.appId === site.id)?.paths[0]?.steps.map((s) => impact.names[s.id])).toEqual(['Dan Dale', 'UK', 'EMEA', 'Sales', 'Site']);
    expect(impact.newApps.map((e) => e.appId)).not.toContain(open.id); // already open to Dan
    expect((await w.core.previewJoinImpact(w.adminCaller(), { requestId: request.id })).newGroups).toHaveLength(3);
    await expectDenied(w.core.previewJoinImpact(w.as(dan), { requestId: request.id }), 'notApprover');
    expect([sales.id, emea.id]).toHaveLength(2);
  });
});
