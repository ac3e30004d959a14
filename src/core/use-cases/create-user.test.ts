// Users and the bootstrap: who creates, updates, disables and deletes users, and which roles they may
// give (SECURITY #2); a disabled user can do nothing; deleting a user takes their memberships along.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { createTestCore, expectDenied, expectDeniedAndUnchanged, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('users and bootstrap', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  describe('bootstrap', () => {
    it('creates a tenant with one global admin; an existing tenant cannot be bootstrapped again', async () => {
      const { core } = createTestCore(getStorage().uow);
      const { tenant, admin } = await core.bootstrapTenant({ tenantName: ' Fabrikam ', admin: { userPrincipalName: 'root@fabrikam.example', displayName: 'Root', password: 'a long enough password' } });
      expect(tenant.name).toBe('Fabrikam');
      expect(admin.roles).toEqual(['globalAdmin']);
      await expectDenied(core.bootstrapTenant({ tenantId: tenant.id, tenantName: 'Again', admin: { userPrincipalName: 'x@y.example', displayName: 'X', password: 'a long enough password' } }), 'invalidInput');
      const second = await core.createAdmin(tenant.id, { userPrincipalName: 'two@fabrikam.example', displayName: 'Two', password: 'a long enough password' });
      expect(second.roles).toEqual(['globalAdmin']);
      await expectDenied(core.createAdmin('5e6f7a8b-0000-4000-8000-000000000000', { userPrincipalName: 'z@z.example', displayName: 'Z', password: 'a long enough password' }), 'tenantNotFound');
      await expectDenied(core.bootstrapTenant({ tenantName: 'Weak', admin: { userPrincipalName: 'w@w.example', displayName: 'W', password: 'short' } }), 'invalidInput');
      await expectDenied(core.bootstrapTenant({ tenantName: 'Bad UPN', admin: { userPrincipalName: 'not an upn', displayName: 'B', password: 'a long enough password' } }), 'invalidInput');
      // A refused bootstrap leaves no tenant behind: a tenant without its first admin could never get one.
      const names = (await getStorage().uow.tenants.list()).map((t) => t.name);
      expect(names).not.toContain('Weak');
      expect(names).not.toContain('Bad UPN');
    });
  });

  describe('managing users', () => {
    it('UPNs are unique case-insensitively; only admins create users; only global admins give roles', async () => {
      const w = await world();
      const [ann, ua] = [await w.newUser('Ann'), await w.newUser('Ula', { roles: ['userAdmin'] })];
      await expectDeniedAndUnchanged(w, () => w.core.createUser(w.adminCaller(), { userPrincipalName: ann.userPrincipalName.toUpperCase(), displayName: 'Dup' }), 'userPrincipalNameTaken');
      await expectDeniedAndUnchanged(w, () => w.core.createUser(w.as(ann), { userPrincipalName: 'x@t.example', displayName: 'X' }), 'notAdmin');
      await w.core.createUser(w.as(ua), { userPrincipalName: 'plain@t.example', displayName: 'Plain' });
      await expectDeniedAndUnchanged(w, () => w.core.createUser(w.as(ua), { userPrincipalName: 'boss@t.example', displayName: 'Boss', roles: ['groupsAdmin'] }), 'notAdmin');
      await expectDeniedAndUnchanged(w, () => w.core.grantRole(w.as(ua), { userId: ua.id, role: 'globalAdmin' }), 'notAdmin');
      await expectDeniedAndUnchanged(w, () => w.core.updateUser(w.as(ua), { userId: w.admin.id, displayName: 'Pwned' }), 'notAdmin');
      await expectDenied(w.core.updateUser(w.as(ua), { userId: '3a3a3a3a-0000-4000-8000-000000000000', displayName: 'X' }), 'userNotFound');
    });

    it('nobody deletes or disables themselves', async () => {
      const w = await world();
      await expectDeniedAndUnchanged(w, () => w.core.deleteUser(w.adminCaller(), { userId: w.admin.id }), 'cannotDeleteSelf');
      await expectDeniedAndUnchanged(w, () => w.core.updateUser(w.adminCaller(), { userId: w.admin.id, accountEnabled: false }), 'cannotDeleteSelf');
    });

    it('a disabled user can do nothing, and is enabled again by an admin', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const { group } = await w.core.createGroup(w.as(ann), { displayName: 'Mine', ...SECURITY });
      await w.core.updateUser(w.adminCaller(), { userId: ann.id, accountEnabled: false });
      const bob = await w.newUser('Bob');
      await expectDeniedAndUnchanged(w, () => w.core.addMember(w.as(ann), { groupId: group.id, memberId: bob.id }), 'groupNotFound');
      await expectDeniedAndUnchanged(w, () => w.core.listUsers(w.as(ann)), 'accountDisabled');
      await w.core.updateUser(w.adminCaller(), { userId: ann.id, accountEnabled: true });
      await w.core.addMember(w.as(ann), { groupId: group.id, memberId: bob.id });
    });

    it('deleting a user removes their memberships and ownerships and cancels their pending requests', async () => {
      const w = await world();
      await w.settings({ ownersCanManageJoinRequests: true });
      const [owner, ann] = [await w.newUser('Owner'), await w.newUser('Ann')];
      const a = await w.core.createGroup(w.as(owner), { displayName: 'A', ...SECURITY, members: [ann.id] });
      const b = await w.core.createGroup(w.as(owner), { displayName: 'B', ...SECURITY, joinPolicy: 'approval' });
      const mine = await w.core.createGroup(w.as(ann), { displayName: 'Mine', ...SECURITY });
      const r = await w.core.requestToJoin(w.as(ann), { groupId: b.group.id });
      await w.core.deleteUser(w.adminCaller(), { userId: ann.id });
      expect(await w.core.listMembers(w.adminCaller(), { groupId: a.group.id })).toEqual([]);
      expect(await w.core.listOwners(w.adminCaller(), { groupId: mine.group.id })).toEqual([]);
      expect(await w.core.listGroupJoinRequests(w.adminCaller(), { groupId: b.group.id })).toEqual([expect.objectContaining({ id: r.id, status: 'cancelled' })]);
      await expectDenied(w.core.getUser(w.adminCaller(), { userId: ann.id }), 'userNotFound');
      // a deleted user's session can do nothing
      await expectDenied(w.core.createGroup(w.as(ann), { displayName: 'Ghost', ...SECURITY }), 'accountDisabled');
    });
  });
});
