// /v1.0/auditLogs/directoryAudits: the tenant's sealed audit log in Graph's directoryAudit shape, newest
// first by chain seq, keyset-paged with signed skip tokens (docs/adr/0016). Who may read is the core's
// decision (decideReadAuditLog). $filter takes a documented subset, ANDed:
//   activityDateTime ge|le <date>, result eq 'success'|'failure', category eq '<category>',
//   targetResources/any(t:t/id eq '<id>'), initiatedBy/user/id eq '<id>', initiatedBy/app/appId eq '<id>'
// Anything else (or, not, other fields, $orderby, $select, $search, $count, $expand) is Request_UnsupportedQuery.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditTargetTypesOf, isAuditCategory } from '../../../core/domain/audit.js';
import type { FilterExpr, Literal } from '../../../core/domain/list-query.js';
import type { AuditFilter } from '../../../core/ports.js';
import { callerOf } from '../../auth.js';
import { directoryAuditJson } from '../audit-json.js';
import { HttpGraphError } from '../errors.js';
import { badRequest, ODataQueryError } from '../odata/errors.js';
import { MAX_FILTER_LENGTH, parseFilter } from '../odata/filter-parser.js';
import { context } from '../shapes.js';
import { collection, ID_PARAMS, topOf, type GraphContext } from './support.js';

const UNSUPPORTED_OPTIONS = ['$orderby', '$select', '$search', '$count', '$expand', '$skip', '$format'] as const;

const QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $top: { type: 'string', maxLength: 4 },
    $skiptoken: { type: 'string', maxLength: 2048 },
    $filter: { type: 'string', maxLength: MAX_FILTER_LENGTH },
    ...Object.fromEntries(UNSUPPORTED_OPTIONS.map((o) => [o, { type: 'string', maxLength: 2048 }])),
  },
} as const;

const unsupported = (what: string) => new ODataQueryError('Request_UnsupportedQuery', `Unsupported query: ${what} on directoryAudits.`);

function text(value: Literal, field: string): string {
  if (value.type !== 'string') throw badRequest(`${field} takes a string.`);
  return value.value;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function addClause(out: Mutable<AuditFilter>, clause: FilterExpr): void {
  const set = <K extends keyof AuditFilter>(key: K, value: AuditFilter[K], what: string) => {
    if (out[key] !== undefined) throw unsupported(`more than one ${what} clause`);
    out[key] = value;
  };
  if (clause.op === 'any' && clause.field === 'targetResources' && clause.property === 'id') {
    return set('targetId', text(clause.value, 'targetResources/id').toLowerCase(), 'targetResources');
  }
  if (clause.op === 'ge' || clause.op === 'le') {
    if (clause.field !== 'activityDateTime') throw unsupported(`'${clause.op}' on '${clause.field}'`);
    if (clause.value.type !== 'date') throw badRequest('activityDateTime takes a date, e.g. 2026-11-23T00:00:00Z.');
    return clause.op === 'ge' ? set('since', clause.value.value, 'activityDateTime ge') : set('until', clause.value.value, 'activityDateTime le');
  }
  if (clause.op !== 'eq') throw unsupported(`'${clause.op}'`);
  switch (clause.field) {
    case 'result': {
      const v = text(clause.value, 'result');
      if (v !== 'success' && v !== 'failure') throw badRequest("result is 'success' or 'failure'.");
      return set('outcome', v === 'success' ? 'success' : 'denied', 'result');
    }
    case 'category': {
      const v = text(clause.value, 'category');
      return set('targetTypes', isAuditCategory(v) ? auditTargetTypesOf(v) : [], 'category');
    }
    case 'initiatedBy/user/id':
    case 'initiatedBy/app/appId':
      return set('actorId', text(clause.value, clause.field).toLowerCase(), 'initiatedBy');
    default:
      throw unsupported(`'eq' on '${clause.field}'`);
  }
}

/** $filter → the core's AuditFilter (an AND of the supported clauses), or a 400. */
export function auditFilterOf(raw: string | undefined): AuditFilter | undefined {
  if (raw === undefined) return undefined;
  const expr = parseFilter(raw);
  const clauses = expr.op === 'and' ? expr.args : [expr];
  const out: Mutable<AuditFilter> = {};
  for (const clause of clauses) {
    if (clause.op === 'and') throw unsupported('nested and');
    if (clause.op === 'or' || clause.op === 'not' || clause.op === 'in' || clause.op === 'startsWith' || clause.op === 'endsWith') throw unsupported(`'${clause.op}'`);
    addClause(out, clause);
  }
  return out;
}

function refuseUnsupportedOptions(request: FastifyRequest): void {
  const query = request.query as Record<string, unknown>;
  for (const option of UNSUPPORTED_OPTIONS) if (query[option] !== undefined) throw unsupported(option);
}

export async function auditRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  app.get('/auditLogs/directoryAudits', {
    schema: { tags: ['auditLogs'], summary: 'List directory audits: the sealed audit log, newest first (Global Administrators, audit readers, AuditLog.Read.All)', querystring: QUERY },
  }, async (request) => {
    refuseUnsupportedOptions(request);
    const query = request.query as Record<string, string | undefined>;
    const page = await core.listDirectoryAudits(callerOf(request), { filter: auditFilterOf(query['$filter']), top: topOf(request), cursor: pager.cursor(request) });
    return collection(context(request, 'auditLogs/directoryAudits'), page.entries.map(directoryAuditJson), pager.nextLink(request, page.next));
  });

  app.get('/auditLogs/directoryAudits/:id', {
    schema: { tags: ['auditLogs'], summary: 'Get one directory audit', params: ID_PARAMS, querystring: QUERY },
  }, async (request) => {
    refuseUnsupportedOptions(request);
    const id = (request.params as { id: string }).id;
    const entry = await core.getDirectoryAudit(callerOf(request), { id: id.toLowerCase() });
    if (!entry) throw new HttpGraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    return { '@odata.context': context(request, 'auditLogs/directoryAudits/$entity'), ...directoryAuditJson(entry) };
  });
}
