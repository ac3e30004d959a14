// Roster's own access resources beside Graph's (docs/adr/0019 "Wire"): an app's effective access
// (paged, searchable, counted, each user with every path), explain as a bound function
// `roster.explain(userId='…')`, blocks, My Apps and a join request's impact preview. The core decides
// who may read what (§3.9: paths for other users only to those who may read the app's audience).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../../auth.js';
import { APP_LIST_QUERY, parseAppListQuery } from '../app-query.js';
import { accessPathJson, blockJson, type NameOf } from '../app-shapes.js';
import { badRequest, HttpGraphError } from '../errors.js';
import { baseUrl, context, project } from '../shapes.js';
import { collection, ID_PARAMS, meOf, PAGING_QUERY, topOf, type GraphContext } from './support.js';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const EXPLAIN = new RegExp(`^roster\\.explain\\(userId='(${GUID})'\\)$`);
const BLOCK_BODY = {
  type: 'object', additionalProperties: false, required: ['userId'],
  properties: { userId: { type: 'string', pattern: `^${GUID}$` }, reason: { type: ['string', 'null'], maxLength: 1000 } },
} as const;
const FUNCTION_PARAMS = { type: 'object', required: ['id', 'call'], properties: { id: { type: 'string', maxLength: 64 }, call: { type: 'string', maxLength: 128 } } } as const;
const USER_PARAMS = { type: 'object', required: ['id', 'userId'], properties: { id: { type: 'string', maxLength: 64 }, userId: { type: 'string', maxLength: 64 } } } as const;
const EFFECTIVE_SELECT = ['id', 'displayName', 'userPrincipalName', 'mail', 'paths'] as const;

const TAGS = ['servicePrincipals'];
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id.toLowerCase();

/** Names the core returned beside an answer (ids the caller may not see have none). */
export function namesFrom(names: ReadonlyMap<string, string> | Record<string, string> | undefined): NameOf {
  if (!names) return () => null;
  const get = names instanceof Map ? (id: string) => names.get(id) : (id: string) => (names as Record<string, string>)[id];
  return (step) => get(step.id) ?? null;
}

export async function appAccessRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  app.get('/servicePrincipals/:id/roster.effectiveAccess', { schema: { tags: TAGS, summary: 'Every user who has this application, each with every path that gives it (admins, the app\'s owners, Application.Read.All). $search="displayName:ann", $count=true (ConsistencyLevel: eventual), $top, $select', params: ID_PARAMS, querystring: APP_LIST_QUERY } }, async (request) => {
    const q = parseAppListQuery(request, { searchable: ['displayName', 'userPrincipalName'], selectable: EFFECTIVE_SELECT, expandable: ['paths'] });
    const page = await core.listEffectiveAccess(callerOf(request), { appId: idOf(request), search: q.search, count: q.count, limit: q.top, after: pager.cursor(request)?.id });
    const nameOf = namesFrom(page.names);
    const value = page.users.map((e) => project({
      id: e.user.id, displayName: e.user.displayName, userPrincipalName: e.user.userPrincipalName, mail: e.user.mail,
      paths: e.paths.map((p) => accessPathJson(p, nameOf)),
    }, q.select));
    const next = page.next ? { key: null, id: page.next } : null;
    return collection(context(request, 'roster.effectiveAccess'), value, pager.nextLink(request, next), page.count);
  });

  // Bound function in OData's call syntax: /servicePrincipals/{id}/roster.explain(userId='{userId}').
  app.get('/servicePrincipals/:id/:call', { schema: { tags: TAGS, summary: "roster.explain(userId='{userId}'): why a user has (or hasn't) this application: verdict, every path, the block if any", params: FUNCTION_PARAMS } }, async (request) => {
    const call = (request.params as { call: string }).call;
    const m = EXPLAIN.exec(call);
    if (!m?.[1]) {
      if (call.startsWith('roster.explain')) throw badRequest("Call the function as roster.explain(userId='{user id}').");
      throw new HttpGraphError(400, 'BadRequest', `Resource not found for the segment '${call.slice(0, 64)}'.`);
    }
    const result = await core.explainAccess(callerOf(request), { appId: idOf(request), userId: m[1].toLowerCase() });
    const nameOf = namesFrom(result.names);
    const e = result.explanation;
    return {
      '@odata.context': `${baseUrl(request)}/$metadata#roster.accessExplanation`,
      userId: e.userId, appId: e.appId, verdict: e.verdict,
      paths: e.paths.map((p) => accessPathJson(p, nameOf)),
      block: e.block ? blockJson(e.block, nameOf({ kind: 'user', id: e.block.userId })) : null,
    };
  });

  app.get('/servicePrincipals/:id/roster.blocks', { schema: { tags: TAGS, summary: 'Users blocked from this application (a block overrides every path)', params: ID_PARAMS, querystring: PAGING_QUERY } }, async (request) => {
    const page = await core.listAppBlocks(callerOf(request), { appId: idOf(request), after: pager.cursor(request)?.id, limit: topOf(request) });
    const nameOf = namesFrom(page.names);
    const next = page.next ? { key: null, id: page.next } : null;
    return collection(context(request, 'roster.blocks'), page.blocks.map((b) => blockJson(b, nameOf({ kind: 'user', id: b.userId }))), pager.nextLink(request, next));
  });

  app.post('/servicePrincipals/:id/roster.blocks', { schema: { tags: TAGS, summary: 'Block a user from this application (admins, the app\'s owners)', params: ID_PARAMS, body: BLOCK_BODY } }, async (request, reply) => {
    const body = request.body as { userId: string; reason?: string | null };
    const block = await core.blockUser(callerOf(request), { appId: idOf(request), userId: body.userId.toLowerCase(), reason: body.reason ?? null });
    return reply.code(201).send({ '@odata.context': context(request, 'roster.blocks/$entity'), ...blockJson(block, null) });
  });

  app.delete('/servicePrincipals/:id/roster.blocks/:userId', { schema: { tags: TAGS, summary: 'Lift a block', params: USER_PARAMS } }, async (request, reply) => {
    await core.unblockUser(callerOf(request), { appId: idOf(request), userId: (request.params as { userId: string }).userId.toLowerCase() });
    return reply.code(204).send();
  });

  app.get('/me/roster.apps', { schema: { tags: ['users'], summary: 'My Apps: the applications I have (visible to users), each with the paths that give it', querystring: PAGING_QUERY } }, async (request) => {
    meOf(request);
    const result = await core.listMyApps(callerOf(request));
    const nameOf = namesFrom(result.names);
    const top = topOf(request);
    const start = Number(pager.cursor(request)?.key ?? 0);
    const slice = result.apps.slice(start, start + top);
    const last = slice[slice.length - 1];
    const next = start + top < result.apps.length && last ? { key: start + top, id: last.app.id } : null;
    const value = slice.map(({ app: a, paths }) => ({
      id: a.id, appId: a.appId, displayName: a.displayName, description: a.description, homepage: a.homepage, loginUrl: a.loginUrl, logoUrl: a.logoUrl,
      paths: paths.map((p) => accessPathJson(p, nameOf)),
    }));
    return collection(context(request, 'roster.apps'), value, pager.nextLink(request, next));
  });

  app.get('/joinRequests/:id/roster.impactPreview', { schema: { tags: ['joinRequests'], summary: 'What approving this request would do: the groups the requester would be in through nesting, the applications it would open (those who may decide it)', params: ID_PARAMS } }, async (request) => {
    const preview = await core.previewJoinImpact(callerOf(request), { requestId: idOf(request) });
    const nameOf = namesFrom(preview.names);
    return {
      '@odata.context': `${baseUrl(request)}/$metadata#roster.impactPreview`,
      requestId: preview.requestId, groupId: preview.groupId, requesterId: preview.requesterId,
      groups: preview.groups.map((g) => ({ id: g.id, displayName: g.displayName })),
      apps: preview.apps.map((a) => ({ id: a.app.id, displayName: a.app.displayName, paths: a.paths.map((p) => accessPathJson(p, nameOf)) })),
    };
  });
}
