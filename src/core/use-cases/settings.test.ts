// Tenant settings through the core: validated all or nothing, admins only, effective at once, audited.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { defaultSettings } from '../domain/settings.js';
import { expectDenied, expectDeniedAndUnchanged, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('getSettings / updateSettings', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('a fresh tenant has the defaults; an admin changes several keys at once; the change is audited', async () => {
    const w = await world();
    const ann = await w.newUser('Ann');
    expect(await w.core.getSettings(w.as(ann))).toEqual(defaultSettings());
    const after = await w.core.updateSettings(w.adminCaller(), { restrictMyGroups: true, joinRequestExpiryDays: 30, ownerAssignmentGroupId: null });
    expect(after).toEqual({ ...defaultSettings(), restrictMyGroups: true, joinRequestExpiryDays: 30 });
    expect(await w.core.getSettings(w.as(ann))).toEqual(after);
    expect(await w.audit()).toContainEqual(expect.objectContaining({
      action: 'settings.update', outcome: 'success', actorId: w.admin.id,
      before: expect.objectContaining({ restrictMyGroups: false }), after: expect.objectContaining({ restrictMyGroups: true }),
    }));
  });

  describe('validation: an unknown key or a bad value changes nothing, not even the valid keys beside it', () => {
    it.each([
      ['an unknown key', { restrictMyGroups: true, noSuchSetting: 1 }, 'unknownSetting'],
      ['a prototype key', { restrictMyGroups: true, toString: 'x' }, 'unknownSetting'],
      ['a wrong type', { restrictMyGroups: 'yes' }, 'invalidSettingValue'],
      ['a value out of range', { restrictMyGroups: true, joinRequestExpiryDays: 0 }, 'invalidSettingValue'],
      ['null on a non-nullable key', { restrictMyGroups: true, securityGroupCreation: null }, 'invalidSettingValue'],
      ['an unknown enum value', { m365GroupCreation: 'Some' }, 'invalidSettingValue'],
      ['a group reference that is not a uuid', { securityGroupCreationGroupId: 'SSGMSecurityGroupsUsers' }, 'invalidSettingValue'],
      ['no keys at all', {}, 'invalidInput'],
    ] as const)('%s → %s', async (_name, patch, reason) => {
      const w = await world();
      await expectDeniedAndUnchanged(w, () => w.core.updateSettings(w.adminCaller(), patch as Record<string, unknown>), reason);
      expect(await w.core.getSettings(w.adminCaller())).toEqual(defaultSettings());
      expect(await w.audit()).toContainEqual(expect.objectContaining({ action: 'settings.update', outcome: 'denied', reason }));
    });
  });

  it('only global and groups administrators change settings', async () => {
    const w = await world();
    const [ann, ua, ga] = [await w.newUser('Ann'), await w.newUser('Ula', { roles: ['userAdmin'] }), await w.newUser('Gus', { roles: ['groupsAdmin'] })];
    await expectDeniedAndUnchanged(w, () => w.core.updateSettings(w.as(ann), { restrictMyGroups: true }), 'notAdmin');
    await expectDeniedAndUnchanged(w, () => w.core.updateSettings(w.as(ua), { restrictMyGroups: true }), 'notAdmin');
    await expectDeniedAndUnchanged(w, () => w.core.updateSettings(w.app(['Group.ReadWrite.All', 'Directory.Read.All']), { restrictMyGroups: true }), 'notAdmin');
    await w.core.updateSettings(w.as(ga), { restrictMyGroups: true });
    await expectDenied(w.core.getSettings(w.app(['User.Read.All'])), 'missingPermission');
  });

  it('§3.2 changes take effect on the very next request', async () => {
    const w = await world();
    const ann = await w.newUser('Ann');
    await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'One', ...SECURITY });
    await w.settings({ securityGroupCreation: 'None' });
    await expectDenied(w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Two', ...SECURITY }), 'creationDisabledForKind');
    await w.settings({ securityGroupCreation: 'All' });
    await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Three', ...SECURITY });
  });

  it('settings of one tenant do not touch another', async () => {
    const w = await world();
    const other = await newWorld(getStorage().uow);
    await w.settings({ restrictMyGroups: true });
    expect((await other.core.getSettings(other.adminCaller())).restrictMyGroups).toBe(false);
  });
});
