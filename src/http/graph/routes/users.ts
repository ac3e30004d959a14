// /v1.0/me and /v1.0/users: thin routes over the core's user use cases. Graph's `passwordProfile`
// sets the local sign-in password; roles and licences are not writable here (SECURITY #10): licences
// change through `assignLicense` (below), roles through /directoryRoles (directory-roles.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../../auth.js';
import { parseListOptions } from '../odata/list-options.js';
import { skuOfId } from '../directory-shapes.js';
import { context, project, userJson } from '../shapes.js';
import { collection, ID_PARAMS, meOf, type GraphContext } from './support.js';

const TEXT = { type: ['string', 'null'], maxLength: 256 } as const;
const PROFILE = {
  displayName: { type: 'string', minLength: 1, maxLength: 256 },
  mail: TEXT, givenName: TEXT, surname: TEXT, department: TEXT, jobTitle: TEXT, companyName: TEXT, officeLocation: TEXT,
  accountEnabled: { type: 'boolean' },
  userPrincipalName: { type: 'string', minLength: 3, maxLength: 113 },
  passwordProfile: {
    type: 'object', additionalProperties: false, required: ['password'],
    properties: { password: { type: 'string', maxLength: 256 }, forceChangePasswordNextSignIn: { type: 'boolean' } },
  },
  mailNickname: { type: 'string', maxLength: 64 },
} as const;

const CREATE_BODY = { type: 'object', additionalProperties: false, required: ['displayName', 'userPrincipalName'], properties: PROFILE } as const;
const UPDATE_BODY = { type: 'object', additionalProperties: false, minProperties: 1, properties: PROFILE } as const;

type Body = Record<string, unknown> & { passwordProfile?: { password: string }; mailNickname?: string };

/** Graph's user body → the core's input (mailNickname is accepted and ignored: Roster derives none). */
function userInput(body: Body) {
  const { passwordProfile, mailNickname: _nickname, ...rest } = body;
  return { ...rest, ...(passwordProfile ? { password: passwordProfile.password } : {}) };
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id.toLowerCase();

const SKU_ID = { type: 'string', maxLength: 64 } as const;
const ASSIGN_LICENSE_BODY = {
  type: 'object', additionalProperties: false, required: ['addLicenses', 'removeLicenses'],
  properties: {
    addLicenses: {
      type: 'array', maxItems: 10,
      items: { type: 'object', additionalProperties: false, required: ['skuId'], properties: { skuId: SKU_ID, disabledPlans: { type: 'array', maxItems: 0 } } },
    },
    removeLicenses: { type: 'array', maxItems: 10, items: SKU_ID },
  },
} as const;

export async function userRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;

  const withRoles = (request: FastifyRequest) => core.canReadRoles(callerOf(request));

  app.get('/me', { schema: { tags: ['users'], summary: 'The signed-in user (user tokens only)' } }, async (request) => {
    const user = await core.getUser(callerOf(request), { userId: meOf(request) });
    return { '@odata.context': context(request, 'users/$entity'), ...userJson(user, await withRoles(request)) };
  });

  app.get('/users', { schema: { tags: ['users'], summary: 'List users' } }, async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const options = parseListOptions(query, { consistencyLevel: request.headers['consistencylevel'] as string | undefined }, 'users');
    const page = await core.listUsers(callerOf(request), { ...options, cursor: pager.cursor(request) });
    const roles = await withRoles(request);
    return collection(context(request, 'users'), page.users.map((u) => project(userJson(u, roles), options.select)), pager.nextLink(request, page.next), page.count);
  });

  app.post('/users', { schema: { tags: ['users'], summary: 'Create a user (user administrators, User.ReadWrite.All)', body: CREATE_BODY } }, async (request, reply) => {
    const user = await core.createUser(callerOf(request), userInput(request.body as Body) as Parameters<typeof core.createUser>[1]);
    return reply.code(201).send({ '@odata.context': context(request, 'users/$entity'), ...userJson(user) });
  });

  app.get('/users/:id', { schema: { tags: ['users'], summary: 'Get a user', params: ID_PARAMS } }, async (request) => {
    const user = await core.getUser(callerOf(request), { userId: idOf(request) });
    return { '@odata.context': context(request, 'users/$entity'), ...userJson(user, await withRoles(request)) };
  });

  app.post('/users/:id/assignLicense', {
    schema: { tags: ['users'], summary: 'Add and remove licences in one step, within the tenant\'s seats (user administrators, User.ReadWrite.All)', params: ID_PARAMS, body: ASSIGN_LICENSE_BODY },
  }, async (request) => {
    const body = request.body as { addLicenses: Array<{ skuId: string }>; removeLicenses: string[] };
    const user = await core.changeLicences(callerOf(request), {
      userId: idOf(request), add: body.addLicenses.map((l) => skuOfId(l.skuId)), remove: body.removeLicenses.map(skuOfId),
    });
    return { '@odata.context': context(request, 'users/$entity'), ...userJson(user, await withRoles(request)) };
  });

  app.patch('/users/:id', { schema: { tags: ['users'], summary: 'Update a user', params: ID_PARAMS, body: UPDATE_BODY } }, async (request, reply) => {
    await core.updateUser(callerOf(request), { ...userInput(request.body as Body), userId: idOf(request) } as Parameters<typeof core.updateUser>[1]);
    return reply.code(204).send();
  });

  app.delete('/users/:id', { schema: { tags: ['users'], summary: 'Delete a user', params: ID_PARAMS } }, async (request, reply) => {
    await core.deleteUser(callerOf(request), { userId: idOf(request) });
    return reply.code(204).send();
  });
}
