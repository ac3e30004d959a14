// GET /groups/delta through the core, on both engines: a first round of every live group and its
// members (paged, a large group split across pages), later rounds of exactly what changed, and §3.9
// scoping — a change the caller may not see never surfaces (SECURITY #6).
import { expect, it } from 'vitest';
import type { DeltaState } from '../domain/group-delta.js';
import type { Caller } from '../ports.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { M365, newWorld, SECURITY, type TestWorld } from '../testing/world.js';
import type { DeltaEntry, DeltaInput } from './group-delta.js';

interface Round { entries: DeltaEntry[]; deltaLink: DeltaState; pages: number }

async function round(w: TestWorld, caller: Caller, state: DeltaInput['state'], opts: Partial<DeltaInput> = {}): Promise<Round> {
  const entries: DeltaEntry[] = [];
  let pages = 0;
  for (let s = state; ;) {
    const page = await w.core.groupDelta(caller, { state: s, members: true, pageSize: 100, ...opts });
    if (page.expired) throw new Error('expired');
    pages++;
    entries.push(...page.entries);
    if (page.deltaLink) return { entries, deltaLink: page.deltaLink, pages };
    if (!page.next) throw new Error('a page without next or deltaLink');
    s = page.next;
  }
}

/** group id → its members as "+id" / "-id", merged over the pages of a round ('removed:reason' for removals). */
function summary(entries: readonly DeltaEntry[]): Record<string, string[] | string> {
  const out: Record<string, string[] | string> = {};
  for (const e of entries) {
    if (e.kind === 'removed') { out[e.groupId] = `removed:${e.reason}`; continue; }
    const prior = out[e.view.group.id];
    const list = Array.isArray(prior) ? prior : [];
    out[e.view.group.id] = [...list, ...(e.members ?? []).map((m) => `${m.removed ? '-' : '+'}${m.id}`)].sort();
  }
  return out;
}

describeEachEngine('groupDelta', (getStorage) => {
  const world = () => newWorld(getStorage().uow);
  const reader = (w: TestWorld) => w.app(['Group.Read.All', 'GroupMember.Read.All']);

  it('a first round lists every live group with every member, paging groups and splitting a large group across pages', async () => {
    const w = await world();
    const users = await Promise.all(Array.from({ length: 7 }, (_, i) => w.newUser(`U${i}`)));
    const big = (await w.core.createGroup(w.adminCaller(), { displayName: 'Big', ...SECURITY, members: users.map((u) => u.id) })).group;
    const small = (await w.core.createGroup(w.adminCaller(), { displayName: 'Small', ...SECURITY, members: [users[0]!.id] })).group;
    const gone = (await w.core.createGroup(w.adminCaller(), { displayName: 'Gone', ...SECURITY })).group;
    await w.core.deleteGroup(w.adminCaller(), { groupId: gone.id });
    const r = await round(w, reader(w), 'start', { pageSize: 1, memberBudget: 3 });
    expect(summary(r.entries)).toEqual({
      [big.id]: users.map((u) => `+${u.id}`).sort(),
      [small.id]: [`+${users[0]!.id}`],
    });
    expect(r.pages).toBeGreaterThanOrEqual(4);
    // Nothing changed since: the next round is empty.
    expect((await round(w, reader(w), r.deltaLink)).entries).toEqual([]);
  });

  it('a later round has exactly what changed: added and removed members, edited and soft-deleted groups', async () => {
    const w = await world();
    const [ann, bob, cat] = [await w.newUser('Ann'), await w.newUser('Bob'), await w.newUser('Cat')];
    const g = (await w.core.createGroup(w.adminCaller(), { displayName: 'Sales', ...SECURITY, members: [ann.id, bob.id] })).group;
    const edited = (await w.core.createGroup(w.adminCaller(), { displayName: 'Legal', ...SECURITY })).group;
    const deleted = (await w.core.createGroup(w.adminCaller(), { displayName: 'Old', ...SECURITY })).group;
    const quiet = (await w.core.createGroup(w.adminCaller(), { displayName: 'Quiet', ...SECURITY, members: [ann.id] })).group;
    const first = await round(w, reader(w), 'start');
    expect(Object.keys(summary(first.entries)).sort()).toEqual([g.id, edited.id, deleted.id, quiet.id].sort());

    await w.core.addMember(w.adminCaller(), { groupId: g.id, memberId: cat.id });
    await w.core.removeMember(w.adminCaller(), { groupId: g.id, memberId: bob.id });
    await w.core.updateGroup(w.adminCaller(), { groupId: edited.id, description: 'now described' });
    await w.core.deleteGroup(w.adminCaller(), { groupId: deleted.id });
    const second = await round(w, reader(w), first.deltaLink);
    expect(summary(second.entries)).toEqual({
      [g.id]: [`+${cat.id}`, `-${bob.id}`].sort(),
      [edited.id]: [],
      [deleted.id]: 'removed:changed',
    });
    const editedEntry = second.entries.find((e) => e.kind === 'group' && e.view.group.id === edited.id);
    expect(editedEntry?.kind === 'group' && editedEntry.view.group.description).toBe('now described');

    // Restored: it comes back with its members; without members asked, only group rows count.
    await w.core.restoreGroup(w.adminCaller(), { groupId: deleted.id });
    await w.core.addMember(w.adminCaller(), { groupId: quiet.id, memberId: bob.id });
    const third = await round(w, reader(w), second.deltaLink, { members: false });
    expect(third.entries.map((e) => (e.kind === 'group' ? [e.view.group.id, e.members] : [e.groupId, e.reason]))).toEqual([[deleted.id, null]]);
  });

  it('a user sees only the member changes §3.9 lets them see, and never a group for a change it may not see', async () => {
    const w = await world();
    const [olga, ann, bob, eve] = [await w.newUser('Olga'), await w.newUser('Ann'), await w.newUser('Bob'), await w.newUser('Eve')];
    const priv = (await w.core.createGroup(w.as(olga), { displayName: 'Private', ...SECURITY, members: [ann.id] })).group;
    const hidden = (await w.core.createGroup(w.adminCaller(), { displayName: 'Hidden', ...M365, visibility: 'HiddenMembership', members: [ann.id, bob.id] })).group;
    const start = await round(w, w.as(eve), 'start');
    // Eve sees both groups exist (live groups are tenant-wide) but no member of either.
    expect(summary(start.entries)).toEqual({ [priv.id]: [], [hidden.id]: [] });
    const annStart = await round(w, w.as(ann), 'start');
    expect(summary(annStart.entries)).toEqual({ [priv.id]: [`+${ann.id}`], [hidden.id]: [`+${ann.id}`] });

    await w.core.addMember(w.adminCaller(), { groupId: priv.id, memberId: bob.id });
    await w.core.removeMember(w.adminCaller(), { groupId: hidden.id, memberId: bob.id });
    expect((await round(w, w.as(eve), start.deltaLink)).entries).toEqual([]);
    // Ann is in both: all of the Private group's changes, none of the hidden one's but her own.
    expect(summary((await round(w, w.as(ann), annStart.deltaLink)).entries)).toEqual({ [priv.id]: [`+${bob.id}`] });
    expect(summary((await round(w, w.as(olga), annStart.deltaLink)).entries)).toEqual({ [priv.id]: [`+${bob.id}`] });
    expect(summary((await round(w, w.adminCaller(), annStart.deltaLink)).entries)).toEqual({ [priv.id]: [`+${bob.id}`], [hidden.id]: [`-${bob.id}`] });
  });

  it('"latest" starts from now; a state older than the retention is expired; apps without a group permission are refused', async () => {
    const w = await world();
    const g = (await w.core.createGroup(w.adminCaller(), { displayName: 'Before', ...SECURITY })).group;
    const latest = await round(w, reader(w), 'latest');
    expect(latest.entries).toEqual([]);
    const after = (await w.core.createGroup(w.adminCaller(), { displayName: 'After', ...SECURITY })).group;
    expect(Object.keys(summary((await round(w, reader(w), latest.deltaLink)).entries))).toEqual([after.id]);
    expect(g.id).not.toBe(after.id);
    w.clock.advanceDays(31);
    expect(await w.core.groupDelta(reader(w), { state: latest.deltaLink, members: true, pageSize: 100 })).toEqual({ expired: true });
    await expect(w.core.groupDelta(w.app(['AuditLog.Read.All']), { state: 'start', members: true, pageSize: 100 })).rejects.toMatchObject({ reason: 'missingPermission' });
  });
});
