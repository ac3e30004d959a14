// SECURITY #6: random $filter / $search strings that name a HiddenMembership group, its member and its
// owner go through the OData parser and listGroups / listUsers as the member and as an outsider. Every
// answer — rows, count, error code and message — must be the same for both: a filter can't tell them apart.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseListOptions } from '../../http/graph/odata/list-options.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import type { Caller } from '../ports.js';
import { M365, newWorld, SECURITY, type TestWorld } from '../testing/world.js';

async function answer(w: TestWorld, caller: Caller, resource: 'groups' | 'users', query: Record<string, string>): Promise<unknown> {
  let parsed;
  try {
    parsed = parseListOptions(query, { consistencyLevel: 'eventual' }, resource);
  } catch (e) {
    return { parseError: (e as Error).message };
  }
  try {
    if (resource === 'groups') {
      const r = await w.core.listGroups(caller, { ...parsed, count: true });
      return { ids: r.groups.map((v) => v.group.id), count: r.count, next: r.next };
    }
    const r = await w.core.listUsers(caller, { ...parsed, count: true });
    return { ids: r.users.map((u) => u.id), count: r.count, next: r.next };
  } catch (e) {
    return { error: (e as { reason?: string }).reason, message: (e as Error).message };
  }
}

describeEachEngine('SECURITY #6: filters naming hidden memberships', (getStorage) => {
  it('200 random filters and searches get identical answers for a hidden group\'s member and an outsider', async () => {
    const w = await newWorld(getStorage().uow);
    const [owner, member, outsider] = [await w.newUser('Owner Olga'), await w.newUser('Member Max'), await w.newUser('Outsider Otto')];
    const hidden = await w.core.createGroup(w.adminCaller(), {
      displayName: 'Hidden Club', description: 'secret members', ...M365, visibility: 'HiddenMembership', owners: [owner.id], members: [member.id],
    });
    const other = await w.core.createGroup(w.adminCaller(), { displayName: 'Open Club', ...SECURITY, members: [outsider.id] });
    const ids = [hidden.group.id, other.group.id, member.id, outsider.id, owner.id];
    const id = fc.constantFrom(...ids);
    const prop = fc.constantFrom('members', 'transitiveMembers', 'memberOf', 'transitiveMemberOf', 'owners', 'id', 'displayName', 'mail', 'description');
    const clause = fc.oneof(
      fc.tuple(prop, id).map(([p, v]) => `${p}/any(m:m/id eq '${v}')`),
      fc.tuple(prop, id).map(([p, v]) => `${p}/any(m:m eq '${v}')`),
      fc.tuple(prop, id).map(([p, v]) => `${p}/id eq '${v}'`),
      fc.tuple(prop, id).map(([p, v]) => `${p} eq '${v}'`),
      fc.tuple(prop, fc.array(id, { minLength: 1, maxLength: 4 })).map(([p, vs]) => `${p} in (${vs.map((v) => `'${v}'`).join(',')})`),
      fc.constantFrom("startsWith(displayName,'Hid')", "groupTypes/any(c:c eq 'Unified')", "visibility eq 'HiddenMembership'", "startsWith(displayName,'Member')"),
    );
    const filter = fc.array(fc.tuple(clause, fc.constantFrom(' and ', ' or ', ' and not ')), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.map(([c, j], i) => (i === 0 ? c : `${j}(${c})`)).join(''));
    const search = fc.constantFrom('"displayName:hidden"', '"description:secret members"', '"displayName:member"', '"displayName:max"');
    const request = fc.record({
      resource: fc.constantFrom('groups' as const, 'users' as const),
      query: fc.oneof(
        filter.map((f) => ({ $filter: f, $count: 'true' })),
        fc.tuple(filter, search).map(([f, s]) => ({ $filter: f, $search: s, $count: 'true' })),
      ),
    });
    let reachedStorage = 0;
    await fc.assert(fc.asyncProperty(request, async ({ resource, query }) => {
      const asMember = await answer(w, w.as(member), resource, query);
      const asOutsider = await answer(w, w.as(outsider), resource, query);
      expect(asMember, JSON.stringify(query)).toEqual(asOutsider);
      if (typeof asMember === 'object' && asMember !== null && 'ids' in asMember) reachedStorage++;
    }), { numRuns: 200, seed: 6 });
    expect(reachedStorage).toBeGreaterThan(15);
  });
});
