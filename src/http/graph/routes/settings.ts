// Roster's tenant settings (SPEC §3.2, docs/adr/0011): every key of the core's registry with its value,
// default, type, label and help; PATCH sets several keys at once, all or nothing (admins only — the
// core decides). The body schema is the registry's own, so unknown keys and bad values are 400.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeSettings, SETTING_KEYS, settingSchema } from '../../../core/domain/settings.js';
import type { Core } from '../../../core/index.js';
import { callerOf } from '../../auth.js';
import { context } from '../shapes.js';
import type { GraphContext } from './support.js';

const PATCH_BODY = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: Object.fromEntries(SETTING_KEYS.map((key) => [key, settingSchema(key)])),
} as const;

async function settingsJson(request: FastifyRequest, core: Core) {
  const values = await core.getSettings(callerOf(request));
  return { '@odata.context': context(request, 'settings/$entity'), ...describeSettings(values) };
}

export async function settingsRoutes(app: FastifyInstance, ctx: GraphContext): Promise<void> {
  const { core } = ctx;

  app.get('/settings', { schema: { tags: ['settings'], summary: 'Tenant settings: value, default, type, label and help of every key' } }, async (request) =>
    settingsJson(request, core));

  app.patch('/settings', { schema: { tags: ['settings'], summary: 'Change settings (admins), all or nothing; takes effect on the next request', body: PATCH_BODY } }, async (request) => {
    await core.updateSettings(callerOf(request), request.body as Record<string, unknown>);
    return settingsJson(request, core);
  });
}
