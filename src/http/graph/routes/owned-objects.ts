// GET /me/ownedObjects (and its microsoft.graph.group cast), as Graph: the groups the signed-in user
// owns, with the caller's abilities on each. The portal's home lists them ("Groups I own").
// The core's answer is name-ordered and small (one user's groups); it is paged by position with a
// signed skip token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../../auth.js';
import { asDirectoryObject, context, groupViewJson } from '../shapes.js';
import { collection, meOf, PAGING_QUERY, topOf, type GraphContext } from './support.js';

export async function ownedObjectRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  async function owned(request: FastifyRequest, typed: boolean) {
    meOf(request);
    const views = await core.listOwnedGroups(callerOf(request));
    const top = topOf(request);
    const start = Number(pager.cursor(request)?.key ?? 0);
    const slice = views.slice(start, start + top);
    const last = slice[slice.length - 1];
    const next = start + top < views.length && last ? { key: start + top, id: last.group.id } : null;
    const value = slice.map((v) => {
      const json = groupViewJson(v, true);
      return typed ? json : asDirectoryObject('group', json);
    });
    return collection(context(request, typed ? 'groups' : 'directoryObjects'), value, pager.nextLink(request, next));
  }

  const schema = { tags: ['users'], querystring: PAGING_QUERY };
  app.get('/me/ownedObjects', { schema: { ...schema, summary: 'What I own (groups), with my abilities on each' } }, async (request) => owned(request, false));
  app.get('/me/ownedObjects/microsoft.graph.group', { schema: { ...schema, summary: 'The groups I own, with my abilities on each' } }, async (request) => owned(request, true));
}
