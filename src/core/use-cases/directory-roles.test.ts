// Directory roles and licence changes through the core on both engines: grants and refusals leave the
// tenant unchanged when refused, each change is audited, the last enabled Global Administrator stays,
// and concurrent removals or assignments cannot get around the last-admin and seat limits.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, expectDeniedAndUnchanged, newWorld } from '../testing/world.js';

describeEachEngine('directory roles and licence changes', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('SECURITY #2 grants: global admins grant any role, role admins only what they hold, others nothing', async () => {
    const w = await world();
    const [ann, pra, ua] = [await w.newUser('Ann'), await w.newUser('Pria', { roles: ['privilegedRoleAdmin', 'auditReader'] }), await w.newUser('Ula', { roles: ['userAdmin'] })];
    expect((await w.core.grantRole(w.adminCaller(), { userId: ann.id, role: 'groupsAdmin' })).roles).toEqual(['groupsAdmin']);
    expect((await w.core.grantRole(w.as(pra), { userId: ann.id, role: 'auditReader' })).roles).toEqual(['auditReader', 'groupsAdmin']);
    await expectDeniedAndUnchanged(w, () => w.core.grantRole(w.as(pra), { userId: ann.id, role: 'userAdmin' }), 'roleNotHeld');
    await expectDeniedAndUnchanged(w, () => w.core.grantRole(w.as(pra), { userId: pra.id, role: 'globalAdmin' }), 'roleNotHeld');
    await expectDeniedAndUnchanged(w, () => w.core.grantRole(w.as(ua), { userId: ua.id, role: 'globalAdmin' }), 'notAdmin');
    await expectDeniedAndUnchanged(w, () => w.core.grantRole(w.as(ann), { userId: ann.id, role: 'globalAdmin' }), 'notAdmin');
    await expectDeniedAndUnchanged(w, () => w.core.grantRole(w.app(['User.ReadWrite.All', 'Directory.Read.All']), { userId: ann.id, role: 'auditReader' }), 'missingPermission');
    await expectDeniedAndUnchanged(w, () => w.core.grantRole(w.adminCaller(), { userId: ann.id, role: 'groupsAdmin' }), 'alreadyMember');
    await expectDeniedAndUnchanged(w, () => w.core.revokeRole(w.adminCaller(), { userId: ann.id, role: 'userAdmin' }), 'notMember');
    await expectDenied(w.core.grantRole(w.adminCaller(), { userId: ann.id, role: 'superUser' }), 'roleNotFound');
    await expectDenied(w.core.grantRole(w.adminCaller(), { userId: '2e4a6c8e-0000-4000-8000-000000000000', role: 'auditReader' }), 'userNotFound');
    expect((await w.core.revokeRole(w.as(pra), { userId: ann.id, role: 'auditReader' })).roles).toEqual(['groupsAdmin']);
    const audit = await w.audit(ann.id);
    expect(audit.filter((e) => e.outcome === 'success').map((e) => e.action)).toEqual(expect.arrayContaining(['role.grant', 'role.grant', 'role.revoke']));
    expect(audit).toContainEqual(expect.objectContaining({ action: 'role.grant', outcome: 'denied', reason: 'roleNotHeld' }));
    expect((await w.core.listRoleMembers(w.adminCaller(), { role: 'groupsAdmin' })).map((u) => u.id)).toEqual([ann.id]);
    await expectDenied(w.core.listRoleMembers(w.as(await w.newUser('Plain')), { role: 'globalAdmin' }), 'notAdmin');
    expect(await w.core.canReadRoles(w.as(ua))).toBe(true);
    expect(await w.core.canReadRoles(w.as(await w.newUser('Nobody')))).toBe(false);
  });

  it('the last enabled Global Administrator keeps the role; with a second one either may go', async () => {
    const w = await world();
    await expectDeniedAndUnchanged(w, () => w.core.revokeRole(w.adminCaller(), { userId: w.admin.id, role: 'globalAdmin' }), 'lastGlobalAdmin');
    const gina = await w.newUser('Gina', { roles: ['globalAdmin'] });
    await w.core.updateUser(w.adminCaller(), { userId: gina.id, accountEnabled: false });
    // a disabled second admin does not count
    await expectDeniedAndUnchanged(w, () => w.core.revokeRole(w.adminCaller(), { userId: w.admin.id, role: 'globalAdmin' }), 'lastGlobalAdmin');
    await w.core.updateUser(w.adminCaller(), { userId: gina.id, accountEnabled: true });
    await w.core.revokeRole(w.as(gina), { userId: w.admin.id, role: 'globalAdmin' });
    await expectDeniedAndUnchanged(w, () => w.core.revokeRole(w.as(gina), { userId: gina.id, role: 'globalAdmin' }), 'lastGlobalAdmin');
  });

  it('two Global Administrators removing each other at once: exactly one succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const w = await world();
      const gina = await w.newUser('Gina', { roles: ['globalAdmin'] });
      const results = await Promise.allSettled([
        w.core.revokeRole(w.adminCaller(), { userId: gina.id, role: 'globalAdmin' }),
        w.core.revokeRole(w.as(gina), { userId: w.admin.id, role: 'globalAdmin' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await w.core.listRoleMembers(w.system, { role: 'globalAdmin' })).length).toBe(1);
    }
  });

  it('assignLicense adds and removes in one step, within the seats, all or nothing; concurrent takers of the last seat: one wins', async () => {
    const w = await world();
    const [ann, bob, cat] = [await w.newUser('Ann'), await w.newUser('Bob'), await w.newUser('Cat')];
    await w.core.setLicenceSeats(w.adminCaller(), { sku: 'premiumP1', seats: 2 });
    await w.core.setLicenceSeats(w.adminCaller(), { sku: 'premiumP2', seats: 1 });
    expect((await w.core.changeLicences(w.adminCaller(), { userId: ann.id, add: ['premiumP1', 'premiumP2'] })).assignedLicenses).toEqual(['premiumP1', 'premiumP2']);
    // P2 is full: adding it fails and the P1 added with it is not kept either
    await expectDeniedAndUnchanged(w, () => w.core.changeLicences(w.adminCaller(), { userId: bob.id, add: ['premiumP1', 'premiumP2'] }), 'noSeatsLeft');
    // moving the P2 seat: remove from Ann, give to Bob
    expect((await w.core.changeLicences(w.adminCaller(), { userId: ann.id, remove: ['premiumP2'] })).assignedLicenses).toEqual(['premiumP1']);
    await expectDenied(w.core.changeLicences(w.adminCaller(), { userId: ann.id, add: ['premiumP1'], remove: ['premiumP1'] }), 'invalidInput');
    const results = await Promise.allSettled([
      w.core.changeLicences(w.adminCaller(), { userId: bob.id, add: ['premiumP1'] }),
      w.core.changeLicences(w.adminCaller(), { userId: cat.id, add: ['premiumP1'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { reason: 'noSeatsLeft' } });
    expect(await w.core.getLicenceSeats(w.adminCaller())).toEqual([
      { sku: 'premiumP1', seats: 2, assigned: 2 }, { sku: 'premiumP2', seats: 1, assigned: 0 },
    ]);
  });
});
