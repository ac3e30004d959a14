// Reading an app's provisioning (docs/adr/0020): status (state, last error, counts — or `notConfigured`
// with the defaults a setup starts from), the log (newest first, paged by seq, each entry named as far as
// the caller may see its object) and the dry run (what a reconciliation would send now; writes nothing).
// Admins and the app's owners.
import { DomainError } from '../domain/errors.js';
import type { Caller, CoreDeps, DryRunRequest } from '../ports.js';
import { runUseCase } from './support/context.js';
import { callerSeesOnlyVisibleUsers, namedLogEntries, visibleUsers, type ProvisioningLogItem } from './support/provisioning-log-names.js';
import { loadManagedAppId, loadManagedProvisioning, notConfiguredStatus, statusOf, type ProvisioningRead } from './support/provisioning.js';

/** The app's provisioning; an app with none is a normal answer (`state: 'notConfigured'`), a missing or unseen app is appNotFound. */
export async function getProvisioning(deps: CoreDeps, caller: Caller, input: { appId: string }): Promise<ProvisioningRead> {
  return runUseCase(deps, caller, 'provisioning.read', { type: 'provisioning', id: input.appId }, async (uc) => {
    const appId = await loadManagedAppId(uc, input.appId);
    const config = await uc.scope.provisioning.configs.get(appId);
    return config ? statusOf(uc, config) : notConfiguredStatus(uc, appId);
  });
}

export interface ProvisioningLogPage {
  /** Newest first, each with its object's name when the caller may see it (support/provisioning-log-names.ts). */
  items: ProvisioningLogItem[];
  /** The `before` of the next (older) page; null on the last. */
  nextBefore: number | null;
}

export async function listProvisioningLog(deps: CoreDeps, caller: Caller, input: { appId: string; before?: number | undefined; limit?: number | undefined }): Promise<ProvisioningLogPage> {
  const limit = input.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 999) throw new DomainError('invalidInput', 'The page size must be 1–999.');
  if (input.before !== undefined && (!Number.isInteger(input.before) || input.before < 1)) throw new DomainError('invalidInput', 'before must be a positive integer.');
  return runUseCase(deps, caller, 'provisioning.log', { type: 'provisioning', id: input.appId }, async (uc) => {
    const config = await loadManagedProvisioning(uc, input.appId);
    const rows = await uc.scope.provisioning.log.page(config.appId, { before: input.before, limit });
    return { items: await namedLogEntries(uc, config.appId, rows), nextBefore: rows.length === limit ? (rows.at(-1)?.seq ?? null) : null };
  });
}

/** The checks of a dry run, in a transaction; the run itself (HTTP to the target) happens after, outside it. */
export async function dryRunProvisioning(deps: CoreDeps, caller: Caller, input: { appId: string }): Promise<DryRunResult> {
  const appId = await runUseCase(deps, caller, 'provisioning.dryRun', { type: 'provisioning', id: input.appId }, async (uc) => (await loadManagedProvisioning(uc, input.appId)).appId);
  if (!deps.provisioning) throw new Error('dryRunProvisioning needs deps.provisioning');
  const result = await deps.provisioning.dryRun(caller.tenantId, appId);
  // An owner sees the requests about users they may not see (§3.9, ADR 0019) without body or id: that a write goes, not to whom.
  return runUseCase(deps, caller, 'provisioning.dryRun', { type: 'provisioning', id: appId }, async (uc) => {
    if (!callerSeesOnlyVisibleUsers(uc)) return result;
    const userIds = [...new Set(result.requests.filter((r) => r.objectType === 'user' && r.localId !== null).map((r) => r.localId as string))];
    const visible = new Set(await visibleUsers(uc, appId, userIds));
    const requests = result.requests.map((r) => (r.objectType === 'user' && (r.localId === null || !visible.has(r.localId)) ? { ...r, body: null, localId: null } : r));
    return { ...result, requests };
  });
}

export interface DryRunResult {
  /** The writes a reconciliation would send now (method, path, body), in order. The token is never part of them. */
  requests: DryRunRequest[];
  /** Operations by kind: create, adopt, update, deactivate, delete, forget, group. */
  counts: Record<string, number>;
  /** Why the run stopped early (the target could not be read), or null. */
  error: string | null;
}
