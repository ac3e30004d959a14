// memberOf and transitiveMemberOf, one keyset page at a time (docs/adr/0014-memberof-paging.md): storage
// reads the member's live groups in (displayName, id) order after the cursor, with the list query's
// filter and search; the core keeps those the caller may see the member in (SPEC §3.9) and gives each
// the caller's abilities. Relations are read once per batch (relationsOf), never once per group.
import type { ListCursor, OrderBy } from '../domain/list-query.js';
import type { Group } from '../domain/model.js';
import { canSeeMembershipOf } from '../domain/policy/visibility.js';
import type { Caller, CoreDeps, MemberOfQuery } from '../ports.js';
import { runUseCase, type UseCaseContext } from './support/context.js';
import { nextCursor, repositoryQuery, type ListRequest } from './support/list-page.js';
import { requireMember } from './support/member-subject.js';
import { viewsOfPage, type GroupView } from './support/views.js';
import type { GroupPage } from './list-groups.js';

export interface MemberOfRequest extends ListRequest {
  readonly memberId: string;
  /** Also the groups above the direct ones, through nesting. */
  readonly transitive: boolean;
}

/** The order when the caller names none: by name, then id (stable, and what people scan for). */
export const MEMBER_OF_ORDER: OrderBy = { field: 'displayName', direction: 'asc' };

/** Rows read per storage query: at least a page and one more, more when the caller sees few of them. */
const MIN_BATCH = 100;
const MAX_BATCH = 1000;

type Query = Omit<MemberOfQuery, 'cursor' | 'limit'>;

/**
 * Up to `limit` visible groups after `cursor`, and whether more exist. Reads batches until it has one
 * more than a page or storage runs out, so a page is short only when it is the last: a cursor is only
 * ever the position of a group the caller saw, never of one hidden from it.
 */
async function visiblePage(uc: UseCaseContext, memberId: string, q: Query, cursor: ListCursor | undefined, limit: number): Promise<{ views: GroupView[]; more: boolean }> {
  const views: GroupView[] = [];
  let after = cursor;
  for (let batch = Math.max(limit + 1, MIN_BATCH); ; batch = Math.min(batch * 2, MAX_BATCH)) {
    const rows = await uc.scope.memberships.listGroupsOfPage(memberId, { ...q, cursor: after, limit: batch });
    for (const { view, rel } of await viewsOfPage(uc, rows)) {
      if (!canSeeMembershipOf(uc.policy, view.group, rel, memberId)) continue;
      if (views.length === limit) return { views, more: true };
      views.push(view);
    }
    const next = nextCursor(rows, batch, q.orderBy?.field);
    if (!next) return { views, more: false };
    after = next;
  }
}

/** How many groups match that the caller may see the member in (`$count`): the same rule, every row. */
async function visibleCount(uc: UseCaseContext, memberId: string, q: Query): Promise<number> {
  let n = 0;
  let after: ListCursor | undefined;
  for (;;) {
    const rows: Group[] = await uc.scope.memberships.listGroupsOfPage(memberId, { ...q, cursor: after, limit: MAX_BATCH });
    for (const { view, rel } of await viewsOfPage(uc, rows)) if (canSeeMembershipOf(uc.policy, view.group, rel, memberId)) n++;
    const next = nextCursor(rows, MAX_BATCH, q.orderBy?.field);
    if (!next) return n;
    after = next;
  }
}

export async function listMemberOf(deps: CoreDeps, caller: Caller, input: MemberOfRequest): Promise<GroupPage> {
  const action = input.transitive ? 'member.transitiveGroups' : 'member.directGroups';
  return runUseCase(deps, caller, action, { type: 'user', id: input.memberId }, async (uc) => {
    await requireMember(uc, input.memberId);
    const { cursor, limit, ...rest } = repositoryQuery('groups', { ...input, orderBy: input.orderBy ?? MEMBER_OF_ORDER });
    const q: Query = { ...rest, transitive: input.transitive };
    const { views, more } = await visiblePage(uc, input.memberId, q, cursor, limit);
    const next = more ? nextCursor(views.map((v) => v.group), limit, q.orderBy?.field) : null;
    if (!input.count) return { groups: views, next };
    return { groups: views, next, count: await visibleCount(uc, input.memberId, q) };
  });
}
