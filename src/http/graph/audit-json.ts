// Graph's directoryAudit shape for a sealed audit event (docs/adr/0016), plus Roster's chain fields as
// annotations (`@roster.sequence`, `@roster.hash`, `@roster.previousHash`). Wire format only: the
// category comes from the core (so `category eq` filters agree with what is shown).
import { auditCategoryOf } from '../../core/domain/audit.js';
import type { DirectoryAuditEntry } from '../../core/index.js';

const ACTIVITIES: Record<string, string> = {
  'group.create': 'Add group', 'group.update': 'Update group', 'group.delete': 'Delete group', 'group.restore': 'Restore group',
  'group.purge': 'Hard delete group', 'group.join': 'Join group', 'group.leave': 'Leave group',
  'member.add': 'Add member to group', 'member.addMany': 'Add members to group', 'member.remove': 'Remove member from group',
  'member.expire': 'Remove expired member from group', 'owner.add': 'Add owner to group', 'owner.remove': 'Remove owner from group',
  'request.create': 'Request to join group', 'request.approve': 'Approve request to join group', 'request.deny': 'Deny request to join group',
  'request.cancel': 'Cancel request to join group', 'request.expire': 'Expire request to join group',
  'user.create': 'Add user', 'user.update': 'Update user', 'user.delete': 'Delete user',
  'role.grant': 'Add member to role', 'role.revoke': 'Remove member from role',
  'licence.assign': 'Change user license', 'licence.remove': 'Change user license', 'licence.seats': 'Update license seats',
  'settings.update': 'Update group settings', 'apiClient.register': 'Add application', 'apiClient.delete': 'Delete application',
  'apiClient.rotateSecret': 'Update application – Certificates and secrets management',
  'token.create': 'Create user token', 'token.revoke': 'Revoke token', 'auth.signIn': 'Sign in', 'auth.signOut': 'Sign out',
  'tenant.bootstrap': 'Create tenant',
};

const ADD = new Set(['create', 'add', 'addMany', 'register', 'join', 'assign', 'grant', 'issue', 'bootstrap']);
const DELETE = new Set(['delete', 'remove', 'purge', 'leave', 'revoke', 'expire', 'cancel']);

function operationTypeOf(action: string): string {
  const verb = action.split('.').pop() ?? '';
  if (ADD.has(verb)) return 'Add';
  if (DELETE.has(verb)) return 'Delete';
  if (verb.startsWith('list') || verb === 'read' || verb === 'delta' || verb.startsWith('check')) return 'Read';
  return 'Update';
}

const RESOURCE_TYPES: Record<string, string> = {
  group: 'Group', membership: 'Group', ownership: 'Group', joinRequest: 'Request', user: 'User', licence: 'User', role: 'Role',
  apiClient: 'ServicePrincipal', token: 'Other', settings: 'Policy', tenant: 'Directory',
};

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** before/after as Graph's modifiedProperties: one entry per changed top-level field of an object, else one "value". */
export function modifiedProperties(before: unknown, after: unknown): Array<{ displayName: string; oldValue: string | null; newValue: string | null }> {
  if (before == null && after == null) return [];
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys.filter((k) => json(b[k]) !== json(a[k])).map((k) => ({ displayName: k, oldValue: json(b[k]), newValue: json(a[k]) }));
  }
  return [{ displayName: 'value', oldValue: json(before), newValue: json(after) }];
}

/** Composite targets ("group/user" for a membership or ownership) name both objects. */
function targetResources(e: DirectoryAuditEntry['event']): Array<Record<string, unknown>> {
  if (e.targetId === null) return [];
  const type = RESOURCE_TYPES[e.targetType] ?? 'Other';
  const changes = modifiedProperties(e.before, e.after);
  const [first, second] = e.targetId.split('/');
  const primary = { id: first, type, modifiedProperties: changes };
  return second ? [primary, { id: second, type: 'User', modifiedProperties: [] }] : [primary];
}

function initiatedBy(entry: DirectoryAuditEntry): Record<string, unknown> {
  const e = entry.event;
  if (e.actorType === 'user') {
    return { user: { id: e.actorId, userPrincipalName: entry.initiator?.userPrincipalName ?? null, displayName: entry.initiator?.displayName ?? null }, app: null };
  }
  if (e.actorType === 'app') return { user: null, app: { appId: e.actorId, displayName: null, servicePrincipalId: e.actorId, servicePrincipalName: null } };
  return { user: null, app: { appId: null, displayName: 'Roster', servicePrincipalId: null, servicePrincipalName: null } };
}

export function directoryAuditJson(entry: DirectoryAuditEntry): Record<string, unknown> {
  const e = entry.event;
  return {
    id: e.id,
    category: auditCategoryOf(e.targetType),
    correlationId: e.requestId,
    result: e.outcome === 'success' ? 'success' : 'failure',
    resultReason: e.reason ?? '',
    activityDisplayName: ACTIVITIES[e.action] ?? e.action,
    activityDateTime: e.occurredAt,
    loggedByService: 'Roster',
    operationType: operationTypeOf(e.action),
    initiatedBy: initiatedBy(entry),
    targetResources: targetResources(e),
    additionalDetails: [{ key: 'action', value: e.action }, { key: 'channel', value: e.channel }],
    '@roster.sequence': e.seq,
    '@roster.hash': e.hash,
    '@roster.previousHash': e.prevHash,
  };
}
