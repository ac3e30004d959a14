// §3.4/§3.5/§3.13 requesting to join and cancelling, through the core, on both engines.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { expectDenied, expectDeniedAndUnchanged, newWorld, SECURITY, type TestWorld } from '../testing/world.js';

async function approvalGroup(w: TestWorld) {
  const owner = await w.newUser('Owner');
  const { group } = await w.core.createGroup(w.as(owner, 'myGroups'), { displayName: 'Finance', ...SECURITY, joinPolicy: 'approval' });
  return { owner, group };
}

describeEachEngine('requestToJoin / cancelJoinRequest', (getStorage) => {
  const world = async () => {
    const w = await newWorld(getStorage().uow);
    await w.settings({ ownersCanManageJoinRequests: true });
    return w;
  };

  describe('requesting', () => {
    it('§3.5 a request is pending, carries justification and duration, expires after the tenant\'s days, and is audited', async () => {
      const w = await world();
      await w.settings({ joinRequestExpiryDays: 7 });
      const { group } = await approvalGroup(w);
      const ann = await w.newUser('Ann');
      const r = await w.core.requestToJoin(w.as(ann, 'myGroups'), { groupId: group.id, justification: 'Quarter close', requestedDurationDays: 30 });
      expect(r).toMatchObject({ status: 'pending', requesterId: ann.id, groupId: group.id, justification: 'Quarter close', requestedDurationDays: 30, decidedBy: null });
      expect(Date.parse(r.expiresDateTime) - Date.parse(r.createdDateTime)).toBe(7 * 86_400_000);
      expect(await w.audit(r.id)).toEqual([expect.objectContaining({ action: 'request.create', outcome: 'success', actorId: ann.id })]);
      expect(await w.core.listMyJoinRequests(w.as(ann))).toEqual([r]);
      // the request adds nobody by itself
      expect(await w.core.listMembers(w.adminCaller(), { groupId: group.id })).toEqual([]);
    });

    it('§3.5 one pending request per (user, group): a second is refused and nothing changes', async () => {
      const w = await world();
      const { group } = await approvalGroup(w);
      const ann = await w.newUser('Ann');
      await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id }), 'pendingRequestExists');
    });

    it('§3.5 one pending request even when many arrive at once', async () => {
      const w = await world();
      const { group } = await approvalGroup(w);
      const ann = await w.newUser('Ann');
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => w.core.requestToJoin(w.as(ann), { groupId: group.id })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ reason: 'pendingRequestExists', category: 'conflict' });
      expect(await w.core.listGroupJoinRequests(w.adminCaller(), { groupId: group.id, status: 'pending' })).toHaveLength(1);
    });

    it('§3.4 open and closed groups cannot be requested; "owners can manage requests" = No refuses requests', async () => {
      const w = await world();
      const ann = await w.newUser('Ann');
      const open = await w.core.createGroup(w.adminCaller('myGroups'), { displayName: 'Open', ...SECURITY });
      const closed = await w.core.createGroup(w.adminCaller(), { displayName: 'Closed', ...SECURITY });
      const { group } = await approvalGroup(w);
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: open.group.id }), 'groupIsOpen');
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: closed.group.id }), 'groupClosed');
      await w.settings({ ownersCanManageJoinRequests: false });
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id }), 'joinRequestsDisabled');
    });

    it('§3.5 justification required by the tenant; durations bounded by the maximum', async () => {
      const w = await world();
      const { group } = await approvalGroup(w);
      const ann = await w.newUser('Ann');
      await w.settings({ joinRequestJustificationRequired: true, maxMembershipDurationDays: 30 });
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id, requestedDurationDays: 10 }), 'justificationRequired');
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id, justification: '  ', requestedDurationDays: 10 }), 'justificationRequired');
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id, justification: 'x', requestedDurationDays: 31 }), 'durationNotAllowed');
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id, justification: 'x' }), 'durationNotAllowed');
      await expectDenied(w.core.requestToJoin(w.as(ann), { groupId: group.id, justification: 'x'.repeat(1001), requestedDurationDays: 10 }), 'invalidInput');
      await w.core.requestToJoin(w.as(ann), { groupId: group.id, justification: 'x', requestedDurationDays: 30 });
    });

    it('§3.13 licence enforcement: no licence, no request; a licence assigned later lets the user request', async () => {
      const w = await world();
      const { group } = await approvalGroup(w);
      const ann = await w.newUser('Ann');
      await w.settings({ licenceEnforcement: true });
      await expectDeniedAndUnchanged(w, () => w.core.requestToJoin(w.as(ann), { groupId: group.id }), 'licenceRequired');
      await w.core.setLicenceSeats(w.adminCaller(), { sku: 'premiumP2', seats: 1 });
      await w.core.assignLicence(w.adminCaller(), { userId: ann.id, sku: 'premiumP2' });
      await w.core.requestToJoin(w.as(ann), { groupId: group.id });
    });
  });

  describe('cancelling', () => {
    it('§3.5 the requester cancels; audited; the request can then be made again', async () => {
      const w = await world();
      const { group } = await approvalGroup(w);
      const ann = await w.newUser('Ann');
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      const cancelled = await w.core.cancelJoinRequest(w.as(ann), { requestId: r.id });
      expect(cancelled).toMatchObject({ status: 'cancelled', decidedBy: ann.id });
      expect(await w.audit(r.id)).toContainEqual(expect.objectContaining({ action: 'request.cancel', outcome: 'success' }));
      await expectDeniedAndUnchanged(w, () => w.core.cancelJoinRequest(w.as(ann), { requestId: r.id }), 'requestNotPending');
      await w.core.requestToJoin(w.as(ann), { groupId: group.id });
    });

    it('§3.5 only the requester cancels: an owner gets notRequester, a stranger does not even see it', async () => {
      const w = await world();
      const { group, owner } = await approvalGroup(w);
      const [ann, eve] = [await w.newUser('Ann'), await w.newUser('Eve')];
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.cancelJoinRequest(w.as(owner), { requestId: r.id }), 'notRequester');
      await expectDeniedAndUnchanged(w, () => w.core.cancelJoinRequest(w.as(eve), { requestId: r.id }), 'requestNotFound');
      await expectDenied(w.core.cancelJoinRequest(w.as(ann), { requestId: '4f1d1c9e-0000-4000-8000-000000000000' }), 'requestNotFound');
    });
  });
});
