// The change feed behind GET /groups/delta: written by the repositories in the change's own
// transaction, read as what became visible between two snapshots, so no committed change is skipped.
import { expect, it } from 'vitest';
import type { FeedSnapshot } from '../core/domain/group-delta.js';
import type { GroupChange, TenantScope } from '../core/ports.js';
import type { Storage } from './open-storage.js';
import { describeEachEngine } from './testing/engines.js';
import { inTenant, makeGroup, makeMembership, makeNesting, newId, newTenant } from './testing/fixtures.js';

const EVERYTHING: FeedSnapshot = { before: Number.MAX_SAFE_INTEGER, inFlight: [] };
const NOTHING: FeedSnapshot = { before: 0, inFlight: [] };

async function readAll(s: Storage, t: string, since: FeedSnapshot, until: FeedSnapshot, groupsOnly = false): Promise<GroupChange[]> {
  const out: GroupChange[] = [];
  for (;;) {
    const last = out.at(-1);
    const after = last ? { position: last.position, groupId: last.groupId, memberId: last.memberId ?? '' } : undefined;
    const page = await inTenant(s, t, (x) => x.changes.read({ since, until, after, groupsOnly, limit: 3 }));
    out.push(...page);
    if (page.length < 3) return out;
  }
}

const horizon = (s: Storage, t: string) => inTenant(s, t, (x) => x.changes.snapshot());
const keyOf = (c: GroupChange) => `${c.groupId}/${c.memberId ?? ''}/${c.memberPresent ? '+' : '-'}`;

describeEachEngine('ChangeFeed', (getStorage, engine) => {
  it('records group and membership changes in their own transaction, with the current membership state', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const start = await horizon(s, t);
    const g = makeGroup(t);
    const [u1, u2] = [newId(), newId()];
    await inTenant(s, t, async (x) => {
      await x.groups.insert(g);
      await x.memberships.add(makeMembership(t, g.id, u1));
      await x.memberships.add(makeMembership(t, g.id, u2));
    });
    await inTenant(s, t, async (x) => { await x.memberships.remove(g.id, u2); });
    // A rolled-back change leaves no row.
    await expect(inTenant(s, t, async (x) => {
      await x.memberships.add(makeMembership(t, g.id, newId()));
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    const end = await horizon(s, t);
    const rows = await readAll(s, t, start, end);
    expect(rows.map(keyOf).sort()).toEqual([`${g.id}//-`, `${g.id}/${u1}/+`, `${g.id}/${u2}/-`, `${g.id}/${u2}/-`].sort());
    expect(rows.filter((r) => r.memberId).every((r) => r.memberType === 'user')).toBe(true);
    // Positions never go down in read order, and groupsOnly keeps the group rows.
    expect(rows.map((r) => r.position)).toEqual([...rows.map((r) => r.position)].sort((a, b) => a - b));
    expect((await readAll(s, t, start, end, true)).map(keyOf)).toEqual([`${g.id}//-`]);
    // Nothing new after the last snapshot; and another tenant sees none of it.
    expect(await readAll(s, t, end, EVERYTHING)).toEqual([]);
    const other = await newTenant(s);
    expect(await readAll(s, other, NOTHING, EVERYTHING)).toEqual([]);
  });

  it('a purge records the group and the groups it leaves; a user removal records every group it leaves; a restore records the members again', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const [parent, child, other] = [makeGroup(t), makeGroup(t), makeGroup(t)];
    const user = newId();
    await inTenant(s, t, async (x) => {
      for (const g of [parent, child, other]) await x.groups.insert(g);
      await x.memberships.add(makeNesting(t, parent.id, child.id));
      await x.memberships.add(makeMembership(t, child.id, user));
      await x.memberships.add(makeMembership(t, other.id, user));
    });
    const h0 = await horizon(s, t);
    await inTenant(s, t, async (x) => { await x.groups.purge(child.id); });
    const h1 = await horizon(s, t);
    expect((await readAll(s, t, h0, h1)).map(keyOf).sort()).toEqual([`${child.id}//-`, `${parent.id}/${child.id}/-`].sort());
    await inTenant(s, t, async (x) => { await x.memberships.removeAllOfMember(user); });
    const h2 = await horizon(s, t);
    expect((await readAll(s, t, h1, h2)).map(keyOf)).toEqual([`${other.id}/${user}/-`]);

    const member = newId();
    await inTenant(s, t, async (x) => {
      await x.memberships.add(makeMembership(t, other.id, member));
      await x.groups.update({ ...other, deletedDateTime: '2026-02-01T00:00:00.000Z' });
    });
    const h3 = await horizon(s, t);
    await inTenant(s, t, async (x) => { await x.groups.update({ ...other, deletedDateTime: null }); });
    const h4 = await horizon(s, t);
    expect((await readAll(s, t, h3, h4)).map(keyOf).sort()).toEqual([`${other.id}//-`, `${other.id}/${member}/+`].sort());
  });

  it('prunes rows recorded before a time', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    await inTenant(s, t, (x) => x.groups.insert(makeGroup(t)));
    expect(await inTenant(s, t, (x) => x.changes.prune('2000-01-01T00:00:00.000Z'))).toBe(0);
    expect(await inTenant(s, t, (x) => x.changes.prune('2999-01-01T00:00:00.000Z'))).toBe(1);
    expect(await readAll(s, t, NOTHING, EVERYTHING)).toEqual([]);
  });

  it.runIf(engine === 'postgres')('a change that commits late is read in the next round, and an open transaction holds nothing else back', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const g = makeGroup(t);
    await inTenant(s, t, (x) => x.groups.insert(g));
    const h0 = await horizon(s, t);
    const [early, late] = [newId(), newId()];
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let wrote!: () => void;
    const written = new Promise<void>((r) => { wrote = r; });
    // A: takes its transaction id first, then stays open.
    const a = inTenant(s, t, async (x: TenantScope) => {
      await x.memberships.add(makeMembership(t, g.id, early));
      wrote();
      await held;
    });
    await written;
    // B: starts later (a higher id) and commits first: readable at once, A still open.
    await inTenant(s, t, (x) => x.memberships.add(makeMembership(t, g.id, late)));
    const h1 = await horizon(s, t);
    expect(h1.inFlight.length).toBeGreaterThan(0);
    expect((await readAll(s, t, h0, h1)).map(keyOf)).toEqual([`${g.id}/${late}/+`]);
    release();
    await a;
    const h2 = await horizon(s, t);
    // A is read now, though its position is below B's; B is not read twice.
    expect((await readAll(s, t, h1, h2)).map(keyOf)).toEqual([`${g.id}/${early}/+`]);
    expect((await readAll(s, t, h0, h2)).map(keyOf).sort()).toEqual([`${g.id}/${early}/+`, `${g.id}/${late}/+`].sort());
  });
});
