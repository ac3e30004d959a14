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

/** Display names the core returned beside an answer (ids without one stay unnamed). */
export const namesFrom = (names: Readonly<Record<string, string>> | undefined): NameOf => (step) => names?.[step.id] ?? null;

export async function appAccessRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  app.get('/servicePrincipals/:id/roster.effectiveAccess', { schema: { tags: TAGS, summary: 'Every user who has this application, each with every path that gives it (admins, the app\'s owners, Application.Read.All). $search="words" (name or sign-in name) and $count=true need ConsistencyLevel: eventual; $top, $select', params: ID_PARAMS, querystring: APP_LIST_QUERY } }, async (request) => {
    const q = parseAppListQuery(request, { searchable: ['displayName', 'userPrincipalName'], selectable: EFFECTIVE_SELECT, expandable: ['paths'] });
    const page = await core.listEffectiveUsers(callerOf(request), {
      appId: idOf(request), search: q.search, count: q.count, limit: q.top, after: pager.cursor(request)?.id, withPaths: true,
    });
    const nameOf = namesFrom(page.names);
    const value = page.items.map((u) => project({
      id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, mail: u.mail,
      paths: (u.paths ?? []).map((p) => accessPathJson(p, nameOf)),
    }, q.select));
    const next = page.nextCursor ? { key: null, id: page.nextCursor } : null;
    return collection(context(request, 'roster.effectiveAccess'), value, pager.nextLink(request, next), page.count);
  });

  // A bound function in OData's call syntax: /servicePrincipals/{id}/roster.explain(userId='{userId}').
  app.get('/servicePrincipals/:id/:call', { schema: { tags: TAGS, summary: "roster.explain(userId='{userId}'): why a user has (or hasn't) this application — the verdict, every path, the block if any (yourself; others: admins, the app's owners)", params: FUNCTION_PARAMS } }, async (request) => {
    const call = (request.params as { call: string }).call;
    const m = EXPLAIN.exec(call);
    if (!m?.[1]) {
      if (call.startsWith('roster.explain')) throw badRequest("Call the function as roster.explain(userId='{user id}').");
      throw new HttpGraphError(400, 'BadRequest', `Resource not found for the segment '${call.slice(0, 64)}'.`);
    }
    const e = await core.explainAppAccess(callerOf(request), { appId: idOf(request), userId: m[1].toLowerCase() });
    const nameOf = namesFrom(e.names);
    return {
      '@odata.context': `${baseUrl(request)}/$metadata#roster.accessExplanation`,
      userId: e.userId, appId: e.appId, verdict: e.verdict,
      paths: e.paths.map((p) => accessPathJson(p, nameOf)),
      block: e.block ? blockJson(e.block, nameOf({ kind: 'user', id: e.block.userId })) : null,
    };
  });

  app.get('/servicePrincipals/:id/roster.blocks', { schema: { tags: TAGS, summary: 'Users blocked from this application (a block overrides every path)', params: ID_PARAMS, querystring: PAGING_QUERY } }, async (request) => {
    const caller = callerOf(request);
    const page = await core.listBlocks(caller, { appId: idOf(request), after: pager.cursor(request)?.id, limit: topOf(request) });
    const users = new Map((await core.viewAppUsers(caller, { userIds: page.items.map((b) => b.userId) })).map((u) => [u.id, u.displayName]));
    const next = page.nextCursor ? { key: null, id: page.nextCursor } : null;
    return collection(context(request, 'roster.blocks'), page.items.map((b) => blockJson(b, users.get(b.userId) ?? null)), pager.nextLink(request, next));
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

  app.get('/me/roster.apps', { schema: { tags: ['users'], summary: 'My Apps: the applications I have (those shown to users), each with the paths that give it', querystring: PAGING_QUERY } }, async (request) => {
    meOf(request);
    const mine = await core.listMyApps(callerOf(request));
    const nameOf = namesFrom(mine.names);
    const top = topOf(request);
    const start = Number(pager.cursor(request)?.key ?? 0);
    const slice = mine.items.slice(start, start + top);
    const last = slice[slice.length - 1];
    const next = start + top < mine.items.length && last ? { key: start + top, id: last.app.id } : null;
    const value = slice.map(({ app: a, paths }) => ({
      id: a.id, appId: a.appId, displayName: a.displayName, description: a.description, homepage: a.homepage, loginUrl: a.loginUrl, logoUrl: a.logoUrl,
      paths: paths.map((p) => accessPathJson(p, nameOf)),
    }));
    return collection(context(request, 'roster.apps'), value, pager.nextLink(request, next));
  });

  app.get('/joinRequests/:id/roster.impactPreview', { schema: { tags: ['joinRequests'], summary: 'What approving this request would give: the groups the requester would be in through nesting, the applications it would open (those who may decide it, admins)', params: ID_PARAMS } }, async (request) => {
    const preview = await core.previewJoinImpact(callerOf(request), { requestId: idOf(request) });
    const nameOf = namesFrom(preview.names);
    return {
      '@odata.context': `${baseUrl(request)}/$metadata#roster.impactPreview`,
      requestId: preview.requestId,
      groups: preview.newGroups,
      apps: preview.newApps.map((e) => ({ id: e.appId, displayName: nameOf({ kind: 'app', id: e.appId }), paths: e.paths.map((p) => accessPathJson(p, nameOf)) })),
    };
  });
}
