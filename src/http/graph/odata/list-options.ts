// The one entry the Graph list routes call: query string + ConsistencyLevel header → a validated
// ListQuery (plus $select), or an ODataQueryError the route maps to Graph's error envelope.
import { DEFAULT_TOP, MAX_TOP, SELECTABLE, type ListQuery, type ListResource, type OrderBy } from '../../../core/domain/list-query.js';
import { advancedFeatures, validateListQuery } from '../../../core/domain/list-query-rules.js';
import { isDomainError } from '../../../core/domain/errors.js';
import { badRequest, ODataQueryError } from './errors.js';
import { parseFilter } from './filter-parser.js';
import { parseSearch } from './search-parser.js';

export type ParsedListOptions = ListQuery & { readonly select?: readonly string[] | undefined };

/** Options the parser reads; `$skiptoken` belongs to the route (paging) and is passed over. */
const KNOWN = new Set(['$filter', '$orderby', '$select', '$top', '$count', '$search', '$skiptoken']);

function parseTop(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TOP;
  if (!/^\d{1,4}$/.test(raw.trim())) throw badRequest(`Invalid page size specified: '${raw.slice(0, 20)}'. Must be between 1 and ${MAX_TOP}.`);
  const n = Number(raw.trim());
  if (n < 1 || n > MAX_TOP) throw badRequest(`Invalid page size specified: '${n}'. Must be between 1 and ${MAX_TOP}.`);
  return n;
}

function parseCount(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (v !== 'true' && v !== 'false') throw badRequest(`$count must be true or false.`);
  return v === 'true';
}

function parseOrderBy(raw: string | undefined): OrderBy | undefined {
  if (raw === undefined) return undefined;
  if (raw.length > 256) throw badRequest('$orderby is too long.');
  const parts = raw.split(',');
  if (parts.length > 1) throw badRequest('$orderby supports one property.');
  const m = /^\s*([A-Za-z][A-Za-z0-9]{0,63})(?:\s+(asc|desc))?\s*$/i.exec(parts[0] ?? '');
  if (!m?.[1]) throw badRequest(`$orderby is not valid: use 'property' or 'property desc'.`);
  return { field: m[1], direction: m[2]?.toLowerCase() === 'desc' ? 'desc' : 'asc' };
}

function parseSelect(raw: string | undefined, resource: ListResource): string[] | undefined {
  if (raw === undefined) return undefined;
  if (raw.length > 2048) throw badRequest('$select is too long.');
  const names = raw.split(',').map((s) => s.trim());
  const allowed = SELECTABLE[resource];
  for (const n of names) {
    if (!allowed.includes(n)) throw badRequest(`Could not find a property named '${n.slice(0, 64)}' on ${resource} for $select.`);
  }
  return [...new Set(names)];
}

/** $search needs only the header; every other advanced feature needs the header and $count=true. */
function checkConsistency(resource: ListResource, q: ListQuery, consistencyLevel: string | undefined): void {
  const features = advancedFeatures(resource, q);
  if (features.length === 0) return;
  const eventual = consistencyLevel?.trim().toLowerCase() === 'eventual';
  const needCount = features.filter((f) => f !== '$search' && f !== '$count');
  if (!eventual) {
    throw new ODataQueryError('Request_UnsupportedQuery',
      `${features.join(', ')} ${features.length === 1 ? 'is' : 'are'} supported only in advanced queries: send the header 'ConsistencyLevel: eventual'${needCount.length > 0 ? ' and $count=true' : ''}.`);
  }
  if (needCount.length > 0 && q.count !== true) {
    throw new ODataQueryError('Request_UnsupportedQuery', `${needCount.join(', ')} ${needCount.length === 1 ? 'needs' : 'need'} $count=true in an advanced query.`);
  }
}

export function parseListOptions(
  query: Readonly<Record<string, string | undefined>>,
  headers: { consistencyLevel?: string | undefined },
  resource: ListResource,
): ParsedListOptions {
  for (const key of Object.keys(query)) {
    if (key.startsWith('$') && !KNOWN.has(key)) throw badRequest(`Query option '${key.slice(0, 32)}' is not supported.`);
  }
  const filterRaw = query['$filter'];
  const searchRaw = query['$search'];
  const parsed: ParsedListOptions = {
    top: parseTop(query['$top']),
    count: parseCount(query['$count']),
    filter: filterRaw !== undefined ? parseFilter(filterRaw) : undefined,
    orderBy: parseOrderBy(query['$orderby']),
    search: searchRaw !== undefined ? parseSearch(searchRaw.trim()) : undefined,
    select: parseSelect(query['$select'], resource),
  };
  try {
    validateListQuery(resource, parsed);
  } catch (e) {
    if (isDomainError(e)) throw badRequest(e.detail ?? e.message);
    throw e;
  }
  checkConsistency(resource, parsed, headers.consistencyLevel);
  return parsed;
}
