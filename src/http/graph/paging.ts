// `@odata.nextLink` paging with an opaque, tamper-proof `$skiptoken`: the cursor and the path it
// belongs to, signed with HMAC-SHA256. A changed or foreign token is a 400, never a silent restart.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ListCursor } from '../../core/domain/list-query.js';
import { badRequest } from './errors.js';

export interface Pager {
  /** The `$skiptoken` for a cursor on this request's path. */
  token(request: FastifyRequest, cursor: ListCursor): string;
  /** The cursor in the request's `$skiptoken`, if any. */
  cursor(request: FastifyRequest): ListCursor | undefined;
  /** The next page's full URL: the same query with this skip token. */
  nextLink(request: FastifyRequest, cursor: ListCursor | null): string | undefined;
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '';

export function createPager(key: Buffer): Pager {
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest();
  const pager: Pager = {
    token(request, cursor) {
      const payload = Buffer.from(JSON.stringify({ p: pathOf(request), k: cursor.key, i: cursor.id })).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    cursor(request) {
      const raw = (request.query as Record<string, unknown>)['$skiptoken'];
      if (raw === undefined) return undefined;
      const invalid = badRequest('The $skiptoken is not valid. Follow @odata.nextLink as it was returned.');
      if (typeof raw !== 'string' || raw.length > 2048) throw invalid;
      const [payload, mac] = raw.split('.');
      if (!payload || !mac) throw invalid;
      const expected = sign(payload);
      const given = Buffer.from(mac, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { p: string; k: ListCursor['key']; i: string };
      if (decoded.p !== pathOf(request)) throw invalid;
      return { key: decoded.k, id: decoded.i };
    },
    nextLink(request, cursor) {
      if (!cursor) return undefined;
      // The caller's query as sent (Graph's links keep `$` literal), with this page's skip token.
      const [path, query = ''] = request.url.split('?') as [string, string?];
      const kept = query.split('&').filter((p) => p && !/^(\$|%24)skiptoken=/i.test(p));
      kept.push(`$skiptoken=${pager.token(request, cursor)}`);
      return `${request.protocol}://${request.host}${path}?${kept.join('&')}`;
    },
  };
  return pager;
}
