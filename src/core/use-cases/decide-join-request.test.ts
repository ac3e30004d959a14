// §3.5 deciding requests through the core, on both engines: approve/deny flows, no self-approval,
// durations, expiry, audit — and the race (SECURITY #5): 50 concurrent decisions, exactly one wins.
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { isDomainError } from '../domain/errors.js';
import { expectDenied, expectDeniedAndUnchanged, newWorld, SECURITY, type TestWorld } from '../testing/world.js';

async function setup(w: TestWorld) {
  await w.settings({ ownersCanManageJoinRequests: true });
  const [owner, coOwner, ann] = [await w.newUser('Owner'), await w.newUser('Co-owner'), await w.newUser('Ann')];
  const { group } = await w.core.createGroup(w.as(owner, 'myGroups'), { displayName: 'Finance', ...SECURITY, joinPolicy: 'approval' });
  await w.core.addMember(w.as(owner), { groupId: group.id, memberId: coOwner.id });
  await w.core.addOwner(w.as(owner), { groupId: group.id, userId: coOwner.id });
  return { owner, coOwner, ann, group };
}

describeEachEngine('decideJoinRequest', (getStorage) => {
  const world = () => newWorld(getStorage().uow);

  describe('§3.5 flows', () => {
    it('approve adds the membership (source request), records who and why, audits both', async () => {
      const w = await world();
      const { owner, ann, group } = await setup(w);
      const r = await w.core.requestToJoin(w.as(ann, 'myGroups'), { groupId: group.id, justification: 'Need it' });
      const decided = await w.core.decideJoinRequest(w.as(owner, 'myGroups'), { requestId: r.id, decision: 'approve', reason: 'Welcome' });
      expect(decided).toMatchObject({ status: 'approved', decidedBy: owner.id, decisionReason: 'Welcome', membershipExpiresDateTime: null });
      const members = await w.core.listMembers(w.adminCaller(), { groupId: group.id });
      expect(members).toContainEqual(expect.objectContaining({ memberId: ann.id, source: 'request', requestId: r.id, addedBy: owner.id, expiresDateTime: null }));
      expect(await w.audit(r.id)).toContainEqual(expect.objectContaining({ action: 'request.approve', outcome: 'success', actorId: owner.id }));
      expect(await w.audit(group.id)).toContainEqual(expect.objectContaining({ action: 'member.add', outcome: 'success', after: expect.objectContaining({ memberId: ann.id, source: 'request' }) }));
      expect(await w.core.listMyJoinRequests(w.as(ann))).toEqual([expect.objectContaining({ id: r.id, status: 'approved' })]);
    });

    it('deny adds nobody; a second decision (either way) conflicts and changes nothing', async () => {
      const w = await world();
      const { owner, coOwner, ann, group } = await setup(w);
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      await w.core.decideJoinRequest(w.as(coOwner), { requestId: r.id, decision: 'deny', reason: 'No' });
      expect((await w.core.listMembers(w.adminCaller(), { groupId: group.id })).map((m) => m.memberId)).not.toContain(ann.id);
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'approve' }), 'requestAlreadyDecided');
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'deny' }), 'requestAlreadyDecided');
      expect(await w.audit(r.id)).toContainEqual(expect.objectContaining({ action: 'request.approve', outcome: 'denied', reason: 'requestAlreadyDecided' }));
      // After a denial the user may ask again.
      await w.core.requestToJoin(w.as(ann), { groupId: group.id });
    });

    it('§3.5 nobody approves their own request: not an owner, not a groupsAdmin', async () => {
      const w = await world();
      const { owner, group } = await setup(w);
      const ga = await w.newUser('Gus', { roles: ['groupsAdmin'] });
      // an owner who is not a member requests to join their own group
      const own = await w.core.requestToJoin(w.as(owner), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(owner), { requestId: own.id, decision: 'approve' }), 'selfApproval');
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(owner), { requestId: own.id, decision: 'deny' }), 'selfApproval');
      const adminReq = await w.core.requestToJoin(w.as(ga), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(ga), { requestId: adminReq.id, decision: 'approve' }), 'selfApproval');
      expect(await w.audit(adminReq.id)).toContainEqual(expect.objectContaining({ outcome: 'denied', reason: 'selfApproval', actorId: ga.id }));
      // someone else may
      await w.core.decideJoinRequest(w.adminCaller(), { requestId: adminReq.id, decision: 'approve' });
    });

    it('§3.5 outsiders cannot see the request; members who are not owners get notOwner', async () => {
      const w = await world();
      const { owner, ann, group } = await setup(w);
      const [eve, mem] = [await w.newUser('Eve'), await w.newUser('Mem')];
      await w.core.addMember(w.as(owner), { groupId: group.id, memberId: mem.id });
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(eve), { requestId: r.id, decision: 'approve' }), 'requestNotFound');
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(mem), { requestId: r.id, decision: 'approve' }), 'requestNotFound');
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.app(['GroupMember.Read.All']), { requestId: r.id, decision: 'approve' }), 'missingPermission');
      await w.core.decideJoinRequest(w.app(['GroupMember.ReadWrite.All']), { requestId: r.id, decision: 'approve' });
    });

    it('§3.2 "owners can manage requests" switched to No: owners can no longer decide, admins still can', async () => {
      const w = await world();
      const { owner, ann, group } = await setup(w);
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      await w.settings({ ownersCanManageJoinRequests: false });
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'approve' }), 'ownersCannotManageRequests');
      await w.core.decideJoinRequest(w.adminCaller(), { requestId: r.id, decision: 'approve' });
    });

    it('§3.2 an owner who may not create security groups still approves', async () => {
      const w = await world();
      const { owner, ann, group } = await setup(w);
      await w.settings({ securityGroupCreation: 'None' });
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      await w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'approve' });
      await expectDenied(w.core.updateGroup(w.as(owner), { groupId: group.id, displayName: 'Renamed' }), 'creationDisabledCannotEdit');
    });
  });

  describe('§3.5 durations', () => {
    it('a time-bound request makes a time-bound membership; the approver may shorten it, not lengthen it', async () => {
      const w = await world();
      const { owner, ann, group } = await setup(w);
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id, requestedDurationDays: 30 });
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'approve', membershipDurationDays: 31 }), 'durationNotAllowed');
      const decided = await w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'approve', membershipDurationDays: 10 });
      const tenDays = new Date(Date.parse(w.clock.now()) + 10 * 86_400_000).toISOString();
      expect(decided.membershipExpiresDateTime).toBe(tenDays);
      expect(await w.core.listMembers(w.adminCaller(), { groupId: group.id })).toContainEqual(expect.objectContaining({ memberId: ann.id, expiresDateTime: tenDays }));
      // the membership ends by itself
      w.clock.advanceDays(11);
      expect(await w.core.expireMemberships(w.tenantId)).toBe(1);
      expect((await w.core.listMembers(w.adminCaller(), { groupId: group.id })).map((m) => m.memberId)).not.toContain(ann.id);
    });

    it('a permanent request approved as is stays permanent; the approver may make it time-bound', async () => {
      const w = await world();
      const { owner, ann, group } = await setup(w);
      const bob = await w.newUser('Bob');
      const a = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      const b = await w.core.requestToJoin(w.as(bob), { groupId: group.id });
      expect((await w.core.decideJoinRequest(w.as(owner), { requestId: a.id, decision: 'approve' })).membershipExpiresDateTime).toBeNull();
      expect((await w.core.decideJoinRequest(w.as(owner), { requestId: b.id, decision: 'approve', membershipDurationDays: 5 })).membershipExpiresDateTime).not.toBeNull();
    });
  });

  describe('§3.5 expiry', () => {
    it('a request past its expiry cannot be decided or cancelled; the sweep marks it expired', async () => {
      const w = await world();
      const { owner, ann, group } = await setup(w);
      const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      w.clock.advanceDays(14);
      await expectDeniedAndUnchanged(w, () => w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'approve' }), 'requestExpired');
      await expectDeniedAndUnchanged(w, () => w.core.cancelJoinRequest(w.as(ann), { requestId: r.id }), 'requestExpired');
      expect(await w.core.listMyJoinRequests(w.as(ann))).toEqual([expect.objectContaining({ id: r.id, status: 'expired' })]);
      expect(await w.core.listPendingApprovals(w.as(owner))).toEqual([]);
      expect(await w.core.expireJoinRequests(w.tenantId)).toBe(1);
      expect(await w.core.expireJoinRequests(w.tenantId)).toBe(0);
      expect(await w.audit(r.id)).toContainEqual(expect.objectContaining({ action: 'request.expire', outcome: 'success', actorType: 'system' }));
      await w.core.requestToJoin(w.as(ann), { groupId: group.id });
    });

    it('a request that expired but was not swept yet does not block a new request', async () => {
      const w = await world();
      const { ann, group } = await setup(w);
      await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      w.clock.advanceDays(15);
      const again = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
      expect(again.status).toBe('pending');
      const mine = await w.core.listMyJoinRequests(w.as(ann));
      expect(mine.map((r) => r.status).sort()).toEqual(['expired', 'pending']);
    });
  });

  describe('SECURITY #5: 50 concurrent decisions on one request, by two owners', () => {
    for (let round = 1; round <= 5; round++) {
      it(`round ${round}: exactly one decision wins, 49 conflicts, one membership at most, one success audit event`, async () => {
        const w = await world();
        const { owner, coOwner, ann, group } = await setup(w);
        const r = await w.core.requestToJoin(w.as(ann), { groupId: group.id });
        const calls = Array.from({ length: 50 }, (_, i) => i % 2 === 0
          ? w.core.decideJoinRequest(w.as(owner), { requestId: r.id, decision: 'approve' })
          : w.core.decideJoinRequest(w.as(coOwner), { requestId: r.id, decision: 'deny' }));
        const results = await Promise.allSettled(calls);

        const won = results.filter((x) => x.status === 'fulfilled');
        const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const l of lost) {
          expect(isDomainError(l.reason), String(l.reason)).toBe(true);
          expect(l.reason.category).toBe('conflict');
        }
        const winner = (won[0] as PromiseFulfilledResult<{ status: string }>).value;
        const members = (await w.core.listMembers(w.adminCaller(), { groupId: group.id })).filter((m) => m.memberId === ann.id);
        expect(members).toHaveLength(winner.status === 'approved' ? 1 : 0);
        const successes = (await w.audit(r.id)).filter((e) => e.outcome === 'success' && (e.action === 'request.approve' || e.action === 'request.deny'));
        expect(successes).toHaveLength(1);
        expect(successes[0]?.action).toBe(winner.status === 'approved' ? 'request.approve' : 'request.deny');
        const memberAdds = (await w.audit(group.id)).filter((e) => e.action === 'member.add' && e.outcome === 'success' && (e.after as { memberId?: string }).memberId === ann.id);
        expect(memberAdds).toHaveLength(winner.status === 'approved' ? 1 : 0);
        expect((await w.core.listMyJoinRequests(w.as(ann)))[0]?.status).toBe(winner.status);
      });
    }
  });
});
