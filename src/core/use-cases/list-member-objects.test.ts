// Member lists as objects: the same visibility as the membership lists (§3.9), users and groups (with
// the caller's abilities) loaded in one transaction, keyset pages of transitive members, owners.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('member objects', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  it('lists users and nested groups as objects, hides them from outsiders, pages transitive members', async () => {
    const w = await world();
    const [olga, ann, bob, eve] = [await w.newUser('Olga'), await w.newUser('Ann'), await w.newUser('Bob'), await w.newUser('Eve')];
    const child = await w.core.createGroup(w.as(olga), { displayName: 'Child', ...SECURITY, members: [bob.id] });
    const parent = await w.core.createGroup(w.as(olga), { displayName: 'Parent', ...SECURITY, members: [ann.id, child.group.id] });

    const members = await w.core.listMemberObjects(w.as(olga), { groupId: parent.group.id });
    expect(members.map((m) => (m.type === 'user' ? m.user.displayName : m.group.group.displayName)).sort()).toEqual(['Ann', 'Child']);
    const nested = members.find((m) => m.type === 'group');
    expect(nested?.type === 'group' && nested.group.abilities.manageMembers).toBe(true);
    // Private: an outsider sees no members, exactly as with listMembers.
    expect(await w.core.listMemberObjects(w.as(eve), { groupId: parent.group.id })).toEqual([]);
    // An app that may read members sees them without a directory-read permission.
    expect(await w.core.listMemberObjects(w.app(['GroupMember.Read.All']), { groupId: parent.group.id })).toHaveLength(2);

    const first = await w.core.listTransitiveMemberObjects(w.as(olga), { groupId: parent.group.id, limit: 2 });
    expect(first.members).toHaveLength(2);
    expect(first.more).toBe(true);
    const rest = await w.core.listTransitiveMemberObjects(w.as(olga), { groupId: parent.group.id, after: first.members[1]?.membership.memberId, limit: 2 });
    expect(rest.more).toBe(false);
    const seen = [...first.members, ...rest.members].map((m) => m.membership.memberId).sort();
    expect(seen).toEqual([ann.id, bob.id, child.group.id].sort());

    expect((await w.core.listOwnerUsers(w.as(eve), { groupId: parent.group.id })).map((u) => u.id)).toEqual([olga.id]);
  });
});
