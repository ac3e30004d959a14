// §3.13 licences and seats through the core, on both engines.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, expectDeniedAndUnchanged, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('licences and seats', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('admins assign licences up to the seats; one more is refused and changes nothing', async () => {
    const w = await world();
    const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
    await expectDeniedAndUnchanged(w, () => w.core.assignLicence(w.adminCaller(), { userId: ann.id, sku: 'premiumP1' }), 'noSeatsLeft');
    expect(await w.core.setLicenceSeats(w.adminCaller(), { sku: 'premiumP1', seats: 1 })).toEqual([{ sku: 'premiumP1', seats: 1 }]);
    const licensed = await w.core.assignLicence(w.adminCaller(), { userId: ann.id, sku: 'premiumP1' });
    expect(licensed.assignedLicenses).toEqual(['premiumP1']);
    // assigning again is a no-op, not a second seat
    expect((await w.core.assignLicence(w.adminCaller(), { userId: ann.id, sku: 'premiumP1' })).assignedLicenses).toEqual(['premiumP1']);
    await expectDeniedAndUnchanged(w, () => w.core.assignLicence(w.adminCaller(), { userId: bob.id, sku: 'premiumP1' }), 'noSeatsLeft');
    expect(await w.core.getLicenceSeats(w.adminCaller())).toEqual([
      { sku: 'premiumP1', seats: 1, assigned: 1 }, { sku: 'premiumP2', seats: 0, assigned: 0 },
    ]);
    // seats cannot drop below what is assigned
    await expectDeniedAndUnchanged(w, () => w.core.setLicenceSeats(w.adminCaller(), { sku: 'premiumP1', seats: 0 }), 'noSeatsLeft');
    await w.core.removeLicence(w.adminCaller(), { userId: ann.id, sku: 'premiumP1' });
    await w.core.assignLicence(w.adminCaller(), { userId: bob.id, sku: 'premiumP1' });
    expect(await w.audit(bob.id)).toContainEqual(expect.objectContaining({ action: 'licence.assign', outcome: 'success' }));
  });

  it('who may manage licences and seats; unknown skus and users', async () => {
    const w = await world();
    const [ann, ua] = [await w.newUser('Ann'), await w.newUser('Ula', { roles: ['userAdmin'] })];
    await expectDeniedAndUnchanged(w, () => w.core.setLicenceSeats(w.as(ann), { sku: 'premiumP1', seats: 5 }), 'notAdmin');
    await expectDeniedAndUnchanged(w, () => w.core.setLicenceSeats(w.as(ua), { sku: 'premiumP1', seats: 5 }), 'notAdmin');
    await w.core.setLicenceSeats(w.adminCaller(), { sku: 'premiumP1', seats: 5 });
    await expectDeniedAndUnchanged(w, () => w.core.assignLicence(w.as(ann), { userId: ann.id, sku: 'premiumP1' }), 'notAdmin');
    await w.core.assignLicence(w.as(ua), { userId: ann.id, sku: 'premiumP1' });
    await expectDenied(w.core.assignLicence(w.adminCaller(), { userId: ann.id, sku: 'enterpriseE5' }), 'invalidInput');
    await expectDenied(w.core.assignLicence(w.adminCaller(), { userId: '2e4a6c8e-0000-4000-8000-000000000000', sku: 'premiumP1' }), 'userNotFound');
    await expectDenied(w.core.setLicenceSeats(w.adminCaller(), { sku: 'premiumP1', seats: -1 }), 'invalidInput');
  });

  it('§3.13 removing a licence takes away requesting and creating approval groups at once', async () => {
    const w = await world();
    await w.settings({ licenceEnforcement: true, ownersCanManageJoinRequests: true });
    const ann = await w.newUser('Ann', { licensed: true });
    const { group } = await w.core.createGroup(w.adminCaller(), { displayName: 'G', ...SECURITY, joinPolicy: 'approval' });
    await w.core.createGroup(w.as(ann), { displayName: 'Mine', ...SECURITY, joinPolicy: 'approval' });
    await w.core.removeLicence(w.adminCaller(), { userId: ann.id, sku: 'premiumP1' });
    await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id }), 'licenceRequired');
    await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(ann), { displayName: 'Mine 2', ...SECURITY, joinPolicy: 'approval' }), 'licenceRequired');
    // …but they still create and manage groups they own
    const { group: own } = await w.core.createGroup(w.as(ann), { displayName: 'Mine 3', ...SECURITY, joinPolicy: 'closed' });
    const bob = await w.newUser('Bob');
    await w.core.addMember(w.as(ann), { groupId: own.id, memberId: bob.id });
  });
});
