// The sweep purges soft-deleted groups once the 30-day restore window has passed (not before), audits
// each purge, and delta readers then learn the group is gone for good.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, newWorld, SECURITY } from '../testing/world.js';

describeEachEngine('purgeDeletedGroups', (getStorage) => {
  it('purges only groups deleted more than 30 days ago, with their memberships, and audits it', async () => {
    const w = await newWorld(getStorage().uow);
    const ann = await w.newUser('Ann');
    const old = (await w.core.createGroup(w.adminCaller(), { displayName: 'Old', ...SECURITY, members: [ann.id] })).group;
    const recent = (await w.core.createGroup(w.adminCaller(), { displayName: 'Recent', ...SECURITY })).group;
    const live = (await w.core.createGroup(w.adminCaller(), { displayName: 'Live', ...SECURITY })).group;
    const reader = w.app(['Group.Read.All', 'GroupMember.Read.All']);
    await w.core.deleteGroup(w.adminCaller(), { groupId: old.id });
    const before = await w.core.groupDelta(reader, { state: 'latest', members: true, pageSize: 100 });
    w.clock.advanceDays(20);
    await w.core.deleteGroup(w.adminCaller(), { groupId: recent.id });
    w.clock.advanceDays(11);

    expect(await w.core.purgeDeletedGroups(w.tenantId)).toBe(1);
    expect(await w.core.purgeDeletedGroups(w.tenantId)).toBe(0);
    await expectDenied(w.core.getGroup(w.adminCaller(), { groupId: old.id }), 'groupNotFound');
    expect((await w.core.getGroup(w.adminCaller(), { groupId: recent.id })).group.deletedDateTime).not.toBeNull();
    expect((await w.core.getGroup(w.adminCaller(), { groupId: live.id })).group.deletedDateTime).toBeNull();
    expect(await w.core.listDirectGroups(w.adminCaller(), { memberId: ann.id })).toEqual([]);
    expect((await w.audit(old.id)).map((e) => e.action)).toContain('group.purge');

    if (before.expired || !before.deltaLink) throw new Error('expected a deltaLink');
    // The deltaLink is 31 days old: past the change feed's retention, so a full resync is due.
    expect(await w.core.groupDelta(reader, { state: before.deltaLink, members: true, pageSize: 100 })).toEqual({ expired: true });
    w.clock.advanceDays(-31);
    const after = await w.core.groupDelta(reader, { state: before.deltaLink, members: true, pageSize: 100 });
    expect(after.expired === false && after.entries.find((e) => e.kind === 'removed' && e.groupId === old.id)).toEqual({ kind: 'removed', groupId: old.id, reason: 'deleted' });
  });
});
