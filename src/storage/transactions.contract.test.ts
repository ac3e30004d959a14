// The UnitOfWork: all-or-nothing transactions, and the first-decision-wins guarantee under concurrency.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { DomainError } from '../core/domain/errors.js';
import type { TenantScope } from '../core/ports.js';
import { describeEachEngine } from './testing/engines.js';
import { at, inTenant, makeAuditEvent, makeGroup, makeMembership, makeOwnership, makeRequest, makeUser, newId, newTenant } from './testing/fixtures.js';

describeEachEngine('UnitOfWork', (getStorage, engine) => {
  it('a throw rolls back every write of the transaction, the audit event and outbox message included', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const boom = new Error('boom');
    const g = makeGroup(t);
    const u = makeUser(t, { roles: ['globalAdmin'] });
    await expect(inTenant(s, t, async (x) => {
      await x.users.insert(u);
      await x.credentials.setPasswordHash(u.id, 'h', at(1));
      await x.groups.insert(g);
      await x.memberships.add(makeMembership(t, g.id, u.id));
      await x.owners.add(makeOwnership(t, g.id, u.id));
      await x.requests.insert(makeRequest(t, g.id, newId()));
      await x.settings.set('k', 1, null, at(1));
      await x.licences.setSeats('premiumP1', 3);
      await x.audit.append(makeAuditEvent());
      await x.outbox.enqueue({ topic: 'x', payload: {} }, at(1));
      throw boom;
    })).rejects.toBe(boom);
    for (const table of ['users', 'user_roles', 'user_credentials', 'groups', 'group_closure', 'memberships', 'owners',
      'join_requests', 'settings', 'tenant_licences', 'audit_events', 'outbox'] as const) {
      const r = await s.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', t).executeTakeFirstOrThrow();
      expect([table, Number(r.n)]).toEqual([table, 0]);
    }
  });

  it('returns the callback value and commits', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const u = makeUser(t);
    expect(await inTenant(s, t, async (x) => { await x.users.insert(u); return 42; })).toBe(42);
    expect(await inTenant(s, t, (x) => x.users.get(u.id))).toEqual(u);
  });

  it('lock() holds the group row until the transaction ends; the next locker sees the change', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t, { displayName: 'Before' });
    await inTenant(s, t, (x) => x.groups.insert(g));
    const events: string[] = [];
    let locked!: () => void;
    const firstHasLock = new Promise<void>((resolve) => { locked = resolve; });
    const first = inTenant(s, t, async (x) => {
      await x.groups.lock(g.id);
      events.push('first locked');
      locked();
      await sleep(50);
      await x.groups.update({ ...g, displayName: 'After' });
      events.push('first done');
    });
    await firstHasLock;
    const second = inTenant(s, t, async (x) => {
      const seen = await x.groups.lock(g.id);
      events.push('second locked');
      return seen?.displayName;
    });
    const [, seen] = await Promise.all([first, second]);
    expect(events).toEqual(['first locked', 'first done', 'second locked']);
    expect(seen).toBe('After');
  });

  it('a scope kept past its transaction does not read through a stale fast path', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const leaked = await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      await x.memberships.add(makeMembership(t, g.id, 'u1'));
      expect(await x.memberships.isTransitiveMember(g.id, 'u1')).toBe(true); // sees its own uncommitted write
      return x;
    });
    // Misuse: on SQLite the fast path must not read a connection another transaction may hold by now;
    // it falls back to Kysely, which refuses a finished transaction (as it does on PostgreSQL).
    await expect(leaked.memberships.isTransitiveMember(g.id, 'u1')).rejects.toThrow(/already committed/);
    await expect(leaked.memberships.transitiveGroupIdsOf('u1')).rejects.toThrow(/already committed/);
  });

  it(`50 concurrent approvals of one request: exactly one wins, one membership, one audit event (${engine})`, async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const requester = newId();
    const req = makeRequest(t, g.id, requester);
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      await x.requests.insert(req);
    });
    let inFlight = 0;
    let maxInFlight = 0;
    const attempt = (i: number) => inTenant(s, t, async (x) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await decideThenAdd(x, i);
      } finally {
        inFlight--;
      }
    });
    const decideThenAdd = async (x: TenantScope, i: number) => {
      const won = await x.requests.decide(req.id, {
        status: 'approved', decidedBy: `owner-${i}`, decisionReason: null, decidedDateTime: at(1), membershipExpiresDateTime: null,
      });
      if (!won) return false;
      await sleep(20); // hold the row while the others pile up behind it
      await x.memberships.add(makeMembership(t, g.id, requester, { source: 'request', requestId: req.id, addedBy: `owner-${i}` }));
      await x.audit.append(makeAuditEvent({ action: 'request.approve', targetType: 'joinRequest', targetId: req.id }));
      return true;
    };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(i)));
    expect(results.filter(Boolean)).toHaveLength(1);
    // PostgreSQL: the pool really ran transactions side by side (SQLite runs them one after another).
    if (engine === 'postgres') expect(maxInFlight).toBeGreaterThan(1);
    await inTenant(s, t, async (x) => {
      expect(await x.memberships.countMembers(g.id)).toBe(1);
      expect(await x.audit.list({ limit: 100, targetId: req.id })).toHaveLength(1);
      const decided = await x.requests.get(req.id);
      expect(decided?.status).toBe('approved');
      expect((await x.memberships.get(g.id, requester))?.addedBy).toBe(decided?.decidedBy);
    });
  });

  it('50 concurrent identical adds and pending requests: one insert each, the rest refused cleanly', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const who = newId();
    await inTenant(s, t, (x) => x.groups.insert(g));
    const adds = await Promise.all(Array.from({ length: 50 }, () =>
      inTenant(s, t, (x) => x.memberships.add(makeMembership(t, g.id, who)))));
    expect(adds.filter(Boolean)).toHaveLength(1);
    const inserts = await Promise.allSettled(Array.from({ length: 50 }, () =>
      inTenant(s, t, (x) => x.requests.insert(makeRequest(t, g.id, who)))));
    expect(inserts.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of inserts) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DomainError);
    }
    expect(await inTenant(s, t, (x) => x.requests.listByRequester(who, { limit: 100 }))).toHaveLength(1);
  });
});
