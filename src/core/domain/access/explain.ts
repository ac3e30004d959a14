// "Why does this user have this app?" (docs/adr/0019): a pure walk over the facts storage reads for one
// user — their direct groups, the nesting edges above them, which groups are deleted, the apps, the
// assignments that can reach them, their blocks — returning every path, shortest first, and a verdict.
import { DEFAULT_ACCESS_ROLE_ID, type AccessExplanation, type AccessPath, type AccessStep, type AppAssignment, type AppBlock, type AppId, type Application } from '../apps.js';
import type { GroupId, UserId } from '../model.js';
import { AccessGraph } from './audience.js';

export interface NestingEdge {
  readonly parentId: GroupId;
  readonly childId: GroupId;
}

export interface AccessFacts {
  readonly userId: UserId;
  /** False for a disabled or unknown user. */
  readonly userEnabled: boolean;
  /** Groups the user is a direct member of (live or deleted). */
  readonly directGroupIds: readonly GroupId[];
  /** Group-in-group edges among the groups above the direct ones. */
  readonly nesting: readonly NestingEdge[];
  /** Which of those groups are soft-deleted. */
  readonly deletedGroupIds: readonly GroupId[];
  readonly apps: readonly Application[];
  /** At least: assignments to the user, to any group above it, and every app → app assignment. */
  readonly assignments: readonly AppAssignment[];
  /** The user's blocks. */
  readonly blocks: readonly AppBlock[];
}

export interface ExplainOptions {
  /** Provisioning scope (ADR 0020): an app open to everyone counts only its assignments. */
  readonly assignmentsOnly?: boolean;
}

/** Paths beyond this many per app are dropped (the shortest are kept); a user in a dense lattice of nested groups could have thousands. */
export const MAX_PATHS = 50;


/** For each group the user reaches, the chains of groups [direct, …, that group] through live groups. */
export function groupChains(facts: AccessFacts): Map<GroupId, GroupId[][]> {
  const parents = new Map<GroupId, GroupId[]>();
  for (const e of facts.nesting) {
    const list = parents.get(e.childId) ?? [];
    if (!list.includes(e.parentId)) list.push(e.parentId);
    parents.set(e.childId, list);
  }
  for (const list of parents.values()) list.sort();
  const deleted = new Set(facts.deletedGroupIds);
  const above = (g: GroupId): Set<GroupId> => {
    const seen = new Set([g]);
    const queue = [g];
    while (queue.length > 0) for (const p of parents.get(queue.shift() as GroupId) ?? []) if (!seen.has(p)) { seen.add(p); queue.push(p); }
    return seen;
  };
  const chains = new Map<GroupId, GroupId[][]>();
  for (const direct of [...new Set(facts.directGroupIds)].sort()) {
    // A deleted group cuts off itself and everything above it from the groups beneath it, even where
    // another path goes around it: a deletion never leaves access behind (the SQL applies the same rule).
    const cut = new Set<GroupId>();
    for (const g of above(direct)) if (deleted.has(g)) for (const a of above(g)) cut.add(a);
    const walk = (path: GroupId[]): void => {
      const top = path[path.length - 1] as GroupId;
      const list = chains.get(top) ?? [];
      if (list.length < MAX_PATHS) list.push(path);
      chains.set(top, list);
      for (const p of parents.get(top) ?? []) if (!cut.has(p) && !path.includes(p)) walk([...path, p]);
    };
    if (!cut.has(direct)) walk([direct]);
  }
  return chains;
}

const stepKey = (p: AccessPath): string => p.steps.map((s) => `${s.kind}:${s.id}`).join('>');

function byLengthThenIds(a: AccessPath, b: AccessPath): number {
  return a.steps.length - b.steps.length || (stepKey(a) < stepKey(b) ? -1 : stepKey(a) > stepKey(b) ? 1 : 0);
}

/** Explains every app of the facts at once: the walk shares the group chains and each app's paths. */
export class AccessWalk {
  private readonly graph: AccessGraph;
  private readonly chains: Map<GroupId, GroupId[][]>;
  private readonly blocks: Map<AppId, AppBlock>;
  private readonly memo = new Map<AppId, AccessPath[]>();

  constructor(private readonly facts: AccessFacts, private readonly options: ExplainOptions = {}) {
    this.graph = new AccessGraph(facts.apps, facts.assignments);
    this.chains = groupChains(facts);
    this.blocks = new Map(facts.blocks.filter((b) => b.userId === facts.userId).map((b) => [b.appId, b]));
  }

  /** Groups the user is a transitive member of through live groups. */
  reachedGroupIds(): GroupId[] {
    return [...this.chains.keys()].sort();
  }

  explain(appId: AppId): AccessExplanation {
    const { userId, userEnabled } = this.facts;
    const app = this.graph.apps.get(appId);
    const paths = app ? this.pathsTo(app, true, new Set()) : [];
    const block = this.blocks.get(appId) ?? null;
    const verdict = !app ? 'noPath'
      : !app.accountEnabled ? 'appDisabled'
        : !userEnabled ? 'userDisabled'
          : paths.length === 0 ? 'noPath'
            : block ? 'blocked' : 'granted';
    return { userId, appId, verdict, paths, block };
  }

  /** Every app the user has a path to (any verdict but noPath), ordered by app id. */
  all(): AccessExplanation[] {
    return [...this.graph.apps.keys()].sort().map((id) => this.explain(id)).filter((e) => e.paths.length > 0);
  }

  private pathsTo(app: Application, top: boolean, visiting: Set<AppId>): AccessPath[] {
    const cached = top ? undefined : this.memo.get(app.id);
    if (cached) return cached;
    const user: AccessStep = { kind: 'user', id: this.facts.userId };
    const end: AccessStep = { kind: 'app', id: app.id };
    const out: AccessPath[] = [];
    if (!app.appRoleAssignmentRequired && !(top && this.options.assignmentsOnly)) {
      out.push({ steps: [user, end], assignmentId: null, appRoleId: DEFAULT_ACCESS_ROLE_ID });
    }
    visiting.add(app.id);
    for (const a of this.graph.assignmentsOf(app.id)) {
      const via = { assignmentId: a.id, appRoleId: a.appRoleId };
      if (a.principalType === 'User') {
        if (a.principalId === this.facts.userId) out.push({ steps: [user, end], ...via });
      } else if (a.principalType === 'Group') {
        for (const chain of this.chains.get(a.principalId) ?? []) {
          if (!app.cascadeNestedGroups && chain.length > 1) continue;
          out.push({ steps: [user, ...chain.map((id): AccessStep => ({ kind: 'group', id })), end], ...via });
        }
      } else {
        const source = this.graph.apps.get(a.principalId);
        // The audience of another app, minus that app's blocks; its own kill switch does not apply here.
        if (!source || visiting.has(source.id) || this.blocks.has(source.id)) continue;
        for (const p of this.pathsTo(source, false, visiting)) out.push({ steps: [...p.steps, end], ...via });
      }
    }
    visiting.delete(app.id);
    const sorted = out.sort(byLengthThenIds).slice(0, MAX_PATHS);
    if (!top) this.memo.set(app.id, sorted);
    return sorted;
  }
}

export function explainAccess(facts: AccessFacts, appId: AppId, options?: ExplainOptions): AccessExplanation {
  return new AccessWalk(facts, options).explain(appId);
}

/** Every app the user has a path to, each explained (My Apps; a user's appRoleAssignments with paths). */
export function appsOfUser(facts: AccessFacts, options?: ExplainOptions): AccessExplanation[] {
  return new AccessWalk(facts, options).all();
}

export interface JoinImpact {
  /** Live groups the user would newly be a transitive member of (the joined group included). */
  readonly newGroupIds: GroupId[];
  /** Apps that would newly be granted, explained as if the request were approved. */
  readonly newApps: AccessExplanation[];
}

/**
 * What approving a join request would change: `before` are the requester's facts, `after` the same
 * facts with the one hypothetical direct membership (and the nesting above it).
 */
export function previewJoinImpact(before: AccessFacts, after: AccessFacts): JoinImpact {
  const was = new AccessWalk(before);
  const will = new AccessWalk(after);
  const hadGroups = new Set(was.reachedGroupIds());
  const granted = new Set(was.all().filter((e) => e.verdict === 'granted').map((e) => e.appId));
  return {
    newGroupIds: will.reachedGroupIds().filter((g) => !hadGroups.has(g)),
    newApps: will.all().filter((e) => e.verdict === 'granted' && !granted.has(e.appId)),
  };
}
