// createGroup end to end on real storage: §3.3 defaults per channel and kind, §3.2 creation settings
// (incl. Selected through nesting and the SSGMSecurityGroupsUsers default), the ceiling, HiddenMembership,
// licences, audit of successes and denials, and "a denied create changes nothing".
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { DEFAULT_SELF_SERVICE_GROUP_NAME } from '../domain/settings.js';
import { DISTRIBUTION, expectDenied, expectDeniedAndUnchanged, M365, newWorld, SECURITY, type TestWorld } from '../testing/world.js';

async function ownersOf(w: TestWorld, groupId: string): Promise<string[]> {
  return (await w.core.listOwners(w.adminCaller(), { groupId })).map((o) => o.userId).sort();
}

describeEachEngine('createGroup', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  describe('§3.3 defaults, end to end', () => {
    it('§3.3 api × security, non-admin creator → closed, Private, creator is owner', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const { group, abilities } = await w.core.createGroup(w.as(ann, 'api'), { displayName: 'Ops', ...SECURITY });
      expect(group).toMatchObject({ joinPolicy: 'closed', visibility: 'Private', createdVia: 'api', createdBy: ann.id, externallyManaged: false });
      expect(await ownersOf(w, group.id)).toEqual([ann.id]);
      expect(abilities).toMatchObject({ edit: true, manageMembers: true, join: false });
    });

    it('§3.3 api × security, admin creator → closed, Private, no automatic owner', async () => {
      const w = await world();
      const { group } = await w.core.createGroup(w.adminCaller('api'), { displayName: 'Ops', ...SECURITY });
      expect(group).toMatchObject({ joinPolicy: 'closed', visibility: 'Private' });
      expect(await ownersOf(w, group.id)).toEqual([]);
    });

    it('§3.3 api × Microsoft 365 → open, Public, caller is owner (admin or not)', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const a = await w.core.createGroup(w.as(ann, 'api'), { displayName: 'Team', ...M365 });
      const b = await w.core.createGroup(w.adminCaller('api'), { displayName: 'Team B', ...M365 });
      expect(a.group).toMatchObject({ joinPolicy: 'open', visibility: 'Public' });
      expect(await ownersOf(w, a.group.id)).toEqual([ann.id]);
      expect(await ownersOf(w, b.group.id)).toEqual([w.admin.id]);
    });

    it('§3.3 api, owners given in the request → those owners, not the caller', async () => {
      const w = await world();
      const [ann, bob, cid] = [await w.newUser('Ann'), await w.newUser('Bob'), await w.newUser('Cid')];
      const { group } = await w.core.createGroup(w.as(ann, 'api'), { displayName: 'Ops', ...SECURITY, owners: [bob.id, cid.id] });
      expect(await ownersOf(w, group.id)).toEqual([bob.id, cid.id].sort());
    });

    it('§3.3 adminCenter × security → closed, no owner; × Microsoft 365 → open, no owner', async () => {
      const w = await world();
      const sec = await w.core.createGroup(w.adminCaller('adminCenter'), { displayName: 'Sec', ...SECURITY });
      const m365 = await w.core.createGroup(w.adminCaller('adminCenter'), { displayName: 'Team', ...M365 });
      expect(sec.group).toMatchObject({ joinPolicy: 'closed', createdVia: 'adminCenter' });
      expect(m365.group).toMatchObject({ joinPolicy: 'open', visibility: 'Public' });
      expect(await ownersOf(w, sec.group.id)).toEqual([]);
      expect(await ownersOf(w, m365.group.id)).toEqual([]);
    });

    it('§3.3 myGroups × security and × Microsoft 365 → open, creator is owner; the creator may choose the policy', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const sec = await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Sec', ...SECURITY });
      const m365 = await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Team', ...M365 });
      const chosen = await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Chosen', ...SECURITY, joinPolicy: 'approval' });
      expect(sec.group).toMatchObject({ joinPolicy: 'open', visibility: 'Private', createdVia: 'myGroups' });
      expect(m365.group).toMatchObject({ joinPolicy: 'open', visibility: 'Public' });
      expect(chosen.group.joinPolicy).toBe('approval');
      for (const g of [sec, m365, chosen]) expect(await ownersOf(w, g.group.id)).toEqual([ann.id]);
    });

    it('apps never become owners; scim groups are closed, Private, ownerless and externally managed', async () => {
      const w = await world();
      const viaApi = await w.core.createGroup(w.app(['Group.Create'], 'api'), { displayName: 'App team', ...M365 });
      const viaScim = await w.core.createGroup(w.app(['Group.ReadWrite.All'], 'scim'), { displayName: 'HR feed', ...SECURITY });
      expect(await ownersOf(w, viaApi.group.id)).toEqual([]);
      expect(viaScim.group).toMatchObject({ joinPolicy: 'closed', visibility: 'Private', externallyManaged: true, createdVia: 'scim' });
      expect(await ownersOf(w, viaScim.group.id)).toEqual([]);
    });
  });

  describe('§3.2 who may create', () => {
    it('§3.2 security = None: a user is refused with creationDisabledForKind, nothing is created, the denial is audited', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      await w.settings({ securityGroupCreation: 'None' });
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Nope', ...SECURITY }), 'creationDisabledForKind');
      const denials = (await w.audit()).filter((e) => e.outcome === 'denied');
      expect(denials).toEqual([expect.objectContaining({ action: 'group.create', reason: 'creationDisabledForKind', actorType: 'user', actorId: ann.id, channel: 'myGroups' })]);
      // Microsoft 365 creation is untouched, and admins still may.
      await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Team', ...M365 });
      await w.core.createGroup(w.adminCaller(), { displayName: 'Admin made', ...SECURITY });
    });

    it(`§3.2 Selected with no group chosen uses ${DEFAULT_SELF_SERVICE_GROUP_NAME}, matched transitively through nesting`, async () => {
      const w = await world();
      const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
      const ssgm = await w.core.createGroup(w.adminCaller(), { displayName: DEFAULT_SELF_SERVICE_GROUP_NAME, ...SECURITY });
      const mid = await w.core.createGroup(w.adminCaller(), { displayName: 'Mid', ...SECURITY });
      const leaf = await w.core.createGroup(w.adminCaller(), { displayName: 'Leaf', ...SECURITY });
      await w.core.addMember(w.adminCaller(), { groupId: ssgm.group.id, memberId: mid.group.id });
      await w.core.addMember(w.adminCaller(), { groupId: mid.group.id, memberId: leaf.group.id });
      await w.core.addMember(w.adminCaller(), { groupId: leaf.group.id, memberId: ann.id });
      await w.settings({ m365GroupCreation: 'Selected' });
      await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Ann team', ...M365 });
      await expectDenied(w.core.createGroup(w.as(bob, 'myGroups'), { displayName: 'Bob team', ...M365 }), 'notInCreationGroup');
      // Settings take effect immediately: the next request sees the change.
      await w.core.addMember(w.adminCaller(), { groupId: leaf.group.id, memberId: bob.id });
      await w.core.createGroup(w.as(bob, 'myGroups'), { displayName: 'Bob team', ...M365 });
      await w.settings({ m365GroupCreation: 'None' });
      await expectDenied(w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Again', ...M365 }), 'creationDisabledForKind');
    });

    it('§3.2 a soft-deleted "Selected" group selects nobody; restoring it selects its members again', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const creators = await w.core.createGroup(w.adminCaller(), { displayName: 'Creators', ...SECURITY, members: [ann.id] });
      await w.settings({ securityGroupCreation: 'Selected', securityGroupCreationGroupId: creators.group.id });
      await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Ann one', ...SECURITY });
      await w.core.deleteGroup(w.adminCaller(), { groupId: creators.group.id });
      await expectDenied(w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Ann two', ...SECURITY }), 'notInCreationGroup');
      await w.core.restoreGroup(w.adminCaller(), { groupId: creators.group.id });
      await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Ann three', ...SECURITY });
    });

    it(`SECURITY #2 a user cannot become "Selected" by naming a group ${DEFAULT_SELF_SERVICE_GROUP_NAME}`, async () => {
      const w = await world();
      const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
      const real = await w.core.createGroup(w.adminCaller(), { displayName: DEFAULT_SELF_SERVICE_GROUP_NAME, ...SECURITY, members: [bob.id] });
      await w.settings({ securityGroupCreation: 'Selected' });
      // Ann may still create Microsoft 365 groups, but not one carrying the reserved name, nor rename one to it.
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(ann, 'myGroups'), { displayName: DEFAULT_SELF_SERVICE_GROUP_NAME.toLowerCase(), ...M365 }), 'notAdmin');
      const { group } = await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Innocent', ...M365 });
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.as(ann), { groupId: group.id, displayName: ` ${DEFAULT_SELF_SERVICE_GROUP_NAME} ` }), 'notAdmin');
      await expectDenied(w.core.createGroup(w.as(ann), { displayName: 'Mine', ...SECURITY }), 'notInCreationGroup');
      await w.core.createGroup(w.as(bob), { displayName: 'Bob sec', ...SECURITY });
      // an admin may name groups so (it is how the default group is made)
      expect(real.group.displayName).toBe(DEFAULT_SELF_SERVICE_GROUP_NAME);
    });

    it('§3.2 Selected with a chosen group: members of that group only', async () => {
      const w = await world();
      const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
      const creators = await w.core.createGroup(w.adminCaller(), { displayName: 'Creators', ...SECURITY, members: [ann.id] });
      await w.settings({ securityGroupCreation: 'Selected', securityGroupCreationGroupId: creators.group.id });
      await w.core.createGroup(w.as(ann), { displayName: 'Ok', ...SECURITY });
      await expectDenied(w.core.createGroup(w.as(bob), { displayName: 'No', ...SECURITY }), 'notInCreationGroup');
    });

    it('admin-only kinds and flags', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const ga = await w.newUser('Gus', { roles: ['groupsAdmin'] });
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(ann), { displayName: 'DL', ...DISTRIBUTION }), 'notSelfServiceKind');
      await expectDenied(w.core.createGroup(w.as(ann), { displayName: 'Dyn', ...SECURITY, groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "X"' }), 'notAdmin');
      await expectDenied(w.core.createGroup(w.as(ga), { displayName: 'Role', ...SECURITY, isAssignableToRole: true }), 'notAdmin');
      await w.core.createGroup(w.as(ga), { displayName: 'DL', ...DISTRIBUTION });
      const role = await w.core.createGroup(w.adminCaller(), { displayName: 'Role', ...SECURITY, isAssignableToRole: true });
      expect(role.group).toMatchObject({ isAssignableToRole: true, visibility: 'Private' });
      // A role-assignable group hands out roles: always Private and closed, whatever the channel's default (SECURITY #2)
      const m365Role = await w.core.createGroup(w.adminCaller('api'), { displayName: 'M365 role', ...M365, securityEnabled: true, isAssignableToRole: true });
      expect(m365Role.group).toMatchObject({ isAssignableToRole: true, visibility: 'Private', joinPolicy: 'closed' });
      const viaPortal = await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Portal role', ...SECURITY, isAssignableToRole: true });
      expect(viaPortal.group).toMatchObject({ joinPolicy: 'closed', visibility: 'Private' });
      expect(viaPortal.abilities.join).toBe(false);
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Open role', ...SECURITY, isAssignableToRole: true, joinPolicy: 'open' }), 'invalidInput');
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.adminCaller(), { groupId: role.group.id, joinPolicy: 'open' }), 'invalidInput');
      await expectDeniedAndUnchanged(w, () => w.core.updateGroup(w.adminCaller(), { groupId: m365Role.group.id, visibility: 'Public' }), 'invalidInput');
    });

    it('no app permission creates a role-assignable group (SECURITY #2)', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.app(['Group.ReadWrite.All', 'GroupMember.ReadWrite.All'], 'api'), { displayName: 'Roles', ...SECURITY, isAssignableToRole: true, owners: [ann.id] }), 'missingPermission');
      const plain = await w.core.createGroup(w.app(['Group.ReadWrite.All'], 'api'), { displayName: 'Plain', ...SECURITY, owners: [ann.id] });
      expect(plain.group.isAssignableToRole).toBe(false);
    });

    it('an app that may only create groups (Group.Create) may not choose their members', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.app(['Group.Create'], 'api'), { displayName: 'Team', ...SECURITY, members: [ann.id] }), 'missingPermission');
      const ok = await w.core.createGroup(w.app(['Group.Create', 'GroupMember.ReadWrite.All'], 'api'), { displayName: 'Team', ...SECURITY, members: [ann.id] });
      expect((await w.core.listMembers(w.adminCaller(), { groupId: ok.group.id })).map((m) => m.memberId)).toEqual([ann.id]);
    });

    it('§3.8 restrict My Groups: refused in the portal, allowed through the api', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      await w.settings({ restrictMyGroups: true });
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'X', ...SECURITY }), 'myGroupsRestricted');
      await w.core.createGroup(w.as(ann, 'api'), { displayName: 'X', ...SECURITY });
      await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Y', ...SECURITY });
    });

    it('a disabled user creates nothing', async () => {
      const w = await world();
      const dan = await w.newUser('Dan', { accountEnabled: false });
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(dan, 'myGroups'), { displayName: 'X', ...SECURITY }), 'accountDisabled');
    });
  });

  describe('§3.3/§3.4 shape of the new group', () => {
    it('§3.4 the ceiling lowers the channel default, and refuses an explicit choice above it', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      await w.settings({ maxOwnerJoinPolicy: 'approval' });
      const lowered = await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Lowered', ...SECURITY });
      expect(lowered.group.joinPolicy).toBe('approval');
      const m365 = await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'M365 lowered', ...M365 });
      expect(m365.group).toMatchObject({ joinPolicy: 'approval', visibility: 'Private' });
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Open', ...SECURITY, joinPolicy: 'open' }), 'joinPolicyAboveCeiling');
      await expectDenied(w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Public', ...M365, visibility: 'Public' }), 'joinPolicyAboveCeiling');
      const byAdmin = await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Admin open', ...SECURITY });
      expect(byAdmin.group.joinPolicy).toBe('open');
    });

    it('§3.3 HiddenMembership only for Microsoft 365, at creation', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(ann), { displayName: 'H', ...SECURITY, visibility: 'HiddenMembership' }), 'hiddenMembershipOnlyForM365');
      const { group } = await w.core.createGroup(w.as(ann), { displayName: 'H', ...M365, visibility: 'HiddenMembership' });
      expect(group).toMatchObject({ visibility: 'HiddenMembership', joinPolicy: 'approval' });
      await expectDenied(w.core.updateGroup(w.as(ann), { groupId: group.id, visibility: 'Private' }), 'hiddenMembershipImmutable');
      await expectDenied(w.core.updateGroup(w.as(ann), { groupId: group.id, joinPolicy: 'open' }), 'hiddenMembershipImmutable');
    });

    it('§3.13 licence enforcement: an unlicensed user cannot create an approval group, a licensed one can', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const lic = await w.newUser('Lia', { licensed: true });
      await w.settings({ licenceEnforcement: true });
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'A', ...SECURITY, joinPolicy: 'approval' }), 'licenceRequired');
      await expectDenied(w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'A', ...M365, visibility: 'Private' }), 'licenceRequired');
      await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'Open one', ...SECURITY });
      await w.core.createGroup(w.as(lic, 'myGroups'), { displayName: 'B', ...SECURITY, joinPolicy: 'approval' });
      await w.settings({ licenceEnforcement: false });
      await w.core.createGroup(w.as(ann, 'myGroups'), { displayName: 'A', ...SECURITY, joinPolicy: 'approval' });
    });

    it('mail nicknames: explicit duplicates conflict (case-insensitive), derived ones get a suffix', async () => {
      const w = await world();
      const a = await w.core.createGroup(w.adminCaller(), { displayName: 'Sales', ...SECURITY });
      const b = await w.core.createGroup(w.adminCaller(), { displayName: 'Sales', ...SECURITY });
      expect(a.group.mailNickname).toBe('Sales');
      expect(b.group.mailNickname).toMatch(/^Sales-[0-9a-f]{4}$/);
      await expectDeniedAndUnchanged(w, () => w.core.createGroup(w.adminCaller(), { displayName: 'Other', ...SECURITY, mailNickname: 'SALES' }), 'mailNicknameTaken');
      await expectDenied(w.core.createGroup(w.adminCaller(), { displayName: 'Bad', ...SECURITY, mailNickname: 'has space' }), 'invalidInput');
      await expectDenied(w.core.createGroup(w.adminCaller(), { displayName: 'x', ...SECURITY, owners: ['5b3c3b0e-0000-4000-8000-000000000000'] }), 'userNotFound');
      await expectDenied(w.core.createGroup(w.adminCaller(), { displayName: 'x', ...SECURITY, members: ['5b3c3b0e-0000-4000-8000-000000000000'] }), 'memberNotFound');
    });

    it('a success is audited with the group, its owners and members', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const { group } = await w.core.createGroup({ ...w.as(ann, 'myGroups'), requestId: 'req-1' }, { displayName: 'Audited', ...SECURITY });
      const events = await w.audit(group.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'group.create', outcome: 'success', actorId: ann.id, channel: 'myGroups', requestId: 'req-1', reason: null,
        after: expect.objectContaining({ id: group.id, owners: [ann.id], members: [] }),
      });
    });
  });
});
