// Request ids: a caller's (or proxy's) x-request-id is kept when it is short and plain, so logs on both
// sides correlate; anything else is replaced, so a header cannot inject text into logs or responses.
// As Graph does, every response also says `request-id` and echoes the client's `client-request-id` —
// only when it is at most 64 letters, digits and hyphens (the SDKs send a GUID); otherwise it is ignored.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CLIENT_REQUEST_ID_HEADER = 'client-request-id';
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;
const CLIENT_ID = /^[A-Za-z0-9-]{1,64}$/;

export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE.test(incoming) ? incoming : randomUUID();
}

/** The client's `client-request-id` when it is plain enough to echo; undefined otherwise (sent twice included). */
export function clientRequestIdOf(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[CLIENT_REQUEST_ID_HEADER];
  return typeof value === 'string' && CLIENT_ID.test(value) ? value : undefined;
}

/** The id headers of every response: ours under both names, and the client's own when it sent a valid one. */
export function responseIdHeaders(request: { id: string; headers: IncomingHttpHeaders }): Record<string, string> {
  const clientId = clientRequestIdOf(request.headers);
  return { [REQUEST_ID_HEADER]: request.id, 'request-id': request.id, ...(clientId !== undefined ? { [CLIENT_REQUEST_ID_HEADER]: clientId } : {}) };
}
