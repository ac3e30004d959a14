// An app's outbound SCIM provisioning over the public API (ADR 0020): its configuration and state,
// the dry run, the log. The token is write-only: the server only ever says whether one is set.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminCall } from './client';
import { appPath } from './apps';
import type { Collection } from './types';

export type ProvisioningState = 'enabled' | 'paused' | 'quarantined';
export type DeprovisionMode = 'disableThenDelete' | 'disable' | 'delete';

/** GET …/roster.provisioning once set up: never the token, only `tokenSet`. */
export interface Provisioning {
  appId: string;
  baseUrl: string;
  tokenSet: true;
  userMapping: Record<string, string>;
  /** What a new setup sends, and what "reset to defaults" restores. */
  defaultUserMapping: Record<string, string>;
  state: ProvisioningState;
  deprovision: DeprovisionMode;
  provisionGroups: boolean;
  reconcileIntervalMinutes: number;
  lastReconciledAt: string | null;
  consecutiveFailures: number;
  quarantinedAt: string | null;
  lastError: string | null;
  createdDateTime: string;
  updatedDateTime: string;
  provisionedUsers: number;
  activeUsers: number;
  provisionedGroups: number;
  pendingJobs: number;
}

/** GET …/roster.provisioning of an app with none set up: the defaults a setup starts from, no target, no token. */
export interface ProvisioningNotConfigured extends Omit<Provisioning, 'state' | 'baseUrl' | 'tokenSet' | 'createdDateTime' | 'updatedDateTime'> {
  state: 'notConfigured';
  baseUrl: null;
  tokenSet: false;
  createdDateTime: null;
  updatedDateTime: null;
}

/** PATCH body: only what changes; `token` only when the admin typed a new one. */
export interface ProvisioningChanges {
  baseUrl?: string;
  token?: string;
  /** The whole mapping: it replaces the one in place. */
  userMapping?: Record<string, string>;
  deprovision?: DeprovisionMode;
  provisionGroups?: boolean;
  reconcileIntervalMinutes?: number;
  state?: 'enabled' | 'paused';
}

export interface ProvisioningLogEntry {
  id: string;
  seq: number;
  at: string;
  /** e.g. `POST /Users`, `PATCH /Users/{id}`, or `reconcile`. */
  operation: string;
  objectType: 'user' | 'group' | null;
  localId: string | null;
  /** The object's name now; null when it is gone or the caller may not see it (the server does not say which). */
  localDisplayName: string | null;
  /** A user's sign-in name now, under the same rule. */
  localUserPrincipalName: string | null;
  remoteId: string | null;
  status: number | null;
  outcome: 'success' | 'failure' | 'skipped' | 'dryRun';
  error: string | null;
  durationMs: number | null;
  attempt: number | null;
}

export interface DryRun {
  /** `objectType: 'user'` with `localId` and `body` null: about a user the caller may not see (an app owner, ADR 0019). */
  requests: Array<{ method: string; path: string; body: unknown; objectType: 'user' | 'group' | null; localId: string | null }>;
  counts: Record<string, number>;
  error: string | null;
}

export const provisioningPath = (appId: string) => `${appPath(appId)}/roster.provisioning`;

export const provisioningKeys = {
  config: (appId: string) => ['admin', 'app', appId, 'provisioning'] as const,
  log: (appId: string) => ['admin', 'app', appId, 'provisioning', 'log'] as const,
};

/** The configuration, or `state: 'notConfigured'` with the defaults (a 200 like any other: nothing to catch). */
export function useProvisioning(appId: string) {
  return useQuery({
    queryKey: provisioningKeys.config(appId),
    queryFn: ({ signal }) => adminCall<Provisioning | ProvisioningNotConfigured>(provisioningPath(appId), { signal }),
  });
}

export function useProvisioningLog(appId: string) {
  return useInfiniteQuery({
    queryKey: provisioningKeys.log(appId), initialPageParam: `${provisioningPath(appId)}/log?$top=25`,
    queryFn: ({ pageParam, signal }) => adminCall<Collection<ProvisioningLogEntry>>(pageParam, { signal }),
    getNextPageParam: (last) => last['@odata.nextLink'],
  });
}

/** Runs one provisioning action and refreshes what it changes (state, counts, log). */
export function useProvisioningAction(appId: string) {
  const client = useQueryClient();
  return async <T>(path: '' | '/pause' | '/resume' | '/reconcile', opts: { method: 'PATCH' | 'POST'; body?: unknown }): Promise<T> => {
    const result = await adminCall<T>(`${provisioningPath(appId)}${path}`, { method: opts.method, body: opts.body ?? {} });
    await client.invalidateQueries({ queryKey: provisioningKeys.config(appId) });
    return result;
  };
}

export const runDryRun = (appId: string) => adminCall<DryRun>(`${provisioningPath(appId)}/dryRun`, { method: 'POST', body: {} });
