// /v1.0/groups and /v1.0/directory/deletedItems: thin routes over the core's group use cases.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GroupView } from '../../../core/index.js';
import { callerOf } from '../../auth.js';
import { parseListOptions } from '../odata/list-options.js';
import { context, groupViewJson, project } from '../shapes.js';
import { collection, ID_PARAMS, idFromReference, isUserCaller, PAGING_QUERY, REFERENCE_LIST, topOf, type GraphContext } from './support.js';

const GROUP_WRITABLE = {
  displayName: { type: 'string', minLength: 1, maxLength: 256 },
  description: { type: ['string', 'null'], maxLength: 1024 },
  mailNickname: { type: 'string', minLength: 1, maxLength: 64 },
  visibility: { type: 'string', enum: ['Public', 'Private', 'HiddenMembership'] },
  classification: { type: ['string', 'null'], maxLength: 256 },
  membershipRule: { type: ['string', 'null'], maxLength: 3072 },
  membershipRuleProcessingState: { type: 'string', enum: ['On', 'Paused'] },
  // Roster's join policy (SPEC §3.4), as the instance annotation groups are read with (ADR 8).
  '@roster.joinPolicy': { type: 'string', enum: ['open', 'approval', 'closed'] },
} as const;

const CREATE_BODY = {
  type: 'object',
  additionalProperties: false,
  required: ['displayName', 'mailEnabled', 'securityEnabled'],
  properties: {
    ...GROUP_WRITABLE,
    mailEnabled: { type: 'boolean' },
    securityEnabled: { type: 'boolean' },
    groupTypes: { type: 'array', maxItems: 2, items: { type: 'string', enum: ['Unified', 'DynamicMembership'] } },
    isAssignableToRole: { type: 'boolean' },
    'owners@odata.bind': REFERENCE_LIST,
    'members@odata.bind': REFERENCE_LIST,
  },
} as const;

const UPDATE_BODY = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { ...GROUP_WRITABLE, 'members@odata.bind': REFERENCE_LIST },
} as const;

const OWNED_OBJECTS_BODY = {
  type: 'object',
  additionalProperties: false,
  required: ['userId', 'type'],
  properties: {
    userId: { type: 'string', minLength: 1, maxLength: 64 },
    // Graph also takes Application; Roster's deleted items are groups.
    type: { type: 'string', enum: ['Group'] },
  },
} as const;

type CreateBody = { displayName: string; mailEnabled: boolean; securityEnabled: boolean; groupTypes?: ('Unified' | 'DynamicMembership')[]; 'owners@odata.bind'?: string[]; 'members@odata.bind'?: string[]; '@roster.joinPolicy'?: string } & Record<string, unknown>;
type UpdateBody = { 'members@odata.bind'?: string[]; '@roster.joinPolicy'?: string } & Record<string, unknown>;

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id.toLowerCase();

export async function groupRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;
  const json = (request: FastifyRequest, view: GroupView) => groupViewJson(view, isUserCaller(callerOf(request)));

  app.get('/groups', { schema: { tags: ['groups'], summary: 'List groups' } }, async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const options = parseListOptions(query, { consistencyLevel: request.headers['consistencylevel'] as string | undefined }, 'groups');
    const page = await core.listGroups(callerOf(request), { ...options, cursor: pager.cursor(request) });
    return collection(context(request, 'groups'), page.groups.map((v) => project(json(request, v), options.select)), pager.nextLink(request, page.next), page.count);
  });

  app.post('/groups', { schema: { tags: ['groups'], summary: 'Create a group', body: CREATE_BODY } }, async (request, reply) => {
    const { 'owners@odata.bind': owners, 'members@odata.bind': members, '@roster.joinPolicy': joinPolicy, ...fields } = request.body as CreateBody;
    const view = await core.createGroup(callerOf(request), {
      ...fields, ...(joinPolicy ? { joinPolicy } : {}), owners: owners?.map(idFromReference), members: members?.map(idFromReference),
    } as Parameters<typeof core.createGroup>[1]);
    return reply.code(201).send({ '@odata.context': context(request, 'groups/$entity'), ...json(request, view) });
  });

  app.get('/groups/:id', { schema: { tags: ['groups'], summary: 'Get a group', params: ID_PARAMS } }, async (request) => {
    const view = await core.getGroup(callerOf(request), { groupId: idOf(request) });
    return { '@odata.context': context(request, 'groups/$entity'), ...json(request, view) };
  });

  app.patch('/groups/:id', { schema: { tags: ['groups'], summary: 'Update a group; members@odata.bind adds up to 20 members, all or nothing', params: ID_PARAMS, body: UPDATE_BODY } }, async (request, reply) => {
    const { 'members@odata.bind': members, '@roster.joinPolicy': joinPolicy, ...rest } = request.body as UpdateBody;
    const fields = { ...rest, ...(joinPolicy ? { joinPolicy } : {}) };
    const caller = callerOf(request);
    const groupId = idOf(request);
    // Members first: a refused bind changes nothing, and neither do the property changes after it.
    if (members?.length) await core.addMembers(caller, { groupId, memberIds: members.map(idFromReference) });
    if (Object.keys(fields).length > 0) await core.updateGroup(caller, { ...fields, groupId } as Parameters<typeof core.updateGroup>[1]);
    return reply.code(204).send();
  });

  app.delete('/groups/:id', { schema: { tags: ['groups'], summary: 'Delete a group (restorable for 30 days)', params: ID_PARAMS } }, async (request, reply) => {
    await core.deleteGroup(callerOf(request), { groupId: idOf(request) });
    return reply.code(204).send();
  });

  app.get('/directory/deletedItems/microsoft.graph.group', { schema: { tags: ['groups'], summary: 'List deleted groups', querystring: PAGING_QUERY } }, async (request) => {
    const cursor = pager.cursor(request);
    const top = topOf(request);
    const page = await core.listDeletedGroups(callerOf(request), { after: cursor?.id, limit: top });
    const next = page.next ? { key: null, id: page.next } : null;
    return collection(context(request, 'directoryObjects/microsoft.graph.group'), page.groups.map((v) => json(request, v)), pager.nextLink(request, next));
  });

  // Graph's way for My Groups to list what a user owned and deleted: up to 1,000, by id, no paging (ADR 0021).
  app.post('/directory/deletedItems/getUserOwnedObjects', {
    schema: { tags: ['groups'], summary: 'Deleted groups a user owns (type Group), with the caller\'s abilities on each', body: OWNED_OBJECTS_BODY },
  }, async (request) => {
    const { userId } = request.body as { userId: string };
    const views = await core.listDeletedOwnedGroups(callerOf(request), { userId: userId.toLowerCase() });
    return { '@odata.context': context(request, 'directoryObjects'), value: views.map((v) => ({ '@odata.type': '#microsoft.graph.group', ...json(request, v) })) };
  });

  app.post('/directory/deletedItems/:id/restore', { schema: { tags: ['groups'], summary: 'Restore a deleted group', params: ID_PARAMS } }, async (request) => {
    const view = await core.restoreGroup(callerOf(request), { groupId: idOf(request) });
    return { '@odata.context': context(request, 'directoryObjects/$entity'), '@odata.type': '#microsoft.graph.group', ...json(request, view) };
  });
}
