// GET /groups/{id}/transitiveMembers: members of a group and of the groups nested in it, each nested
// group's members shown only as far as the caller may see that group's members (SPEC §3.9) — nesting
// never widens what a caller sees.
import { DomainError } from '../domain/errors.js';
import type { Group, Membership } from '../domain/model.js';
import { memberListVisibility } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { loadVisibleGroup, relationOf } from './support/relation.js';

/** Bounds one call: groups walked and members gathered. */
const MAX_GROUPS = 1000;
const MAX_MEMBERS = 100_000;
const BATCH = 1000;

async function visibleMembers(uc: UseCaseContext, group: Group): Promise<Membership[]> {
  const seen = memberListVisibility(uc.policy, group, await relationOf(uc, uc.actor, group));
  if (seen === 'none') return [];
  if (seen === 'selfOnly') {
    if (uc.actor.kind !== 'user') return [];
    const own = await uc.scope.memberships.get(group.id, uc.actor.id);
    return own ? [own] : [];
  }
  const out: Membership[] = [];
  for (let after: string | undefined; out.length < MAX_MEMBERS;) {
    const batch = await uc.scope.memberships.listMembers(group.id, { after, limit: BATCH });
    out.push(...batch);
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]?.memberId;
  }
  return out;
}

/** Every distinct member (users and groups), ordered by id; at most one entry per member. */
export async function listTransitiveMembers(deps: CoreDeps, caller: Caller, input: { groupId: string }): Promise<Membership[]> {
  return runUseCase(deps, caller, 'member.transitiveList', { type: 'group', id: input.groupId }, (uc) => visibleTransitiveMembers(uc, input.groupId));
}

/** Every distinct member (users and groups) reachable through nesting, as far as the caller may see; ordered by id. */
export async function visibleTransitiveMembers(uc: UseCaseContext, groupId: string): Promise<Membership[]> {
  const { group } = await loadVisibleGroup(uc, groupId);
  const byMember = new Map<string, Membership>();
  const walked = new Set<string>([group.id]);
  const queue: Group[] = [group];
  while (queue.length > 0) {
    const current = queue.shift() as Group;
    for (const m of await visibleMembers(uc, current)) {
      if (!byMember.has(m.memberId)) byMember.set(m.memberId, m);
      if (m.memberType !== 'group' || walked.has(m.memberId)) continue;
      if (walked.size >= MAX_GROUPS) throw new DomainError('invalidInput', `The nesting below this group is too large to list (over ${MAX_GROUPS} groups).`);
      walked.add(m.memberId);
      const child = await uc.scope.groups.get(m.memberId);
      if (child && child.deletedDateTime === null) queue.push(child);
    }
  }
  return [...byMember.values()].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}
