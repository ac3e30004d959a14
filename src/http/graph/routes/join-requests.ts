// Roster's own resources for self-service membership (SPEC §3.4–§3.5, docs/adr/0011): join requests
// on a group, on their own, under /me, and joining or leaving an open group. Thin: the core decides
// everything, including each request's `@roster.abilities`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JoinRequestView } from '../../../core/index.js';
import type { JoinRequest } from '../../../core/domain/model.js';
import { callerOf } from '../../auth.js';
import { context } from '../shapes.js';
import { collection, ID_PARAMS, meOf, PAGING_QUERY, topOf, type GraphContext } from './support.js';

const TEXT = { type: ['string', 'null'], maxLength: 1000 } as const;
const DAYS = { type: ['integer', 'null'], minimum: 1, maximum: 3650 } as const;
const CREATE_BODY = { type: 'object', additionalProperties: false, properties: { justification: TEXT, requestedDurationDays: DAYS } } as const;
const APPROVE_BODY = { type: 'object', additionalProperties: false, properties: { reason: TEXT, membershipDurationDays: DAYS } } as const;
const DENY_BODY = { type: 'object', additionalProperties: false, properties: { reason: TEXT } } as const;
const EMPTY_BODY = { type: 'object', additionalProperties: false, properties: {} } as const;

const ENTITY = 'joinRequests/$entity';

/** Actions (cancel, join, leave, and approve/deny without a reason) may be posted without a body, as in Graph. */
async function noBodyIsEmpty(request: FastifyRequest) {
  if (request.body === undefined || request.body === null) request.body = {};
}
const TAGS = ['joinRequests'];

/** A join request in Graph's style (camelCase, ISO date-times) with what the caller may do with it. */
export function joinRequestJson(view: JoinRequestView): Record<string, unknown> {
  const r = view.request;
  return {
    id: r.id,
    groupId: r.groupId,
    requesterId: r.requesterId,
    justification: r.justification,
    requestedDurationDays: r.requestedDurationDays,
    status: r.status,
    decidedBy: r.decidedBy,
    decisionReason: r.decisionReason,
    createdDateTime: r.createdDateTime,
    decidedDateTime: r.decidedDateTime,
    expiresDateTime: r.expiresDateTime,
    membershipExpiresDateTime: r.membershipExpiresDateTime,
    '@roster.abilities': view.abilities,
  };
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id.toLowerCase();
type Body<T> = T | undefined;

export async function joinRequestRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  /** The caller's view of one request a use case just returned. */
  async function one(request: FastifyRequest, joinRequest: JoinRequest) {
    const [view] = await core.viewJoinRequests(callerOf(request), { requests: [joinRequest] });
    const fallback = view ?? (await core.getJoinRequest(callerOf(request), { requestId: joinRequest.id }));
    return { '@odata.context': context(request, ENTITY), ...joinRequestJson(fallback) };
  }

  /** A page of requests from a use case taking (after, limit), with a signed next link when full. */
  async function page(request: FastifyRequest, list: (page: { after?: string; limit: number }) => Promise<JoinRequest[]>) {
    const limit = topOf(request);
    const after = pager.cursor(request)?.id;
    const rows = await list({ ...(after ? { after } : {}), limit });
    const views = await core.viewJoinRequests(callerOf(request), { requests: rows });
    const last = rows[rows.length - 1];
    const next = rows.length === limit && last ? { key: null, id: last.id } : null;
    return collection(context(request, 'joinRequests'), views.map(joinRequestJson), pager.nextLink(request, next));
  }

  app.get('/groups/:id/joinRequests', { schema: { tags: TAGS, summary: 'Requests to join this group (owners and admins; others see none)', params: ID_PARAMS, querystring: PAGING_QUERY } }, async (request) =>
    page(request, (p) => core.listGroupJoinRequests(callerOf(request), { groupId: idOf(request), ...p })));

  app.post('/groups/:id/joinRequests', { preValidation: noBodyIsEmpty, schema: { tags: TAGS, summary: 'Ask to join an approval group', params: ID_PARAMS, body: CREATE_BODY } }, async (request, reply) => {
    const body = request.body as Body<{ justification?: string | null; requestedDurationDays?: number | null }>;
    const created = await core.requestToJoin(callerOf(request), { groupId: idOf(request), justification: body?.justification, requestedDurationDays: body?.requestedDurationDays });
    return reply.code(201).send(await one(request, created));
  });

  app.get('/joinRequests/:id', { schema: { tags: TAGS, summary: 'Get a join request (the requester, owners, admins)', params: ID_PARAMS } }, async (request) => {
    const view = await core.getJoinRequest(callerOf(request), { requestId: idOf(request) });
    return { '@odata.context': context(request, ENTITY), ...joinRequestJson(view) };
  });

  app.post('/joinRequests/:id/approve', { preValidation: noBodyIsEmpty, schema: { tags: TAGS, summary: 'Approve a pending request (the first decision wins; 409 after)', params: ID_PARAMS, body: APPROVE_BODY } }, async (request) => {
    const body = request.body as Body<{ reason?: string | null; membershipDurationDays?: number | null }>;
    const decided = await core.decideJoinRequest(callerOf(request), { requestId: idOf(request), decision: 'approve', reason: body?.reason, membershipDurationDays: body?.membershipDurationDays });
    return one(request, decided);
  });

  app.post('/joinRequests/:id/deny', { preValidation: noBodyIsEmpty, schema: { tags: TAGS, summary: 'Deny a pending request (the first decision wins; 409 after)', params: ID_PARAMS, body: DENY_BODY } }, async (request) => {
    const body = request.body as Body<{ reason?: string | null }>;
    return one(request, await core.decideJoinRequest(callerOf(request), { requestId: idOf(request), decision: 'deny', reason: body?.reason }));
  });

  app.post('/joinRequests/:id/cancel', { preValidation: noBodyIsEmpty, schema: { tags: TAGS, summary: 'Withdraw my pending request', params: ID_PARAMS, body: EMPTY_BODY } }, async (request) =>
    one(request, await core.cancelJoinRequest(callerOf(request), { requestId: idOf(request) })));

  app.get('/me/joinRequests', { schema: { tags: TAGS, summary: 'My requests to join groups', querystring: PAGING_QUERY } }, async (request) => {
    meOf(request);
    return page(request, (p) => core.listMyJoinRequests(callerOf(request), p));
  });

  app.get('/me/pendingApprovals', { schema: { tags: TAGS, summary: 'Pending requests I may decide (never my own)', querystring: PAGING_QUERY } }, async (request) => {
    meOf(request);
    return page(request, (p) => core.listPendingApprovals(callerOf(request), p));
  });

  app.post('/groups/:id/join', { preValidation: noBodyIsEmpty, schema: { tags: TAGS, summary: 'Join an open group (approval groups: request instead)', params: ID_PARAMS, body: EMPTY_BODY } }, async (request, reply) => {
    await core.joinGroup(callerOf(request), { groupId: idOf(request) });
    return reply.code(204).send();
  });

  app.post('/groups/:id/leave', { preValidation: noBodyIsEmpty, schema: { tags: TAGS, summary: 'Leave a group I am a direct member of', params: ID_PARAMS, body: EMPTY_BODY } }, async (request, reply) => {
    await core.leaveGroup(callerOf(request), { groupId: idOf(request) });
    return reply.code(204).send();
  });
}
