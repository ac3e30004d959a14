// Explain (ADR 0019): every path from a user to an app, shortest first, and the verdict — through
// nested groups (depth 4), with cascade off, through app audiences two levels deep, with blocks on
// the app and on the intermediate app, deleted groups, disabled users and apps; and the impact preview.
import { describe, expect, it } from 'vitest';
import type { AccessExplanation, AppAssignment, AppBlock, Application, PrincipalType } from '../apps.js';
import { appsOfUser, explainAccess, previewJoinImpact, type AccessFacts } from './explain.js';

const app = (id: string, over: Partial<Application> = {}): Application => ({
  tenantId: 't', id, appId: `client-${id}`, displayName: id, description: null, homepage: null, loginUrl: null, logoUrl: null,
  accountEnabled: true, appRoleAssignmentRequired: true, visibleToUsers: true, cascadeNestedGroups: true, appRoles: [],
  createdBy: null, createdDateTime: '2026-01-01T00:00:00.000Z', ...over,
});
const give = (id: string, resourceId: string, principalType: PrincipalType, principalId: string): AppAssignment => ({
  tenantId: 't', id, resourceId, appRoleId: '00000000-0000-0000-0000-000000000000', principalType, principalId, createdBy: null, createdDateTime: '2026-01-01T00:00:00.000Z',
});
const block = (appId: string): AppBlock => ({ tenantId: 't', appId, userId: 'u', reason: null, createdBy: null, createdDateTime: '2026-01-01T00:00:00.000Z' });

// g4 ⊂ g3 ⊂ g2 ⊂ g1 (depth 4), g4 ⊂ side ⊂ g1 (a second, shorter way round), x ⊂ del ⊂ top (del deleted).
const NESTING = [['g1', 'g2'], ['g2', 'g3'], ['g3', 'g4'], ['g1', 'side'], ['side', 'g4'], ['top', 'del'], ['del', 'x']]
  .map(([parentId, childId]) => ({ parentId: parentId as string, childId: childId as string }));
const APPS = [app('SITE'), app('FLAT', { cascadeNestedGroups: false }), app('SAAS'), app('TOP'), app('OPEN', { appRoleAssignmentRequired: false }),
  app('OFF', { accountEnabled: false }), app('DEL')];
const ASSIGNMENTS = [
  give('a-site', 'SITE', 'Group', 'g1'), give('a-flat', 'FLAT', 'Group', 'g1'), give('a-flat4', 'FLAT', 'Group', 'g4'),
  give('a-saas', 'SAAS', 'ServicePrincipal', 'SITE'), give('a-top', 'TOP', 'ServicePrincipal', 'SAAS'), give('a-top-u', 'TOP', 'User', 'u'),
  give('a-off', 'OFF', 'Group', 'g1'), give('a-del', 'DEL', 'Group', 'top'), give('a-del-x', 'DEL', 'Group', 'x'),
];
const facts = (over: Partial<AccessFacts> = {}): AccessFacts => ({
  userId: 'u', userEnabled: true, directGroupIds: ['g4'], nesting: NESTING, deletedGroupIds: ['del'], apps: APPS, assignments: ASSIGNMENTS, blocks: [], ...over,
});
const show = (e: AccessExplanation) => ({ verdict: e.verdict, paths: e.paths.map((p) => `${p.steps.map((s) => s.id).join('>')} (${p.assignmentId ?? 'open'})`) });

describe('explainAccess', () => {
  it.each([
    ['nested depth 4, two ways round, shortest first', facts(), 'SITE', { verdict: 'granted', paths: ['u>g4>side>g1>SITE (a-site)', 'u>g4>g3>g2>g1>SITE (a-site)'] }],
    ['cascade off: only the directly assigned group counts', facts(), 'FLAT', { verdict: 'granted', paths: ['u>g4>FLAT (a-flat4)'] }],
    ['cascade off, user only nested under the assigned group: no path', facts({ assignments: ASSIGNMENTS.filter((a) => a.id !== 'a-flat4') }), 'FLAT', { verdict: 'noPath', paths: [] }],
    ['an app audience, one level', facts(), 'SAAS', { verdict: 'granted', paths: ['u>g4>side>g1>SITE>SAAS (a-saas)', 'u>g4>g3>g2>g1>SITE>SAAS (a-saas)'] }],
    ['an app audience, two levels, and a direct assignment (shortest first)', facts(), 'TOP', { verdict: 'granted', paths: [
      'u>TOP (a-top-u)', 'u>g4>side>g1>SITE>SAAS>TOP (a-top)', 'u>g4>g3>g2>g1>SITE>SAAS>TOP (a-top)'] }],
    ['blocked on the app: paths kept, verdict blocked', facts({ blocks: [block('SITE')] }), 'SITE', { verdict: 'blocked', paths: ['u>g4>side>g1>SITE (a-site)', 'u>g4>g3>g2>g1>SITE (a-site)'] }],
    ['blocked on the intermediate app: its audience excludes the user', facts({ blocks: [block('SITE')] }), 'SAAS', { verdict: 'noPath', paths: [] }],
    ['blocked on the intermediate app, a direct path remains', facts({ blocks: [block('SAAS')] }), 'TOP', { verdict: 'granted', paths: ['u>TOP (a-top-u)'] }],
    ['app open to all: the open path', facts({ directGroupIds: [] }), 'OPEN', { verdict: 'granted', paths: ['u>OPEN (open)'] }],
    ['app disabled: appDisabled, paths kept', facts(), 'OFF', { verdict: 'appDisabled', paths: ['u>g4>side>g1>OFF (a-off)', 'u>g4>g3>g2>g1>OFF (a-off)'] }],
    ['user disabled: userDisabled, paths kept', facts({ userEnabled: false }), 'SITE', { verdict: 'userDisabled', paths: ['u>g4>side>g1>SITE (a-site)', 'u>g4>g3>g2>g1>SITE (a-site)'] }],
    ['a deleted group cuts off what is above it', facts({ directGroupIds: ['x'] }), 'DEL', { verdict: 'granted', paths: ['u>x>DEL (a-del-x)'] }],
    ['member of the deleted group itself: nothing through it', facts({ directGroupIds: ['del'] }), 'DEL', { verdict: 'noPath', paths: [] }],
    ['a deleted group on one way round cuts the pair even if another way goes round it',
      facts({ deletedGroupIds: ['g3'] }), 'SITE', { verdict: 'noPath', paths: [] }],
    ['a deleted group above the assigned one does not matter', facts({ deletedGroupIds: ['top'], directGroupIds: ['g4'] }), 'SITE', { verdict: 'granted', paths: ['u>g4>side>g1>SITE (a-site)', 'u>g4>g3>g2>g1>SITE (a-site)'] }],
    ['no groups, no assignment: noPath', facts({ directGroupIds: [] }), 'SITE', { verdict: 'noPath', paths: [] }],
    ['an unknown app: noPath', facts(), 'NOPE', { verdict: 'noPath', paths: [] }],
  ] as const)('%s', (_name, f, appId, expected) => {
    expect(show(explainAccess(f, appId))).toEqual(expected);
  });

  it('provisioning scope: an open app counts only its assignments', () => {
    expect(explainAccess(facts({ directGroupIds: [] }), 'OPEN', { assignmentsOnly: true }).verdict).toBe('noPath');
  });

  it('the block is returned with a blocked verdict', () => {
    expect(explainAccess(facts({ blocks: [block('SITE')] }), 'SITE').block).toEqual(block('SITE'));
  });
});

describe('appsOfUser', () => {
  it('every app with a path, each with its verdict', () => {
    expect(appsOfUser(facts({ blocks: [block('SAAS')] })).map((e) => [e.appId, e.verdict])).toEqual([
      ['FLAT', 'granted'], ['OFF', 'appDisabled'], ['OPEN', 'granted'], ['SAAS', 'blocked'], ['SITE', 'granted'], ['TOP', 'granted'],
    ]);
  });
});

describe('previewJoinImpact', () => {
  it('joining g4 nests into g3, g2, g1 and side and opens SITE, FLAT, SAAS (TOP was already granted directly)', () => {
    const before = facts({ directGroupIds: [] });
    const after = facts({ directGroupIds: ['g4'] });
    const impact = previewJoinImpact(before, after);
    expect(impact.newGroupIds).toEqual(['g1', 'g2', 'g3', 'g4', 'side']);
    expect(impact.newApps.map((e) => e.appId)).toEqual(['FLAT', 'SAAS', 'SITE']);
    expect(show(impact.newApps.find((e) => e.appId === 'SAAS') as AccessExplanation).paths[0]).toBe('u>g4>side>g1>SITE>SAAS (a-saas)');
  });

  it('an app already granted another way is not new; a blocked one does not open', () => {
    const before = facts({ directGroupIds: [], blocks: [block('SITE')] });
    const after = facts({ directGroupIds: ['g4'], blocks: [block('SITE')] });
    expect(previewJoinImpact(before, after).newApps.map((e) => e.appId)).toEqual(['FLAT']); // TOP was already granted (direct)
  });
});
