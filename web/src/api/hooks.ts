// React Query hooks over the public API. Every group comes with the caller's abilities; pages show
// or hide actions from them and nothing else.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, graphPath } from './client';
import type { Collection, DirectoryObject, Group, JoinRequest, User } from './types';

const enc = graphPath;

export const keys = {
  memberOf: ['me', 'memberOf'] as const,
  owned: ['me', 'owned'] as const,
  deletedOwned: ['me', 'deletedOwned'] as const,
  myRequests: ['me', 'joinRequests'] as const,
  approvals: ['me', 'pendingApprovals'] as const,
  group: (id: string) => ['group', id] as const,
  members: (id: string) => ['group', id, 'members'] as const,
  owners: (id: string) => ['group', id, 'owners'] as const,
  groupRequests: (id: string) => ['group', id, 'joinRequests'] as const,
  search: (text: string) => ['groups', 'search', text] as const,
  users: (text: string) => ['users', 'search', text] as const,
};

/** Follows @odata.nextLink to the end (bounded), for the short lists of the home page. */
async function all<T>(path: string, max = 10): Promise<T[]> {
  const out: T[] = [];
  let next: string | undefined = path;
  for (let i = 0; next && i < max; i++) {
    const page: Collection<T> = await call<Collection<T>>(next);
    out.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return out;
}

const isGroup = (o: { '@odata.type'?: string }) => o['@odata.type'] === undefined || o['@odata.type'] === '#microsoft.graph.group';

export function useMemberOf() {
  return useQuery({ queryKey: keys.memberOf, queryFn: async () => (await all<Group>('/v1.0/me/memberOf?$top=100')).filter(isGroup) });
}

export function useOwnedGroups() {
  return useQuery({ queryKey: keys.owned, queryFn: async () => (await all<Group>('/v1.0/me/ownedObjects?$top=100')).filter(isGroup) });
}

/** The groups I own that were deleted and not yet purged (Graph's getUserOwnedObjects; ADR 0021). */
export function useMyDeletedGroups(userId: string) {
  return useQuery({
    queryKey: keys.deletedOwned,
    queryFn: async () => (await call<Collection<Group>>('/v1.0/directory/deletedItems/getUserOwnedObjects', { method: 'POST', body: { userId, type: 'Group' } })).value,
  });
}

export function useMyRequests() {
  return useQuery({ queryKey: keys.myRequests, queryFn: () => all<JoinRequest>('/v1.0/me/joinRequests?$top=100') });
}

export function usePendingApprovals() {
  return useQuery({ queryKey: keys.approvals, queryFn: () => all<JoinRequest>('/v1.0/me/pendingApprovals?$top=100'), refetchInterval: 60_000 });
}

export function useGroup(id: string) {
  return useQuery({ queryKey: keys.group(id), queryFn: () => call<Group>(`/v1.0/groups/${enc(id)}`) });
}

/** Names for the ids a join request carries (the group may be one I cannot read: then no name). */
export function useGroupName(id: string) {
  return useQuery({ queryKey: keys.group(id), queryFn: () => call<Group>(`/v1.0/groups/${enc(id)}`), retry: false });
}

export function useUserName(id: string) {
  return useQuery({ queryKey: ['user', id], queryFn: () => call<User>(`/v1.0/users/${enc(id)}?$select=id,displayName,userPrincipalName`), retry: false, staleTime: 300_000 });
}

export function useMembers(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.members(id), enabled, initialPageParam: `/v1.0/groups/${enc(id)}/members?$top=50`,
    queryFn: ({ pageParam }) => call<Collection<DirectoryObject>>(pageParam),
    getNextPageParam: (last) => last['@odata.nextLink'],
  });
}

export function useOwners(id: string) {
  return useQuery({ queryKey: keys.owners(id), queryFn: () => all<DirectoryObject>(`/v1.0/groups/${enc(id)}/owners`) });
}

export function useGroupRequests(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.groupRequests(id), enabled, queryFn: () => all<JoinRequest>(`/v1.0/groups/${enc(id)}/joinRequests?$top=100`) });
}

/** $search needs ConsistencyLevel: eventual (Graph's advanced query rule). Words are quoted as Graph wants. */
export function searchPath(text: string): string {
  const words = text.replace(/["\\]/g, ' ').trim();
  const base = '/v1.0/groups?$top=20&$orderby=displayName';
  return words ? `/v1.0/groups?$top=20&$search=${encodeURIComponent(`"displayName:${words}"`)}` : base;
}

export const EVENTUAL = { ConsistencyLevel: 'eventual' };

export function useGroupSearch(text: string) {
  return useInfiniteQuery({
    queryKey: keys.search(text), initialPageParam: searchPath(text),
    queryFn: ({ pageParam, signal }) => call<Collection<Group>>(pageParam, { headers: EVENTUAL, signal }),
    getNextPageParam: (last) => last['@odata.nextLink'],
  });
}

export function useUserSearch(text: string) {
  const words = text.replace(/["\\]/g, ' ').trim();
  return useQuery({
    queryKey: keys.users(words), enabled: words.length > 0,
    queryFn: ({ signal }) => call<Collection<User>>(`/v1.0/users?$top=10&$search=${encodeURIComponent(`"displayName:${words}" OR "userPrincipalName:${words}"`)}`, { headers: EVENTUAL, signal }),
  });
}

/**
 * A mutation that refreshes what it changed once it succeeded. A refusal leaves the page as it was,
 * so its message stays next to the button that caused it.
 */
export function useAction<I>(fn: (input: I) => Promise<unknown>, refresh: ReadonlyArray<readonly unknown[]>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => { await Promise.all(refresh.map((queryKey) => client.invalidateQueries({ queryKey }))); },
  });
}

/**
 * SPEC §3.8: whether the organisation turned group features off in My Groups (the setting's value as
 * GET /v1.0/settings reports it, readable by every user). Only shown as a notice: each refusal still
 * comes from the server, and admins keep their abilities.
 */
export function useMyGroupsRestricted() {
  return useQuery({
    queryKey: ['settings', 'restrictMyGroups'], staleTime: 60_000, retry: false,
    queryFn: async () => (await call<Record<string, { value?: unknown }>>('/v1.0/settings'))['restrictMyGroups']?.value === true,
  });
}
