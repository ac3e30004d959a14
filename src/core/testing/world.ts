// A tenant to run use cases in: the core bound to real storage (any UnitOfWork), a settable clock,
// random ids, the instant test password hasher, a bootstrapped tenant with its first global admin,
// and shorthands for callers, users and the audit log. Storage-agnostic: tests pass their `uow`.
import { expect } from 'vitest';
import { createCore, type Core } from '../index.js';
import { categoryOf, type ReasonCode } from '../domain/errors.js';
import type { AppPermission } from '../domain/actor.js';
import type { Channel, DirectoryRole, Group, JoinRequest, Membership, Ownership, TenantId, User } from '../domain/model.js';
import type { AuditEvent, Caller, UnitOfWork } from '../ports.js';
import { randomIds, SettableClock, testPasswordHasher } from './deps.js';

export interface TestWorld {
  readonly core: Core;
  readonly clock: SettableClock;
  readonly uow: UnitOfWork;
  readonly tenantId: TenantId;
  /** The bootstrap global admin. */
  readonly admin: User;
  /** The global admin through a channel (default adminCenter). */
  adminCaller(channel?: Channel): Caller;
  /** A user through a channel (default api). */
  as(userOrId: User | string, channel?: Channel): Caller;
  app(permissions: AppPermission[], channel?: Channel): Caller;
  readonly system: Caller;
  /** Creates a user through the core as the global admin. */
  newUser(name: string, opts?: { roles?: DirectoryRole[]; accountEnabled?: boolean; licensed?: boolean }): Promise<User>;
  /** Updates tenant settings as the global admin. */
  settings(patch: Record<string, unknown>): Promise<void>;
  /**
   * Audit events (optionally for one target). The test clock stands still, so events share a time and
   * their order is not meaningful: filter, don't index.
   */
  audit(targetId?: string): Promise<AuditEvent[]>;
}

let counter = 0;

export function createTestCore(uow: UnitOfWork, clock = new SettableClock()): { core: Core; clock: SettableClock } {
  return { core: createCore({ uow, clock, ids: randomIds, passwords: testPasswordHasher }), clock };
}

export async function newWorld(uow: UnitOfWork, opts: { clock?: SettableClock; name?: string } = {}): Promise<TestWorld> {
  const { core, clock } = createTestCore(uow, opts.clock);
  const n = ++counter;
  const { tenant, admin } = await core.bootstrapTenant({
    tenantName: opts.name ?? `Contoso ${n}`,
    admin: { userPrincipalName: `admin@t${n}.example`, displayName: 'Ada Admin', password: 'correct horse battery' },
  });
  const tenantId = tenant.id;
  const as = (u: User | string, channel: Channel = 'api'): Caller =>
    ({ tenantId, principal: { type: 'user', userId: typeof u === 'string' ? u : u.id }, channel });
  let seatsReady = false;
  const world: TestWorld = {
    core, clock, uow, tenantId, admin,
    adminCaller: (channel = 'adminCenter') => as(admin, channel),
    as,
    app: (permissions, channel = 'api') => ({ tenantId, principal: { type: 'app', appId: `app-${permissions.join('+')}`, permissions }, channel }),
    system: { tenantId, principal: { type: 'system' }, channel: 'api' },
    async newUser(name, o = {}) {
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
      const user = await core.createUser(as(admin, 'adminCenter'), {
        userPrincipalName: `${slug}.${++counter}@t${n}.example`, displayName: name, roles: o.roles, accountEnabled: o.accountEnabled,
      });
      if (!o.licensed) return user;
      if (!seatsReady) {
        await core.setLicenceSeats(as(admin, 'adminCenter'), { sku: 'premiumP1', seats: 1000 });
        seatsReady = true;
      }
      return core.assignLicence(as(admin, 'adminCenter'), { userId: user.id, sku: 'premiumP1' });
    },
    async settings(patch) {
      await core.updateSettings(as(admin, 'adminCenter'), patch);
    },
    async audit(targetId) {
      return uow.transaction(tenantId, (s) => s.audit.list({ limit: 10_000, targetId }));
    },
  };
  return world;
}

/** Asserts the promise rejects with this reason (and its category). */
export async function expectDenied(p: Promise<unknown>, reason: ReasonCode): Promise<void> {
  await expect(p).rejects.toMatchObject({ name: 'DomainError', reason, category: categoryOf(reason) });
}

export interface TenantSnapshot {
  users: User[];
  groups: Group[];
  memberships: Membership[];
  owners: Ownership[];
  requests: JoinRequest[];
  settings: Record<string, unknown>;
  seats: unknown;
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * Every piece of domain state of a tenant, read through the ports (audit and outbox excluded: denials
 * are audited by design). Two equal snapshots mean nothing changed.
 */
export async function snapshotTenant(uow: UnitOfWork, tenantId: TenantId): Promise<TenantSnapshot> {
  return uow.transaction(tenantId, async (s) => {
    const users = await s.users.list({ limit: 10_000 });
    const groups = [...await s.groups.list({ limit: 10_000 }), ...await s.groups.list({ limit: 10_000, deleted: true })].sort(byKey((g) => g.id));
    const memberships: Membership[] = [];
    const owners: Ownership[] = [];
    for (const g of groups) {
      memberships.push(...await s.memberships.listMembers(g.id, { limit: 10_000 }));
      owners.push(...await s.owners.list(g.id));
    }
    const requests = await s.requests.listForGroups(groups.map((g) => g.id), { limit: 10_000 });
    return {
      users,
      groups,
      memberships: memberships.sort(byKey((m) => `${m.groupId}/${m.memberId}`)),
      owners: owners.sort(byKey((o) => `${o.groupId}/${o.userId}`)),
      requests: requests.sort(byKey((r) => r.id)),
      settings: await s.settings.getAll(),
      seats: await s.licences.seats(),
    };
  });
}

/** Runs `op`, expects it to be refused with `reason`, and checks that the tenant's state is unchanged. */
export async function expectDeniedAndUnchanged(world: TestWorld, op: () => Promise<unknown>, reason: ReasonCode): Promise<void> {
  const before = await snapshotTenant(world.uow, world.tenantId);
  await expectDenied(op(), reason);
  expect(await snapshotTenant(world.uow, world.tenantId)).toEqual(before);
}

/** Kind flags for createGroup. */
export const SECURITY = { securityEnabled: true, mailEnabled: false } as const;
export const M365 = { groupTypes: ['Unified' as const], securityEnabled: false, mailEnabled: true };
export const DISTRIBUTION = { securityEnabled: false, mailEnabled: true } as const;
