// What every Graph route shares: the core, the pager, and small helpers for ids, callers and lists.
import type { FastifyRequest } from 'fastify';
import type { Caller, Core } from '../../../core/index.js';
import { callerOf } from '../../auth.js';
import { badRequest, HttpGraphError } from '../errors.js';
import type { Pager } from '../paging.js';

export interface GraphContext {
  core: Core;
  pager: Pager;
}

export const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;

/** A directory object reference: `https://…/v1.0/{users|groups|directoryObjects}/{id}` (or a bare id). */
export function idFromReference(ref: string): string {
  const m = /^(?:https?:\/\/[^/\s]+\/(?:v1\.0|beta)\/(?:users|groups|directoryObjects)\/)?([0-9a-fA-F-]{36})$/.exec(ref.trim());
  if (!m?.[1]) throw badRequest(`Invalid object identifier '${ref.slice(0, 120)}'.`);
  return m[1].toLowerCase();
}

export const REFERENCE_LIST = { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 512 } } as const;

export function isUserCaller(caller: Caller): boolean {
  return caller.principal.type === 'user';
}

/** `/me` is for delegated (user) tokens only, as in Graph. */
export function meOf(request: FastifyRequest): string {
  const caller = callerOf(request);
  if (caller.principal.type !== 'user') throw new HttpGraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  return caller.principal.userId;
}

/** `$top` for routes without the query language (1–999, default 100). */
export function topOf(request: FastifyRequest): number {
  const raw = (request.query as Record<string, string | undefined>)['$top'];
  if (raw === undefined) return 100;
  const n = Number(raw);
  if (!/^\d{1,4}$/.test(raw) || n < 1 || n > 999) throw badRequest(`Invalid page size specified: '${raw.slice(0, 20)}'. Must be between 1 and 999.`);
  return n;
}

export function collection(context: string, value: unknown[], nextLink?: string, count?: number): Record<string, unknown> {
  return {
    '@odata.context': context,
    ...(count !== undefined ? { '@odata.count': count } : {}),
    value,
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
  };
}

/** Query options a route without the query language accepts; anything else starting with `$` is refused. */
export const PAGING_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { $top: { type: 'string', maxLength: 4 }, $skiptoken: { type: 'string', maxLength: 2048 } },
} as const;
