// Outbound SCIM provisioning of an app (docs/adr/0020), Roster's own resource beside Graph's
// servicePrincipal: GET/PATCH `roster.provisioning` (the token is write-only), its `/log` (newest first,
// signed `$skiptoken` paging), `/dryRun`, `/reconcile`, `/resume`, `/pause`. Admins and the app's owners.
// An app with no provisioning answers GET with `state: notConfigured` (200); a missing or unseen app is 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConfigureProvisioningInput } from '../../../core/index.js';
import { callerOf } from '../../auth.js';
import { context } from '../shapes.js';
import { CONFIG_BODY, LOG_PAGE, PROVISIONING } from './provisioning-schemas.js';
import { collection, ID_PARAMS, PAGING_QUERY, topOf, type GraphContext } from './support.js';

const BASE = '/servicePrincipals/:id/roster.provisioning';

const EMPTY_BODY = { type: 'object', additionalProperties: false, properties: {} } as const;
const appIdOf = (request: FastifyRequest) => (request.params as { id: string }).id.toLowerCase();

/** The action POSTs take no parameters: no body is an empty one. */
async function noBodyIsEmpty(request: FastifyRequest) {
  if (request.body === undefined || request.body === null) request.body = {};
}

export async function provisioningRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core, pager } = ctx;
  const tags = ['provisioning'];
  const entity = (request: FastifyRequest) => context(request, 'servicePrincipals/roster.provisioning/$entity');

  app.get(BASE, { schema: { tags, summary: 'Provisioning of the app: target, mapping, state, last error, counts (never the token); state notConfigured when none is set up', params: ID_PARAMS, response: { 200: PROVISIONING } } }, async (request) => ({
    '@odata.context': entity(request), ...(await core.getProvisioning(callerOf(request), { appId: appIdOf(request) })),
  }));

  // PATCH creates the configuration too (baseUrl and token then required), like Graph's synchronization secrets.
  app.patch(BASE, { schema: { tags, summary: 'Configure provisioning (the token is write-only)', params: ID_PARAMS, body: CONFIG_BODY, response: { 200: PROVISIONING } } }, async (request) => {
    const body = request.body as Omit<ConfigureProvisioningInput, 'appId'>;
    await core.configureProvisioning(callerOf(request), { ...body, appId: appIdOf(request) });
    return { '@odata.context': entity(request), ...(await core.getProvisioning(callerOf(request), { appId: appIdOf(request) })) };
  });

  app.get(`${BASE}/log`, { schema: { tags, summary: 'Requests sent to the target, newest first, each with its object\'s name when you may see it', params: ID_PARAMS, querystring: PAGING_QUERY, response: { 200: LOG_PAGE } } }, async (request) => {
    const cursor = pager.cursor(request);
    const before = cursor && typeof cursor.key === 'number' ? cursor.key : undefined;
    const page = await core.listProvisioningLog(callerOf(request), { appId: appIdOf(request), before, limit: topOf(request) });
    const next = page.nextBefore === null ? null : { key: page.nextBefore, id: '' };
    return collection(context(request, 'servicePrincipals/roster.provisioning/log'), page.items, pager.nextLink(request, next));
  });

  app.post(`${BASE}/dryRun`, { schema: { tags, summary: 'What a reconciliation would send now (reads the target, writes nothing)', params: ID_PARAMS, body: EMPTY_BODY }, preValidation: noBodyIsEmpty }, async (request) =>
    core.dryRunProvisioning(callerOf(request), { appId: appIdOf(request) }));

  app.post(`${BASE}/reconcile`, { schema: { tags, summary: 'Queue a full reconciliation', params: ID_PARAMS, body: EMPTY_BODY }, preValidation: noBodyIsEmpty }, async (request, reply) => {
    await core.reconcileProvisioningNow(callerOf(request), { appId: appIdOf(request) });
    return reply.code(202).send();
  });

  app.post(`${BASE}/resume`, { schema: { tags, summary: 'Turn provisioning on again (after a pause or quarantine) and reconcile', params: ID_PARAMS, body: EMPTY_BODY, response: { 200: PROVISIONING } }, preValidation: noBodyIsEmpty }, async (request) => ({
    '@odata.context': entity(request), ...(await core.resumeProvisioning(callerOf(request), { appId: appIdOf(request) })),
  }));

  app.post(`${BASE}/pause`, { schema: { tags, summary: 'Pause provisioning', params: ID_PARAMS, body: EMPTY_BODY, response: { 200: PROVISIONING } }, preValidation: noBodyIsEmpty }, async (request) => ({
    '@odata.context': entity(request), ...(await core.pauseProvisioning(callerOf(request), { appId: appIdOf(request) })),
  }));
}
