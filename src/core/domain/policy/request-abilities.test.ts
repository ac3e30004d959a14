// A request's `@roster.abilities` are exactly the decisions approve, deny and cancel enforce.
import { describe, expect, it } from 'vitest';
import { isAllowed } from '../decision.js';
import type { JoinRequestStatus } from '../model.js';
import { admin, ctx, daysAfter, group, IDS, joinRequest, NOW, REL, user } from '../../testing/policy-fixtures.js';
import { decideCancel, decideDecision, requestAbilities } from './requests.js';

const yes = { settings: { ownersCanManageJoinRequests: true } };
const g = group({ joinPolicy: 'approval' });

describe('requestAbilities', () => {
  it('an owner may approve and deny a pending request but not cancel it; the requester only cancels', () => {
    expect(requestAbilities(ctx(user(), yes), g, REL.owner, joinRequest())).toEqual({ approve: true, deny: true, cancel: false });
    expect(requestAbilities(ctx(user(), yes), g, REL.outsider, joinRequest({ requesterId: IDS.user }))).toEqual({ approve: false, deny: false, cancel: true });
  });

  it('an owner who is the requester may cancel but never decide', () => {
    expect(requestAbilities(ctx(user(), yes), g, REL.owner, joinRequest({ requesterId: IDS.user }))).toEqual({ approve: false, deny: false, cancel: true });
  });

  it('owners lose the decision when the setting is off; admins keep it', () => {
    expect(requestAbilities(ctx(user()), g, REL.owner, joinRequest())).toEqual({ approve: false, deny: false, cancel: false });
    expect(requestAbilities(ctx(admin()), g, REL.outsider, joinRequest())).toEqual({ approve: true, deny: true, cancel: false });
  });

  it('equals the enforced decisions for every status, relation and caller', () => {
    const statuses: JoinRequestStatus[] = ['pending', 'approved', 'denied', 'cancelled', 'expired'];
    const callers = [ctx(user(), yes), ctx(user()), ctx(admin()), { ...ctx(user(), yes), now: daysAfter(NOW, 30) }];
    for (const status of statuses) for (const rel of Object.values(REL)) for (const c of callers) for (const requesterId of [IDS.user, IDS.other]) {
      const r = joinRequest({ status, requesterId });
      expect(requestAbilities(c, g, rel, r)).toEqual({
        approve: isAllowed(decideDecision(c, g, rel, r, 'approve')), deny: isAllowed(decideDecision(c, g, rel, r, 'deny')), cancel: isAllowed(decideCancel(c, r)),
      });
    }
  });
});
