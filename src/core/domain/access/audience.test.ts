// Audience plans and assignment cycles (ADR 0019): each app's assignments flattened into terms, other
// apps' audiences resolved with their blocks along the chain; loops refused and named.
import { describe, expect, it } from 'vitest';
import type { AppAssignment, Application, PrincipalType } from '../apps.js';
import { AccessGraph, findAssignmentCycle } from './audience.js';

const app = (id: string, over: Partial<Application> = {}): Application => ({
  tenantId: 't', id, appId: `client-${id}`, displayName: id, description: null, homepage: null, loginUrl: null, logoUrl: null,
  accountEnabled: true, appRoleAssignmentRequired: true, visibleToUsers: true, cascadeNestedGroups: true, appRoles: [],
  createdBy: null, createdDateTime: '2026-01-01T00:00:00.000Z', ...over,
});
let n = 0;
const give = (resourceId: string, principalType: PrincipalType, principalId: string): AppAssignment => ({
  tenantId: 't', id: `as-${++n}`, resourceId, appRoleId: '00000000-0000-0000-0000-000000000000', principalType, principalId, createdBy: null, createdDateTime: '2026-01-01T00:00:00.000Z',
});

describe('audience plan', () => {
  const apps = [app('A'), app('B', { cascadeNestedGroups: false }), app('C'), app('OPEN', { appRoleAssignmentRequired: false }), app('OFF', { accountEnabled: false })];
  const graph = new AccessGraph(apps, [
    give('A', 'Group', 'g1'), give('A', 'User', 'u1'), give('A', 'User', 'u2'), give('A', 'ServicePrincipal', 'B'),
    give('B', 'Group', 'g2'), give('B', 'ServicePrincipal', 'C'), give('C', 'User', 'u3'),
    give('OFF', 'Group', 'g1'), give('OPEN', 'Group', 'g3'),
  ]);
  it.each([
    ['A: its group (cascading), its users, B\'s audience with B\'s blocks, C\'s (two levels) with C\'s and B\'s', 'A', {}, {
      appId: 'A', disabled: false, terms: [
        { kind: 'group', groupId: 'g1', cascade: true, blockedBy: ['A'] },
        { kind: 'group', groupId: 'g2', cascade: false, blockedBy: ['A', 'B'] },
        { kind: 'users', appId: 'C', blockedBy: ['A', 'B', 'C'] },
        { kind: 'users', appId: 'A', blockedBy: ['A'] },
      ] }],
    ['B does not cascade: its group term says so', 'B', {}, { appId: 'B', disabled: false, terms: [
      { kind: 'group', groupId: 'g2', cascade: false, blockedBy: ['B'] }, { kind: 'users', appId: 'C', blockedBy: ['B', 'C'] }] }],
    ['a disabled app: the plan is marked disabled', 'OFF', {}, { appId: 'OFF', disabled: true, terms: [{ kind: 'group', groupId: 'g1', cascade: true, blockedBy: ['OFF'] }] }],
    ['an app open to all: everyone', 'OPEN', {}, { appId: 'OPEN', disabled: false, terms: [
      { kind: 'everyone', blockedBy: ['OPEN'] }, { kind: 'group', groupId: 'g3', cascade: true, blockedBy: ['OPEN'] }] }],
    ['an app open to all, provisioning scope: its assignments only', 'OPEN', { assignmentsOnly: true }, { appId: 'OPEN', disabled: false, terms: [
      { kind: 'group', groupId: 'g3', cascade: true, blockedBy: ['OPEN'] }] }],
    ['an unknown app: nobody', 'X', {}, { appId: 'X', disabled: true, terms: [] }],
  ] as const)('%s', (_name, appId, options, expected) => {
    expect(graph.plan(appId, options)).toEqual(expected);
  });

  it('user assignments may be left out when the apps that have some are named', () => {
    const lean = new AccessGraph(apps, [give('A', 'Group', 'g1')], ['A']);
    expect(lean.plan('A').terms).toEqual([{ kind: 'group', groupId: 'g1', cascade: true, blockedBy: ['A'] }, { kind: 'users', appId: 'A', blockedBy: ['A'] }]);
  });

  it('apps fed by an app\'s audience, transitively', () => {
    expect(graph.appsFedBy('C')).toEqual(['A', 'B']);
    expect(graph.appsFedBy('A')).toEqual([]);
  });

  it('a stored loop (never written, but defended) is cut, not followed forever', () => {
    const looped = new AccessGraph([app('A'), app('B')], [give('A', 'ServicePrincipal', 'B'), give('B', 'ServicePrincipal', 'A'), give('B', 'User', 'u')]);
    expect(looped.plan('A').terms).toEqual([{ kind: 'users', appId: 'B', blockedBy: ['A', 'B'] }]);
  });
});

describe('findAssignmentCycle (A ← B: A given to B\'s audience)', () => {
  const edges = [give('B', 'ServicePrincipal', 'C'), give('C', 'ServicePrincipal', 'D'), give('X', 'ServicePrincipal', 'B'), give('B', 'Group', 'g')];
  it.each([
    ['self: A ← A is the loop [A, A]', 'A', 'A', ['A', 'A']],
    ['three-cycle: B ← C ← D exists, so D ← B loops [D, B, C, D]', 'D', 'B', ['D', 'B', 'C', 'D']],
    ['two-cycle: B ← C exists, so C ← B loops [C, B, C]', 'C', 'B', ['C', 'B', 'C']],
    ['no loop: A ← B', 'A', 'B', null],
    ['two-cycle the other way: X ← B exists, so B ← X loops [B, X, B]', 'B', 'X', ['B', 'X', 'B']],
    ['a group principal is no edge: g ← B is not a loop', 'g', 'B', null],
  ] as const)('%s', (_name, appId, source, expected) => {
    expect(findAssignmentCycle(edges, appId, source)).toEqual(expected);
  });
});
