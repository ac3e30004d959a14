// The directoryAudit wire shape and the $filter subset of /auditLogs/directoryAudits, as tables.
import { describe, expect, it } from 'vitest';
import type { DirectoryAuditEntry } from '../../core/index.js';
import { directoryAuditJson, modifiedProperties } from './audit-json.js';
import { auditFilterOf } from './routes/audit.js';

const event = (over: Partial<DirectoryAuditEntry['event']> = {}): DirectoryAuditEntry['event'] => ({
  tenantId: 't', id: 'e1', occurredAt: '2026-11-23T12:00:00.000Z', action: 'group.update', actorType: 'user', actorId: 'u1',
  channel: 'api', targetType: 'group', targetId: 'g1', outcome: 'success', reason: null, before: null, after: null,
  requestId: 'req-1', seq: 7, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64), ...over,
});

describe('modifiedProperties', () => {
  it.each([
    ['nothing recorded', null, null, []],
    ['created: every field new', null, { a: 1 }, [{ displayName: 'a', oldValue: null, newValue: '1' }]],
    ['only changed fields, sorted', { a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [2] }, [
      { displayName: 'b', oldValue: '"x"', newValue: '"y"' }, { displayName: 'c', oldValue: '[1]', newValue: '[2]' }]],
    ['deleted: every field gone', { a: true }, null, [{ displayName: 'a', oldValue: 'true', newValue: null }]],
    ['not objects: one "value"', null, 'text', [{ displayName: 'value', oldValue: null, newValue: '"text"' }]],
  ] as const)('%s', (_name, before, after, expected) => expect(modifiedProperties(before, after)).toEqual(expected));
});

describe('directoryAuditJson', () => {
  it.each([
    ['a user\'s success', event(), { result: 'success', resultReason: '', operationType: 'Update', activityDisplayName: 'Update group', category: 'GroupManagement' }],
    ['a denial', event({ outcome: 'denied', reason: 'notOwner', action: 'group.delete' }), { result: 'failure', resultReason: 'notOwner', operationType: 'Delete' }],
    ['an unknown action keeps its name', event({ action: 'group.frobnicate' }), { activityDisplayName: 'group.frobnicate', operationType: 'Update' }],
    ['a read denial', event({ action: 'user.list', targetType: 'user', targetId: null, outcome: 'denied', reason: 'missingPermission' }), { operationType: 'Read', category: 'UserManagement', targetResources: [] }],
    ['a role grant', event({ action: 'role.grant', targetType: 'role', targetId: 'u2' }), { operationType: 'Add', activityDisplayName: 'Add member to role', category: 'RoleManagement', targetResources: [{ id: 'u2', type: 'Role' }] }],
    ['an app', event({ actorType: 'app', actorId: 'app-1' }), { initiatedBy: { user: null, app: expect.objectContaining({ appId: 'app-1' }) } }],
    ['Roster itself', event({ actorType: 'system', actorId: null }), { initiatedBy: { user: null, app: expect.objectContaining({ appId: null, displayName: 'Roster' }) } }],
    ['a membership names group and user', event({ targetType: 'membership', targetId: 'g1/u2' }), { targetResources: [{ id: 'g1', type: 'Group', modifiedProperties: [] }, { id: 'u2', type: 'User', modifiedProperties: [] }] }],
    ['chain annotations', event(), { '@roster.sequence': 7, '@roster.hash': 'b'.repeat(64), '@roster.previousHash': 'a'.repeat(64), loggedByService: 'Roster', correlationId: 'req-1' }],
  ] as const)('%s', (_name, e, expected) => {
    expect(directoryAuditJson({ event: e, initiator: { userPrincipalName: 'ann@x.example', displayName: 'Ann' } })).toMatchObject(expected);
  });
});

describe('auditFilterOf', () => {
  it.each([
    ['none', undefined, undefined],
    ['dates', 'activityDateTime ge 2026-01-01T00:00:00Z and activityDateTime le 2026-02-01', { since: '2026-01-01T00:00:00.000Z', until: '2026-02-01T00:00:00.000Z' }],
    ['result failure → denied', "result eq 'failure'", { outcome: 'denied' }],
    ['category → target types', "category eq 'UserManagement'", { targetTypes: ['user', 'licence'] }],
    ['RoleManagement → role changes', "category eq 'RoleManagement'", { targetTypes: ['role'] }],
    ['unknown category → nothing', "category eq 'Nope'", { targetTypes: [] }],
    ['target id', "targetResources/any(t:t/id eq 'ABC')", { targetId: 'abc' }],
    ['user initiator', "initiatedBy/user/id eq 'U1'", { actorId: 'u1' }],
    ['app initiator', "initiatedBy/app/appId eq 'a1'", { actorId: 'a1' }],
  ] as const)('%s', (_name, text, expected) => expect(auditFilterOf(text)).toEqual(expected));

  it.each([
    ["result eq 'a' or result eq 'b'", 'Request_UnsupportedQuery'],
    ["activityDisplayName eq 'x'", 'Request_UnsupportedQuery'],
    ['activityDateTime lt 2026-01-01', 'Request_UnsupportedQuery'],
    ["category eq 'a' and category eq 'b'", 'Request_UnsupportedQuery'],
    ["targetResources/any(t:t/type eq 'Group')", 'Request_UnsupportedQuery'],
    ["result in ('success')", 'Request_UnsupportedQuery'],
    ["result eq 'maybe'", 'Request_BadRequest'],
    ["activityDateTime ge 'yesterday'", 'Request_BadRequest'],
    ['result eq 5', 'Request_BadRequest'],
  ])('%s → %s', (text, code) => expect(() => auditFilterOf(text)).toThrow(expect.objectContaining({ code })));
});
