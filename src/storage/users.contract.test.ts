import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/domain/errors.js';
import { describeEachEngine } from './testing/engines.js';
import { inTenant, makeUser, newId, newTenant, at } from './testing/fixtures.js';

describeEachEngine('UserRepository', (getStorage) => {
  it('round-trips every field, including nulls, booleans, roles and licences (sorted)', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const full = makeUser(t, {
      accountEnabled: false, userType: 'Guest', externalId: 'ext-1',
      roles: ['userAdmin', 'globalAdmin'], assignedLicenses: ['premiumP2', 'premiumP1'],
    });
    const sparse = makeUser(t, {
      mail: null, givenName: null, surname: null, department: null, jobTitle: null, companyName: null, officeLocation: null,
    });
    await inTenant(s, t, async (x) => {
      await x.users.insert(full);
      await x.users.insert(sparse);
    });
    await inTenant(s, t, async (x) => {
      expect(await x.users.get(full.id)).toEqual({ ...full, roles: ['globalAdmin', 'userAdmin'], assignedLicenses: ['premiumP1', 'premiumP2'] });
      expect(await x.users.get(sparse.id)).toEqual(sparse);
      expect(await x.users.get(newId())).toBeNull();
    });
  });

  it('finds by UPN case-insensitively and refuses a UPN taken in any case', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const u = makeUser(t, { userPrincipalName: 'Ada.Lovelace@Contoso.example' });
    await inTenant(s, t, (x) => x.users.insert(u));
    await inTenant(s, t, async (x) => {
      expect((await x.users.getByUserPrincipalName('ada.lovelace@contoso.EXAMPLE'))?.id).toBe(u.id);
      expect(await x.users.getByUserPrincipalName('nobody@contoso.example')).toBeNull();
      const dup = makeUser(t, { userPrincipalName: 'ADA.LOVELACE@contoso.example' });
      await expect(x.users.insert(dup)).rejects.toMatchObject({ reason: 'userPrincipalNameTaken' });
      // The transaction is still usable after the refusal (PostgreSQL would otherwise abort it).
      expect(await x.users.count()).toBe(1);
    });
  });

  it('update replaces fields, roles and licences; a taken UPN is refused', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const a = makeUser(t, { roles: ['globalAdmin'], assignedLicenses: ['premiumP1'] });
    const b = makeUser(t);
    await inTenant(s, t, async (x) => {
      await x.users.insert(a);
      await x.users.insert(b);
    });
    const changed = { ...a, displayName: 'Renamed', accountEnabled: false, roles: ['auditReader' as const], assignedLicenses: [] };
    await inTenant(s, t, (x) => x.users.update(changed));
    expect(await inTenant(s, t, (x) => x.users.get(a.id))).toEqual(changed);
    const clash = inTenant(s, t, (x) => x.users.update({ ...b, userPrincipalName: a.userPrincipalName.toUpperCase() }));
    await expect(clash).rejects.toBeInstanceOf(DomainError);
    await expect(clash).rejects.toMatchObject({ reason: 'userPrincipalNameTaken' });
    // Changing the case of one's own UPN is not a clash.
    await inTenant(s, t, (x) => x.users.update({ ...b, userPrincipalName: b.userPrincipalName.toUpperCase() }));
    expect((await inTenant(s, t, (x) => x.users.get(b.id)))?.userPrincipalName).toBe(b.userPrincipalName.toUpperCase());
  });

  it('delete removes the user with roles, licences and credentials', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const u = makeUser(t, { roles: ['groupsAdmin'], assignedLicenses: ['premiumP1'] });
    await inTenant(s, t, async (x) => {
      await x.users.insert(u);
      await x.credentials.setPasswordHash(u.id, 'hash', at(1));
    });
    await inTenant(s, t, (x) => x.users.delete(u.id));
    await inTenant(s, t, async (x) => {
      expect(await x.users.get(u.id)).toBeNull();
      expect(await x.credentials.getPasswordHash(u.id)).toBeNull();
      expect(await x.users.countWithLicence('premiumP1')).toBe(0);
    });
    const roles = await s.db.selectFrom('user_roles').selectAll().where('tenant_id', '=', t).execute();
    expect(roles).toEqual([]);
  });

  it('getMany returns found users in the order asked, skipping unknown ids', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const users = [makeUser(t), makeUser(t), makeUser(t)];
    await inTenant(s, t, async (x) => { for (const u of users) await x.users.insert(u); });
    const [u0, u1, u2] = users as [typeof users[0], typeof users[0], typeof users[0]];
    const got = await inTenant(s, t, (x) => x.users.getMany([u2.id, newId(), u0.id, u2.id]));
    expect(got.map((u) => u.id)).toEqual([u2.id, u0.id]);
    expect(await inTenant(s, t, (x) => x.users.getMany([]))).toEqual([]);
    expect((await inTenant(s, t, (x) => x.users.getMany([u1.id])))[0]).toEqual(u1);
  });

  it('lists by id with a keyset cursor, and searches by case-insensitive prefix', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const plain = { givenName: null, surname: null };
    const users = [
      makeUser(t, { ...plain, displayName: 'Ada Lovelace', userPrincipalName: 'ada@contoso.example', mail: null }),
      makeUser(t, { ...plain, displayName: 'Alan Turing', userPrincipalName: 'alan@contoso.example', givenName: 'Alan', surname: 'Turing' }),
      makeUser(t, { ...plain, displayName: 'Grace Hopper', userPrincipalName: 'grace@contoso.example', surname: 'Hopper' }),
      makeUser(t, { ...plain, displayName: '50%_off', userPrincipalName: 'percent@contoso.example' }),
      makeUser(t, { ...plain, displayName: '50 and more', userPrincipalName: 'fifty@contoso.example' }),
    ];
    await inTenant(s, t, async (x) => { for (const u of users) await x.users.insert(u); });
    const ids = users.map((u) => u.id).sort();
    await inTenant(s, t, async (x) => {
      const first = await x.users.list({ limit: 2 });
      expect(first.map((u) => u.id)).toEqual(ids.slice(0, 2));
      const rest = await x.users.list({ limit: 10, after: ids[1] });
      expect(rest.map((u) => u.id)).toEqual(ids.slice(2));
      const names = async (search: string) => (await x.users.list({ limit: 10, search })).map((u) => u.displayName).sort();
      expect(await names('a')).toEqual(['Ada Lovelace', 'Alan Turing']);
      expect(await names('GRACE')).toEqual(['Grace Hopper']); // display name and UPN
      expect(await names('hop')).toEqual(['Grace Hopper']); // surname
      expect(await names('alan@')).toEqual(['Alan Turing']); // UPN
      expect(await names('50%')).toEqual(['50%_off']); // wildcards are literal
      expect(await names('50_')).toEqual([]);
      expect(await names('lovelace')).toEqual([]); // prefix, not substring
      expect(await names('user-')).toEqual(['50 and more', '50%_off', 'Alan Turing', 'Grace Hopper']); // mail
      expect(await x.users.count()).toBe(5);
    });
  });

  it('counts users holding a licence', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      await x.users.insert(makeUser(t, { assignedLicenses: ['premiumP1'] }));
      await x.users.insert(makeUser(t, { assignedLicenses: ['premiumP1', 'premiumP2'] }));
      await x.users.insert(makeUser(t));
      expect(await x.users.countWithLicence('premiumP1')).toBe(2);
      expect(await x.users.countWithLicence('premiumP2')).toBe(1);
    });
  });
});

describeEachEngine('CredentialRepository', (getStorage) => {
  it('stores, replaces and reads a password hash', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const u = makeUser(t);
    await inTenant(s, t, async (x) => {
      await x.users.insert(u);
      expect(await x.credentials.getPasswordHash(u.id)).toBeNull();
      await x.credentials.setPasswordHash(u.id, 'h1', at(1));
      await x.credentials.setPasswordHash(u.id, 'h2', at(2));
      expect(await x.credentials.getPasswordHash(u.id)).toBe('h2');
    });
    const row = await s.db.selectFrom('user_credentials').selectAll().where('tenant_id', '=', t).executeTakeFirstOrThrow();
    expect(row.updated_at).toBe(at(2));
  });
});

describe('fixtures', () => {
  it('makes distinct users', () => {
    expect(makeUser('t').id).not.toBe(makeUser('t').id);
  });
});
