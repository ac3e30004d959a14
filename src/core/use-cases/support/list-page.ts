// Shared by the list use cases: a ListQuery (validated against the catalogue) → a repository query,
// and the keyset cursor of the next page.
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_TOP, type ListCursor, type ListQuery, type ListResource } from '../../domain/list-query.js';
import { validateListQuery } from '../../domain/list-query-rules.js';
import type { ListFilter, OrderedPage } from '../../ports.js';

/** What adapters pass to listGroups / listUsers: a ListQuery (top defaults to 100) and a cursor. */
export interface ListRequest extends Partial<ListQuery> {
  /** The `next` of the previous page, unchanged (with the same filter and order). */
  readonly cursor?: ListCursor | undefined;
}

export interface RepositoryListQuery extends ListFilter, OrderedPage {
  limit: number;
}

function checkCursor(cursor: ListCursor | undefined): ListCursor | undefined {
  if (cursor === undefined) return undefined;
  const keyOk = cursor.key === null || ['string', 'number', 'boolean'].includes(typeof cursor.key);
  if (!keyOk || typeof cursor.id !== 'string' || cursor.id.length > 64) throw new DomainError('invalidInput', 'The page cursor is not valid.');
  return cursor;
}

/** Validates the request (unknown fields, membership filters, wrong types → invalidInput) and maps it. */
export function repositoryQuery(resource: ListResource, req: ListRequest): RepositoryListQuery {
  const query: ListQuery = { filter: req.filter, orderBy: req.orderBy, search: req.search, top: req.top ?? DEFAULT_TOP, count: req.count };
  validateListQuery(resource, query);
  return { filter: query.filter, searchTerms: query.search, orderBy: query.orderBy, cursor: checkCursor(req.cursor), limit: query.top };
}

/** The cursor after the last row of a full page; null when the page was the last. */
export function nextCursor<T extends { id: string }>(rows: readonly T[], limit: number, orderField: string | undefined): ListCursor | null {
  const last = rows[rows.length - 1];
  if (!last || rows.length < limit) return null;
  if (orderField === undefined) return { key: null, id: last.id };
  const key: unknown = (last as Record<string, unknown>)[orderField];
  return { key: typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean' ? key : null, id: last.id };
}
