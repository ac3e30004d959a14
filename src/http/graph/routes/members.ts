// Members and owners of a group: lists, and `$ref` add/remove with Graph's status codes (204; a
// duplicate is 400 with Graph's message; an unknown object 404 — the core decides, errors.ts maps).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../../core/index.js';
import { callerOf } from '../../auth.js';
import { asDirectoryObject, context, groupViewJson, userJson } from '../shapes.js';
import { collection, idFromReference, PAGING_QUERY, topOf, type GraphContext } from './support.js';

const PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 }, memberId: { type: 'string', maxLength: 64 } } } as const;
const REF_BODY = { type: 'object', additionalProperties: false, required: ['@odata.id'], properties: { '@odata.id': { type: 'string', maxLength: 512 } } } as const;

const params = (request: FastifyRequest) => request.params as { id: string; memberId?: string };

export async function memberRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  /** A user or group as a directory object, or null when the caller may not see it. */
  async function directoryObject(caller: Caller, id: string, type: 'user' | 'group'): Promise<Record<string, unknown> | null> {
    try {
      if (type === 'user') return asDirectoryObject('user', userJson(await core.getUser(caller, { userId: id })));
      return asDirectoryObject('group', groupViewJson(await core.getGroup(caller, { groupId: id }), caller.principal.type === 'user'));
    } catch {
      return null;
    }
  }

  app.get('/groups/:id/members', { schema: { tags: ['members'], summary: 'Direct members', params: PARAMS, querystring: PAGING_QUERY } }, async (request) => {
    const caller = callerOf(request);
    const limit = topOf(request);
    const memberships = await core.listMembers(caller, { groupId: params(request).id, after: pager.cursor(request)?.id, limit });
    const value = [];
    for (const m of memberships) {
      const object = await directoryObject(caller, m.memberId, m.memberType);
      if (object) value.push(object);
    }
    const last = memberships[memberships.length - 1];
    const next = memberships.length === limit && last ? { key: null, id: last.memberId } : null;
    return collection(context(request, 'directoryObjects'), value, pager.nextLink(request, next));
  });

  app.get('/groups/:id/transitiveMembers', { schema: { tags: ['members'], summary: 'Members through nesting', params: PARAMS, querystring: PAGING_QUERY } }, async (request) => {
    const caller = callerOf(request);
    const limit = topOf(request);
    const after = pager.cursor(request)?.id;
    const all = await core.listTransitiveMembers(caller, { groupId: params(request).id });
    const pageRows = all.filter((m) => after === undefined || m.memberId > after).slice(0, limit);
    const value = [];
    for (const m of pageRows) {
      const object = await directoryObject(caller, m.memberId, m.memberType);
      if (object) value.push(object);
    }
    const last = pageRows[pageRows.length - 1];
    const next = last && all[all.length - 1]?.memberId !== last.memberId ? { key: null, id: last.memberId } : null;
    return collection(context(request, 'directoryObjects'), value, pager.nextLink(request, next));
  });

  app.get('/groups/:id/owners', { schema: { tags: ['members'], summary: 'Owners', params: PARAMS } }, async (request) => {
    const caller = callerOf(request);
    const owners = await core.listOwners(caller, { groupId: params(request).id });
    const value = [];
    for (const o of owners) {
      const object = await directoryObject(caller, o.userId, 'user');
      if (object) value.push(object);
    }
    return collection(context(request, 'directoryObjects'), value);
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
