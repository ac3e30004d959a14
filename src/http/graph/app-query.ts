// The query options of the application lists (servicePrincipals, effective access): `$top`,
// `$skiptoken`, `$select`, and Graph's advanced-query rules for `$search` (the header
// `ConsistencyLevel: eventual`) and `$count` (the header and `$count=true`). `$search` takes one
// quoted clause, "words" or "property:words", on the properties the resource names; the core
// matches the words, in order, as a case-insensitive prefix of the name (or sign-in name). Anything
// else starting with `$` is refused, like every other Graph route of Roster.
import type { FastifyRequest } from 'fastify';
import { badRequest, ODataQueryError } from './odata/errors.js';

export interface AppListQuery {
  top: number;
  count: boolean;
  /** The clause's text, trimmed (the core matches it as a case-insensitive prefix). */
  search: string | undefined;
  select: string[] | undefined;
}

export interface AppListRules {
  searchable: readonly string[];
  selectable: readonly string[];
  /** `$expand` values the resource accepts (e.g. `paths`). */
  expandable?: readonly string[];
}

const KNOWN = new Set(['$top', '$skiptoken', '$search', '$count', '$select', '$expand']);

/** The querystring schema for OpenAPI: options are strings, validated by `parseAppListQuery`. */
export const APP_LIST_QUERY = {
  type: 'object',
  properties: {
    $top: { type: 'string', maxLength: 4 }, $skiptoken: { type: 'string', maxLength: 2048 },
    $search: { type: 'string', maxLength: 256 }, $count: { type: 'string', maxLength: 5 },
    $select: { type: 'string', maxLength: 512 }, $expand: { type: 'string', maxLength: 64 },
  },
} as const;

function top(raw: string | undefined): number {
  if (raw === undefined) return 100;
  const n = Number(raw);
  if (!/^\d{1,4}$/.test(raw) || n < 1 || n > 999) throw badRequest(`Invalid page size specified: '${raw.slice(0, 20)}'. Must be between 1 and 999.`);
  return n;
}

function search(raw: string | undefined, rules: AppListRules): string | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*"(?:([A-Za-z]{1,32}):)?([^"]*)"\s*$/.exec(raw);
  if (!m) throw badRequest('$search takes one quoted clause: "words" or "displayName:words".');
  if (m[1] !== undefined && !rules.searchable.includes(m[1])) throw badRequest(`$search is not supported on '${m[1]}'. Searchable: ${rules.searchable.join(', ')}.`);
  const text = (m[2] ?? '').trim().replace(/\s+/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(text)) throw badRequest('$search has no words.');
  return text;
}

function select(raw: string | undefined, rules: AppListRules): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((s) => s.trim());
  for (const n of names) if (!rules.selectable.includes(n)) throw badRequest(`Could not find a property named '${n.slice(0, 64)}' for $select.`);
  return names;
}

export function parseAppListQuery(request: FastifyRequest, rules: AppListRules): AppListQuery & { expand: string[] } {
  const query = request.query as Record<string, string | undefined>;
  for (const key of Object.keys(query)) {
    if (key.startsWith('$') && !KNOWN.has(key)) throw badRequest(`Query option '${key.slice(0, 32)}' is not supported.`);
  }
  const rawCount = query['$count']?.trim().toLowerCase();
  if (rawCount !== undefined && rawCount !== 'true' && rawCount !== 'false') throw badRequest('$count must be true or false.');
  const expand = query['$expand'] === undefined ? [] : query['$expand'].split(',').map((s) => s.trim());
  for (const e of expand) if (!(rules.expandable ?? []).includes(e)) throw badRequest(`$expand is not supported on '${e.slice(0, 64)}'.`);
  const parsed = { top: top(query['$top']), count: rawCount === 'true', search: search(query['$search'], rules), select: select(query['$select'], rules), expand };
  const eventual = (request.headers['consistencylevel'] as string | undefined)?.trim().toLowerCase() === 'eventual';
  if ((parsed.search || parsed.count) && !eventual) {
    throw new ODataQueryError('Request_UnsupportedQuery', "$search and $count are supported only in advanced queries: send the header 'ConsistencyLevel: eventual'.");
  }
  return parsed;
}
