// Tenant isolation: tenant B's scope sees none of tenant A's rows, and its writes aimed at A's ids change nothing of A's.
import { expect, it } from 'vitest';
import type { TenantId } from '../core/domain/model.js';
import type { Storage } from './open-storage.js';
import type { Database } from './schema.js';
import { describeEachEngine } from './testing/engines.js';
import {
  at, inTenant, makeAuditEvent, makeGroup, makeMembership, makeNesting, makeOwnership, makeRequest, makeUser, newTenant,
} from './testing/fixtures.js';

const TENANT_TABLES = [
  'users', 'user_roles', 'user_licences', 'tenant_licences', 'user_credentials', 'groups', 'memberships',
  'group_closure', 'owners', 'join_requests', 'settings', 'audit_events', 'outbox',
] as const satisfies readonly (keyof Database)[];

/** Every row a tenant owns, table by table, in a stable order. */
async function snapshot(s: Storage, tenantId: TenantId): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TENANT_TABLES) {
    const rows = await s.db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describeEachEngine('Tenant isolation', (getStorage) => {
  it('reads, lists, counts and transitive queries in tenant B never see tenant A', async () => {
    const s = getStorage();
    const [a, b] = [await newTenant(s, 'A'), await newTenant(s, 'B')];
    // Tenant A: a user in a nested group structure, owner, request, settings, seats, audit, credentials.
    const ua = makeUser(a, { userPrincipalName: 'same@contoso.example', displayName: 'Shared Name', assignedLicenses: ['premiumP1'] });
    const [top, child] = [makeGroup(a, { displayName: 'Shared', mailNickname: 'shared' }), makeGroup(a, { deletedDateTime: at(1) })];
    const req = makeRequest(a, top.id, ua.id, { expiresDateTime: at(1) });
    await inTenant(s, a, async (x) => {
      await x.users.insert(ua);
      await x.credentials.setPasswordHash(ua.id, 'secret', at(0));
      await x.groups.insert(top);
      await x.groups.insert(child);
      await x.memberships.add(makeNesting(a, top.id, child.id));
      await x.memberships.add(makeMembership(a, child.id, ua.id, { expiresDateTime: at(1) }));
      await x.owners.add(makeOwnership(a, top.id, ua.id));
      await x.requests.insert(req);
      await x.settings.set('k', 'a', null, at(0));
      await x.licences.setSeats('premiumP1', 10);
      await x.audit.append(makeAuditEvent({ targetId: top.id }));
      await x.outbox.enqueue({ topic: 't', payload: {} }, at(0));
    });
    // Tenant B has data of its own so lists are not trivially empty.
    const ub = makeUser(b);
    await inTenant(s, b, async (x) => {
      await x.users.insert(ub);
      await x.groups.insert(makeGroup(b));
    });

    await inTenant(s, b, async (x) => {
      expect(await x.users.get(ua.id)).toBeNull();
      expect(await x.users.getByUserPrincipalName(ua.userPrincipalName)).toBeNull();
      expect(await x.users.getMany([ua.id, ub.id])).toHaveLength(1);
      expect((await x.users.list({ limit: 100 })).map((u) => u.id)).toEqual([ub.id]);
      expect(await x.users.list({ limit: 100, search: 'shared' })).toEqual([]);
      expect(await x.users.count()).toBe(1);
      expect(await x.users.countWithLicence('premiumP1')).toBe(0);
      expect(await x.credentials.getPasswordHash(ua.id)).toBeNull();
      for (const id of [top.id, child.id]) {
        expect(await x.groups.get(id)).toBeNull();
        expect(await x.groups.lock(id)).toBeNull();
        expect(await x.memberships.countMembers(id)).toBe(0);
        expect(await x.memberships.listMembers(id, { limit: 100 })).toEqual([]);
        expect(await x.memberships.ancestorGroupIds(id)).toEqual([]);
        expect(await x.memberships.transitiveGroupIdsOf(id)).toEqual([]);
        expect(await x.owners.list(id)).toEqual([]);
        expect(await x.owners.count(id)).toBe(0);
      }
      expect(await x.groups.getMany([top.id, child.id])).toEqual([]);
      expect(await x.groups.getByMailNickname('shared')).toBeNull();
      expect(await x.groups.findByDisplayName('Shared')).toEqual([]);
      expect(await x.groups.list({ limit: 100, search: 'shared' })).toEqual([]);
      expect(await x.groups.list({ limit: 100, deleted: true })).toEqual([]);
      expect(await x.groups.count({})).toBe(1);
      expect(await x.groups.count({ deleted: true })).toBe(0);
      expect(await x.memberships.get(child.id, ua.id)).toBeNull();
      expect(await x.memberships.listGroupsOf(ua.id)).toEqual([]);
      expect(await x.memberships.transitiveGroupIdsOf(ua.id)).toEqual([]);
      expect(await x.memberships.isTransitiveMember(top.id, ua.id)).toBe(false);
      expect(await x.memberships.listExpired(at(100), 100)).toEqual([]);
      expect(await x.owners.isOwner(top.id, ua.id)).toBe(false);
      expect(await x.owners.groupIdsOwnedBy(ua.id)).toEqual([]);
      expect(await x.requests.get(req.id)).toBeNull();
      expect(await x.requests.findPending(top.id, ua.id)).toBeNull();
      expect(await x.requests.listForGroups([top.id], { limit: 100 })).toEqual([]);
      expect(await x.requests.listByRequester(ua.id, { limit: 100 })).toEqual([]);
      expect(await x.requests.listDue(at(100), 100)).toEqual([]);
      expect(await x.settings.getAll()).toEqual({});
      expect(await x.licences.seats()).toEqual([]);
      expect(await x.audit.list({ limit: 100 })).toEqual([]);
      expect(await x.audit.list({ limit: 100, targetId: top.id })).toEqual([]);
      // A's events are not B's to seal, read or chain onto (docs/adr/0016).
      expect(await x.audit.unsealed({ below: Number.MAX_SAFE_INTEGER, limit: 100 })).toEqual([]);
      expect(await x.audit.sealed({ order: 'desc', limit: 100 })).toEqual([]);
      expect(await x.audit.head()).toEqual({ seq: 0, hash: '0'.repeat(64) });
      // The same UPN and nickname are free in B.
      await x.users.insert(makeUser(b, { userPrincipalName: ua.userPrincipalName }));
      await x.groups.insert(makeGroup(b, { mailNickname: 'SHARED' }));
    });
    expect((await inTenant(s, b, (x) => x.audit.list({ limit: 1 })))).toEqual([]);
  });

  it("writes through tenant B's scope aimed at tenant A's ids change nothing of A's", async () => {
    const s = getStorage();
    const [a, b] = [await newTenant(s, 'A'), await newTenant(s, 'B')];
    const ua = makeUser(a, { roles: ['globalAdmin'], assignedLicenses: ['premiumP2'] });
    const [top, child] = [makeGroup(a), makeGroup(a)];
    const req = makeRequest(a, top.id, ua.id);
    await inTenant(s, a, async (x) => {
      await x.users.insert(ua);
      await x.credentials.setPasswordHash(ua.id, 'secret', at(0));
      for (const g of [top, child]) await x.groups.insert(g);
      await x.memberships.add(makeNesting(a, top.id, child.id));
      await x.memberships.add(makeMembership(a, child.id, ua.id));
      await x.owners.add(makeOwnership(a, top.id, ua.id));
      await x.requests.insert(req);
      await x.settings.set('k', 'a', null, at(0));
      await x.licences.setSeats('premiumP2', 10);
      await x.audit.append(makeAuditEvent());
    });
    const [aEvent] = await inTenant(s, a, (x) => x.audit.list({ limit: 1 }));
    const before = await snapshot(s, a);

    await inTenant(s, b, async (x) => {
      await x.users.update({ ...ua, displayName: 'Hijacked', roles: [] });
      await x.users.delete(ua.id);
      await x.credentials.setPasswordHash(ua.id, 'pwned', at(1));
      await x.groups.update({ ...top, displayName: 'Hijacked' });
      await x.groups.purge(top.id);
      await x.groups.purge(child.id);
      expect(await x.memberships.remove(child.id, ua.id)).toBe(false);
      expect(await x.memberships.remove(top.id, child.id)).toBe(false);
      expect(await x.memberships.removeAllOfMember(ua.id)).toEqual([]);
      await x.memberships.add(makeNesting(b, top.id, child.id));
      expect(await x.owners.remove(top.id, ua.id)).toBe(false);
      expect(await x.owners.removeAllOfUser(ua.id)).toEqual([]);
      expect(await x.requests.decide(req.id, {
        status: 'denied', decidedBy: null, decisionReason: null, decidedDateTime: at(1), membershipExpiresDateTime: null,
      })).toBe(false);
      await x.requests.insert({ ...req, tenantId: a }); // lands in B (the scope decides), not in A
      await x.settings.reset('k');
      await x.settings.set('k', 'b', null, at(1));
      await x.licences.setSeats('premiumP2', 0);
      await x.audit.append(makeAuditEvent());
      expect(await x.audit.seal(aEvent?.id ?? '', { seq: 1, prevHash: '0'.repeat(64), hash: 'f'.repeat(64) })).toBe(false);
      await x.outbox.enqueue({ topic: 't', payload: {} }, at(1));
    });

    expect(await snapshot(s, a)).toEqual(before);
    // Whatever B wrote is B's.
    const mine = await snapshot(s, b);
    expect(mine['join_requests']).toHaveLength(1);
    expect(mine['settings']).toHaveLength(1);
    expect(await inTenant(s, a, (x) => x.memberships.isTransitiveMember(top.id, ua.id))).toBe(true);
  });
});
