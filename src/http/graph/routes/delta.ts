// GET /groups/delta (FIDELITY "Delta", ADR 0015): a first round of pages ending in an
// @odata.deltaLink, then rounds of changes from it. `$select=…,members` adds `members@delta`; removed
// groups and members carry `@removed`. The round's state lives in a signed $skiptoken/$deltatoken,
// with the $select and page size of the first request, as Graph encodes them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DeltaEntry, DeltaInput, DeltaState } from '../../../core/index.js';
import { callerOf } from '../../auth.js';
import { badRequest, HttpGraphError } from '../errors.js';
import { parseListOptions } from '../odata/list-options.js';
import type { StateSealer } from '../sealed-state.js';
import { asDirectoryObject, baseUrl, context, groupViewJson, project } from '../shapes.js';
import { isUserCaller, type GraphContext } from './support.js';

const PURPOSE = 'groups.delta';
const QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $select: { type: 'string', maxLength: 2048 },
    $skiptoken: { type: 'string', maxLength: 4096 },
    $deltatoken: { type: 'string', maxLength: 4096 },
  },
} as const;

interface Query { $select?: string; $skiptoken?: string; $deltatoken?: string }
/** What a link carries: tenant, round state, and the first request's options. */
interface Sealed { t: string; s: DeltaState; sel: string[] | null; m: boolean; n: number }

const DEFAULT_PAGE = 100;

/** `Prefer: odata.maxpagesize=N` (1–999), as Graph honours it on delta. */
function maxPageSize(request: FastifyRequest): number | undefined {
  const prefer = request.headers['prefer'];
  const m = /(?:^|[,;\s])odata\.maxpagesize=(\d{1,4})(?:$|[,;\s])/i.exec(Array.isArray(prefer) ? prefer.join(',') : prefer ?? '');
  if (!m?.[1]) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 999 ? n : undefined;
}

function firstRequest(request: FastifyRequest, query: Query): Omit<Sealed, 's'> {
  const names = (query.$select ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const rest = names.filter((n) => n !== 'members');
  // `$select=members` alone: the id and members@delta only, as Graph answers.
  const select = query.$select === undefined ? null : rest.length > 0 ? parseListOptions({ $select: rest.join(',') }, {}, 'groups').select ?? [] : [];
  return { t: callerOf(request).tenantId, sel: select ? [...select] : null, m: names.includes('members'), n: maxPageSize(request) ?? DEFAULT_PAGE };
}

export async function deltaRoutes(app: FastifyInstance, ctx: GraphContext & { sealer: StateSealer }): Promise<void> {
  const { core, sealer } = ctx;

  function fromLink(request: FastifyRequest, token: string): Sealed {
    const sealed = sealer.open(PURPOSE, token) as Sealed;
    if (sealed.t !== callerOf(request).tenantId) throw badRequest('The state token belongs to another tenant.');
    return sealed;
  }

  function entryJson(request: FastifyRequest, entry: DeltaEntry, sealed: Omit<Sealed, 's'>): Record<string, unknown> {
    if (entry.kind === 'removed') return { '@odata.type': '#microsoft.graph.group', id: entry.groupId, '@removed': { reason: entry.reason } };
    const json = asDirectoryObject('group', project(groupViewJson(entry.view, isUserCaller(callerOf(request))), sealed.sel ?? undefined));
    if (!entry.members) return json;
    return {
      ...json,
      'members@delta': entry.members.map((m) => ({
        '@odata.type': `#microsoft.graph.${m.type}`, id: m.id, ...(m.removed ? { '@removed': { reason: 'deleted' } } : {}),
      })),
    };
  }

  async function handler(request: FastifyRequest, reply: FastifyReply) {
    const query = request.query as Query;
    const token = query.$skiptoken ?? query.$deltatoken;
    if (query.$skiptoken !== undefined && query.$deltatoken !== undefined) throw badRequest('Use either $skiptoken or $deltatoken, not both.');
    const latest = query.$deltatoken === 'latest';
    if (token !== undefined && !latest && query.$select !== undefined) throw badRequest('Query options go on the first delta request only; the links carry them.');
    const sealed: Omit<Sealed, 's'> & { s?: DeltaState } = token === undefined || latest ? firstRequest(request, query) : fromLink(request, token);
    const input: DeltaInput = { state: latest ? 'latest' : sealed.s ?? 'start', members: sealed.m, pageSize: sealed.n };
    const page = await core.groupDelta(callerOf(request), input);
    const link = `${baseUrl(request)}/groups/delta`;
    if (page.expired) {
      throw new HttpGraphError(410, 'resyncRequired', 'The delta token has expired. Start over with a new delta request (a full synchronisation).', { location: link });
    }
    if (sealed.n !== DEFAULT_PAGE) void reply.header('preference-applied', `odata.maxpagesize=${sealed.n}`);
    const seal = (s: DeltaState) => sealer.seal(PURPOSE, { t: sealed.t, s, sel: sealed.sel, m: sealed.m, n: sealed.n } satisfies Sealed);
    const fields = sealed.sel ? [...sealed.sel, ...(sealed.m ? ['members'] : [])].join(',') : sealed.m ? 'members' : '';
    return {
      '@odata.context': context(request, fields ? `groups(${fields})` : 'groups'),
      value: page.entries.map((e) => entryJson(request, e, sealed)),
      ...(page.next ? { '@odata.nextLink': `${link}?$skiptoken=${seal(page.next)}` } : {}),
      ...(page.deltaLink ? { '@odata.deltaLink': `${link}?$deltatoken=${seal(page.deltaLink)}` } : {}),
    };
  }

  const schema = { tags: ['groups'], summary: 'Changes to groups (and with $select=members, their members) since a delta link', querystring: QUERY };
  app.get('/groups/delta', { schema }, handler);
  // The SDKs call the fully qualified function name.
  app.get('/groups/microsoft.graph.delta', { schema: { ...schema, hide: true } }, handler);
}
