import { expect, it } from 'vitest';
import type { JoinRequest } from '../core/domain/model.js';
import type { RequestDecisionPatch } from '../core/ports.js';
import { describeEachEngine } from './testing/engines.js';
import { at, inTenant, makeGroup, makeRequest, newId, newTenant } from './testing/fixtures.js';

const approve = (by: string): RequestDecisionPatch => ({
  status: 'approved', decidedBy: by, decisionReason: 'ok', decidedDateTime: at(2), membershipExpiresDateTime: at(100),
});

describeEachEngine('JoinRequestRepository', (getStorage) => {
  it('round-trips every field, with and without nulls', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const full = makeRequest(t, g.id, newId(), {
      requestedDurationDays: 30, status: 'denied', decidedBy: newId(), decisionReason: 'no',
      decidedDateTime: at(3), membershipExpiresDateTime: at(4),
    });
    const bare = makeRequest(t, g.id, newId(), { justification: null });
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      await x.requests.insert(full);
      await x.requests.insert(bare);
    });
    await inTenant(s, t, async (x) => {
      expect(await x.requests.get(full.id)).toEqual(full);
      expect(await x.requests.get(bare.id)).toEqual(bare);
      expect(await x.requests.get(newId())).toBeNull();
    });
  });

  it('allows one pending request per requester and group (partial unique index), any number decided', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const other = makeGroup(t);
    const who = newId();
    const first = makeRequest(t, g.id, who);
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      await x.groups.insert(other);
      await x.requests.insert(first);
      await expect(x.requests.insert(makeRequest(t, g.id, who))).rejects.toMatchObject({ reason: 'pendingRequestExists' });
      // The transaction is still usable, and other combinations are fine.
      await x.requests.insert(makeRequest(t, other.id, who));
      await x.requests.insert(makeRequest(t, g.id, newId()));
      await x.requests.insert(makeRequest(t, g.id, who, { status: 'cancelled' }));
      expect((await x.requests.findPending(g.id, who))?.id).toBe(first.id);
      expect(await x.requests.findPending(g.id, newId())).toBeNull();
    });
    await inTenant(s, t, async (x) => {
      expect(await x.requests.decide(first.id, approve(newId()))).toBe(true);
      expect(await x.requests.findPending(g.id, who)).toBeNull();
      await x.requests.insert(makeRequest(t, g.id, who)); // a new pending one is allowed again
    });
  });

  it('decide moves a pending request once; a second decide returns false and changes nothing', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const r = makeRequest(t, g.id, newId(), { requestedDurationDays: 7 });
    const owner = newId();
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      await x.requests.insert(r);
      expect(await x.requests.decide(r.id, approve(owner))).toBe(true);
      expect(await x.requests.decide(r.id, { ...approve(newId()), status: 'denied' })).toBe(false);
      expect(await x.requests.decide(newId(), approve(owner))).toBe(false);
      expect(await x.requests.get(r.id)).toEqual({
        ...r, status: 'approved', decidedBy: owner, decisionReason: 'ok', decidedDateTime: at(2), membershipExpiresDateTime: at(100),
      });
    });
  });

  it('lists for groups and by requester, by id with a cursor and a status filter', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const [g1, g2, g3] = [makeGroup(t), makeGroup(t), makeGroup(t)];
    const who = newId();
    const reqs: JoinRequest[] = [
      makeRequest(t, g1.id, who), makeRequest(t, g2.id, who), makeRequest(t, g3.id, who),
      makeRequest(t, g1.id, newId(), { status: 'denied' }), makeRequest(t, g2.id, newId()),
    ];
    await inTenant(s, t, async (x) => {
      for (const g of [g1, g2, g3]) await x.groups.insert(g);
      for (const r of reqs) await x.requests.insert(r);
    });
    const idsOf = (rs: JoinRequest[]) => rs.map((r) => r.id);
    const sorted = (rs: JoinRequest[]) => idsOf(rs).sort();
    await inTenant(s, t, async (x) => {
      const forG1G2 = reqs.filter((r) => r.groupId !== g3.id);
      expect(idsOf(await x.requests.listForGroups([g1.id, g2.id], { limit: 10 }))).toEqual(sorted(forG1G2));
      const firstTwo = await x.requests.listForGroups([g1.id, g2.id], { limit: 2 });
      expect(idsOf(firstTwo)).toEqual(sorted(forG1G2).slice(0, 2));
      const rest = await x.requests.listForGroups([g1.id, g2.id], { limit: 10, after: firstTwo[1]?.id });
      expect(idsOf(rest)).toEqual(sorted(forG1G2).slice(2));
      expect(idsOf(await x.requests.listForGroups([g1.id], { limit: 10, status: 'denied' }))).toEqual([reqs[3]?.id]);
      expect(await x.requests.listForGroups([], { limit: 10 })).toEqual([]);
      const mine = reqs.filter((r) => r.requesterId === who);
      expect(idsOf(await x.requests.listByRequester(who, { limit: 10 }))).toEqual(sorted(mine));
      expect(idsOf(await x.requests.listByRequester(who, { limit: 10, after: sorted(mine)[0] }))).toEqual(sorted(mine).slice(1));
      expect(await x.requests.listByRequester(who, { limit: 10, status: 'approved' })).toEqual([]);
    });
  });

  it('lists due pending requests, soonest first', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    const soon = makeRequest(t, g.id, newId(), { expiresDateTime: at(5) });
    const sooner = makeRequest(t, g.id, newId(), { expiresDateTime: at(1) });
    const later = makeRequest(t, g.id, newId(), { expiresDateTime: at(50) });
    const decided = makeRequest(t, g.id, newId(), { expiresDateTime: at(1), status: 'approved' });
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      for (const r of [soon, sooner, later, decided]) await x.requests.insert(r);
      expect((await x.requests.listDue(at(10), 10)).map((r) => r.id)).toEqual([sooner.id, soon.id]);
      expect((await x.requests.listDue(at(10), 1)).map((r) => r.id)).toEqual([sooner.id]);
      expect(await x.requests.listDue(at(0), 10)).toEqual([]);
    });
  });
});
