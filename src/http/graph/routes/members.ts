// Members and owners of a group: lists, and `$ref` add/remove with Graph's status codes (204; a
// duplicate is 400 with Graph's message; an unknown object 404 — the core decides, errors.ts maps).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller, MemberObject } from '../../../core/index.js';
import { callerOf } from '../../auth.js';
import { asDirectoryObject, context, groupViewJson, userJson } from '../shapes.js';
import { collection, idFromReference, PAGING_QUERY, topOf, type GraphContext } from './support.js';

const PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 }, memberId: { type: 'string', maxLength: 64 } } } as const;
const REF_BODY = { type: 'object', additionalProperties: false, required: ['@odata.id'], properties: { '@odata.id': { type: 'string', maxLength: 512 } } } as const;

const params = (request: FastifyRequest) => request.params as { id: string; memberId?: string };

export async function memberRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  const directoryObject = (caller: Caller, o: MemberObject) => (o.type === 'user'
    ? asDirectoryObject('user', userJson(o.user))
    : asDirectoryObject('group', groupViewJson(o.group, caller.principal.type === 'user')));

  app.get('/groups/:id/members', { schema: { tags: ['members'], summary: 'Direct members', params: PARAMS, querystring: PAGING_QUERY } }, async (request) => {
    const caller = callerOf(request);
    const limit = topOf(request);
    // The page is cut by membership rows, so the next link follows the last row, not the last object shown.
    const members = await core.listMemberObjects(caller, { groupId: params(request).id, after: pager.cursor(request)?.id, limit });
    const last = members[members.length - 1];
    const next = members.length === limit && last ? { key: null, id: last.membership.memberId } : null;
    return collection(context(request, 'directoryObjects'), members.map((o) => directoryObject(caller, o)), pager.nextLink(request, next));
  });

  app.get('/groups/:id/transitiveMembers', { schema: { tags: ['members'], summary: 'Members through nesting', params: PARAMS, querystring: PAGING_QUERY } }, async (request) => {
    const caller = callerOf(request);
    const { members, more } = await core.listTransitiveMemberObjects(caller, { groupId: params(request).id, after: pager.cursor(request)?.id, limit: topOf(request) });
    const last = members[members.length - 1];
    const next = more && last ? { key: null, id: last.membership.memberId } : null;
    return collection(context(request, 'directoryObjects'), members.map((o) => directoryObject(caller, o)), pager.nextLink(request, next));
  });

  app.get('/groups/:id/owners', { schema: { tags: ['members'], summary: 'Owners', params: PARAMS } }, async (request) => {
    const owners = await core.listOwnerUsers(callerOf(request), { groupId: params(request).id });
    return collection(context(request, 'directoryObjects'), owners.map((u) => asDirectoryObject('user', userJson(u))));
  });

  app.post('/groups/:id/members/$ref', { schema: { tags: ['members'], summary: 'Add a member', params: PARAMS, body: REF_BODY } }, async (request, reply) => {
    const memberId = idFromReference((request.body as { '@odata.id': string })['@odata.id']);
    await core.addMember(callerOf(request), { groupId: params(request).id, memberId });
    return reply.code(204).send();
  });

  app.post('/groups/:id/owners/$ref', { schema: { tags: ['members'], summary: 'Add an owner', params: PARAMS, body: REF_BODY } }, async (request, reply) => {
    const userId = idFromReference((request.body as { '@odata.id': string })['@odata.id']);
    await core.addOwner(callerOf(request), { groupId: params(request).id, userId });
    return reply.code(204).send();
  });

  app.delete('/groups/:id/members/:memberId/$ref', { schema: { tags: ['members'], summary: 'Remove a member', params: PARAMS } }, async (request, reply) => {
    await core.removeMember(callerOf(request), { groupId: params(request).id, memberId: params(request).memberId ?? '' });
    return reply.code(204).send();
  });

  app.delete('/groups/:id/owners/:memberId/$ref', { schema: { tags: ['members'], summary: 'Remove an owner', params: PARAMS } }, async (request, reply) => {
    await core.removeOwner(callerOf(request), { groupId: params(request).id, userId: params(request).memberId ?? '' });
    return reply.code(204).send();
  });
}
