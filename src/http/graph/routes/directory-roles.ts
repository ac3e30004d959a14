// Directory roles the Graph way (docs/adr/0022): GET /directoryRoles, one role, its members, and
// members/$ref to grant or DELETE …/members/{id}/$ref to remove a role. A role is named by its Entra
// role template id or Roster's name. Plus GET /subscribedSkus: licences with seats bought and used.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DirectoryRole } from '../../../core/domain/model.js';
import { callerOf } from '../../auth.js';
import { directoryRoleJson, roleOfId, subscribedSkuJson } from '../directory-shapes.js';
import { asDirectoryObject, context, userJson } from '../shapes.js';
import { collection, idFromReference, type GraphContext } from './support.js';

const PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 }, memberId: { type: 'string', maxLength: 64 } } } as const;
const REF_BODY = { type: 'object', additionalProperties: false, required: ['@odata.id'], properties: { '@odata.id': { type: 'string', maxLength: 512 } } } as const;
const TAGS = ['directoryRoles'];

const params = (request: FastifyRequest) => request.params as { id: string; memberId?: string };

export async function directoryRoleRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core } = ctx;

  app.get('/directoryRoles', { schema: { tags: TAGS, summary: 'The directory roles (administrators; apps with Directory.Read.All)' } }, async (request) => {
    const roles = await core.listRoles(callerOf(request));
    return collection(context(request, 'directoryRoles'), roles.map((r) => ({ ...directoryRoleJson(r.role), '@roster.memberCount': r.memberCount })));
  });

  app.get('/directoryRoles/:id', { schema: { tags: TAGS, summary: 'One directory role, by role template id or Roster name', params: PARAMS } }, async (request) => {
    const role = roleOfId(params(request).id);
    // The core checks the caller may read roles and that the role exists (roleNotFound otherwise).
    const members = await core.listRoleMembers(callerOf(request), { role });
    return { '@odata.context': context(request, 'directoryRoles/$entity'), ...directoryRoleJson(role as DirectoryRole), '@roster.memberCount': members.length };
  });

  app.get('/directoryRoles/:id/members', { schema: { tags: TAGS, summary: 'Who holds the role', params: PARAMS } }, async (request) => {
    const users = await core.listRoleMembers(callerOf(request), { role: roleOfId(params(request).id) });
    return collection(context(request, 'directoryObjects'), users.map((u) => asDirectoryObject('user', userJson(u, true))));
  });

  app.post('/directoryRoles/:id/members/$ref', {
    schema: { tags: TAGS, summary: 'Grant the role (Global Administrators; Privileged Role Administrators for roles they hold)', params: PARAMS, body: REF_BODY },
  }, async (request, reply) => {
    const userId = idFromReference((request.body as { '@odata.id': string })['@odata.id']);
    await core.grantRole(callerOf(request), { userId, role: roleOfId(params(request).id) });
    return reply.code(204).send();
  });

  app.delete('/directoryRoles/:id/members/:memberId/$ref', {
    schema: { tags: TAGS, summary: 'Remove the role (the last enabled Global Administrator stays: 409)', params: PARAMS },
  }, async (request, reply) => {
    const userId = idFromReference(params(request).memberId ?? '');
    await core.revokeRole(callerOf(request), { userId, role: roleOfId(params(request).id) });
    return reply.code(204).send();
  });

  app.get('/subscribedSkus', { schema: { tags: ['users'], summary: 'Licences: seats bought (prepaidUnits.enabled) and assigned (consumedUnits) (user administrators)' } }, async (request) => {
    const seats = await core.getLicenceSeats(callerOf(request));
    return collection(context(request, 'subscribedSkus'), seats.map(subscribedSkuJson));
  });
}
