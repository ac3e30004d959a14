// Property test (SECURITY §4 "model-based runs"): random sequences of operations by random actors across
// groups of different kinds, policies and channels, interleaved with setting changes and the passing of
// time, run through createCore on SQLite. After every step:
//   (a) memberships are exactly those a successful direct add, open join or approved request made
//       (a model log of successful operations, compared with the database, source included);
//   (b) at most one pending request per (user, group);
//   (c) a group keeps ≥ 1 owner unless it was created without one or an admin removed the last one
//       (and the owners are exactly those the model expects);
//   (d) a denied operation (any DomainError) changes nothing: groups, memberships, owners, requests,
//       settings, users and seats are as before (audit rows excluded: denials are audited by design).
// Also checked on every success: nobody decided their own request, and only owners or admins granted
// membership or ownership (SECURITY #2/#3).
// Deterministic: a fixed seed (override with ROSTER_FC_SEED; ROSTER_FC_RUNS sets the number of runs), printed on failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../storage/open-storage.js';
import { isDomainError } from '../domain/errors.js';
import type { Channel, JoinPolicy, MembershipSource, User } from '../domain/model.js';
import { M365, newWorld, SECURITY, snapshotTenant, type TenantSnapshot, type TestWorld } from '../testing/world.js';

const SEED = Number(process.env['ROSTER_FC_SEED'] ?? 20_260_601);
const NUM_RUNS = Number(process.env['ROSTER_FC_RUNS'] ?? 200);
/** ROSTER_FC_STATS=1 prints how often each operation succeeded, was refused (and why) or was skipped. */
const STATS = Boolean(process.env['ROSTER_FC_STATS']);
const MAX_GROUPS = 8;

// Actors: 0 global admin, 1 groups admin, 2–5 plain users, 6 a disabled user.
const ACTORS = 7;
const ADMIN_ACTORS = new Set([0, 1]);
const CHANNELS: Channel[] = ['myGroups', 'api', 'adminCenter'];

type Op =
  | { t: 'createGroup'; actor: number; kind: 'security' | 'microsoft365'; joinPolicy: JoinPolicy | undefined; channel: Channel }
  | { t: 'joinGroup' | 'leaveGroup' | 'deleteGroup' | 'restoreGroup'; actor: number; group: number; channel: Channel; asOwner: boolean; focus: boolean }
  | { t: 'requestToJoin'; actor: number; group: number; channel: Channel; justification: boolean; days: number | null }
  | { t: 'cancelJoinRequest'; actor: number; req: number; byRequester: boolean; focus: boolean }
  | { t: 'decideJoinRequest'; actor: number; req: number; decision: 'approve' | 'deny'; channel: Channel; asOwner: boolean; focus: boolean }
  | { t: 'addMember' | 'removeMember' | 'addOwner' | 'removeOwner'; actor: number; group: number; target: number; channel: Channel; asOwner: boolean; focus: boolean }
  | { t: 'updateSettings'; actor: number; patch: Record<string, unknown> }
  | { t: 'advanceDays'; days: number };

const actor = fc.nat({ max: ACTORS - 1 });
const channel = fc.constantFrom(...CHANNELS);
const idx = fc.nat({ max: 50 });
const SETTING_PATCHES: Array<Record<string, unknown>> = [
  { ownersCanManageJoinRequests: true }, { ownersCanManageJoinRequests: false },
  { restrictMyGroups: true }, { restrictMyGroups: false },
  { securityGroupCreation: 'None' }, { securityGroupCreation: 'All' },
  { m365GroupCreation: 'None' }, { m365GroupCreation: 'All' },
  { ownerAssignment: 'None' }, { ownerAssignment: 'All' },
  { maxOwnerJoinPolicy: 'approval' }, { maxOwnerJoinPolicy: 'open' },
  { ownersCanDeleteGroups: false }, { ownersCanDeleteGroups: true },
  { licenceEnforcement: true }, { licenceEnforcement: false },
  { joinRequestJustificationRequired: true }, { joinRequestJustificationRequired: false },
  { maxMembershipDurationDays: 30 }, { maxMembershipDurationDays: null },
  // refused: nothing may change, not even the valid key beside the bad one
  { restrictMyGroups: true, joinRequestExpiryDays: 0 }, { ownersCanManageJoinRequests: false, noSuchSetting: true },
];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('createGroup' as const), actor, kind: fc.constantFrom('security' as const, 'microsoft365' as const), joinPolicy: fc.constantFrom<JoinPolicy | undefined>(undefined, 'open', 'approval', 'closed'), channel }),
  { weight: 3, arbitrary: fc.record({ t: fc.constantFrom('joinGroup' as const, 'leaveGroup' as const), actor, group: idx, channel, asOwner: fc.constant(false), focus: fc.boolean() }) },
  fc.record({ t: fc.constantFrom('deleteGroup' as const, 'restoreGroup' as const), actor, group: idx, channel, asOwner: fc.boolean(), focus: fc.boolean() }),
  { weight: 3, arbitrary: fc.record({ t: fc.constant('requestToJoin' as const), actor, group: idx, channel, justification: fc.boolean(), days: fc.constantFrom(null, 7, 60) }) },
  fc.record({ t: fc.constant('cancelJoinRequest' as const), actor, req: idx, byRequester: fc.boolean(), focus: fc.boolean() }),
  { weight: 3, arbitrary: fc.record({ t: fc.constant('decideJoinRequest' as const), actor, req: idx, decision: fc.constantFrom('approve' as const, 'deny' as const), channel, asOwner: fc.boolean(), focus: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constantFrom('addMember' as const, 'removeMember' as const, 'addOwner' as const, 'removeOwner' as const), actor, group: idx, target: fc.nat({ max: ACTORS + 2 }), channel, asOwner: fc.boolean(), focus: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('updateSettings' as const), actor, patch: fc.constantFrom(...SETTING_PATCHES) }) },
  fc.record({ t: fc.constant('advanceDays' as const), days: fc.constantFrom(1, 10, 31) }),
);

/** What the model believes, built only from operations that succeeded. */
interface Model {
  groupIds: string[];
  /** `${groupId}/${memberId}` → source */
  memberships: Map<string, MembershipSource>;
  owners: Map<string, Set<string>>;
  ownerlessAllowed: Map<string, boolean>;
  requests: Array<{ id: string; groupId: string; requesterId: string; pending: boolean }>;
  /** Only to aim operations at likely targets ("focus"); never used to judge an outcome. */
  deleted: Set<string>;
}

const key = (groupId: string, memberId: string) => `${groupId}/${memberId}`;
const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

class Run {
  readonly model: Model = { groupIds: [], memberships: new Map(), owners: new Map(), ownerlessAllowed: new Map(), requests: [], deleted: new Set() };
  users: User[] = [];
  last!: TenantSnapshot;

  constructor(readonly w: TestWorld) {}

  static async start(storage: Storage): Promise<Run> {
    const w = await newWorld(storage.uow);
    const run = new Run(w);
    const ga = await w.newUser('Groups Admin', { roles: ['groupsAdmin'] });
    const plain = [await w.newUser('U2', { licensed: true }), await w.newUser('U3'), await w.newUser('U4', { licensed: true }), await w.newUser('U5')];
    const disabled = await w.newUser('Disabled', { accountEnabled: false });
    run.users = [w.admin, ga, ...plain, disabled];
    await w.settings({ ownersCanManageJoinRequests: true });
    // groups of different kinds, policies and channels, made through the same steps the run uses
    const seeds: Op[] = [
      { t: 'createGroup', actor: 2, kind: 'security', joinPolicy: undefined, channel: 'myGroups' }, // open, owner U2
      { t: 'createGroup', actor: 3, kind: 'security', joinPolicy: 'approval', channel: 'myGroups' }, // approval, owner U3
      { t: 'createGroup', actor: 4, kind: 'microsoft365', joinPolicy: undefined, channel: 'api' }, // open/Public, owner U4
      { t: 'createGroup', actor: 0, kind: 'security', joinPolicy: undefined, channel: 'adminCenter' }, // closed, no owner
      { t: 'createGroup', actor: 5, kind: 'microsoft365', joinPolicy: 'approval', channel: 'myGroups' }, // approval/Private, owner U5
    ];
    run.last = await snapshotTenant(w.uow, w.tenantId);
    for (const op of seeds) {
      const outcome = await run.step(op);
      if (outcome !== 'ok') throw new Error(`seed group not created: ${outcome}`);
    }
    return run;
  }

  private caller(a: number, ch: Channel = 'api') {
    return this.w.as(this.users[a]!, ch);
  }

  /** An owner of the group from the model, when asked for and there is one; else the drawn actor. */
  private actorFor(groupId: string, drawn: number, asOwner: boolean): number {
    if (!asOwner) return drawn;
    const owners = [...(this.model.owners.get(groupId) ?? [])];
    const ownerId = pick(owners, drawn);
    const i = this.users.findIndex((u) => u.id === ownerId);
    return i >= 0 ? i : drawn;
  }

  private membersOf(groupId: string): string[] {
    return [...this.model.memberships.keys()].filter((k) => k.startsWith(`${groupId}/`)).map((k) => k.slice(groupId.length + 1));
  }

  private userIndex(id: string | undefined, fallback: number): number {
    const i = this.users.findIndex((u) => u.id === id);
    return i >= 0 ? i : fallback;
  }

  private target(t: number): { id: string; isGroup: boolean } | undefined {
    if (t < ACTORS) return { id: this.users[t]!.id, isGroup: false };
    const g = pick(this.model.groupIds, t - ACTORS);
    return g ? { id: g, isGroup: true } : undefined;
  }

  /** Applies one operation; on success updates the model. Returns 'ok', 'skip' or the denial reason. */
  async step(op: Op): Promise<string> {
    const { w, model } = this;
    const core = w.core;
    const isAdmin = (a: number) => ADMIN_ACTORS.has(a);
    const isOwner = (g: string, userId: string) => model.owners.get(g)?.has(userId) ?? false;
    try {
      switch (op.t) {
        case 'createGroup': {
          if (model.groupIds.length >= MAX_GROUPS) return 'skip';
          const kind = op.kind === 'security' ? SECURITY : M365;
          const { group } = await core.createGroup(this.caller(op.actor, op.channel), { displayName: `G${model.groupIds.length}`, ...kind, joinPolicy: op.joinPolicy });
          // §3.3: who becomes owner automatically
          const creator = this.users[op.actor]!.id;
          const auto = op.channel === 'adminCenter' ? [] : op.channel === 'myGroups' || op.kind === 'microsoft365' || !isAdmin(op.actor) ? [creator] : [];
          model.groupIds.push(group.id);
          model.owners.set(group.id, new Set(auto));
          model.ownerlessAllowed.set(group.id, auto.length === 0);
          return 'ok';
        }
        case 'joinGroup': case 'leaveGroup': case 'deleteGroup': case 'restoreGroup': {
          const g = op.t === 'restoreGroup' && op.focus ? pick([...model.deleted], op.group) ?? pick(model.groupIds, op.group) : pick(model.groupIds, op.group);
          if (!g) return 'skip';
          const a = op.t === 'leaveGroup' && op.focus ? this.userIndex(pick(this.membersOf(g), op.actor), op.actor) : this.actorFor(g, op.actor, op.asOwner);
          const c = this.caller(a, op.channel);
          const me = this.users[a]!.id;
          if (op.t === 'joinGroup') {
            await core.joinGroup(c, { groupId: g });
            model.memberships.set(key(g, me), 'join');
          } else if (op.t === 'leaveGroup') {
            await core.leaveGroup(c, { groupId: g });
            model.memberships.delete(key(g, me));
          } else if (op.t === 'deleteGroup') {
            await core.deleteGroup(c, { groupId: g });
            model.deleted.add(g);
          } else {
            await core.restoreGroup(c, { groupId: g });
            model.deleted.delete(g);
          }
          return 'ok';
        }
        case 'requestToJoin': {
          const g = pick(model.groupIds, op.group);
          if (!g) return 'skip';
          const r = await core.requestToJoin(this.caller(op.actor, op.channel), { groupId: g, justification: op.justification ? 'Please' : null, requestedDurationDays: op.days });
          model.requests.push({ id: r.id, groupId: g, requesterId: r.requesterId, pending: true });
          return 'ok';
        }
        case 'cancelJoinRequest': {
          const r = pick(op.focus ? model.requests.filter((x) => x.pending) : model.requests, op.req);
          if (!r) return 'skip';
          const a = op.byRequester ? this.userIndex(r.requesterId, op.actor) : op.actor;
          await core.cancelJoinRequest(this.caller(a), { requestId: r.id });
          r.pending = false;
          return 'ok';
        }
        case 'decideJoinRequest': {
          const r = pick(op.focus ? model.requests.filter((x) => x.pending) : model.requests, op.req);
          if (!r) return 'skip';
          const a = this.actorFor(r.groupId, op.actor, op.asOwner);
          const decider = this.users[a]!.id;
          const wasOwner = isOwner(r.groupId, decider);
          await core.decideJoinRequest(this.caller(a, op.channel), { requestId: r.id, decision: op.decision });
          expect(decider, 'SECURITY #3: nobody decides their own request').not.toBe(r.requesterId);
          expect(wasOwner || isAdmin(a), 'only owners and admins decide').toBe(true);
          r.pending = false;
          const k = key(r.groupId, r.requesterId);
          if (op.decision === 'approve' && !model.memberships.has(k)) model.memberships.set(k, 'request');
          return 'ok';
        }
        case 'addMember': case 'removeMember': case 'addOwner': case 'removeOwner': {
          const g = pick(model.groupIds, op.group);
          // focus: aim at someone likely to succeed (a member to remove or promote, an owner to remove)
          const likely = (group: string): string[] => {
            if (op.t === 'removeMember' || op.t === 'addOwner') return this.membersOf(group);
            if (op.t === 'removeOwner') return [...model.owners.get(group)!];
            return [];
          };
          const aimed = g && op.focus ? pick(likely(g), op.target) : undefined;
          const t = aimed ? { id: aimed, isGroup: model.groupIds.includes(aimed) } : this.target(op.target);
          if (!g || !t || (t.isGroup && (op.t === 'addOwner' || op.t === 'removeOwner'))) return 'skip';
          const a = this.actorFor(g, op.actor, op.asOwner);
          const me = this.users[a]!.id;
          const wasOwner = isOwner(g, me);
          const c = this.caller(a, op.channel);
          if (op.t === 'addMember') {
            await core.addMember(c, { groupId: g, memberId: t.id });
            model.memberships.set(key(g, t.id), 'direct');
          } else if (op.t === 'removeMember') {
            await core.removeMember(c, { groupId: g, memberId: t.id });
            model.memberships.delete(key(g, t.id));
          } else if (op.t === 'addOwner') {
            await core.addOwner(c, { groupId: g, userId: t.id });
            model.owners.get(g)!.add(t.id);
            model.ownerlessAllowed.set(g, false);
          } else {
            await core.removeOwner(c, { groupId: g, userId: t.id });
            const owners = model.owners.get(g)!;
            owners.delete(t.id);
            if (owners.size === 0) {
              expect(isAdmin(a), 'SECURITY #4: only an admin removes the last owner').toBe(true);
              model.ownerlessAllowed.set(g, true);
            }
          }
          expect(wasOwner || isAdmin(a), 'SECURITY #2: only owners and admins grant or take membership/ownership').toBe(true);
          return 'ok';
        }
        case 'updateSettings':
          await core.updateSettings(this.caller(op.actor, 'adminCenter'), op.patch);
          return 'ok';
        case 'advanceDays':
          w.clock.advanceDays(op.days);
          return 'ok';
      }
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return e.reason;
    }
  }

  /** Checks every invariant against the database; `denied` means the step was refused. */
  async check(denied: boolean, op: Op): Promise<void> {
    const now = await snapshotTenant(this.w.uow, this.w.tenantId);
    // (d) a denied operation changes nothing
    if (denied) expect(now, `(d) denied ${op.t} changed state`).toEqual(this.last);
    // (a) memberships are exactly the model's, with their sources
    const actual = new Map(now.memberships.map((m) => [key(m.groupId, m.memberId), m.source]));
    expect(actual, '(a) memberships match the log of successful operations').toEqual(this.model.memberships);
    // (b) at most one pending request per (user, group)
    const pending = now.requests.filter((r) => r.status === 'pending').map((r) => key(r.groupId, r.requesterId));
    expect(new Set(pending).size, '(b) one pending request per (user, group)').toBe(pending.length);
    // (c) owners: exactly the model's; none only when allowed
    for (const g of this.model.groupIds) {
      const owners = now.owners.filter((o) => o.groupId === g).map((o) => o.userId).sort();
      expect(owners, '(c) owners match the model').toEqual([...this.model.owners.get(g)!].sort());
      if (!this.model.ownerlessAllowed.get(g)) expect(owners.length, '(c) a self-service group keeps an owner').toBeGreaterThan(0);
    }
    this.last = now;
  }
}

describe('invariants under random operation sequences (SQLite, through createCore)', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage({ sqlitePath: ':memory:' });
    await storage.migrate();
  });
  afterAll(async () => {
    await storage.close();
  });

  it(`(a)–(d) hold after every step (${NUM_RUNS} runs, up to 40 steps, seed ${SEED})`, async () => {
    const outcomes = new Map<string, number>();
    const tally = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40, size: 'max' }), async (ops) => {
          const run = await Run.start(storage);
          await run.check(false, ops[0]!);
          for (const op of ops) {
            const outcome = await run.step(op);
            tally(`${op.t}:${outcome === 'ok' ? 'ok' : outcome === 'skip' ? 'skip' : 'denied'}`);
            if (STATS) tally(`${op.t}=${outcome}`);
            await run.check(outcome !== 'ok' && outcome !== 'skip', op);
          }
        }),
        { seed: SEED, numRuns: NUM_RUNS, endOnFailure: false },
      );
    } catch (e) {
      console.error(`Property failed. Replay with ROSTER_FC_SEED=${SEED} (fast-check's seed and path are in the error).`);
      throw e;
    }
    if (STATS) console.log(Object.fromEntries([...outcomes].sort()));
    // The runs must actually exercise every operation both ways, or the invariants prove little.
    const kinds = ['createGroup', 'joinGroup', 'leaveGroup', 'requestToJoin', 'cancelJoinRequest', 'decideJoinRequest', 'addMember', 'removeMember', 'addOwner', 'removeOwner', 'deleteGroup', 'restoreGroup', 'updateSettings'];
    for (const k of kinds) {
      expect(outcomes.get(`${k}:ok`) ?? 0, `${k} succeeded at least once`).toBeGreaterThan(0);
      expect(outcomes.get(`${k}:denied`) ?? 0, `${k} was refused at least once`).toBeGreaterThan(0);
    }
  }, 120_000);
});
