// An app's audience as a plan storage can run (docs/adr/0019): the assignments of the app, with the
// audiences of other apps it is given to resolved recursively, flattened into terms. Each term names
// the apps whose blocks apply along its chain (the app itself first), so SQL subtracts them per term.
import type { AppAssignment, AppId, Application } from '../apps.js';
import type { GroupId } from '../model.js';

export type AudienceTerm =
  /** The users the app is assigned to directly (storage reads them from the app's assignments). */
  | { readonly kind: 'users'; readonly appId: AppId; readonly blockedBy: readonly AppId[] }
  /** Members of the group; with `cascade`, members of every group nested in it too. */
  | { readonly kind: 'group'; readonly groupId: GroupId; readonly cascade: boolean; readonly blockedBy: readonly AppId[] }
  /** Every enabled user of the tenant (an app whose assignment is not required). */
  | { readonly kind: 'everyone'; readonly blockedBy: readonly AppId[] };

export interface AudiencePlan {
  readonly appId: AppId;
  /** The app is disabled (or unknown): nobody has it, whatever the terms say. */
  readonly disabled: boolean;
  readonly terms: readonly AudienceTerm[];
}

export interface PlanOptions {
  /**
   * Provisioning scope (ADR 0020): the app's own "open to everyone" does not count, only its
   * assignments. The audiences of apps it is given to are still what they are.
   */
  readonly assignmentsOnly?: boolean;
}

/** Indexes assignments and apps once; plans are then computed per app. */
export class AccessGraph {
  readonly apps: ReadonlyMap<AppId, Application>;
  private readonly byApp = new Map<AppId, AppAssignment[]>();

  private readonly appsWithUsers: ReadonlySet<AppId>;

  /**
   * `assignments` may leave out user assignments when `appsWithUsers` names the apps that have some:
   * a plan reads an app's assigned users in storage, so it needs only to know that there are any.
   */
  constructor(apps: readonly Application[], assignments: readonly AppAssignment[], appsWithUsers: Iterable<AppId> = []) {
    this.apps = new Map(apps.map((a) => [a.id, a]));
    this.appsWithUsers = new Set([...appsWithUsers, ...assignments.filter((a) => a.principalType === 'User').map((a) => a.resourceId)]);
    for (const a of assignments) {
      const list = this.byApp.get(a.resourceId) ?? [];
      list.push(a);
      this.byApp.set(a.resourceId, list);
    }
  }

  assignmentsOf(appId: AppId): readonly AppAssignment[] {
    return this.byApp.get(appId) ?? [];
  }

  plan(appId: AppId, options: PlanOptions = {}): AudiencePlan {
    const app = this.apps.get(appId);
    if (!app) return { appId, disabled: true, terms: [] };
    const terms: AudienceTerm[] = [];
    this.collect(app, [], new Set(), terms, options.assignmentsOnly === true);
    return { appId, disabled: !app.accountEnabled, terms };
  }

  private collect(app: Application, chain: readonly AppId[], visiting: Set<AppId>, terms: AudienceTerm[], assignmentsOnly: boolean): void {
    const blockedBy = [...chain, app.id];
    visiting.add(app.id);
    if (!app.appRoleAssignmentRequired && !assignmentsOnly) terms.push({ kind: 'everyone', blockedBy });
    for (const a of this.assignmentsOf(app.id)) {
      if (a.principalType === 'User') continue;
      if (a.principalType === 'Group') terms.push({ kind: 'group', groupId: a.principalId, cascade: app.cascadeNestedGroups, blockedBy });
      else {
        const source = this.apps.get(a.principalId);
        // Cycles are refused when written; a stored one (never expected) is cut, not followed forever.
        if (source && !visiting.has(source.id)) this.collect(source, blockedBy, visiting, terms, false);
      }
    }
    if (this.appsWithUsers.has(app.id)) terms.push({ kind: 'users', appId: app.id, blockedBy });
    visiting.delete(app.id);
  }

  /** Apps whose audience includes the audience of `appId` (directly or through other apps), not itself. */
  appsFedBy(appId: AppId): AppId[] {
    const out = new Set<AppId>();
    const queue = [appId];
    while (queue.length > 0) {
      const current = queue.shift() as AppId;
      for (const [target, list] of this.byApp) {
        if (out.has(target) || target === appId) continue;
        if (list.some((a) => a.principalType === 'ServicePrincipal' && a.principalId === current)) {
          out.add(target);
          queue.push(target);
        }
      }
    }
    return [...out].sort();
  }
}

/**
 * The loop that giving `appId` to the audience of `sourceAppId` would close, e.g. [A, B, C, A]
 * (A ← B ← C ← A), or null. A self-assignment is the loop [A, A].
 */
export function findAssignmentCycle(assignments: readonly AppAssignment[], appId: AppId, sourceAppId: AppId): AppId[] | null {
  if (appId === sourceAppId) return [appId, appId];
  const sourcesOf = new Map<AppId, AppId[]>();
  for (const a of assignments) {
    if (a.principalType !== 'ServicePrincipal') continue;
    const list = sourcesOf.get(a.resourceId) ?? [];
    list.push(a.principalId);
    sourcesOf.set(a.resourceId, list);
  }
  // Breadth-first from the source along "its audience includes …": reaching appId closes the loop.
  const previous = new Map<AppId, AppId>([[sourceAppId, sourceAppId]]);
  const queue = [sourceAppId];
  while (queue.length > 0) {
    const current = queue.shift() as AppId;
    for (const next of [...(sourcesOf.get(current) ?? [])].sort()) {
      if (previous.has(next)) continue;
      previous.set(next, current);
      if (next === appId) {
        const chain = [appId];
        for (let at = appId; at !== sourceAppId;) {
          at = previous.get(at) as AppId;
          chain.push(at);
        }
        return [appId, ...chain.reverse()];
      }
      queue.push(next);
    }
  }
  return null;
}
