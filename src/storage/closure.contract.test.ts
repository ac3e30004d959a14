// Group nesting: the closure table must match the graph of group-in-group memberships after every change.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { TenantScope } from '../core/ports.js';
import type { TenantId } from '../core/domain/model.js';
import { describeEachEngine } from './testing/engines.js';
import type { GetStorage } from './testing/engines.js';
import { inTenant, makeGroup, makeMembership, makeNesting, newTenant } from './testing/fixtures.js';

/** Inserts groups named by letter; returns name → id. */
async function groups(x: TenantScope, t: TenantId, names: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const n of names) {
    const g = makeGroup(t, { displayName: n });
    await x.groups.insert(g);
    ids[n] = g.id;
  }
  return ids;
}

describeEachEngine('Group nesting closure', (getStorage: GetStorage) => {
  it('diamond A→B, A→C, B→D, C→D: removing B→D keeps D under A through C', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      const g = await groups(x, t, ['A', 'B', 'C', 'D']);
      const [A, B, C, D] = [g['A'], g['B'], g['C'], g['D']] as string[] as [string, string, string, string];
      const name = (ids: string[]) => ids.map((id) => Object.keys(g).find((k) => g[k] === id)).sort();
      for (const [p, c] of [[A, B], [A, C], [B, D], [C, D]] as const) expect(await x.memberships.add(makeNesting(t, p, c))).toBe(true);
      const user = 'u-diamond';
      await x.memberships.add(makeMembership(t, D, user));

      expect(name(await x.memberships.ancestorGroupIds(D))).toEqual(['A', 'B', 'C']);
      expect(name(await x.memberships.transitiveGroupIdsOf(user))).toEqual(['A', 'B', 'C', 'D']);
      expect(name(await x.memberships.transitiveGroupIdsOf(D))).toEqual(['A', 'B', 'C']);

      expect(await x.memberships.remove(B, D)).toBe(true);
      expect(name(await x.memberships.ancestorGroupIds(D))).toEqual(['A', 'C']);
      expect(name(await x.memberships.transitiveGroupIdsOf(user))).toEqual(['A', 'C', 'D']);
      expect(await x.memberships.isTransitiveMember(A, user)).toBe(true);
      expect(await x.memberships.isTransitiveMember(B, user)).toBe(false);

      expect(await x.memberships.remove(C, D)).toBe(true);
      expect(await x.memberships.ancestorGroupIds(D)).toEqual([]);
      expect(await x.memberships.isTransitiveMember(A, user)).toBe(false);
      expect(await x.memberships.isTransitiveMember(D, user)).toBe(true);
      expect(name(await x.memberships.ancestorGroupIds(B))).toEqual(['A']);
    });
  });

  it('a depth-4 chain is transitive end to end, keeps shortest depths, and breaks in the middle', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const user = 'u-chain';
    // Read after commit: on SQLite s.db shares the one connection an open transaction holds.
    const depth = async (a: string, d: string) => (await s.db.selectFrom('group_closure').select('depth')
      .where('tenant_id', '=', t).where('ancestor_id', '=', a).where('descendant_id', '=', d).executeTakeFirst())?.depth;
    const c = await inTenant(s, t, async (x) => {
      const g = await groups(x, t, ['G0', 'G1', 'G2', 'G3', 'G4']);
      const chain = ['G0', 'G1', 'G2', 'G3', 'G4'].map((n) => g[n] as string) as [string, string, string, string, string];
      // Added out of order, so both halves of the closure update (ancestors above, descendants below) matter.
      for (const i of [3, 0, 2, 1]) await x.memberships.add(makeNesting(t, chain[i] as string, chain[i + 1] as string));
      await x.memberships.add(makeMembership(t, chain[4], user));
      expect(await x.memberships.isTransitiveMember(chain[0], user)).toBe(true);
      expect(await x.memberships.ancestorGroupIds(chain[4])).toEqual(chain.slice(0, 4).sort());
      expect(await x.memberships.transitiveGroupIdsOf(user)).toEqual([...chain].sort());
      return chain;
    });
    expect(await depth(c[0], c[4])).toBe(4);
    expect(await depth(c[0], c[0])).toBe(0);

    // A shortcut G0→G4 makes 1 the shortest depth; removing it restores 4.
    await inTenant(s, t, (x) => x.memberships.add(makeNesting(t, c[0], c[4])));
    expect(await depth(c[0], c[4])).toBe(1);
    expect(await depth(c[1], c[4])).toBe(3);
    await inTenant(s, t, (x) => x.memberships.remove(c[0], c[4]));
    expect(await depth(c[0], c[4])).toBe(4);

    await inTenant(s, t, async (x) => {
      await x.memberships.remove(c[1], c[2]);
      expect(await x.memberships.isTransitiveMember(c[0], user)).toBe(false);
      expect(await x.memberships.isTransitiveMember(c[2], user)).toBe(true);
      expect(await x.memberships.ancestorGroupIds(c[4])).toEqual([c[2], c[3]].sort());
      expect(await x.memberships.ancestorGroupIds(c[1])).toEqual([c[0]]);
    });
    expect(await depth(c[0], c[4])).toBeUndefined();
  });

  it('every group has its depth-0 self row; a group is not its own ancestor', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    await inTenant(s, t, (x) => x.groups.insert(g));
    const rows = await s.db.selectFrom('group_closure').selectAll().where('tenant_id', '=', t).execute();
    expect(rows).toEqual([{ tenant_id: t, ancestor_id: g.id, descendant_id: g.id, depth: 0 }]);
    await inTenant(s, t, async (x) => {
      expect(await x.memberships.ancestorGroupIds(g.id)).toEqual([]);
      expect(await x.memberships.isTransitiveMember(g.id, g.id)).toBe(false);
    });
  });

  it('a cycle that slips past the core does not hang add, remove or purge', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      const g = await groups(x, t, ['X', 'Y', 'Z']);
      const [X, Y, Z] = [g['X'], g['Y'], g['Z']] as [string, string, string];
      await x.memberships.add(makeNesting(t, X, Y));
      await x.memberships.add(makeNesting(t, Y, Z));
      await x.memberships.add(makeNesting(t, Z, X));
      expect(await x.memberships.ancestorGroupIds(X)).toContain(Z);
      await x.memberships.remove(Y, Z);
      expect(await x.memberships.ancestorGroupIds(Z)).toEqual([]);
      expect(await x.memberships.ancestorGroupIds(Y)).toEqual([X, Z].sort());
      await x.memberships.add(makeNesting(t, Y, Z));
      await x.groups.purge(Y);
      expect(await x.memberships.ancestorGroupIds(X)).toEqual([Z]);
      expect(await x.memberships.ancestorGroupIds(Z)).toEqual([]);
    });
  });

  it('matches the reachability of the edge graph after any sequence of acyclic adds, removes and purges', async () => {
    const s = getStorage();
    const N = 7;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), p: fc.nat(N - 1), c: fc.nat(N - 1) }),
      fc.record({ kind: fc.constant('remove' as const), p: fc.nat(N - 1), c: fc.nat(N - 1) }),
      fc.record({ kind: fc.constant('purge' as const), p: fc.nat(N - 1), c: fc.constant(0) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const t = await newTenant(s);
      await inTenant(s, t, async (x) => {
        const ids: (string | null)[] = [];
        for (let i = 0; i < N; i++) {
          const g = makeGroup(t);
          await x.groups.insert(g);
          ids.push(g.id);
        }
        const edges = new Set<string>();
        const reach = (from: number): Set<number> => {
          const seen = new Set<number>();
          const stack = [from];
          while (stack.length) {
            const n = stack.pop() as number;
            for (const e of edges) {
              const [p, c] = e.split('>').map(Number) as [number, number];
              if (p === n && !seen.has(c)) { seen.add(c); stack.push(c); }
            }
          }
          return seen;
        };
        for (const o of ops) {
          const [pid, cid] = [ids[o.p], ids[o.c]];
          if (!pid || !cid) continue;
          if (o.kind === 'add') {
            if (o.p === o.c || reach(o.c).has(o.p)) continue; // the core refuses cycles
            await x.memberships.add(makeNesting(t, pid, cid));
            edges.add(`${o.p}>${o.c}`);
          } else if (o.kind === 'remove') {
            await x.memberships.remove(pid, cid);
            edges.delete(`${o.p}>${o.c}`);
          } else {
            await x.groups.purge(pid);
            ids[o.p] = null;
            for (const e of [...edges]) if (e.startsWith(`${o.p}>`) || e.endsWith(`>${o.p}`)) edges.delete(e);
          }
        }
        for (let i = 0; i < N; i++) {
          const id = ids[i];
          if (!id) continue;
          const expected = ids.filter((a, j) => a !== null && reach(j).has(i)) as string[];
          expect(await x.memberships.ancestorGroupIds(id)).toEqual(expected.sort());
        }
      });
    }), { numRuns: 25 });
  });
});
