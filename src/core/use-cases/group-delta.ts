// GET /groups/delta: a first round lists every live group (and, with members, every member) as of a
// snapshot of the change feed; each later round replays the changes between two snapshots, as the
// current state of what changed. What a caller may see is decided per group by the §3.9 policy, as
// for GET /groups and GET /groups/{id}/members (ADR 0015).
import { changeFeedPruneBefore, isDeltaStateExpired, visibleMemberChanges, type DeltaMember, type DeltaState } from '../domain/group-delta.js';
import type { Group, GroupId } from '../domain/model.js';
import { canSeeGroup, decideListGroups, memberListVisibility } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps, GroupChange } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { viewsOfPage, type GroupView } from './support/views.js';

export type DeltaEntry =
  /** members: null when members were not asked for. */
  | { readonly kind: 'group'; readonly view: GroupView; readonly members: DeltaMember[] | null }
  /** changed: soft-deleted (restorable); deleted: gone for good. */
  | { readonly kind: 'removed'; readonly groupId: GroupId; readonly reason: 'changed' | 'deleted' };

export type DeltaPage =
  | { readonly expired: false; readonly entries: DeltaEntry[]; readonly next: DeltaState | null; readonly deltaLink: DeltaState | null }
  /** The state is older than the change feed keeps: start a new round (Graph: 410 Gone). */
  | { readonly expired: true };

export interface DeltaInput {
  /** 'start': a new first round; 'latest': only a deltaLink for "from now on"; else a state from a link. */
  readonly state: DeltaState | 'start' | 'latest';
  readonly members: boolean;
  /** Groups per page of the first round (1–999). */
  readonly pageSize: number;
  /** Member entries per page (default DELTA_MEMBER_BUDGET). */
  readonly memberBudget?: number | undefined;
}

/** Member entries per page, across groups; a larger group continues on the next page. */
export const DELTA_MEMBER_BUDGET = 1000;

export async function groupDelta(deps: CoreDeps, caller: Caller, input: DeltaInput): Promise<DeltaPage> {
  return runUseCase(deps, caller, 'group.delta', { type: 'group', id: null }, async (uc) => {
    uc.enforce(decideListGroups(uc.policy));
    const snapshot = () => uc.scope.changes.snapshot();
    if (input.state === 'latest') return done([], { phase: 'caughtUp', since: await snapshot(), issuedAt: uc.now });
    let state: DeltaState = input.state === 'start'
      ? { phase: 'initial', snapshot: await snapshot(), issuedAt: uc.now, afterGroup: null, partial: null }
      : input.state;
    if (isDeltaStateExpired(state, uc.now)) return { expired: true };
    if (state.phase === 'caughtUp') state = { phase: 'changes', since: state.since, until: await snapshot(), issuedAt: state.issuedAt, toAt: uc.now, after: null };
    return state.phase === 'initial' ? initialPage(uc, state, input) : changesPage(uc, state, input);
  });
}

/** Deletes change-feed rows no delta token can still need (run by the sweeper). */
export async function pruneChangeFeed(deps: CoreDeps, tenantId: string): Promise<number> {
  const now = deps.clock.now();
  return deps.uow.transaction(tenantId, (scope) => scope.changes.prune(changeFeedPruneBefore(now)));
}

const done = (entries: DeltaEntry[], deltaLink: DeltaState): DeltaPage => ({ expired: false, entries, next: null, deltaLink });
const more = (entries: DeltaEntry[], next: DeltaState): DeltaPage => ({ expired: false, entries, next, deltaLink: null });

type InitialState = Extract<DeltaState, { phase: 'initial' }>;
type ChangesState = Extract<DeltaState, { phase: 'changes' }>;

async function initialPage(uc: UseCaseContext, state: InitialState, input: DeltaInput): Promise<DeltaPage> {
  const { groups: repo, memberships } = uc.scope;
  const carried = state.partial ? await repo.get(state.partial.groupId) : null;
  const listed = await repo.list({ after: state.partial?.groupId ?? state.afterGroup ?? undefined, limit: input.pageSize, deleted: false });
  const groups = carried && carried.deletedDateTime === null ? [carried, ...listed] : listed;
  const entries: DeltaEntry[] = [];
  let budget = input.memberBudget ?? DELTA_MEMBER_BUDGET;
  for (const { view, rel } of await viewsOfPage(uc, groups)) {
    if (!canSeeGroup(uc.policy, view.group, rel)) continue;
    if (!input.members) { entries.push({ kind: 'group', view, members: null }); continue; }
    const seen = memberListVisibility(uc.policy, view.group, rel);
    const afterMember = view.group.id === state.partial?.groupId ? state.partial.afterMember : undefined;
    const rows = seen === 'none' ? [] : await memberships.listMembers(view.group.id, { after: afterMember, limit: budget + 1 });
    const fits = rows.slice(0, budget);
    const members = visibleMemberChanges(seen, selfIdOf(uc), fits.map((m) => ({ memberId: m.memberId, memberType: m.memberType, present: true })));
    entries.push({ kind: 'group', view, members });
    budget -= fits.length;
    const lastFit = fits.at(-1);
    if (rows.length > fits.length && lastFit) {
      return more(entries, { ...state, partial: { groupId: view.group.id, afterMember: lastFit.memberId } });
    }
    if (budget === 0) return more(entries, { ...state, afterGroup: view.group.id, partial: null });
  }
  const last = listed.at(-1);
  if (listed.length === input.pageSize && last) return more(entries, { ...state, afterGroup: last.id, partial: null });
  return done(entries, { phase: 'caughtUp', since: state.snapshot, issuedAt: state.issuedAt });
}

async function changesPage(uc: UseCaseContext, state: ChangesState, input: DeltaInput): Promise<DeltaPage> {
  const limit = input.members ? input.memberBudget ?? DELTA_MEMBER_BUDGET : input.pageSize;
  const rows = await uc.scope.changes.read({ since: state.since, until: state.until, after: state.after ?? undefined, groupsOnly: !input.members, limit });
  const entries = await entriesOf(uc, rows, input.members);
  const last = rows.at(-1);
  if (rows.length === limit && last) {
    return more(entries, { ...state, after: { position: last.position, groupId: last.groupId, memberId: last.memberId ?? '' } });
  }
  return done(entries, { phase: 'caughtUp', since: state.until, issuedAt: state.toAt });
}

/** One entry per group named by the rows, in the order first named, as the caller may see it now. */
async function entriesOf(uc: UseCaseContext, rows: readonly GroupChange[], withMembers: boolean): Promise<DeltaEntry[]> {
  const byGroup = new Map<GroupId, GroupChange[]>();
  for (const r of rows) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r]);
  const found = new Map((await uc.scope.groups.getMany([...byGroup.keys()])).map((g) => [g.id, g] as const));
  const live: Group[] = [...found.values()].filter((g) => g.deletedDateTime === null);
  const views = new Map((await viewsOfPage(uc, live)).map((v) => [v.view.group.id, v] as const));
  const entries: DeltaEntry[] = [];
  for (const [groupId, changes] of byGroup) {
    const group = found.get(groupId);
    // Live groups are visible tenant-wide (§3.9), so a reader saw this id before it went.
    if (!group) { entries.push({ kind: 'removed', groupId, reason: 'deleted' }); continue; }
    if (group.deletedDateTime !== null) { entries.push({ kind: 'removed', groupId, reason: 'changed' }); continue; }
    const seenGroup = views.get(groupId);
    if (!seenGroup || !canSeeGroup(uc.policy, group, seenGroup.rel)) continue;
    const { view, rel } = seenGroup;
    const groupChanged = changes.some((c) => c.memberId === null);
    if (!withMembers) { entries.push({ kind: 'group', view, members: null }); continue; }
    const memberChanges = changes.filter((c) => c.memberId !== null)
      .map((c) => ({ memberId: c.memberId as string, memberType: c.memberType, present: c.memberPresent }));
    const members = visibleMemberChanges(memberListVisibility(uc.policy, group, rel), selfIdOf(uc), memberChanges);
    // A membership change the caller may not see must not surface the group at all.
    if (!groupChanged && members.length === 0) continue;
    entries.push({ kind: 'group', view, members });
  }
  return entries;
}

const selfIdOf = (uc: UseCaseContext): string | null => (uc.actor.kind === 'user' ? uc.actor.id : null);
