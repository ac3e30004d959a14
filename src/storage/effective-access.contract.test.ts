// Effective access in SQL (docs/adr/0019) on both engines: the audience plan's users through groups,
// nested groups, app audiences, minus blocks along each chain, enabled users only, deleted groups cut
// off; paged, searched, counted; and for every user the SQL agrees with the pure explain walk.
import { expect, it } from 'vitest';
import type { TenantScope } from '../core/ports.js';
import { AccessGraph } from '../core/domain/access/audience.js';
import { explainAccess } from '../core/domain/access/explain.js';
import type { TenantId } from '../core/domain/model.js';
import {
  appsOfUserIds, appsReachingGroup, assignedGroups, groupMembersInScope, isInProvisioningScope, provisioningScopePage,
} from '../core/use-cases/support/access.js';
import { describeEachEngine } from './testing/engines.js';
import { makeApp, makeAssignment, makeBlock } from './testing/app-fixtures.js';
import { inTenant, makeGroup, makeMembership, makeNesting, makeUser, newTenant } from './testing/fixtures.js';

interface World { users: Record<string, string>; groups: Record<string, string>; apps: Record<string, string> }

/**
 * Groups G1 ⊃ G2 ⊃ G3 ⊃ G4 (depth 4), D (deleted) ⊃ E, G1 ⊃ D; users a (G4), b (G1), c (E), d (disabled, G1),
 * e (direct), f (G2, blocked from SITE), g (nobody). Apps: SITE ← G1 (cascade), NOCASCADE ← G1 (no cascade),
 * SAAS ← SITE's audience, TOP ← SAAS's audience + e; OPEN (no assignment needed); OFF (disabled) ← G1.
 */
async function seed(x: TenantScope, t: TenantId): Promise<World> {
  const users: Record<string, string> = {};
  for (const n of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
    // c's name starts with a non-ASCII capital: searches fold it on both engines.
    const u = makeUser(t, { displayName: n === 'c' ? 'Çelik Person' : `${n.toUpperCase()} Person`, userPrincipalName: `${n}@${t}.example`, accountEnabled: n !== 'd' });
    await x.users.insert(u);
    users[n] = u.id;
  }
  const groups: Record<string, string> = {};
  for (const n of ['G1', 'G2', 'G3', 'G4', 'D', 'E']) {
    const g = makeGroup(t, { displayName: n });
    await x.groups.insert(g);
    groups[n] = g.id;
  }
  const G = (n: string) => groups[n] as string;
  const U = (n: string) => users[n] as string;
  for (const [p, c] of [['G1', 'G2'], ['G2', 'G3'], ['G3', 'G4'], ['G1', 'D'], ['D', 'E']]) await x.memberships.add(makeNesting(t, G(p as string), G(c as string)));
  for (const [g, u] of [['G4', 'a'], ['G1', 'b'], ['E', 'c'], ['G1', 'd'], ['G2', 'f']]) await x.memberships.add(makeMembership(t, G(g as string), U(u as string)));
  const d = await x.groups.get(G('D'));
  await x.groups.update({ ...d!, deletedDateTime: '2026-01-02T00:00:00.000Z' });
  const apps: Record<string, string> = {};
  for (const [n, over] of [['SITE', {}], ['NOCASCADE', { cascadeNestedGroups: false }], ['SAAS', {}], ['TOP', {}],
    ['OPEN', { appRoleAssignmentRequired: false }], ['OFF', { accountEnabled: false }]] as const) {
    const a = makeApp(t, { displayName: n, ...over });
    await x.apps.insert(a);
    apps[n] = a.id;
  }
  const A = (n: string) => apps[n] as string;
  await x.appAssignments.insert(makeAssignment(t, A('SITE'), 'Group', G('G1')));
  await x.appAssignments.insert(makeAssignment(t, A('NOCASCADE'), 'Group', G('G1')));
  await x.appAssignments.insert(makeAssignment(t, A('OFF'), 'Group', G('G1')));
  await x.appAssignments.insert(makeAssignment(t, A('SAAS'), 'ServicePrincipal', A('SITE')));
  await x.appAssignments.insert(makeAssignment(t, A('TOP'), 'ServicePrincipal', A('SAAS')));
  await x.appAssignments.insert(makeAssignment(t, A('TOP'), 'User', U('e')));
  await x.appBlocks.add(makeBlock(t, A('SITE'), U('f')));
  return { users, groups, apps };
}

const names = (w: World, ids: string[]) => ids.map((id) => Object.keys(w.users).find((k) => w.users[k] === id) ?? id).sort();

describeEachEngine('Effective access (SQL)', (getStorage) => {
  it('resolves groups, nesting, audiences, blocks, deleted groups and disabled users and apps', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      const w = await seed(x, t);
      const graph = new AccessGraph(await x.apps.listAll(), await x.appAssignments.listAll());
      const users = async (app: string) => names(w, await x.access.pageUserIds(graph.plan(w.apps[app] as string), { limit: 100 }));
      expect(await users('SITE')).toEqual(['a', 'b']); // c under deleted D, d disabled, f blocked
      expect(await users('NOCASCADE')).toEqual(['b']);
      expect(await users('SAAS')).toEqual(['a', 'b']); // SITE's block on f holds through the audience
      expect(await users('TOP')).toEqual(['a', 'b', 'e']);
      expect(await users('OPEN')).toEqual(['a', 'b', 'c', 'e', 'f', 'g']);
      expect(await users('OFF')).toEqual([]);
      expect(await x.access.count(graph.plan(w.apps['TOP'] as string))).toBe(3);

      // The searched query (all in SQL) and the unsearched one (filtered in memory) agree, for every app.
      const all = await x.users.list({ limit: 100 });
      for (const app of Object.values(w.apps)) {
        const reached = new Set(await x.access.pageUserIds(graph.plan(app), { limit: 100 }));
        for (const term of ['a', 'B P', 'e@', 'zz', 'ç', 'ÇELIK']) {
          const expected = all.filter((u) => reached.has(u.id) && (u.displayName.toLowerCase().startsWith(term.toLowerCase())
            || u.userPrincipalName.toLowerCase().startsWith(term.toLowerCase()))).map((u) => u.id).sort();
          expect(await x.access.pageUserIds(graph.plan(app), { limit: 100, search: term })).toEqual(expected);
          expect(await x.access.pageWithCount(graph.plan(app), { limit: 1, search: term })).toEqual({ ids: expected.slice(0, 1), count: expected.length });
        }
      }

      // Facts read for many users at once explain exactly as those read one by one.
      const everyone = Object.values(w.users);
      const many = await x.access.factsOfMany(everyone);
      for (const [i, user] of everyone.entries()) {
        const one = await x.access.facts(user);
        for (const app of Object.values(w.apps)) expect(explainAccess(many[i]!, app)).toEqual(explainAccess(one, app));
        expect(many[i]).toMatchObject({ userId: user, userEnabled: one.userEnabled, directGroupIds: one.directGroupIds, blocks: one.blocks });
      }

      // For every user and app, the SQL and the pure walk agree.
      for (const app of Object.values(w.apps)) {
        const inSql = new Set(await x.access.pageUserIds(graph.plan(app), { limit: 100 }));
        for (const user of Object.values(w.users)) {
          const verdict = explainAccess(await x.access.facts(user), app).verdict;
          expect(inSql.has(user), `${app}/${user}: ${verdict}`).toBe(verdict === 'granted');
        }
      }
    });
  });

  it('pages by id, searches displayName and UPN prefixes, counts with the search', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      const w = await seed(x, t);
      const plan = new AccessGraph(await x.apps.listAll(), await x.appAssignments.listAll()).plan(w.apps['OPEN'] as string);
      const all = await x.access.pageUserIds(plan, { limit: 100 });
      const first = await x.access.pageUserIds(plan, { limit: 4 });
      const rest = await x.access.pageUserIds(plan, { limit: 4, after: first[first.length - 1] });
      expect([...first, ...rest]).toEqual(all);
      expect(all).toEqual([...all].sort());
      expect(names(w, await x.access.pageUserIds(plan, { limit: 10, search: 'a per' }))).toEqual(['a']);
      expect(names(w, await x.access.pageUserIds(plan, { limit: 10, search: 'E@' }))).toEqual(['e']);
      expect(await x.access.count(plan, { search: 'g' })).toBe(1);
      expect(names(w, await x.access.pageUserIds(plan, { limit: 10, search: 'çel' }))).toEqual(['c']);
      expect(await x.access.count(plan, { search: '%' })).toBe(0);
      expect((await x.access.pageUsers(plan, { limit: 2 })).map((u) => u.id)).toEqual(all.slice(0, 2));
    });
  });

  it('merges overlapping terms: each user once, in id order, one page after another', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      const w = await seed(x, t);
      // TOP reaches a and b through SAAS ← SITE ← G1, and e directly; give it a, b and g directly too.
      for (const n of ['a', 'b', 'g']) await x.appAssignments.insert(makeAssignment(t, w.apps['TOP'] as string, 'User', w.users[n] as string));
      const plan = new AccessGraph(await x.apps.listAll(), await x.appAssignments.listAll()).plan(w.apps['TOP'] as string);
      const all = await x.access.pageUserIds(plan, { limit: 100 });
      expect(names(w, all)).toEqual(['a', 'b', 'e', 'g']);
      expect(all).toEqual([...all].sort());
      const walked: string[] = [];
      for (let after: string | undefined; ;) {
        const page = await x.access.pageWithCount(plan, { limit: 1, after });
        expect(page.count).toBe(4);
        if (page.ids.length === 0) break;
        walked.push(...page.ids);
        after = page.ids[0];
      }
      expect(walked).toEqual(all);
    });
  });

  it('provisioning helpers: scope, membership of scope, apps reaching a group, assigned groups', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, async (x) => {
      const w = await seed(x, t);
      const A = (n: string) => w.apps[n] as string;
      expect(names(w, await provisioningScopePage(x, A('TOP'), null, 100))).toEqual(['a', 'b', 'e']);
      const page = await provisioningScopePage(x, A('TOP'), null, 2);
      expect([...page, ...(await provisioningScopePage(x, A('TOP'), page[1] as string, 2))].length).toBe(3);
      expect(await provisioningScopePage(x, A('OPEN'), null, 100)).toEqual([]); // open to all, but nobody assigned
      expect(await isInProvisioningScope(x, A('SAAS'), w.users['a'] as string)).toBe(true);
      expect(await isInProvisioningScope(x, A('SAAS'), w.users['f'] as string)).toBe(false);
      expect(await isInProvisioningScope(x, A('OPEN'), w.users['g'] as string)).toBe(false);
      const reaching = (g: string) => appsReachingGroup(x, w.groups[g] as string);
      expect((await reaching('G4')).sort()).toEqual([A('SITE'), A('SAAS'), A('TOP'), A('OFF')].sort());
      expect((await reaching('G1')).sort()).toEqual([A('SITE'), A('NOCASCADE'), A('SAAS'), A('TOP'), A('OFF')].sort());
      expect((await appsOfUserIds(x, w.users['a'] as string)).sort()).toEqual([A('SITE'), A('SAAS'), A('TOP')].sort());
      expect(await appsOfUserIds(x, w.users['g'] as string)).toEqual([]);
      expect(await assignedGroups(x, A('SITE'))).toEqual([w.groups['G1']]);
      expect(names(w, await groupMembersInScope(x, A('SITE'), w.groups['G1'] as string))).toEqual(['a', 'b']);
      expect(await groupMembersInScope(x, A('SAAS'), w.groups['G1'] as string)).toEqual([]); // not assigned to SAAS itself
    });
  });

  it('keeps tenants apart', async () => {
    const s = getStorage();
    const [t1, t2] = [await newTenant(s), await newTenant(s)];
    const w1 = await inTenant(s, t1, (x) => seed(x, t1));
    await inTenant(s, t2, async (x) => {
      await seed(x, t2);
      expect(await x.apps.get(w1.apps['SITE'] as string)).toBeNull();
      const graph = new AccessGraph(await x.apps.listAll(), await x.appAssignments.listAll());
      expect(graph.apps.size).toBe(6);
      // A plan naming the other tenant's app and group reaches nobody here.
      expect(await x.access.pageUserIds({ appId: 'x', disabled: false, terms: [
        { kind: 'group', groupId: w1.groups['G1'] as string, cascade: true, blockedBy: ['x'] },
        { kind: 'users', appId: w1.apps['TOP'] as string, blockedBy: ['x'] },
      ] }, { limit: 10 })).toEqual([]);
      const facts = await x.access.facts(w1.users['a'] as string);
      expect(facts.directGroupIds).toEqual([]);
      expect(facts.userEnabled).toBe(false);
    });
  });
});
