// /v1.0/servicePrincipals: applications (Graph servicePrincipal) and their owners. Thin: the core
// decides who may create, change, delete and own (docs/adr/0019); Roster's own properties are the
// `@roster.visibleToUsers` and `@roster.cascadeNestedGroups` annotations, read and written as such.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Application } from '../../../core/domain/apps.js';
import { callerOf } from '../../auth.js';
import { APP_LIST_QUERY, parseAppListQuery } from '../app-query.js';
import { servicePrincipalJson } from '../app-shapes.js';
import { asDirectoryObject, context, project, userJson } from '../shapes.js';
import { collection, ID_PARAMS, idFromReference, type GraphContext } from './support.js';

const TEXT = { type: ['string', 'null'], maxLength: 1024 } as const;
const URL = { type: ['string', 'null'], maxLength: 2048, pattern: '^https?://' } as const;
const APP_ROLE = {
  type: 'object', additionalProperties: false, required: ['displayName'],
  properties: {
    id: { type: 'string', format: 'uuid' }, displayName: { type: 'string', minLength: 1, maxLength: 120 },
    value: { type: ['string', 'null'], maxLength: 120 }, description: TEXT, isEnabled: { type: 'boolean' },
    allowedMemberTypes: { type: 'array', maxItems: 1, items: { type: 'string', enum: ['User'] } },
  },
} as const;

const WRITABLE = {
  displayName: { type: 'string', minLength: 1, maxLength: 256 },
  description: TEXT,
  homepage: URL, loginUrl: URL, logoUrl: URL,
  accountEnabled: { type: 'boolean' },
  appRoleAssignmentRequired: { type: 'boolean' },
  appRoles: { type: 'array', maxItems: 50, items: APP_ROLE },
  '@roster.visibleToUsers': { type: 'boolean' },
  '@roster.cascadeNestedGroups': { type: 'boolean' },
} as const;

const CREATE_BODY = { type: 'object', additionalProperties: false, required: ['displayName'], properties: { ...WRITABLE, 'owners@odata.bind': { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 512 } } } } as const;
const UPDATE_BODY = { type: 'object', additionalProperties: false, minProperties: 1, properties: WRITABLE } as const;
const REF_BODY = { type: 'object', additionalProperties: false, required: ['@odata.id'], properties: { '@odata.id': { type: 'string', maxLength: 512 } } } as const;
const OWNER_PARAMS = { type: 'object', required: ['id', 'ownerId'], properties: { id: { type: 'string', maxLength: 64 }, ownerId: { type: 'string', maxLength: 64 } } } as const;

export const SERVICE_PRINCIPAL_SELECT = [
  'id', 'appId', 'displayName', 'description', 'homepage', 'loginUrl', 'logoUrl', 'accountEnabled',
  'appRoleAssignmentRequired', 'appRoles', 'servicePrincipalType', 'createdDateTime',
] as const;

type Body = Record<string, unknown> & { '@roster.visibleToUsers'?: boolean; '@roster.cascadeNestedGroups'?: boolean; 'owners@odata.bind'?: string[] };

/** The wire's annotations → the core's field names. */
function appInput(body: Body) {
  const { '@roster.visibleToUsers': visibleToUsers, '@roster.cascadeNestedGroups': cascadeNestedGroups, 'owners@odata.bind': owners, ...rest } = body;
  return {
    ...rest,
    ...(visibleToUsers !== undefined ? { visibleToUsers } : {}),
    ...(cascadeNestedGroups !== undefined ? { cascadeNestedGroups } : {}),
    ...(owners ? { ownerIds: owners.map(idFromReference) } : {}),
  };
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id.toLowerCase();
const TAGS = ['servicePrincipals'];
const ENTITY = 'servicePrincipals/$entity';

export async function servicePrincipalRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  /** An app a use case returned, with the caller's abilities on it. */
  async function one(request: FastifyRequest, found: Application) {
    const [view] = await core.viewApps(callerOf(request), { apps: [found] });
    return servicePrincipalJson(found, view?.abilities);
  }

  app.get('/servicePrincipals', { schema: { tags: TAGS, summary: 'List applications (app admins and Application.Read.All: all; other users: the apps they own and the visible apps they have). $search="displayName:…" and $count=true need ConsistencyLevel: eventual', querystring: APP_LIST_QUERY } }, async (request) => {
    const q = parseAppListQuery(request, { searchable: ['displayName'], selectable: SERVICE_PRINCIPAL_SELECT });
    const caller = callerOf(request);
    const page = await core.listApps(caller, { limit: q.top, count: q.count, search: q.search, after: pager.cursor(request)?.id });
    const next = page.nextCursor ? { key: null, id: page.nextCursor } : null;
    const views = await core.viewApps(caller, { apps: page.items });
    const value = views.map((v) => project(servicePrincipalJson(v.app, v.abilities), q.select));
    return collection(context(request, 'servicePrincipals'), value, pager.nextLink(request, next), page.count);
  });

  app.post('/servicePrincipals', { schema: { tags: TAGS, summary: 'Create an application (globalAdmin, appAdmin, Application.ReadWrite.All)', body: CREATE_BODY } }, async (request, reply) => {
    const created = await core.createApp(callerOf(request), appInput(request.body as Body) as Parameters<typeof core.createApp>[1]);
    return reply.code(201).send({ '@odata.context': context(request, ENTITY), ...await one(request, created) });
  });

  app.get('/servicePrincipals/:id', { schema: { tags: TAGS, summary: 'Get an application', params: ID_PARAMS } }, async (request) => {
    const found = await core.getApp(callerOf(request), { id: idOf(request) });
    return { '@odata.context': context(request, ENTITY), ...await one(request, found) };
  });

  app.patch('/servicePrincipals/:id', { schema: { tags: TAGS, summary: 'Update an application (app admins, its owners, Application.ReadWrite.All)', params: ID_PARAMS, body: UPDATE_BODY } }, async (request, reply) => {
    await core.updateApp(callerOf(request), { id: idOf(request), patch: appInput(request.body as Body) as Parameters<typeof core.updateApp>[1]['patch'] });
    return reply.code(204).send();
  });

  app.delete('/servicePrincipals/:id', { schema: { tags: TAGS, summary: 'Delete an application and its assignments (admins; not its owners)', params: ID_PARAMS } }, async (request, reply) => {
    await core.deleteApp(callerOf(request), { id: idOf(request) });
    return reply.code(204).send();
  });

  app.get('/servicePrincipals/:id/owners', { schema: { tags: TAGS, summary: 'Owners of an application', params: ID_PARAMS } }, async (request) => {
    const caller = callerOf(request);
    const ownerships = await core.listAppOwners(caller, { appId: idOf(request) });
    const owners = await core.viewAppUsers(caller, { userIds: ownerships.map((o) => o.userId) });
    return collection(context(request, 'directoryObjects'), owners.map((u) => asDirectoryObject('user', userJson(u))));
  });

  app.post('/servicePrincipals/:id/owners/$ref', { schema: { tags: TAGS, summary: 'Add an owner (admins)', params: ID_PARAMS, body: REF_BODY } }, async (request, reply) => {
    const userId = idFromReference((request.body as { '@odata.id': string })['@odata.id']);
    await core.addAppOwner(callerOf(request), { appId: idOf(request), userId });
    return reply.code(204).send();
  });

  app.delete('/servicePrincipals/:id/owners/:ownerId/$ref', { schema: { tags: TAGS, summary: 'Remove an owner (admins)', params: OWNER_PARAMS } }, async (request, reply) => {
    await core.removeAppOwner(callerOf(request), { appId: idOf(request), userId: (request.params as { ownerId: string }).ownerId.toLowerCase() });
    return reply.code(204).send();
  });
}
