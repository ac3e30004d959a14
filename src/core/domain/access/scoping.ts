// §3.9 for effective access and explain (docs/adr/0019): a path tells that a user is in every group
// it goes through, so a caller sees a path only through groups whose membership they may see.
// Pure: the use case says which groups are hidden from the caller; these shape what they get.
import type { AccessPath, AccessStep } from '../apps.js';
import type { GroupId } from '../model.js';
import type { AudiencePlan } from './audience.js';

/** A group step the caller may not see: no id, no name (the wire shows "a group you cannot see"). */
export const HIDDEN_GROUP_ID = '';

/** The plan without the groups whose members the caller may not see: the users reached only through them are not listed, nor counted. */
export function visiblePlan(plan: AudiencePlan, hidden: ReadonlySet<GroupId>): AudiencePlan {
  if (hidden.size === 0) return plan;
  return { ...plan, terms: plan.terms.filter((t) => t.kind !== 'group' || !hidden.has(t.groupId)) };
}

/** The group a path's access is assigned to (the last group before the apps), if any. */
function assignedGroupOf(path: AccessPath): GroupId | null {
  let last: GroupId | null = null;
  for (const s of path.steps) if (s.kind === 'group') last = s.id;
  return last;
}

/**
 * Paths as the caller may see them: a path whose assigned group is hidden is left out (it would
 * name the user as one of its members); a hidden group nested beneath a visible one is kept as an
 * anonymous step, since the user is visibly a member of the group above it.
 */
export function visiblePaths(paths: readonly AccessPath[], hidden: ReadonlySet<GroupId>): AccessPath[] {
  if (hidden.size === 0) return [...paths];
  return paths
    .filter((p) => {
      const assigned = assignedGroupOf(p);
      return assigned === null || !hidden.has(assigned);
    })
    .map((p) => ({ ...p, steps: p.steps.map((s): AccessStep => (s.kind === 'group' && hidden.has(s.id) ? { kind: 'group', id: HIDDEN_GROUP_ID } : s)) }));
}

/** Every group the plan assigns and every group the paths go through. */
export function groupsOf(plan: AudiencePlan | null, paths: readonly AccessPath[]): GroupId[] {
  const out = new Set<GroupId>();
  for (const t of plan?.terms ?? []) if (t.kind === 'group') out.add(t.groupId);
  for (const p of paths) for (const s of p.steps) if (s.kind === 'group') out.add(s.id);
  return [...out];
}
