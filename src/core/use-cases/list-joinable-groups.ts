// Discover: groups the caller could join now or request to join, searchable, keyset-paged by id.
import type { Caller, CoreDeps } from '../ports.js';
import { pageSize } from './list-members.js';
import { runUseCase } from './support/context.js';
import { viewOf, type GroupView } from './support/views.js';

export interface JoinableQuery {
  search?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

/** At most this many groups are examined per call, so one call stays bounded; the cursor continues. */
const SCAN_LIMIT = 2000;

export async function listJoinableGroups(deps: CoreDeps, caller: Caller, query: JoinableQuery): Promise<{ groups: GroupView[]; next: string | null }> {
  return runUseCase(deps, caller, 'group.listJoinable', { type: 'group', id: null }, async (uc) => {
    const limit = pageSize(query.limit, 50);
    const found: GroupView[] = [];
    let after = query.after;
    let scanned = 0;
    while (found.length < limit && scanned < SCAN_LIMIT) {
      const batch = await uc.scope.groups.list({ after, limit: 200, search: query.search });
      if (batch.length === 0) return { groups: found, next: null };
      for (const group of batch) {
        after = group.id;
        scanned++;
        if (group.joinPolicy === 'closed') continue;
        const view = await viewOf(uc, group);
        if (view.abilities.join || view.abilities.request) found.push(view);
        if (found.length === limit) break;
      }
      if (batch.length < 200 && found.length < limit) return { groups: found, next: null };
    }
    return { groups: found, next: after ?? null };
  });
}
