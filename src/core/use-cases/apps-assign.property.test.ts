// SECURITY #2 for applications through the core, on both engines: random (actor, app, principal)
// triples run through assignApp. It succeeds exactly when the actor is a Global or Application
// Administrator, an owner of the app (and, for another app's audience, can read that source app), or
// an API client with Application.ReadWrite.All, and the principal is a user, a live security group or
// another app (a self-loop is a cycle); a refusal changes no assignment. In the same run, a caller
// who is not an administrator tries to make themselves an owner of the app and to take an admin role:
// both refused, nothing changed. Deterministic seed (ROSTER_FC_SEED / ROSTER_FC_RUNS override).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import type { Application } from '../domain/apps.js';
import { isDomainError } from '../domain/errors.js';
import type { Caller } from '../index.js';
import { M365, newWorld, SECURITY, type TestWorld } from '../testing/world.js';

const SEED = Number(process.env['ROSTER_FC_SEED'] ?? 20_261_123);
const RUNS = Number(process.env['ROSTER_FC_RUNS'] ?? 300);

type ActorName = 'globalAdmin' | 'appAdmin' | 'groupsAdmin' | 'ownerA' | 'ownerB' | 'holder' | 'plain' | 'disabledOwnerA' | 'clientWrite' | 'clientRead' | 'clientGroups';
type AppName = 'A' | 'B' | 'H';
type PrincipalName = 'userPlain' | 'userOwnerA' | 'userMissing' | 'groupSecurity' | 'groupM365' | 'groupDeleted' | 'groupMissing' | 'appA' | 'appB' | 'appH' | 'appMissing';

const ACTORS: ActorName[] = ['globalAdmin', 'appAdmin', 'groupsAdmin', 'ownerA', 'ownerB', 'holder', 'plain', 'disabledOwnerA', 'clientWrite', 'clientRead', 'clientGroups'];
const PRINCIPALS: PrincipalName[] = ['userPlain', 'userOwnerA', 'userMissing', 'groupSecurity', 'groupM365', 'groupDeleted', 'groupMissing', 'appA', 'appB', 'appH', 'appMissing'];
/** Owners of each app: A by ownerA (and a disabled owner), B and the hidden H by ownerB. */
const OWNERS: Record<AppName, ActorName[]> = { A: ['ownerA', 'disabledOwnerA'], B: ['ownerB'], H: ['ownerB'] };

const isAdmin = (a: ActorName) => a === 'globalAdmin' || a === 'appAdmin';
const owns = (a: ActorName, app: AppName) => a !== 'disabledOwnerA' && OWNERS[app].includes(a);
const readsApp = (a: ActorName, app: AppName) => isAdmin(a) || a === 'clientWrite' || a === 'clientRead' || owns(a, app);

/** The model, from SPEC §3.10 and ADR 0019. */
function mayAssign(actor: ActorName, app: AppName, principal: PrincipalName): boolean {
  const manages = isAdmin(actor) || actor === 'clientWrite' || owns(actor, app);
  if (!manages) return false;
  switch (principal) {
    case 'userPlain': case 'userOwnerA': case 'groupSecurity': return true;
    case 'appA': case 'appB': case 'appH': {
      const source = principal.slice(3) as AppName;
      return source !== app && readsApp(actor, source);
    }
    default: return false;
  }
}

describeEachEngine('SECURITY #2: assigning apps through the core', (getStorage) => {
  let w: TestWorld;
  const callers = {} as Record<ActorName, Caller>;
  const users = {} as Record<ActorName, string>;
  const apps = {} as Record<AppName, Application>;
  const principals = {} as Record<PrincipalName, string>;

  beforeAll(async () => {
    w = await newWorld(getStorage().uow);
    const make = async (name: ActorName, opts: Parameters<TestWorld['newUser']>[1] = {}) => {
      const u = await w.newUser(name, opts);
      users[name] = u.id;
      callers[name] = w.as(u);
    };
    users.globalAdmin = w.admin.id;
    callers.globalAdmin = w.adminCaller('api');
    await make('appAdmin', { roles: ['appAdmin'] });
    await make('groupsAdmin', { roles: ['groupsAdmin'] });
    for (const name of ['ownerA', 'ownerB', 'holder', 'plain', 'disabledOwnerA'] as const) await make(name);
    callers.clientWrite = w.app(['Application.ReadWrite.All']);
    callers.clientRead = w.app(['Application.Read.All']);
    callers.clientGroups = w.app(['Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'User.ReadWrite.All']);
    const admin = w.adminCaller();
    apps.A = await w.core.createApp(admin, { displayName: 'A', ownerIds: [users.ownerA, users.disabledOwnerA] });
    apps.B = await w.core.createApp(admin, { displayName: 'B', ownerIds: [users.ownerB] });
    apps.H = await w.core.createApp(admin, { displayName: 'H', ownerIds: [users.ownerB], visibleToUsers: false });
    for (const a of [apps.A, apps.H]) await w.core.assignApp(admin, { appId: a.id, principalType: 'User', principalId: users.holder });
    await w.core.updateUser(admin, { userId: users.disabledOwnerA, accountEnabled: false });
    const group = async (name: string, shape: typeof SECURITY | typeof M365) => (await w.core.createGroup(admin, { displayName: name, mailNickname: name, ...shape })).group.id;
    const deleted = await group('deleted', SECURITY);
    await w.core.deleteGroup(admin, { groupId: deleted });
    Object.assign(principals, {
      userPlain: users.plain, userOwnerA: users.ownerA, userMissing: randomUUID(),
      groupSecurity: await group('security', SECURITY), groupM365: await group('m365', M365), groupDeleted: deleted, groupMissing: randomUUID(),
      appA: apps.A.id, appB: apps.B.id, appH: apps.H.id, appMissing: randomUUID(),
    });
  }, 60_000);

  /** Every assignment, owner and role of the tenant, as the system sees them. */
  async function state(): Promise<string> {
    const assignments = await Promise.all((['A', 'B', 'H'] as const).map((a) => w.core.listAppAssignments(w.system, { appId: apps[a].id, limit: 999 })));
    const owners = await Promise.all((['A', 'B', 'H'] as const).map((a) => w.core.listAppOwners(w.system, { appId: apps[a].id })));
    const roles = await Promise.all(Object.values(users).map(async (id) => (await w.core.getUser(w.system, { userId: id })).roles));
    return JSON.stringify({ assignments: assignments.map((p) => p.items.map((x) => x.id).sort()), owners: owners.map((o) => o.map((x) => x.userId).sort()), roles });
  }

  const refused = async (p: Promise<unknown>) => p.then(() => false, (e: unknown) => { if (!isDomainError(e)) throw e; return true; });

  it(`assignApp succeeds exactly as the model says; nobody but an admin makes themselves an owner or an admin (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ACTORS), fc.constantFrom<AppName>('A', 'B', 'H'), fc.constantFrom(...PRINCIPALS), async (actor, app, principal) => {
      const before = await state();
      const principalType = principal.startsWith('user') ? 'User' : principal.startsWith('group') ? 'Group' : 'ServicePrincipal';
      const attempt = w.core.assignApp(callers[actor], { appId: apps[app].id, principalType, principalId: principals[principal] });
      const assignment = await attempt.catch((e: unknown) => { if (!isDomainError(e)) throw e; return null; });
      expect(assignment !== null, `${actor} gives ${app} to ${principal}`).toBe(mayAssign(actor, app, principal));
      if (assignment) await w.core.unassignApp(w.system, { appId: apps[app].id, assignmentId: assignment.id });
      else expect(await state(), 'a refused assignment changed something').toBe(before);

      if (!isAdmin(actor) && !actor.startsWith('client')) {
        expect(await refused(w.core.addAppOwner(callers[actor], { appId: apps[app].id, userId: users[actor] })), `${actor} made themselves an owner of ${app}`).toBe(true);
        for (const role of ['appAdmin', 'globalAdmin'] as const) {
          expect(await refused(w.core.grantRole(callers[actor], { userId: users[actor], role })), `${actor} took ${role}`).toBe(true);
        }
        expect(await state(), 'a refused self-promotion changed something').toBe(before);
      }
    }), { seed: SEED, numRuns: RUNS });
  }, 600_000);
});
