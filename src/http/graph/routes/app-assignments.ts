// Assignments (Graph appRoleAssignment): given from the app's side (`/servicePrincipals/{id}/appRoleAssignedTo`)
// and read from the principal's (`/groups/{id}/appRoleAssignments`, `/users/{id}/appRoleAssignments`,
// `/me/appRoleAssignments`). A principal is a user, a security group, or another application, whose
// audience then has the app (docs/adr/0019). The core refuses cycles (409 naming the loop), unknown
// principals (404) and non-security groups (400).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppAssignment } from '../../../core/domain/apps.js';
import { callerOf } from '../../auth.js';
import { appRoleAssignmentJson } from '../app-shapes.js';
import { badRequest } from '../errors.js';
import { context } from '../shapes.js';
import { collection, ID_PARAMS, meOf, PAGING_QUERY, topOf, type GraphContext } from './support.js';

const GUID = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' } as const;
const ASSIGN_BODY = {
  type: 'object', additionalProperties: false, required: ['principalId', 'resourceId', 'appRoleId'],
  properties: { principalId: GUID, resourceId: GUID, appRoleId: GUID },
} as const;
const ASSIGNMENT_PARAMS = { type: 'object', required: ['id', 'assignmentId'], properties: { id: { type: 'string', maxLength: 64 }, assignmentId: { type: 'string', maxLength: 64 } } } as const;

const TAGS = ['servicePrincipals'];
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id.toLowerCase();

interface AssignmentPage { items: AppAssignment[]; nextCursor: string | null }

export async function appAssignmentRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  /** A page of assignments with a signed next link when the core says there are more. */
  async function page(request: FastifyRequest, result: AssignmentPage) {
    const views = await core.viewAssignments(callerOf(request), { assignments: result.items });
    const value = views.map((v) => appRoleAssignmentJson(v.assignment, v));
    const next = result.nextCursor ? { key: null, id: result.nextCursor } : null;
    return collection(context(request, 'appRoleAssignments'), value, pager.nextLink(request, next));
  }
  const paging = (request: FastifyRequest) => ({ after: pager.cursor(request)?.id, limit: topOf(request) });

  app.get('/servicePrincipals/:id/appRoleAssignedTo', { schema: { tags: TAGS, summary: 'Who is given this application: users, groups, other applications\' audiences', params: ID_PARAMS, querystring: PAGING_QUERY } }, async (request) =>
    page(request, await core.listAppAssignments(callerOf(request), { appId: idOf(request), ...paging(request) })));

  app.post('/servicePrincipals/:id/appRoleAssignedTo', { schema: { tags: TAGS, summary: 'Give this application to a user, a security group, or another application\'s audience (admins, the app\'s owners)', params: ID_PARAMS, body: ASSIGN_BODY } }, async (request, reply) => {
    const body = request.body as { principalId: string; resourceId: string; appRoleId: string };
    if (body.resourceId.toLowerCase() !== idOf(request)) throw badRequest('resourceId must be the id of the servicePrincipal in the path.');
    const caller = callerOf(request);
    const principalId = body.principalId.toLowerCase();
    const principalType = await core.principalTypeOf(caller, { appId: idOf(request), id: principalId });
    const assignment = await core.assignApp(caller, { appId: idOf(request), principalType, principalId, appRoleId: body.appRoleId.toLowerCase() });
    const [view] = await core.viewAssignments(caller, { assignments: [assignment] });
    return reply.code(201).send({ '@odata.context': context(request, 'servicePrincipals(\'' + idOf(request) + '\')/appRoleAssignedTo/$entity'), ...appRoleAssignmentJson(assignment, view ?? { principalDisplayName: null, resourceDisplayName: null }) });
  });

  app.delete('/servicePrincipals/:id/appRoleAssignedTo/:assignmentId', { schema: { tags: TAGS, summary: 'Remove an assignment (admins, the app\'s owners)', params: ASSIGNMENT_PARAMS } }, async (request, reply) => {
    await core.unassignApp(callerOf(request), { appId: idOf(request), assignmentId: (request.params as { assignmentId: string }).assignmentId.toLowerCase() });
    return reply.code(204).send();
  });

  app.get('/groups/:id/appRoleAssignments', { schema: { tags: ['groups'], summary: 'Applications given to this group', params: ID_PARAMS, querystring: PAGING_QUERY } }, async (request) =>
    page(request, await core.listGroupAssignments(callerOf(request), { groupId: idOf(request), ...paging(request) })));

  app.get('/users/:id/appRoleAssignments', { schema: { tags: ['users'], summary: 'Applications given to this user directly', params: ID_PARAMS, querystring: PAGING_QUERY } }, async (request) =>
    page(request, await core.listUserAssignments(callerOf(request), { userId: idOf(request), ...paging(request) })));

  app.get('/me/appRoleAssignments', { schema: { tags: ['users'], summary: 'Applications given to me directly (through groups: /me/roster.apps)', querystring: PAGING_QUERY } }, async (request) =>
    page(request, await core.listUserAssignments(callerOf(request), { userId: meOf(request), ...paging(request) })));
}
