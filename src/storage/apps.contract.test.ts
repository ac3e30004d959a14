// Applications, owners, assignments and blocks on both engines: round trips (roles as JSON, flags),
// keyset paging, search, uniqueness, cascades on delete, and tenant isolation (reads and writes aimed
// at another tenant's ids see and change nothing of it).
import { expect, it } from 'vitest';
import type { TenantId } from '../core/domain/model.js';
import type { Storage } from './open-storage.js';
import { describeEachEngine } from './testing/engines.js';
import { makeApp, makeAssignment, makeBlock } from './testing/app-fixtures.js';
import { at, inTenant, newTenant } from './testing/fixtures.js';

const APP_TABLES = ['applications', 'app_owners', 'app_assignments', 'app_blocks'] as const;

async function rowsOf(s: Storage, tenantId: TenantId): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of APP_TABLES) {
    out[table] = (await s.db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).execute()).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describeEachEngine('Applications storage', (getStorage) => {
  it('round-trips an app with roles and flags; lists by id with search, ids and count; appId is unique', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      const payroll = makeApp(t, {
        displayName: 'Payroll', description: 'Pay', homepage: 'https://pay.example', accountEnabled: false, appRoleAssignmentRequired: false,
        visibleToUsers: false, cascadeNestedGroups: false, createdBy: 'someone',
        appRoles: [{ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', displayName: 'Reader', value: 'read', description: null, isEnabled: true, allowedMemberTypes: ['User'] }],
      });
      const wiki = makeApp(t, { displayName: 'Wiki' });
      const pager = makeApp(t, { displayName: 'pager duty' });
      for (const a of [payroll, wiki, pager]) await x.apps.insert(a);
      expect(await x.apps.get(payroll.id)).toEqual(payroll);
      await expect(x.apps.insert(makeApp(t, { appId: payroll.appId }))).rejects.toMatchObject({ reason: 'appIdTaken' });

      const all = [payroll, wiki, pager].map((a) => a.id).sort();
      expect((await x.apps.listAll()).map((a) => a.id)).toEqual(all);
      const first = await x.apps.list({ limit: 2 });
      expect([...first, ...await x.apps.list({ limit: 2, after: first[1]?.id })].map((a) => a.id)).toEqual(all);
      expect((await x.apps.list({ limit: 10, search: 'PA' })).map((a) => a.displayName).sort()).toEqual(['Payroll', 'pager duty']);
      expect(await x.apps.count({ search: 'pa', ids: [wiki.id, pager.id] })).toBe(1);
      expect(await x.apps.count({ ids: [] })).toBe(0);
      expect((await x.apps.getMany([wiki.id, 'nope'])).map((a) => a.id)).toEqual([wiki.id]);

      await x.apps.update({ ...wiki, displayName: 'Wiki 2', accountEnabled: false });
      expect(await x.apps.get(wiki.id)).toMatchObject({ displayName: 'Wiki 2', accountEnabled: false });
    });
  });

  it('owners, assignments and blocks; deleting an app removes what points at it both ways', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      const [a, b] = [makeApp(t), makeApp(t)];
      await x.apps.insert(a);
      await x.apps.insert(b);
      expect(await x.apps.addOwner({ appId: a.id, userId: 'u1', addedBy: null, addedDateTime: at(0) })).toBe(true);
      expect(await x.apps.addOwner({ appId: a.id, userId: 'u1', addedBy: null, addedDateTime: at(0) })).toBe(false);
      expect(await x.apps.isOwner(a.id, 'u1')).toBe(true);
      expect(await x.apps.appIdsOwnedBy('u1')).toEqual([a.id]);

      const toUser = makeAssignment(t, a.id, 'User', 'u1');
      const toGroup = makeAssignment(t, a.id, 'Group', 'g1');
      const aToB = makeAssignment(t, b.id, 'ServicePrincipal', a.id);
      for (const x1 of [toUser, toGroup, aToB]) await x.appAssignments.insert(x1);
      await expect(x.appAssignments.insert(makeAssignment(t, a.id, 'User', 'u1'))).rejects.toMatchObject({ reason: 'alreadyAssigned' });
      expect(await x.appAssignments.get(toUser.id)).toEqual(toUser);
      expect(await x.appAssignments.countByApp(a.id)).toBe(2);
      const page1 = await x.appAssignments.listByApp(a.id, { limit: 1 });
      const page2 = await x.appAssignments.listByApp(a.id, { limit: 1, after: page1[0]?.id });
      expect([...page1, ...page2].map((r) => r.id)).toEqual([toUser.id, toGroup.id].sort());
      expect(await x.appAssignments.listByPrincipal(a.id, { limit: 10, principalType: 'ServicePrincipal' })).toEqual([aToB]);
      expect(await x.appAssignments.listByPrincipal('u1', { limit: 10, principalType: 'Group' })).toEqual([]);

      expect(await x.appBlocks.add(makeBlock(t, a.id, 'u1', { reason: 'why' }))).toBe(true);
      expect(await x.appBlocks.add(makeBlock(t, a.id, 'u1'))).toBe(false);
      expect(await x.appBlocks.get(a.id, 'u1')).toMatchObject({ reason: 'why' });
      expect((await x.appBlocks.listByUser('u1')).map((bl) => bl.appId)).toEqual([a.id]);

      expect((await x.appAssignments.removeAllOfPrincipal('g1')).map((r) => r.id)).toEqual([toGroup.id]);
      await x.apps.delete(a.id);
      expect(await x.apps.get(a.id)).toBeNull();
      expect(await x.appAssignments.listAll()).toEqual([]); // a's own and the one feeding b from a's audience
      expect(await x.appBlocks.listByApp(a.id, { limit: 10 })).toEqual([]);
      expect(await x.apps.listOwners(a.id)).toEqual([]);
      expect(await x.apps.get(b.id)).not.toBeNull();
    });
  });

  it('tenant isolation: tenant B neither sees nor changes tenant A\'s apps, owners, assignments or blocks', async () => {
    const s = getStorage();
    const [ta, tb] = [await newTenant(s, 'A'), await newTenant(s, 'B')];
    const app = makeApp(ta, { displayName: 'Shared' });
    const assignment = makeAssignment(ta, app.id, 'User', 'u1');
    await inTenant(s, ta, async (x) => {
      await x.apps.insert(app);
      await x.apps.addOwner({ appId: app.id, userId: 'u1', addedBy: null, addedDateTime: at(0) });
      await x.appAssignments.insert(assignment);
      await x.appBlocks.add(makeBlock(ta, app.id, 'u2'));
    });
    const before = await rowsOf(s, ta);
    await inTenant(s, tb, async (x) => {
      expect(await x.apps.get(app.id)).toBeNull();
      expect(await x.apps.listAll()).toEqual([]);
      expect(await x.apps.list({ limit: 10, search: 'shared' })).toEqual([]);
      expect(await x.apps.isOwner(app.id, 'u1')).toBe(false);
      expect(await x.apps.appIdsOwnedBy('u1')).toEqual([]);
      expect(await x.appAssignments.get(assignment.id)).toBeNull();
      expect(await x.appAssignments.listByPrincipal('u1', { limit: 10 })).toEqual([]);
      expect(await x.appBlocks.get(app.id, 'u2')).toBeNull();
      expect(await x.access.count({ appId: app.id, disabled: false, terms: [{ kind: 'users', appId: app.id, blockedBy: [app.id] }] })).toBe(0);
      // Writes aimed at A's ids, and the same natural keys in B, leave A untouched.
      await x.apps.update({ ...app, tenantId: tb, displayName: 'Hijacked' });
      await x.apps.delete(app.id);
      expect(await x.apps.removeOwner(app.id, 'u1')).toBe(false);
      expect(await x.appAssignments.delete(assignment.id)).toBe(false);
      expect(await x.appAssignments.removeAllOfPrincipal('u1')).toEqual([]);
      expect(await x.appBlocks.remove(app.id, 'u2')).toBe(false);
      await x.apps.insert(makeApp(tb, { id: app.id, appId: app.appId }));
      await x.appAssignments.insert(makeAssignment(tb, app.id, 'User', 'u1', { id: assignment.id }));
    });
    expect(await rowsOf(s, ta)).toEqual(before);
  });
});
