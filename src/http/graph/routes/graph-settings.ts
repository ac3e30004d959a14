// Graph's own settings resources over Roster's registry (FIDELITY §4.2, docs/adr/0012):
// /policies/authorizationPolicy (allowedToCreateSecurityGroups) and /groupSettings (Group.Unified:
// EnableGroupCreation, GroupCreationAllowedGroupId). The core maps and decides; PATCH answers 204.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GROUP_UNIFIED_TEMPLATE_ID } from '../../../core/domain/graph-settings.js';
import { callerOf } from '../../auth.js';
import { HttpGraphError } from '../errors.js';
import { context } from '../shapes.js';
import { ID_PARAMS, type GraphContext } from './support.js';

const POLICY_BODY = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: {
    defaultUserRolePermissions: {
      type: 'object', additionalProperties: false, properties: { allowedToCreateSecurityGroups: { type: 'boolean' } },
    },
  },
} as const;

const SETTINGS_BODY = {
  type: 'object', additionalProperties: false, required: ['values'],
  properties: {
    values: {
      type: 'array', maxItems: 20,
      items: { type: 'object', additionalProperties: false, required: ['name', 'value'], properties: { name: { type: 'string', maxLength: 128 }, value: { type: 'string', maxLength: 256 } } },
    },
    // Graph clients often send back what they read; these must then match.
    displayName: { type: 'string', enum: ['Group.Unified'] },
    templateId: { type: 'string', enum: [GROUP_UNIFIED_TEMPLATE_ID] },
  },
} as const;

function notFound(): HttpGraphError {
  return new HttpGraphError(404, 'Request_ResourceNotFound', 'Resource not found for the segment \'groupSettings\'.');
}

export async function graphSettingsRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core } = ctx;

  app.get('/policies/authorizationPolicy', { schema: { tags: ['settings'], summary: 'The authorization policy (allowedToCreateSecurityGroups ↔ securityGroupCreation)' } }, async (request) => {
    const policy = await core.getAuthorizationPolicy(callerOf(request));
    return {
      '@odata.context': context(request, 'policies/authorizationPolicy/$entity'),
      id: 'authorizationPolicy',
      displayName: 'Authorization Policy',
      description: 'Used to manage authorization related settings across the company.',
      defaultUserRolePermissions: { allowedToCreateSecurityGroups: policy.allowedToCreateSecurityGroups },
    };
  });

  app.patch('/policies/authorizationPolicy', { schema: { tags: ['settings'], summary: 'Update the authorization policy (administrators)', body: POLICY_BODY } }, async (request, reply) => {
    const body = request.body as { defaultUserRolePermissions?: { allowedToCreateSecurityGroups?: boolean } };
    await core.updateAuthorizationPolicy(callerOf(request), { allowedToCreateSecurityGroups: body.defaultUserRolePermissions?.allowedToCreateSecurityGroups });
    return reply.code(204).send();
  });

  const unified = async (request: FastifyRequest) => {
    const values = await core.getUnifiedGroupSettings(callerOf(request));
    return {
      id: GROUP_UNIFIED_TEMPLATE_ID, displayName: 'Group.Unified', templateId: GROUP_UNIFIED_TEMPLATE_ID,
      values: Object.entries(values).map(([name, value]) => ({ name, value })),
    };
  };

  app.get('/groupSettings', { schema: { tags: ['settings'], summary: 'Directory settings: the Group.Unified object' } }, async (request) =>
    ({ '@odata.context': context(request, 'groupSettings'), value: [await unified(request)] }));

  app.get('/groupSettings/:id', { schema: { tags: ['settings'], summary: 'The Group.Unified settings object', params: ID_PARAMS } }, async (request) => {
    if ((request.params as { id: string }).id.toLowerCase() !== GROUP_UNIFIED_TEMPLATE_ID) throw notFound();
    return { '@odata.context': context(request, 'groupSettings/$entity'), ...(await unified(request)) };
  });

  app.patch('/groupSettings/:id', { schema: { tags: ['settings'], summary: 'Update Group.Unified values (administrators): EnableGroupCreation, GroupCreationAllowedGroupId', params: ID_PARAMS, body: SETTINGS_BODY } }, async (request, reply) => {
    if ((request.params as { id: string }).id.toLowerCase() !== GROUP_UNIFIED_TEMPLATE_ID) throw notFound();
    await core.updateUnifiedGroupSettings(callerOf(request), { values: (request.body as { values: Array<{ name: string; value: string }> }).values });
    return reply.code(204).send();
  });
}
