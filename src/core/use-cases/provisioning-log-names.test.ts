// The provisioning log names its objects when it is read (docs/adr/0020), on both engines, and never
// names what the caller may not see (§3.9, SECURITY #6): an app's owner who is not an administrator
// gets a user's name only through a path whose groups' members they may see (or for themselves);
// administrators and API clients get every name; a soft-deleted group is named only to those who may
// see it; a deleted user is named to nobody; what is hidden looks exactly like what is gone.
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { aesGcmSecretBox } from '../../platform/secret-box.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { createCore } from '../index.js';
import type { ProvisioningLogItem } from './support/provisioning-log-names.js';
import { randomIds, testPasswordHasher } from '../testing/deps.js';
import { expectDenied, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('provisioning log names', (getStorage) => {
  async function setup() {
    const w = await newWorld(getStorage().uow);
    const core = createCore({ uow: getStorage().uow, clock: w.clock, ids: randomIds, passwords: testPasswordHasher, secretBox: aesGcmSecretBox(randomBytes(32)) });
    const [olga, owen, ann, pete] = [await w.newUser('Olga Owner'), await w.newUser('Owen Owner'), await w.newUser('Ann Private'), await w.newUser('Pete Public')];
    const [dora, gus, stranger] = [await w.newUser('Dora Direct'), await w.newUser('Gus Gone'), await w.newUser('Stan Stranger')];
    const payroll = (await core.createGroup(w.adminCaller(), { displayName: 'Payroll', ...SECURITY, visibility: 'Private', members: [ann.id, owen.id, gus.id] })).group;
    const everyone = (await core.createGroup(w.adminCaller(), { displayName: 'Everyone', ...SECURITY, visibility: 'Public', members: [pete.id] })).group;
    const oldTeam = (await core.createGroup(w.adminCaller(), { displayName: 'Old team', ...SECURITY, visibility: 'Public', members: [] })).group;
    const app = await core.createApp(w.adminCaller(), { displayName: 'Payroll SaaS', ownerIds: [olga.id, owen.id] });
    for (const [principalType, principalId] of [['Group', payroll.id], ['Group', everyone.id], ['Group', oldTeam.id], ['User', dora.id]] as const) {
      await core.assignApp(w.adminCaller(), { appId: app.id, principalType, principalId });
    }
    await core.configureProvisioning(w.adminCaller(), { appId: app.id, baseUrl: 'https://scim.example.org', token: 'tok' });
    await getStorage().uow.transaction(w.tenantId, async (s) => {
      const log = (objectType: 'user' | 'group' | null, localId: string | null) => s.provisioning.log.append({
        appId: app.id, at: w.clock.now(), operation: objectType === 'group' ? 'POST /Groups' : objectType ? 'POST /Users' : 'reconcile', objectType, localId,
        remoteId: localId ? `r-${localId}` : null, status: objectType ? 201 : null, outcome: 'success', error: null, durationMs: 5, attempt: 1,
      });
      for (const u of [ann, pete, dora, gus, olga]) await log('user', u.id);
      for (const g of [payroll, oldTeam]) await log('group', g.id);
      await log(null, null);
    });
    await core.deleteUser(w.adminCaller(), { userId: gus.id });
    await core.deleteGroup(w.adminCaller(), { groupId: oldTeam.id });
    return { w, core, app, olga, owen, ann, pete, dora, gus, stranger, payroll, oldTeam };
  }

  /** localId → the name the caller was given (null: none). */
  const namesIn = (items: readonly ProvisioningLogItem[]) => new Map(items.filter((i) => i.localId).map((i) => [i.localId, i.localDisplayName]));

  it('an administrator sees every user and group that still exists; the deleted user has no name', async () => {
    const { w, core, app, ann, pete, dora, gus, olga, payroll, oldTeam } = await setup();
    const page = await core.listProvisioningLog(w.adminCaller(), { appId: app.id });
    expect(page.items).toHaveLength(8);
    expect(Object.fromEntries(namesIn(page.items))).toEqual({
      [ann.id]: 'Ann Private', [pete.id]: 'Pete Public', [dora.id]: 'Dora Direct', [gus.id]: null, [olga.id]: 'Olga Owner',
      [payroll.id]: 'Payroll', [oldTeam.id]: 'Old team',
    });
    const annEntry = page.items.find((i) => i.localId === ann.id);
    expect(annEntry).toMatchObject({ objectType: 'user', localUserPrincipalName: ann.userPrincipalName, remoteId: `r-${ann.id}`, status: 201 });
    expect(page.items.find((i) => i.localId === payroll.id)?.localUserPrincipalName).toBeNull();
    expect(page.items.find((i) => i.objectType === null)).toMatchObject({ localDisplayName: null, localUserPrincipalName: null });
    expect(Object.keys(page.items[0] ?? {})).not.toContain('local');
    const client = await core.listProvisioningLog(w.app(['Application.ReadWrite.All']), { appId: app.id });
    expect(namesIn(client.items).get(ann.id)).toBe('Ann Private');
  });

  it("an owner who may not see a Private group's members gets no name for them, nor for a deleted group they cannot see", async () => {
    const { w, core, app, olga, ann, pete, dora, gus, payroll, oldTeam } = await setup();
    const page = await core.listProvisioningLog(w.as(olga), { appId: app.id });
    // The hidden member and the deleted user come without name or ids: that a user was pushed, not who.
    expect(Object.fromEntries(namesIn(page.items))).toEqual({
      [pete.id]: 'Pete Public', [dora.id]: 'Dora Direct', [olga.id]: 'Olga Owner', [payroll.id]: 'Payroll', [oldTeam.id]: null,
    });
    const unnamed = page.items.filter((i) => i.objectType === 'user' && i.localId === null);
    expect(unnamed).toHaveLength(2);
    expect(unnamed.every((i) => i.remoteId === null && i.localDisplayName === null && i.localUserPrincipalName === null)).toBe(true);
    // Hidden and gone look the same: the two entries differ only in their own ids.
    const strip = (i: ProvisioningLogItem | undefined) => ({ ...i, id: '', seq: 0 });
    expect(strip(unnamed[0])).toEqual(strip(unnamed[1]));
    for (const secret of [ann.userPrincipalName, 'Ann Private', ann.id, gus.id]) expect(JSON.stringify(page)).not.toContain(secret);
    // Paged, the names follow the same rule on every page.
    const first = await core.listProvisioningLog(w.as(olga), { appId: app.id, limit: 3 });
    const rest = await core.listProvisioningLog(w.as(olga), { appId: app.id, limit: 10, before: first.nextBefore ?? undefined });
    expect(new Map([...namesIn(first.items), ...namesIn(rest.items)])).toEqual(namesIn(page.items));
  });

  it("the dry run: an owner gets the requests about users they may not see without body or id; an administrator gets them whole", async () => {
    const { w, app, olga, ann, pete, payroll } = await setup();
    const requests = [
      { method: 'POST', path: '/Users', body: { userName: ann.userPrincipalName, displayName: 'Ann Private' }, objectType: 'user' as const, localId: ann.id },
      { method: 'POST', path: '/Users', body: { userName: pete.userPrincipalName }, objectType: 'user' as const, localId: pete.id },
      { method: 'PATCH', path: '/Groups/g1', body: { Operations: [] }, objectType: 'group' as const, localId: payroll.id },
    ];
    const core = createCore({
      uow: getStorage().uow, clock: w.clock, ids: randomIds, passwords: testPasswordHasher, secretBox: aesGcmSecretBox(randomBytes(32)),
      provisioning: { dryRun: async () => ({ requests, counts: { create: 2, group: 1 }, error: null }) },
    });
    expect((await core.dryRunProvisioning(w.adminCaller(), { appId: app.id })).requests).toEqual(requests);
    const asOwner = await core.dryRunProvisioning(w.as(olga), { appId: app.id });
    expect(asOwner.requests).toEqual([{ ...requests[0], body: null, localId: null }, requests[1], requests[2]]);
    expect(asOwner.counts).toEqual({ create: 2, group: 1 });
    for (const secret of [ann.userPrincipalName, 'Ann Private', ann.id]) expect(JSON.stringify(asOwner)).not.toContain(secret);
  });

  it('an owner who is in the Private group sees its members; a stranger is refused as for a missing app', async () => {
    const { w, core, app, owen, ann, stranger } = await setup();
    const page = await core.listProvisioningLog(w.as(owen), { appId: app.id });
    expect(namesIn(page.items).get(ann.id)).toBe('Ann Private');
    await expectDenied(core.listProvisioningLog(w.as(stranger), { appId: app.id }), 'appNotFound');
  });
});
