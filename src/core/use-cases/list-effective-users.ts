// Everyone who has an app (ADR 0019): one SQL query over the app's audience plan — paged by user id,
// searchable by displayName / userPrincipalName prefix, counted — each user with every path that
// gives it when asked. Admins with an app role, the app's owners, Application.Read.All.
import type { AccessPath } from '../domain/apps.js';
import { explainAccess, type AccessFacts } from '../domain/access/explain.js';
import type { UserId } from '../domain/model.js';
import { decideReadAppAccess } from '../domain/policy/apps.js';
import type { Caller, CoreDeps } from '../ports.js';
import { loadAccessGraph } from './support/access.js';
import { cursorAfter, loadVisibleApp, namesOnPaths, pageLimit, type AccessPage } from './support/apps.js';
import { runUseCase } from './support/context.js';

export interface EffectiveUsersInput {
  appId: string;
  /** Case-insensitive prefix of displayName or userPrincipalName. */
  search?: string | undefined;
  /** The `nextCursor` of the previous page (a user id). */
  after?: string | undefined;
  /** 1–999, default 100. */
  limit?: number | undefined;
  /** Also return how many users have it (with the search). */
  count?: boolean | undefined;
  /** Each user with every path, shortest first, and `names` for what they go through. */
  withPaths?: boolean | undefined;
}

export interface EffectiveUser {
  id: UserId;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  paths?: AccessPath[] | undefined;
}

export interface EffectiveUsersPage extends AccessPage<EffectiveUser> {
  /** Present with withPaths: display names of the users, groups and apps on the paths. */
  names?: Record<string, string> | undefined;
}

export async function listEffectiveUsers(deps: CoreDeps, caller: Caller, input: EffectiveUsersInput): Promise<EffectiveUsersPage> {
  return runUseCase(deps, caller, 'app.effectiveAccess.read', { type: 'application', id: input.appId }, async (uc) => {
    const { app, rel } = await loadVisibleApp(uc, input.appId);
    uc.enforce(decideReadAppAccess(uc.policy, rel));
    const limit = pageLimit(input.limit);
    const plan = (await loadAccessGraph(uc.scope)).plan(app.id);
    const query = { after: input.after, limit, search: input.search };
    const { ids, count } = input.count ? await uc.scope.access.pageWithCount(plan, query) : { ids: await uc.scope.access.pageUserIds(plan, query), count: undefined };
    const users = await uc.scope.access.usersOf(ids);
    const items: EffectiveUser[] = users.map((u) => ({ id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, mail: u.mail }));
    let names: Record<string, string> | undefined;
    if (input.withPaths) {
      const facts = await uc.scope.access.factsOfMany(items.map((i) => i.id));
      items.forEach((item, i) => { item.paths = explainAccess(facts[i] as AccessFacts, app.id).paths; });
      names = await namesOnPaths(uc, items.flatMap((i) => i.paths ?? []));
    }
    return { items, nextCursor: cursorAfter(items, limit, (i) => i.id), count, names };
  });
}
