// Applications through the core on both engines (ADR 0019): create/update/delete with owners,
// assignments to users, security groups and app audiences (cycles refused, concurrently too), blocks;
// every change audited with its outbox message in the same transaction.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, newWorld, SECURITY, M365, type TestWorld } from '../testing/world.js';
import type { Storage } from '../../storage/open-storage.js';

async function outbox(s: Storage, tenantId: string): Promise<Array<{ topic: string; payload: Record<string, unknown> }>> {
  const rows = await s.db.selectFrom('outbox').select(['topic', 'payload']).where('tenant_id', '=', tenantId).execute();
  return rows.map((r) => ({ topic: r.topic, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

const UNKNOWN = '1d2c3b4a-0000-4000-8000-000000000000';

describeEachEngine('apps: create, update, delete, owners', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('an app admin creates an app with owners and roles; owners update it but cannot delete it or change owners', async () => {
    const w = await world();
    const [appAdmin, owner, ann] = [await w.newUser('Apps', { roles: ['appAdmin'] }), await w.newUser('Owner'), await w.newUser('Ann')];
    const app = await w.core.createApp(w.as(appAdmin), {
      displayName: 'Payroll', homepage: 'https://payroll.example', ownerIds: [owner.id], appRoles: [{ displayName: 'Reader', value: 'read' }],
    });
    expect(app).toMatchObject({ displayName: 'Payroll', accountEnabled: true, appRoleAssignmentRequired: true, visibleToUsers: true, cascadeNestedGroups: true, createdBy: appAdmin.id });
    expect(app.appRoles).toHaveLength(1);
    await expectDenied(w.core.createApp(w.as(owner), { displayName: 'Mine' }), 'notAppAdmin');
    await expectDenied(w.core.createApp(w.as(appAdmin), { displayName: 'Dup', appId: app.appId }), 'appIdTaken');
    await expectDenied(w.core.createApp(w.as(appAdmin), { displayName: 'Bad', logoUrl: 'javascript:alert(1)' }), 'invalidInput');

    const updated = await w.core.updateApp(w.as(owner), { id: app.id, patch: { description: 'Pay slips', cascadeNestedGroups: false } });
    expect(updated).toMatchObject({ description: 'Pay slips', cascadeNestedGroups: false });
    expect(await w.core.getApp(w.as(owner), { id: app.id })).toEqual(updated);
    await expectDenied(w.core.updateApp(w.as(ann), { id: app.id, patch: { description: 'x' } }), 'appNotFound'); // cannot see it
    await expectDenied(w.core.deleteApp(w.as(owner), { id: app.id }), 'notAppAdmin');
    await expectDenied(w.core.addAppOwner(w.as(owner), { appId: app.id, userId: ann.id }), 'notAppAdmin');

    await w.core.addAppOwner(w.as(appAdmin), { appId: app.id, userId: ann.id });
    await expectDenied(w.core.addAppOwner(w.as(appAdmin), { appId: app.id, userId: ann.id }), 'alreadyAppOwner');
    expect((await w.core.listAppOwners(w.as(ann), { appId: app.id })).map((o) => o.userId).sort()).toEqual([owner.id, ann.id].sort());
    await w.core.removeAppOwner(w.as(appAdmin), { appId: app.id, userId: ann.id });
    await expectDenied(w.core.removeAppOwner(w.as(appAdmin), { appId: app.id, userId: ann.id }), 'notAnAppOwner');

    await w.core.deleteApp(w.adminCaller(), { id: app.id });
    await expectDenied(w.core.getApp(w.adminCaller(), { id: app.id }), 'appNotFound');
    const topics = (await outbox(getStorage(), w.tenantId)).map((m) => m.topic);
    for (const t of ['app.created', 'app.updated', 'app.deleted', 'app.ownerAdded', 'app.ownerRemoved']) expect(topics).toContain(t);
    const audit = await w.audit(app.id);
    for (const a of ['app.create', 'app.update', 'app.delete', 'app.owner.add', 'app.owner.remove']) {
      expect(audit).toContainEqual(expect.objectContaining({ action: a, outcome: 'success' }));
    }
  });

  it('API clients: Application.ReadWrite.All manages, Application.Read.All reads', async () => {
    const w = await world();
    const writer = w.app(['Application.ReadWrite.All']);
    const reader = w.app(['Application.Read.All']);
    const app = await w.core.createApp(writer, { displayName: 'Wiki' });
    await expectDenied(w.core.createApp(reader, { displayName: 'No' }), 'missingPermission');
    expect((await w.core.listApps(reader, { count: true })).count).toBe(1);
    await expectDenied(w.core.listApps(w.app(['Group.Read.All'])), 'missingPermission');
    await expectDenied(w.core.updateApp(reader, { id: app.id, patch: { displayName: 'X' } }), 'missingPermission');
  });

  it('a role still assigned cannot be removed; an unknown or disabled role cannot be assigned', async () => {
    const w = await world();
    const ann = await w.newUser('Ann');
    const role = '5b6c7d8e-0000-4000-8000-000000000001';
    const app = await w.core.createApp(w.adminCaller(), { displayName: 'CRM', appRoles: [{ id: role, displayName: 'Sales', value: 'sales' }] });
    await expectDenied(w.core.assignApp(w.adminCaller(), { appId: app.id, principalType: 'User', principalId: ann.id, appRoleId: UNKNOWN }), 'appRoleNotFound');
    await w.core.assignApp(w.adminCaller(), { appId: app.id, principalType: 'User', principalId: ann.id, appRoleId: role });
    await expectDenied(w.core.updateApp(w.adminCaller(), { id: app.id, patch: { appRoles: [] } }), 'invalidInput');
    await w.core.updateApp(w.adminCaller(), { id: app.id, patch: { appRoles: [{ id: role, displayName: 'Sales', value: 'sales', isEnabled: false }] } });
  });
});

describeEachEngine('apps: assignments and blocks', (getStorage) => {
  const world = () => newWorld(getStorage().uow);
  const newApp = (w: TestWorld, name: string, ownerIds: string[] = []) => w.core.createApp(w.adminCaller(), { displayName: name, ownerIds });

  it('assigns users, security groups and audiences; refuses M365 groups, duplicates and unknowns; lists by app, group and user', async () => {
    const w = await world();
    const [owner, ann, stranger] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Stranger')];
    const [site, saas] = [await newApp(w, 'Site', [owner.id]), await newApp(w, 'SaaS', [owner.id])];
    const { group } = await w.core.createGroup(w.adminCaller(), { displayName: 'Sales', ...SECURITY, owners: [owner.id] });
    const { group: team } = await w.core.createGroup(w.adminCaller(), { displayName: 'Team', ...M365 });

    const toGroup = await w.core.assignApp(w.as(owner), { appId: site.id, principalType: 'Group', principalId: group.id });
    expect(toGroup).toMatchObject({ resourceId: site.id, principalType: 'Group', principalId: group.id, appRoleId: '00000000-0000-0000-0000-000000000000' });
    await expectDenied(w.core.assignApp(w.as(owner), { appId: site.id, principalType: 'Group', principalId: group.id }), 'alreadyAssigned');
    await expectDenied(w.core.assignApp(w.as(owner), { appId: site.id, principalType: 'Group', principalId: team.id }), 'groupNotAssignable');
    await expectDenied(w.core.assignApp(w.as(owner), { appId: site.id, principalType: 'Group', principalId: UNKNOWN }), 'groupNotFound');
    await expectDenied(w.core.assignApp(w.as(owner), { appId: site.id, principalType: 'User', principalId: UNKNOWN }), 'userNotFound');
    await expectDenied(w.core.assignApp(w.as(stranger), { appId: site.id, principalType: 'User', principalId: ann.id }), 'appNotFound');
    const direct = await w.core.assignApp(w.as(owner), { appId: site.id, principalType: 'User', principalId: ann.id });
    const audience = await w.core.assignApp(w.as(owner), { appId: saas.id, principalType: 'ServicePrincipal', principalId: site.id });

    expect((await w.core.listAppAssignments(w.as(owner), { appId: site.id })).items.map((a) => a.id).sort()).toEqual([toGroup.id, direct.id].sort());
    expect((await w.core.listGroupAssignments(w.as(owner), { groupId: group.id })).items.map((a) => a.id)).toEqual([toGroup.id]);
    expect((await w.core.listUserAssignments(w.as(ann), { userId: ann.id })).items.map((a) => a.id)).toEqual([direct.id]);
    await expectDenied(w.core.listUserAssignments(w.as(stranger), { userId: ann.id }), 'notAccessReader');
    const paged = await w.core.listAppAssignments(w.adminCaller(), { appId: site.id, limit: 1 });
    expect(paged.count).toBe(2);
    const second = await w.core.listAppAssignments(w.adminCaller(), { appId: site.id, limit: 1, after: paged.nextCursor ?? undefined });
    expect([...paged.items, ...second.items].map((a) => a.id).sort()).toEqual([toGroup.id, direct.id].sort());

    await expectDenied(w.core.unassignApp(w.as(owner), { appId: saas.id, assignmentId: direct.id }), 'assignmentNotFound');
    await w.core.unassignApp(w.as(owner), { appId: site.id, assignmentId: direct.id });
    await expectDenied(w.core.unassignApp(w.as(owner), { appId: site.id, assignmentId: direct.id }), 'assignmentNotFound');

    const messages = await outbox(getStorage(), w.tenantId);
    expect(messages).toContainEqual({ topic: 'assignment.added', payload: { appId: saas.id, principalType: 'ServicePrincipal', principalId: site.id } });
    expect(messages).toContainEqual({ topic: 'assignment.removed', payload: { appId: site.id, principalType: 'User', principalId: ann.id } });
    expect(await w.audit(audience.id)).toContainEqual(expect.objectContaining({ action: 'app.assign', outcome: 'success' }));
  });

  it('unassigns a principal: every role of it on the app in one go, only on that app; nothing assigned is refused and changes nothing', async () => {
    const w = await world();
    const [owner, ann, stranger] = [await w.newUser('Owner'), await w.newUser('Ann'), await w.newUser('Stranger')];
    const crm = await w.core.createApp(w.adminCaller(), { displayName: 'CRM', ownerIds: [owner.id], appRoles: [{ displayName: 'Sales', value: 'sales' }] });
    const other = await newApp(w, 'Other', [owner.id]);
    await w.core.assignApp(w.as(owner), { appId: crm.id, principalType: 'User', principalId: ann.id });
    await w.core.assignApp(w.as(owner), { appId: crm.id, principalType: 'User', principalId: ann.id, appRoleId: crm.appRoles[0]?.id });
    const kept = await w.core.assignApp(w.as(owner), { appId: other.id, principalType: 'User', principalId: ann.id });
    await expectDenied(w.core.unassignPrincipal(w.as(stranger), { appId: crm.id, principalType: 'User', principalId: ann.id }), 'appNotFound');
    expect(await w.core.unassignPrincipal(w.as(owner), { appId: crm.id, principalType: 'User', principalId: ann.id })).toEqual({ removed: 2 });
    expect((await w.core.listUserAssignments(w.as(ann), { userId: ann.id })).items.map((a) => a.id)).toEqual([kept.id]);
    await expectDenied(w.core.unassignPrincipal(w.as(owner), { appId: crm.id, principalType: 'User', principalId: ann.id }), 'assignmentNotFound');
    expect(await w.audit(crm.id)).toContainEqual(expect.objectContaining({ action: 'app.unassign', outcome: 'denied', reason: 'assignmentNotFound' }));
    const removed = (await outbox(getStorage(), w.tenantId)).filter((m) => m.topic === 'assignment.removed');
    expect(removed).toEqual([0, 1].map(() => ({ topic: 'assignment.removed', payload: { appId: crm.id, principalType: 'User', principalId: ann.id } })));
  });

  it('rights on both ends: giving A to B\'s audience needs to read B', async () => {
    const w = await world();
    const owner = await w.newUser('Owner');
    const [a, b] = [await newApp(w, 'A', [owner.id]), await newApp(w, 'B')];
    await expectDenied(w.core.assignApp(w.as(owner), { appId: a.id, principalType: 'ServicePrincipal', principalId: b.id }), 'notAppOwner');
    await w.core.addAppOwner(w.adminCaller(), { appId: b.id, userId: owner.id });
    await w.core.assignApp(w.as(owner), { appId: a.id, principalType: 'ServicePrincipal', principalId: b.id });
  });

  it('cycles are refused and the loop is named: self, two and three apps', async () => {
    const w = await world();
    const [a, b, c] = [await newApp(w, 'Alpha'), await newApp(w, 'Beta'), await newApp(w, 'Gamma')];
    const give = (to: string, from: string) => w.core.assignApp(w.adminCaller(), { appId: to, principalType: 'ServicePrincipal', principalId: from });
    await expectDenied(give(a.id, a.id), 'assignmentCycle');
    await give(a.id, b.id); // A ← B
    await expectDenied(give(b.id, a.id), 'assignmentCycle');
    await give(b.id, c.id); // B ← C
    await give(c.id, a.id).then(() => { throw new Error('a three-app loop was written'); }, (e: Error) => {
      expect(e).toMatchObject({ reason: 'assignmentCycle' });
      expect(e.message).toContain('Gamma ← Alpha ← Beta ← Gamma');
    });
  });

  it('20 concurrent opposite audience assignments: exactly one wins', async () => {
    const w = await world();
    const pairs = await Promise.all(Array.from({ length: 10 }, async (_, i) => [await newApp(w, `L${i}`), await newApp(w, `R${i}`)] as const));
    for (const [l, r] of pairs) {
      const results = await Promise.allSettled([
        w.core.assignApp(w.adminCaller(), { appId: l.id, principalType: 'ServicePrincipal', principalId: r.id }),
        w.core.assignApp(w.adminCaller(), { appId: r.id, principalType: 'ServicePrincipal', principalId: l.id }),
      ]);
      expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((x) => x.status === 'rejected');
      expect(failed?.reason).toMatchObject({ reason: 'assignmentCycle' });
    }
  });

  it('blocks: owners block and unblock; twice is a conflict; readers list them', async () => {
    const w = await world();
    const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
    const app = await newApp(w, 'Site', [owner.id]);
    const block = await w.core.blockUser(w.as(owner), { appId: app.id, userId: ann.id, reason: 'Left the project' });
    expect(block).toMatchObject({ appId: app.id, userId: ann.id, reason: 'Left the project', createdBy: owner.id });
    await expectDenied(w.core.blockUser(w.as(owner), { appId: app.id, userId: ann.id }), 'alreadyBlocked');
    await expectDenied(w.core.blockUser(w.as(owner), { appId: app.id, userId: UNKNOWN }), 'userNotFound');
    expect((await w.core.listBlocks(w.as(owner), { appId: app.id })).items).toEqual([block]);
    await w.core.unblockUser(w.as(owner), { appId: app.id, userId: ann.id });
    await expectDenied(w.core.unblockUser(w.as(owner), { appId: app.id, userId: ann.id }), 'notBlocked');
    const messages = await outbox(getStorage(), w.tenantId);
    expect(messages).toContainEqual({ topic: 'block.added', payload: { appId: app.id, userId: ann.id } });
    expect(messages).toContainEqual({ topic: 'block.removed', payload: { appId: app.id, userId: ann.id } });
  });

  it('deleting a user or purging a group removes their assignments; deleting an app removes the audiences it fed', async () => {
    const w = await world();
    const ann = await w.newUser('Ann');
    const [a, b] = [await newApp(w, 'A'), await newApp(w, 'B')];
    await w.core.assignApp(w.adminCaller(), { appId: a.id, principalType: 'User', principalId: ann.id });
    await w.core.assignApp(w.adminCaller(), { appId: a.id, principalType: 'ServicePrincipal', principalId: b.id });
    await w.core.blockUser(w.adminCaller(), { appId: a.id, userId: ann.id });
    await w.core.deleteUser(w.adminCaller(), { userId: ann.id });
    expect((await w.core.listAppAssignments(w.adminCaller(), { appId: a.id })).items.map((x) => x.principalType)).toEqual(['ServicePrincipal']);
    expect((await w.core.listBlocks(w.adminCaller(), { appId: a.id })).items).toEqual([]);
    await w.core.deleteApp(w.adminCaller(), { id: b.id });
    expect((await w.core.listAppAssignments(w.adminCaller(), { appId: a.id })).count).toBe(0);
  });
});
