// Applications and access over the public API (ADR 0019): the admin center's app pages, My Apps, and
// the impact preview approvers see. Who may do what comes from each app's @roster.abilities.
import { useQuery } from '@tanstack/react-query';
import { adminCall, ApiError, call, graphPath } from './client';
import { EVENTUAL } from './hooks';
import { searchWords, usePagedList } from './admin';
import type { AccessExplanation, AppBlock, AppRoleAssignment, Collection, DirectoryObject, EffectiveUser, ImpactPreview, MyApp, ServicePrincipal } from './types';

const enc = graphPath;
export const appPath = (id: string) => `/v1.0/servicePrincipals/${enc(id)}`;

export const appKeys = {
  list: (path: string) => ['admin', 'apps', path] as const,
  app: (id: string) => ['admin', 'app', id] as const,
  assignments: (id: string) => ['admin', 'app', id, 'assignments'] as const,
  access: (id: string, path: string) => ['admin', 'app', id, 'access', path] as const,
  blocks: (id: string) => ['admin', 'app', id, 'blocks'] as const,
  owners: (id: string) => ['admin', 'app', id, 'owners'] as const,
  myApps: ['me', 'apps'] as const,
  impact: (requestId: string) => ['joinRequest', requestId, 'impact'] as const,
  groupApps: (groupId: string) => ['group', groupId, 'apps'] as const,
};

export const appsListPath = (search: string) => {
  const words = searchWords(search);
  return `/v1.0/servicePrincipals?$top=25&$count=true${words ? `&$search=${encodeURIComponent(`"displayName:${words}"`)}` : ''}`;
};

export function useApps(search: string) {
  const path = appsListPath(search);
  return usePagedList<ServicePrincipal>(appKeys.list(path), path, EVENTUAL);
}

export function useApp(id: string) {
  return useQuery({ queryKey: appKeys.app(id), queryFn: () => adminCall<ServicePrincipal>(appPath(id)) });
}

export function useAssignments(id: string) {
  return usePagedList<AppRoleAssignment>(appKeys.assignments(id), `${appPath(id)}/appRoleAssignedTo?$top=50`);
}

export const accessPath = (id: string, search: string) => {
  const words = searchWords(search);
  return `${appPath(id)}/roster.effectiveAccess?$top=25&$count=true${words ? `&$search=${encodeURIComponent(`"${words}"`)}` : ''}`;
};

export function useEffectiveAccess(id: string, search: string) {
  const path = accessPath(id, search);
  return usePagedList<EffectiveUser>(appKeys.access(id, path), path, EVENTUAL);
}

export function useBlocks(id: string) {
  return usePagedList<AppBlock>(appKeys.blocks(id), `${appPath(id)}/roster.blocks?$top=50`);
}

export function useAppOwners(id: string) {
  return useQuery({ queryKey: appKeys.owners(id), queryFn: async () => (await adminCall<Collection<DirectoryObject>>(`${appPath(id)}/owners`)).value });
}

export function explainPath(appId: string, userId: string): string {
  return `${appPath(appId)}/roster.explain(userId='${enc(userId)}')`;
}

export function useExplain(appId: string, userId: string | null) {
  return useQuery({ queryKey: ['admin', 'app', appId, 'explain', userId], enabled: userId !== null, queryFn: () => adminCall<AccessExplanation>(explainPath(appId, userId ?? '')) });
}

export function useMyApps() {
  return useQuery({ queryKey: appKeys.myApps, queryFn: async () => (await call<Collection<MyApp>>('/v1.0/me/roster.apps?$top=999')).value });
}

/** Apps the signed-in user manages (owners and admins), as the server's abilities say: the way to an app's page without the admin center. */
export function useManagedApps() {
  return useQuery({
    queryKey: ['me', 'managedApps'],
    queryFn: async () => (await call<Collection<ServicePrincipal>>('/v1.0/servicePrincipals?$top=999')).value.filter((a) => a['@roster.abilities']?.assign === true),
  });
}

export function useImpactPreview(requestId: string, enabled: boolean) {
  return useQuery({ queryKey: appKeys.impact(requestId), enabled, retry: false, queryFn: () => call<ImpactPreview>(`/v1.0/joinRequests/${enc(requestId)}/roster.impactPreview`) });
}

/**
 * The apps given to a group (its owners, administrators and app readers may see them); null when the
 * API does not let the caller see them (403, or 404 for a group it hides): the group page then shows nothing.
 */
export function useGroupApps(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: appKeys.groupApps(groupId), enabled, retry: false,
    queryFn: async (): Promise<AppRoleAssignment[] | null> => {
      try {
        const out: AppRoleAssignment[] = [];
        let next: string | undefined = `/v1.0/groups/${enc(groupId)}/appRoleAssignments?$top=999`;
        for (let i = 0; next && i < 10; i++) {
          const page: Collection<AppRoleAssignment> = await call<Collection<AppRoleAssignment>>(next);
          out.push(...page.value);
          next = page['@odata.nextLink'];
        }
        return out;
      } catch (err) {
        if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return null;
        throw err;
      }
    },
  });
}
