import { expect, it } from 'vitest';
import { describeEachEngine } from './testing/engines.js';
import {
  at, inTenant, makeGroup, makeMembership, makeNesting, makeOwnership, makeRequest, makeUser, newId, newTenant,
} from './testing/fixtures.js';

describeEachEngine('GroupRepository', (getStorage) => {
  it('round-trips every field; groupTypes come back in canonical order', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const full = makeGroup(t, {
      description: 'All of it', mail: 'all@contoso.example', groupTypes: ['DynamicMembership', 'Unified'],
      securityEnabled: false, mailEnabled: true, visibility: 'HiddenMembership', joinPolicy: 'open',
      classification: 'Confidential', createdVia: 'scim', createdBy: newId(), renewedDateTime: at(5),
      expirationDateTime: at(10), deletedDateTime: at(20), membershipRule: 'user.department -eq "X"',
      membershipRuleProcessingState: 'Paused', isAssignableToRole: true, onPremisesSyncEnabled: true, externallyManaged: true,
    });
    const unified = makeGroup(t, { groupTypes: ['Unified'] });
    const plain = makeGroup(t);
    await inTenant(s, t, async (x) => {
      for (const g of [full, unified, plain]) await x.groups.insert(g);
    });
    await inTenant(s, t, async (x) => {
      expect(await x.groups.get(full.id)).toEqual({ ...full, groupTypes: ['Unified', 'DynamicMembership'] });
      expect(await x.groups.get(unified.id)).toEqual(unified);
      expect(await x.groups.get(plain.id)).toEqual(plain);
      expect(await x.groups.lock(plain.id)).toEqual(plain);
      expect(await x.groups.get(newId())).toBeNull();
      expect(await x.groups.lock(newId())).toBeNull();
      const many = await x.groups.getMany([plain.id, newId(), full.id]);
      expect(many.map((g) => g.id)).toEqual([plain.id, full.id]);
    });
  });

  it('mail nicknames are unique per tenant case-insensitively, deleted groups included', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t, { mailNickname: 'Finance', deletedDateTime: at(1) });
    const other = makeGroup(t, { mailNickname: 'ops' });
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      await x.groups.insert(other);
    });
    await inTenant(s, t, async (x) => {
      expect((await x.groups.getByMailNickname('FINANCE'))?.id).toBe(g.id);
      expect(await x.groups.getByMailNickname('nope')).toBeNull();
      await expect(x.groups.insert(makeGroup(t, { mailNickname: 'fInAnCe' }))).rejects.toMatchObject({ reason: 'mailNicknameTaken' });
      await expect(x.groups.update({ ...other, mailNickname: 'FINANCE' })).rejects.toMatchObject({ reason: 'mailNicknameTaken' });
      expect(await x.groups.count({ deleted: true })).toBe(1); // transaction still usable
    });
    // Another tenant may use the same nickname.
    const t2 = await newTenant(s);
    await inTenant(s, t2, (x) => x.groups.insert(makeGroup(t2, { mailNickname: 'finance' })));
  });

  it('update writes every field', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    await inTenant(s, t, (x) => x.groups.insert(g));
    const changed = {
      ...g, displayName: 'New', mailNickname: 'New-Nick', groupTypes: ['Unified' as const], visibility: 'Public' as const,
      deletedDateTime: at(3), externallyManaged: true, description: 'd',
    };
    await inTenant(s, t, (x) => x.groups.update(changed));
    expect(await inTenant(s, t, (x) => x.groups.get(g.id))).toEqual(changed);
    expect((await inTenant(s, t, (x) => x.groups.getByMailNickname('new-nick')))?.id).toBe(g.id);
  });

  it('findByDisplayName matches live groups exactly, ignoring case', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const a = makeGroup(t, { displayName: 'Finance Team' });
    const b = makeGroup(t, { displayName: 'finance team' });
    const gone = makeGroup(t, { displayName: 'Finance Team', deletedDateTime: at(1) });
    const longer = makeGroup(t, { displayName: 'Finance Team 2' });
    await inTenant(s, t, async (x) => { for (const g of [a, b, gone, longer]) await x.groups.insert(g); });
    const found = await inTenant(s, t, (x) => x.groups.findByDisplayName('FINANCE TEAM'));
    expect(found.map((g) => g.id)).toEqual([a.id, b.id].sort());
  });

  it('lists and counts live or deleted groups, keyset-paged by id, with prefix search', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const live = [
      makeGroup(t, { displayName: 'Engineering', mailNickname: 'eng' }),
      makeGroup(t, { displayName: 'Sales', mailNickname: 'sales' }),
      makeGroup(t, { displayName: 'Support', mailNickname: 'help_desk' }),
    ];
    const deleted = makeGroup(t, { displayName: 'Secret', mailNickname: 'secret', deletedDateTime: at(1) });
    await inTenant(s, t, async (x) => { for (const g of [...live, deleted]) await x.groups.insert(g); });
    const ids = live.map((g) => g.id).sort();
    await inTenant(s, t, async (x) => {
      expect((await x.groups.list({ limit: 2 })).map((g) => g.id)).toEqual(ids.slice(0, 2));
      expect((await x.groups.list({ limit: 2, after: ids[1] })).map((g) => g.id)).toEqual(ids.slice(2));
      expect((await x.groups.list({ limit: 10, deleted: true })).map((g) => g.id)).toEqual([deleted.id]);
      expect(await x.groups.count({})).toBe(3);
      expect(await x.groups.count({ deleted: true })).toBe(1);
      const names = async (search: string) => (await x.groups.list({ limit: 10, search })).map((g) => g.displayName).sort();
      expect(await names('s')).toEqual(['Sales', 'Support']);
      expect(await names('HELP_')).toEqual(['Support']); // nickname; '_' is literal
      expect(await names('help%')).toEqual([]);
      expect(await names('secret')).toEqual([]); // deleted
      expect(await x.groups.count({ search: 'S' })).toBe(2);
      expect(await x.groups.count({ search: 'se', deleted: true })).toBe(1);
    });
  });

  it('purge removes the group, its memberships both ways, owners, requests and closure rows', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const [top, mid, leaf] = [makeGroup(t), makeGroup(t), makeGroup(t)];
    const u = makeUser(t);
    await inTenant(s, t, async (x) => {
      for (const g of [top, mid, leaf]) await x.groups.insert(g);
      await x.users.insert(u);
      await x.memberships.add(makeNesting(t, top.id, mid.id));
      await x.memberships.add(makeNesting(t, mid.id, leaf.id));
      await x.memberships.add(makeMembership(t, mid.id, u.id));
      await x.memberships.add(makeMembership(t, leaf.id, u.id));
      await x.owners.add(makeOwnership(t, mid.id, u.id));
      await x.requests.insert(makeRequest(t, mid.id, u.id));
      expect(await x.memberships.ancestorGroupIds(leaf.id)).toEqual([mid.id, top.id].sort());
    });
    await inTenant(s, t, (x) => x.groups.purge(mid.id));
    await inTenant(s, t, async (x) => {
      expect(await x.groups.get(mid.id)).toBeNull();
      expect(await x.memberships.countMembers(top.id)).toBe(0);
      expect(await x.memberships.listGroupsOf(u.id)).toHaveLength(1);
      expect(await x.owners.groupIdsOwnedBy(u.id)).toEqual([]);
      expect(await x.requests.listByRequester(u.id, { limit: 10 })).toEqual([]);
      expect(await x.memberships.ancestorGroupIds(leaf.id)).toEqual([]);
      expect(await x.memberships.isTransitiveMember(top.id, u.id)).toBe(false);
      expect(await x.memberships.transitiveGroupIdsOf(u.id)).toEqual([leaf.id]);
    });
    const closure = await s.db.selectFrom('group_closure').selectAll().where('tenant_id', '=', t)
      .where((eb) => eb.or([eb('ancestor_id', '=', mid.id), eb('descendant_id', '=', mid.id)])).execute();
    expect(closure).toEqual([]);
  });
});
