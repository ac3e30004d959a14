// POST /v1.0/$batch — Graph's JSON batching. Each item is replayed through the same Fastify app with
// `inject`, carrying the caller's own Authorization header: it is authenticated, authorized and rate
// limited exactly like a direct call, never through a privileged internal path. Items run one after
// another in request order (deterministic); `dependsOn` may name only earlier items, and an item whose
// dependency failed (status ≥ 400) is not run and answers 424.
// An injected item has no TLS socket of its own, so it would build its links (`@odata.context`,
// `@odata.nextLink`, Location) with http://: each item carries the outer request's scheme in a header
// sealed with a per-process random key, which only this file knows; a client cannot set it (a forged
// one is dropped), and X-Forwarded-* headers are never trusted (the server runs without trustProxy).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, graphEnvelope } from '../errors.js';

export const MAX_BATCH_REQUESTS = 20;

const BATCH_BODY = {
  type: 'object',
  additionalProperties: false,
  required: ['requests'],
  properties: {
    requests: {
      type: 'array',
      minItems: 1,
      // The limit of 20 is checked in the handler, for Graph's message.
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'method', 'url'],
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 64 },
          method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'get', 'post', 'put', 'patch', 'delete'] },
          url: { type: 'string', minLength: 1, maxLength: 4096 },
          headers: { type: 'object', maxProperties: 32, additionalProperties: { type: 'string', maxLength: 2048 } },
          body: {},
          dependsOn: { type: 'array', maxItems: MAX_BATCH_REQUESTS, items: { type: 'string', maxLength: 64 } },
        },
      },
    },
  },
} as const;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Item headers passed on to the inner request; everything else (Authorization, Host, Cookie…) is not. */
const PASSED_HEADERS = new Set(['content-type', 'consistencylevel', 'client-request-id', 'prefer', 'if-match', 'if-none-match', 'accept']);
/** Response headers reported back per item, spelled as Graph does (the SDK's BatchResponseContent looks for `Content-Type`). */
const RETURNED_HEADERS: Record<string, string> = {
  'content-type': 'Content-Type', location: 'Location', 'retry-after': 'Retry-After', 'www-authenticate': 'WWW-Authenticate', etag: 'ETag', 'odata-version': 'OData-Version',
};

/** The path below /v1.0 for a relative item URL, or a reason it is refused. */
export function relativeTarget(url: string): { path: string } | { refused: string } {
  const refused = (why: string) => ({ refused: `Invalid request URL '${url.slice(0, 120)}': ${why}` });
  // Control characters, whitespace, backslashes and fragments never reach the router.
  if ([...url].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || c === '\\' || c === '#')) return refused('it contains characters that are not allowed.');
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return refused('the URL must be relative to /v1.0.');
  const rest = url.startsWith('/') ? url.slice(1) : url;
  const [rawPath = '', ...query] = rest.split('?');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refused('the path is not validly encoded.');
  }
  if (decoded.length === 0) return refused('the path is empty.');
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return refused('relative path segments are not allowed.');
  const first = (segments[0] ?? '').toLowerCase();
  if (first === 'v1.0' || first === 'beta' || /^v\d/.test(first)) return refused('the URL must be relative to /v1.0, without a version.');
  if (segments.some((s) => s.toLowerCase() === '$batch')) return refused('a batch cannot contain a batch.');
  return { path: `/v1.0/${rawPath}${query.length ? `?${query.join('?')}` : ''}` };
}

/** The inner request's header naming the outer scheme: `<key> <scheme>`; stripped before any route sees it. */
const ORIGIN_HEADER = 'x-roster-batch-origin';

function originSeal() {
  const key = randomBytes(32).toString('base64url');
  const expected = Buffer.from(key);
  return {
    header: (scheme: string) => `${key} ${scheme}`,
    /** The outer scheme when the header was sealed by this process; null (and the header removed) otherwise. */
    open(request: FastifyRequest): 'http' | 'https' | null {
      const value = request.headers[ORIGIN_HEADER];
      if (value === undefined) return null;
      delete request.headers[ORIGIN_HEADER];
      const [given = '', scheme] = typeof value === 'string' ? value.split(' ') : [];
      const sealed = given.length === expected.length && timingSafeEqual(Buffer.from(given), expected);
      return sealed && (scheme === 'http' || scheme === 'https') ? scheme : null;
    },
  };
}

function itemError(request: FastifyRequest, id: string, status: number, code: string, message: string): BatchResponseItem {
  return { id, status, headers: { 'Content-Type': 'application/json' }, body: graphEnvelope(request, code, message) };
}

export async function batchRoutes(app: FastifyInstance): Promise<void> {
  const seal = originSeal();
  // Every /v1.0 route (this scope): an item answers with the scheme of the batch it came in.
  app.addHook('onRequest', async (request) => {
    const scheme = seal.open(request);
    if (scheme !== null && scheme !== request.protocol) Object.defineProperty(request, 'protocol', { value: scheme });
  });

  app.post('/$batch', { schema: { tags: ['batch'], summary: 'JSON batching: up to 20 requests in one', body: BATCH_BODY } }, async (request) => {
    const { requests } = request.body as { requests: BatchItem[] };
    if (requests.length > MAX_BATCH_REQUESTS) throw badRequest(`Number of batch request steps exceeds the maximum of ${MAX_BATCH_REQUESTS}.`);
    // Ids are case-insensitive (as in Graph): unique, and dependsOn names only earlier ones.
    const seen = new Set<string>();
    for (const item of requests) {
      for (const dep of item.dependsOn ?? []) {
        if (!seen.has(dep.toLowerCase())) throw badRequest(`Request '${item.id}' depends on '${dep}', which is not an earlier request of this batch.`);
      }
      if (seen.has(item.id.toLowerCase())) throw badRequest(`Request id '${item.id}' is used more than once in this batch.`);
      seen.add(item.id.toLowerCase());
    }

    const statusById = new Map<string, number>();
    const responses: BatchResponseItem[] = [];
    for (const item of requests) {
      const response = await runItem(app, request, item, statusById, seal.header(request.protocol));
      statusById.set(item.id.toLowerCase(), response.status);
      responses.push(response);
    }
    return { responses };
  });
}

async function runItem(app: FastifyInstance, request: FastifyRequest, item: BatchItem, statusById: Map<string, number>, origin: string): Promise<BatchResponseItem> {
  const failed = (item.dependsOn ?? []).find((dep) => (statusById.get(dep.toLowerCase()) ?? 0) >= 400);
  if (failed !== undefined) return itemError(request, item.id, 424, 'FailedDependency', `Request '${failed}' that this request depends on failed.`);
  const target = relativeTarget(item.url);
  if ('refused' in target) return itemError(request, item.id, 400, 'Request_BadRequest', target.refused);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(item.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') return itemError(request, item.id, 400, 'Request_BadRequest', 'A batch item carries the batch\'s Authorization, not its own.');
    if (PASSED_HEADERS.has(lower)) headers[lower] = value;
  }
  const hasBody = item.body !== undefined;
  if (hasBody && !headers['content-type']) return itemError(request, item.id, 400, 'Request_BadRequest', 'A batch item with a body must have a Content-Type header.');
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') headers['authorization'] = authorization;
  else copyPortalCredentials(request, headers);
  headers['host'] = request.host;
  headers[ORIGIN_HEADER] = origin;

  const res = await app.inject({
    method: item.method.toUpperCase() as 'GET',
    url: target.path,
    headers,
    remoteAddress: request.ip,
    ...(hasBody ? { payload: typeof item.body === 'string' ? item.body : JSON.stringify(item.body) } : {}),
  });
  const out: BatchResponseItem = { id: item.id, status: res.statusCode, headers: {} };
  for (const [name, spelled] of Object.entries(RETURNED_HEADERS)) {
    const value = res.headers[name];
    if (typeof value === 'string' || typeof value === 'number') out.headers[spelled] = String(value);
  }
  if (res.payload.length > 0) {
    const type = String(res.headers['content-type'] ?? '');
    if (type.includes('json')) {
      try {
        out.body = JSON.parse(res.payload) as unknown;
      } catch {
        out.body = res.payload;
      }
    } else {
      out.body = res.payload;
    }
  }
  return out;
}

/**
 * A portal (cookie) caller's items carry its session cookie, CSRF token and channel. The outer POST
 * already passed the Origin and Sec-Fetch-Site checks; the inner requests repeat the token check.
 */
function copyPortalCredentials(request: FastifyRequest, headers: Record<string, string>): void {
  for (const name of ['cookie', 'x-csrf-token', 'x-roster-channel']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
}
