// What a user or group is a member of: memberOf, transitiveMemberOf, checkMemberGroups (≤ 20 ids),
// getMemberGroups and checkMemberObjects — on /users/{id}, /me and /groups/{id}. The core scopes every
// answer to what the caller may see (SPEC §3.9). memberOf lists are keyset-paged in storage with the
// list query ($filter, $search, $orderby, $select, $top, $count) and carry the caller's abilities
// (docs/adr/0014-memberof-paging.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../../auth.js';
import { ODataQueryError } from '../odata/errors.js';
import { parseListOptions, type ParsedListOptions } from '../odata/list-options.js';
import { asDirectoryObject, context, groupViewJson, project } from '../shapes.js';
import { collection, isUserCaller, meOf, type GraphContext } from './support.js';

const ID_LIST = { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 64 } } as const;
const CHECK_GROUPS = { type: 'object', additionalProperties: false, required: ['groupIds'], properties: { groupIds: ID_LIST } } as const;
const CHECK_OBJECTS = { type: 'object', additionalProperties: false, required: ['ids'], properties: { ids: ID_LIST } } as const;
const GET_GROUPS = { type: 'object', additionalProperties: false, properties: { securityEnabledOnly: { type: 'boolean' } } } as const;
const PARAMS = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;

const SUBJECTS: Array<{ prefix: string; subject: (request: FastifyRequest) => string }> = [
  { prefix: '/users/:id', subject: (r) => (r.params as { id: string }).id },
  { prefix: '/groups/:id', subject: (r) => (r.params as { id: string }).id },
  { prefix: '/me', subject: meOf },
];

/** Graph: $filter on memberOf is an advanced query (ConsistencyLevel: eventual and $count=true). */
function requireAdvancedFilter(options: ParsedListOptions, consistencyLevel: string | undefined): void {
  if (options.filter === undefined) return;
  if (consistencyLevel?.trim().toLowerCase() === 'eventual' && options.count === true) return;
  throw new ODataQueryError('Request_UnsupportedQuery', "$filter on memberOf and transitiveMemberOf is supported only in advanced queries: send the header 'ConsistencyLevel: eventual' and $count=true.");
}

export async function membershipRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  /** One page of the groups the subject is in (directly, or also through nesting), as the caller may see them. */
  async function memberOf(request: FastifyRequest, memberId: string, transitive: boolean) {
    const consistencyLevel = request.headers['consistencylevel'] as string | undefined;
    const options = parseListOptions(request.query as Record<string, string | undefined>, { consistencyLevel }, 'groups');
    requireAdvancedFilter(options, consistencyLevel);
    const caller = callerOf(request);
    const page = await core.listMemberOf(caller, { ...options, memberId, transitive, cursor: pager.cursor(request) });
    const value = page.groups.map((v) => asDirectoryObject('group', project(groupViewJson(v, isUserCaller(caller)), options.select)));
    return collection(context(request, 'directoryObjects'), value, pager.nextLink(request, page.next), page.count);
  }

  for (const { prefix, subject } of SUBJECTS) {
    const tags = [prefix === '/groups/:id' ? 'groups' : 'users'];
    app.get(`${prefix}/memberOf`, { schema: { tags, summary: 'Direct memberships, keyset-paged, with the caller\'s abilities on each group', params: PARAMS } }, async (request) =>
      memberOf(request, subject(request), false));

    app.get(`${prefix}/transitiveMemberOf`, { schema: { tags, summary: 'Memberships, direct and through nesting, keyset-paged, with the caller\'s abilities', params: PARAMS } }, async (request) =>
      memberOf(request, subject(request), true));

    app.post(`${prefix}/checkMemberGroups`, { schema: { tags, summary: 'Which of these groups (≤ 20) the object is in, transitively', params: PARAMS, body: CHECK_GROUPS } }, async (request) => {
      const ids = await core.checkMemberGroups(callerOf(request), { memberId: subject(request), groupIds: (request.body as { groupIds: string[] }).groupIds });
      return { '@odata.context': context(request, 'Collection(Edm.String)'), value: ids };
    });

    app.post(`${prefix}/getMemberGroups`, { schema: { tags, summary: 'Every group the object is in, transitively', params: PARAMS, body: GET_GROUPS } }, async (request) => {
      const securityOnly = (request.body as { securityEnabledOnly?: boolean } | undefined)?.securityEnabledOnly === true;
      const groups = await core.listTransitiveGroups(callerOf(request), { memberId: subject(request) });
      return { '@odata.context': context(request, 'Collection(Edm.String)'), value: groups.filter((g) => !securityOnly || g.securityEnabled).map((g) => g.id) };
    });

    app.post(`${prefix}/checkMemberObjects`, { schema: { tags, summary: 'Which of these objects (≤ 20) the object is in, transitively', params: PARAMS, body: CHECK_OBJECTS } }, async (request) => {
      const ids = await core.checkMemberGroups(callerOf(request), { memberId: subject(request), groupIds: (request.body as { ids: string[] }).ids });
      return { '@odata.context': context(request, 'Collection(Edm.String)'), value: ids };
    });
  }
}
