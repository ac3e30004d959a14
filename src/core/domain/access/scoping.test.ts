// §3.9: effective access and explain show paths only through groups whose membership the caller sees.
import { describe, expect, it } from 'vitest';
import type { AccessPath } from '../apps.js';
import type { AudiencePlan } from './audience.js';
import { groupsOf, HIDDEN_GROUP_ID, visiblePaths, visiblePlan } from './scoping.js';

const path = (...groups: string[]): AccessPath => ({
  steps: [{ kind: 'user', id: 'ann' }, ...groups.map((id) => ({ kind: 'group' as const, id })), { kind: 'app', id: 'crm' }],
  assignmentId: 'as-1', appRoleId: '0',
});
const direct: AccessPath = { steps: [{ kind: 'user', id: 'ann' }, { kind: 'app', id: 'crm' }], assignmentId: 'as-2', appRoleId: '0' };
const plan: AudiencePlan = {
  appId: 'crm', disabled: false,
  terms: [
    { kind: 'group', groupId: 'sales', cascade: true, blockedBy: ['crm'] },
    { kind: 'group', groupId: 'secret', cascade: true, blockedBy: ['crm'] },
    { kind: 'users', appId: 'crm', blockedBy: ['crm'] },
  ],
};

describe('visiblePlan', () => {
  it.each([
    ['nothing hidden: the plan as it is', new Set<string>(), ['sales', 'secret', 'users']],
    ['a hidden assigned group is dropped with its members', new Set(['secret']), ['sales', 'users']],
    ['a hidden group that is not assigned changes nothing', new Set(['emea']), ['sales', 'secret', 'users']],
  ])('%s', (_name, hidden, kept) => {
    expect(visiblePlan(plan, hidden).terms.map((t) => (t.kind === 'group' ? t.groupId : t.kind))).toEqual(kept);
  });
});

describe('visiblePaths', () => {
  const hide = (...ids: string[]) => new Set(ids);
  it.each([
    ['nothing hidden: every path', [path('emea', 'sales'), direct], hide(), [['ann', 'emea', 'sales', 'crm'], ['ann', 'crm']]],
    ['the assigned group hidden: the path is left out', [path('emea', 'secret'), direct], hide('secret'), [['ann', 'crm']]],
    ['a hidden group beneath a visible assigned one: kept, anonymous', [path('emea', 'sales')], hide('emea'), [['ann', HIDDEN_GROUP_ID, 'sales', 'crm']]],
    ['a direct assignment never goes through a group', [direct], hide('sales'), [['ann', 'crm']]],
  ])('%s', (_name, paths, hidden, expected) => {
    expect(visiblePaths(paths, hidden).map((p) => p.steps.map((s) => s.id))).toEqual(expected);
  });
});

it('groupsOf: the plan\'s groups and the paths\' groups, once each', () => {
  expect(groupsOf(plan, [path('emea', 'sales')]).sort()).toEqual(['emea', 'sales', 'secret']);
  expect(groupsOf(null, [direct])).toEqual([]);
});
