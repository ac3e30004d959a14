// Read applications (Graph GET /servicePrincipals, /servicePrincipals/{id}, …/owners). Readers of
// every app's access (admins with an app role, Application.Read.All) list all apps; other users list
// the apps they own and the visible apps they have (§3.9: others do not exist for them).
import type { AppId, Application } from '../domain/apps.js';
import { appsOfUser } from '../domain/access/explain.js';
import { DomainError } from '../domain/errors.js';
import { decideReadAppAccess, NO_APP_RELATION } from '../domain/policy/apps.js';
import { requireEnabled } from '../domain/policy/context.js';
import type { AppOwnership, Caller, CoreDeps } from '../ports.js';
import { cursorAfter, loadVisibleApp, pageLimit, type AccessPage } from './support/apps.js';
import { runUseCase, type UseCaseContext } from './support/context.js';

export interface ListAppsInput {
  /** Case-insensitive prefix of displayName. */
  search?: string | undefined;
  /** The `nextCursor` of the previous page. */
  after?: string | undefined;
  /** 1–999, default 100. */
  limit?: number | undefined;
  count?: boolean | undefined;
}

export async function getApp(deps: CoreDeps, caller: Caller, input: { id: string }): Promise<Application> {
  return runUseCase(deps, caller, 'app.read', { type: 'application', id: input.id }, async (uc) => (await loadVisibleApp(uc, input.id)).app);
}

/** The app ids a caller who does not read every app may see; null when they read them all. */
async function visibleAppIds(uc: UseCaseContext): Promise<AppId[] | null> {
  const all = decideReadAppAccess(uc.policy, NO_APP_RELATION);
  if (all.outcome === 'allow') return null;
  const { actor } = uc;
  if (actor.kind !== 'user') throw new DomainError(all.outcome === 'deny' ? all.reason : 'missingPermission');
  uc.enforce(requireEnabled(uc.policy));
  const [owned, facts] = await Promise.all([uc.scope.apps.appIdsOwnedBy(actor.id), uc.scope.access.facts(actor.id)]);
  const has = appsOfUser(facts).filter((e) => e.verdict === 'granted').map((e) => e.appId);
  const visible = new Set(facts.apps.filter((a) => a.visibleToUsers).map((a) => a.id));
  return [...new Set([...owned, ...has.filter((id) => visible.has(id))])];
}

export async function listApps(deps: CoreDeps, caller: Caller, input: ListAppsInput = {}): Promise<AccessPage<Application>> {
  return runUseCase(deps, caller, 'app.list', { type: 'application', id: null }, async (uc) => {
    const limit = pageLimit(input.limit);
    const ids = await visibleAppIds(uc);
    const query = { search: input.search, ids: ids ?? undefined };
    const items = await uc.scope.apps.list({ ...query, after: input.after, limit });
    const count = input.count ? await uc.scope.apps.count(query) : undefined;
    return { items, nextCursor: cursorAfter(items, limit, (a) => a.id), count };
  });
}

export async function listAppOwners(deps: CoreDeps, caller: Caller, input: { appId: string }): Promise<AppOwnership[]> {
  return runUseCase(deps, caller, 'app.owner.list', { type: 'application', id: input.appId }, async (uc) => {
    const { app } = await loadVisibleApp(uc, input.appId);
    return uc.scope.apps.listOwners(app.id);
  });
}
