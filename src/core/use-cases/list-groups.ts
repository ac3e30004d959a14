// GET /groups: the tenant's live groups with the query language ($filter, $search, $orderby, $top,
// $count), each with the caller's abilities. Visibility comes from the pure policy (§3.9): live groups
// are visible to every enabled user and to apps that read groups. Memberships cannot be filtered on
// (the catalogue refuses members/memberOf), so a hidden membership cannot leak through a filter or count.
import { DomainError } from '../domain/errors.js';
import type { ListCursor } from '../domain/list-query.js';
import { canSeeGroup, decideListGroups } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps } from '../ports.js';
import { nextCursor, repositoryQuery, type ListRequest } from './support/list-page.js';
import { runUseCase } from './support/context.js';
import { viewsOfPage, type GroupView } from './support/views.js';

export interface GroupPage {
  readonly groups: GroupView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly next: ListCursor | null;
  /** With `count: true`: how many groups match the filter and search (every page alike). */
  readonly count?: number | undefined;
}

export async function listGroups(deps: CoreDeps, caller: Caller, input: ListRequest = {}): Promise<GroupPage> {
  return runUseCase(deps, caller, 'group.list', { type: 'group', id: null }, async (uc) => {
    uc.enforce(decideListGroups(uc.policy));
    const q = repositoryQuery('groups', input);
    const rows = await uc.scope.groups.list({ ...q, deleted: false });
    const groups: GroupView[] = [];
    for (const { view, rel } of await viewsOfPage(uc, rows)) {
      // Always true for a live group once decideListGroups allowed; kept so the one rule decides.
      if (!canSeeGroup(uc.policy, view.group, rel)) throw new DomainError('groupNotFound');
      groups.push(view);
    }
    const next = nextCursor(rows, q.limit, q.orderBy?.field);
    if (!input.count) return { groups, next };
    const count = await uc.scope.groups.count({ filter: q.filter, searchTerms: q.searchTerms, deleted: false });
    return { groups, next, count };
  });
}
