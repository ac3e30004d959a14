import { describe, expect, it } from 'vitest';
import { changeFeedPruneBefore, isDeltaStateExpired, visibleMemberChanges, type MemberChange } from './group-delta.js';

const changes: MemberChange[] = [
  { memberId: 'me', memberType: 'user', present: true },
  { memberId: 'ann', memberType: 'user', present: false },
  { memberId: 'grp', memberType: 'group', present: true },
  { memberId: 'ann', memberType: 'user', present: true },
];

describe('visibleMemberChanges (§3.9)', () => {
  it.each([
    ['all', ['+me', '+ann', '+grp']],
    ['selfOnly', ['+me']],
    ['none', []],
  ] as const)('%s → %j (the latest state per member wins)', (seen, expected) => {
    expect(visibleMemberChanges(seen, 'me', changes).map((m) => `${m.removed ? '-' : '+'}${m.id}`)).toEqual(expected);
  });

  it('selfOnly for an app or unknown caller shows nothing; a removal keeps its recorded type', () => {
    expect(visibleMemberChanges('selfOnly', null, changes)).toEqual([]);
    expect(visibleMemberChanges('all', null, [{ memberId: 'g', memberType: 'group', present: false }])).toEqual([{ id: 'g', type: 'group', removed: true }]);
  });
});

describe('delta state expiry', () => {
  const state = { phase: 'caughtUp', since: { before: 1, inFlight: [] }, issuedAt: '2026-01-01T00:00:00.000Z' } as const;
  it.each([
    ['2026-01-31T00:00:00.000Z', false],
    ['2026-01-31T00:00:00.001Z', true],
  ])('at %s expired=%s (30 days)', (now, expired) => {
    expect(isDeltaStateExpired(state, now)).toBe(expired);
  });
  it('prunes a day beyond the retention', () => {
    expect(changeFeedPruneBefore('2026-02-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
  });
});
