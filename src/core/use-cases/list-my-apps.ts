// My Apps (ADR 0019): the visible apps the signed-in user has, each with the groups it comes through
// and every path. Blocked and disabled apps are not shown (they give nothing).
import type { AccessPath, Application } from '../domain/apps.js';
import { appsOfUser } from '../domain/access/explain.js';
import { decideListMyApps } from '../domain/policy/apps.js';
import type { GroupId } from '../domain/model.js';
import type { Caller, CoreDeps } from '../ports.js';
import { groupsOnPaths, namesOnPaths } from './support/apps.js';
import { runUseCase } from './support/context.js';

export interface MyApp {
  app: Application;
  /** The groups the app comes through, shortest path first; empty when assigned directly or open to all. */
  groupIds: GroupId[];
  paths: AccessPath[];
}

export interface MyApps {
  items: MyApp[];
  /** Display names of the groups and apps on the paths. */
  names: Record<string, string>;
}

export async function listMyApps(deps: CoreDeps, caller: Caller): Promise<MyApps> {
  return runUseCase(deps, caller, 'app.listMine', { type: 'application', id: null }, async (uc) => {
    uc.enforce(decideListMyApps(uc.policy));
    if (uc.actor.kind !== 'user') return { items: [], names: {} };
    const facts = await uc.scope.access.facts(uc.actor.id);
    const apps = new Map(facts.apps.map((a) => [a.id, a]));
    const items = appsOfUser(facts)
      .filter((e) => e.verdict === 'granted' && apps.get(e.appId)?.visibleToUsers)
      .map((e): MyApp => ({ app: apps.get(e.appId) as Application, groupIds: groupsOnPaths(e.paths), paths: e.paths }))
      .sort((a, b) => a.app.displayName.localeCompare(b.app.displayName) || (a.app.id < b.app.id ? -1 : 1));
    return { items, names: await namesOnPaths(uc, items.flatMap((i) => i.paths)) };
  });
}
