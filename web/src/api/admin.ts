// The admin center's reads and writes: the same public API as My Groups, on the `adminCenter` channel
// (ADR 0017). Who may do what is the server's decision; a refusal comes back as an ApiError.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminCall, graphPath } from './client';
import { EVENTUAL } from './hooks';
import type { Collection, DirectoryRole, Group, SubscribedSku, User } from './types';

/** One tenant setting as GET /v1.0/settings describes it (docs/adr/0011). */
export interface SettingDescription {
  value: unknown;
  default: unknown;
  schema: Record<string, unknown>;
  label: string;
  description: string;
  section: string;
}

export type SettingsDocument = Record<string, SettingDescription>;

export interface ModifiedProperty { displayName: string; oldValue: string | null; newValue: string | null }

export interface DirectoryAudit {
  id: string;
  category: string;
  result: string;
  resultReason?: string | null;
  activityDisplayName: string;
  activityDateTime: string;
  operationType: string;
  initiatedBy: { user: { id: string; userPrincipalName: string | null; displayName: string | null } | null; app: { appId: string | null; displayName: string | null } | null };
  targetResources: Array<{ id: string; type: string; displayName?: string | null; modifiedProperties: ModifiedProperty[] }>;
  additionalDetails: Array<{ key: string; value: string }>;
}

export const adminKeys = {
  settings: ['admin', 'settings'] as const,
  users: (q: string) => ['admin', 'users', q] as const,
  groups: (q: string) => ['admin', 'groups', q] as const,
  deleted: ['admin', 'deletedGroups'] as const,
  audit: (q: string) => ['admin', 'audit', q] as const,
  roles: ['admin', 'directoryRoles'] as const,
  skus: ['admin', 'subscribedSkus'] as const,
};

export function useDirectoryRoles() {
  return useQuery({ queryKey: adminKeys.roles, queryFn: () => adminCall<Collection<DirectoryRole>>('/v1.0/directoryRoles') });
}

export function useSubscribedSkus() {
  return useQuery({ queryKey: adminKeys.skus, queryFn: () => adminCall<Collection<SubscribedSku>>('/v1.0/subscribedSkus') });
}

/** Grant (POST members/$ref) or remove (DELETE members/{id}/$ref) one directory role. */
export function useRoleChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ roleId, userId, grant }: { roleId: string; userId: string; grant: boolean }) => (grant
      ? adminCall(`/v1.0/directoryRoles/${graphPath(roleId)}/members/$ref`, { method: 'POST', body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${userId}` } })
      : adminCall(`/v1.0/directoryRoles/${graphPath(roleId)}/members/${graphPath(userId)}/$ref`, { method: 'DELETE' })),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['admin', 'users'] });
      await client.invalidateQueries({ queryKey: adminKeys.roles });
    },
  });
}

/** Add or remove one licence (POST /users/{id}/assignLicense). */
export function useLicenceChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ skuId, userId, assign }: { skuId: string; userId: string; assign: boolean }) =>
      adminCall<User>(`/v1.0/users/${graphPath(userId)}/assignLicense`, {
        method: 'POST', body: assign ? { addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] } : { addLicenses: [], removeLicenses: [skuId] },
      }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['admin', 'users'] });
      await client.invalidateQueries({ queryKey: adminKeys.skus });
    },
  });
}

/** Graph's quoted $search words (quotes and backslashes cannot be escaped there, so they become spaces). */
export const searchWords = (text: string) => text.replace(/["\\]/g, ' ').trim();

/** A paged list that follows @odata.nextLink on "Load more". */
export function usePagedList<T>(key: readonly unknown[], firstPage: string, headers?: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: key, initialPageParam: firstPage,
    queryFn: ({ pageParam, signal }) => adminCall<Collection<T>>(pageParam, { headers, signal }),
    getNextPageParam: (last) => last['@odata.nextLink'],
  });
}

export function useSettings() {
  return useQuery({ queryKey: adminKeys.settings, queryFn: () => adminCall<SettingsDocument>('/v1.0/settings') });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: Record<string, unknown>) => adminCall<SettingsDocument>('/v1.0/settings', { method: 'PATCH', body: changes }),
    onSuccess: async (doc) => {
      client.setQueryData(adminKeys.settings, doc);
      await client.invalidateQueries({ queryKey: ['settings'] });
    },
  });
}

export const usersPath = (search: string, enabled: boolean) => {
  const words = searchWords(search);
  const filter = `&$filter=${encodeURIComponent(`accountEnabled eq ${enabled}`)}`;
  const query = words ? `&$search=${encodeURIComponent(`"displayName:${words}" OR "userPrincipalName:${words}"`)}` : '&$orderby=displayName';
  return `/v1.0/users?$top=25&$count=true${filter}${query}`;
};

export function useAdminUsers(search: string, enabled: boolean) {
  const path = usersPath(search, enabled);
  return usePagedList<User>(adminKeys.users(path), path, EVENTUAL);
}

export type GroupKind = 'all' | 'security' | 'm365';

export const groupsPath = (search: string, kind: GroupKind) => {
  const words = searchWords(search);
  const filter = kind === 'security' ? 'securityEnabled eq true' : kind === 'm365' ? "groupTypes/any(c:c eq 'Unified')" : '';
  const parts = ['$top=25', '$count=true'];
  if (filter) parts.push(`$filter=${encodeURIComponent(filter)}`);
  if (words) parts.push(`$search=${encodeURIComponent(`"displayName:${words}"`)}`);
  else parts.push('$orderby=displayName');
  return `/v1.0/groups?${parts.join('&')}`;
};

export function useAdminGroups(search: string, kind: GroupKind) {
  const path = groupsPath(search, kind);
  return usePagedList<Group>(adminKeys.groups(path), path, EVENTUAL);
}

export function useDeletedGroups() {
  return usePagedList<Group>(adminKeys.deleted, '/v1.0/directory/deletedItems/microsoft.graph.group?$top=25');
}

export interface AuditQuery { since: string; until: string; result: '' | 'success' | 'failure'; targetId: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The documented $filter subset of directoryAudits (README "The API"), ANDed; dates are whole days (UTC). */
export function auditPath(q: AuditQuery): string {
  const clauses: string[] = [];
  if (q.since) clauses.push(`activityDateTime ge ${q.since}T00:00:00Z`);
  if (q.until) clauses.push(`activityDateTime le ${q.until}T23:59:59Z`);
  if (q.result) clauses.push(`result eq '${q.result}'`);
  const target = q.targetId.trim();
  if (UUID.test(target)) clauses.push(`targetResources/any(t:t/id eq '${target.toLowerCase()}')`);
  const filter = clauses.length ? `&$filter=${encodeURIComponent(clauses.join(' and '))}` : '';
  return `/v1.0/auditLogs/directoryAudits?$top=25${filter}`;
}

export function useAuditLog(q: AuditQuery) {
  const path = auditPath(q);
  return usePagedList<DirectoryAudit>(adminKeys.audit(path), path);
}

export const userPath = (id: string) => `/v1.0/users/${graphPath(id)}`;
