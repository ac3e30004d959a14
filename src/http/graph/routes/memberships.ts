// What a user or group is a member of: memberOf, transitiveMemberOf, checkMemberGroups (≤ 20 ids),
// getMemberGroups and checkMemberObjects — on /users/{id}, /me and /groups/{id}. The core scopes every
// answer to what the caller may see (SPEC §3.9).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Group } from '../../../core/domain/model.js';
import { callerOf } from '../../auth.js';
import { asDirectoryObject, context, groupJson } from '../shapes.js';
import { collection, meOf, PAGING_QUERY, topOf, type GraphContext } from './support.js';

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

export async function membershipRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  /** The core's whole (name-ordered) answer, paged by position with a signed skip token. */
  function page(request: FastifyRequest, groups: readonly Group[]) {
    const top = topOf(request);
    const start = Number(pager.cursor(request)?.key ?? 0);
    const slice = groups.slice(start, start + top);
    const last = slice[slice.length - 1];
    const next = start + top < groups.length && last ? { key: start + top, id: last.id } : null;
    return collection(context(request, 'directoryObjects'), slice.map((g) => asDirectoryObject('group', groupJson(g))), pager.nextLink(request, next));
  }

  for (const { prefix, subject } of SUBJECTS) {
    const tags = [prefix === '/groups/:id' ? 'groups' : 'users'];
    app.get(`${prefix}/memberOf`, { schema: { tags, summary: 'Direct memberships', params: PARAMS, querystring: PAGING_QUERY } }, async (request) =>
      page(request, await core.listDirectGroups(callerOf(request), { memberId: subject(request) })));

    app.get(`${prefix}/transitiveMemberOf`, { schema: { tags, summary: 'Memberships through nesting', params: PARAMS, querystring: PAGING_QUERY } }, async (request) =>
      page(request, await core.listTransitiveGroups(callerOf(request), { memberId: subject(request) })));

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
