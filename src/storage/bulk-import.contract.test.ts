// The bulk importer (benchmark load, first import) on both engines: rows land in the right tenant,
// the nesting closure it computes answers the same transitive questions as the repository's own.
import { expect, it } from 'vitest';
import { bulkImport } from './bulk-import.js';
import { describeEachEngine } from './testing/engines.js';
import { inTenant, newId, newTenant, T0 } from './testing/fixtures.js';

describeEachEngine('bulk import', (getStorage) => {
  it('imports users, groups, memberships and a DAG of nesting, scoped to one tenant', async () => {
    const storage = getStorage();
    const [tenant, other] = [await newTenant(storage), await newTenant(storage, 'Other')];
    const [ann, bob] = [newId(), newId()];
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];
    const users = [ann, bob].map((id, i) => ({ id, userPrincipalName: `u${i}-${id}@bulk.test`, displayName: `U${i}`, mail: null }));
    const groups = [a, b, c, d].map((id, i) => ({ id, displayName: `G${i}`, mailNickname: `g${i}-${id.slice(0, 8)}`, description: null }));
    // Diamond: a ⊃ b, a ⊃ c, b ⊃ d, c ⊃ d; ann is in d, bob in c.
    const result = await bulkImport(storage, tenant, {
      users, groups, userMembers: [[d, ann], [c, bob]], groupMembers: [[a, b], [a, c], [b, d], [c, d]],
    }, T0);
    expect(result).toEqual({ users: 2, groups: 4, memberships: 6, closureRows: 4 + 5 });

    await inTenant(storage, tenant, async (s) => {
      expect(await s.users.count()).toBe(2);
      expect((await s.memberships.transitiveGroupIdsOf(ann)).sort()).toEqual([a, b, c, d].sort());
      expect((await s.memberships.transitiveGroupIdsOf(bob)).sort()).toEqual([a, c].sort());
      expect(await s.memberships.isTransitiveMember(a, ann)).toBe(true);
      expect(await s.memberships.isTransitiveMember(b, bob)).toBe(false);
      expect((await s.memberships.ancestorGroupIds(d)).sort()).toEqual([a, b, c].sort());
      // The imported closure stays correct under later edits by the repository: b ⊅ d keeps d under a via c.
      await s.memberships.remove(b, d);
      expect((await s.memberships.transitiveGroupIdsOf(ann)).sort()).toEqual([a, c, d].sort());
      expect((await s.audit.list({ limit: 10 })).map((e) => e.action)).toContain('directory.import');
    });
    await inTenant(storage, other, async (s) => {
      expect(await s.users.count()).toBe(0);
      expect(await s.memberships.transitiveGroupIdsOf(ann)).toEqual([]);
    });
  });
});
