// GET /directory/deletedItems/microsoft.graph.group: soft-deleted groups the caller may restore or
// see (owners, group admins, apps with Group.ReadWrite.All or Directory.Read.All), keyset-paged by id.
import { canSeeGroup } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps } from '../ports.js';
import { pageSize } from './list-members.js';
import { runUseCase } from './support/context.js';
import { relationOf } from './support/relation.js';
import { viewOf, type GroupView } from './support/views.js';

/** One call examines at most this many deleted groups; the cursor continues. */
const SCAN_LIMIT = 2000;
const BATCH = 200;

export async function listDeletedGroups(deps: CoreDeps, caller: Caller, input: { after?: string | undefined; limit?: number | undefined } = {}): Promise<{ groups: GroupView[]; next: string | null }> {
  return runUseCase(deps, caller, 'group.listDeleted', { type: 'group', id: null }, async (uc) => {
    const limit = pageSize(input.limit);
    const groups: GroupView[] = [];
    let after = input.after;
    for (let scanned = 0; scanned < SCAN_LIMIT; scanned += BATCH) {
      const batch = await uc.scope.groups.list({ after, limit: BATCH, deleted: true });
      for (const g of batch) {
        after = g.id;
        const rel = await relationOf(uc, uc.actor, g);
        if (canSeeGroup(uc.policy, g, rel)) groups.push(await viewOf(uc, g, rel));
        if (groups.length === limit) return { groups, next: g.id };
      }
      if (batch.length < BATCH) return { groups, next: null };
    }
    return { groups, next: after ?? null };
  });
}
