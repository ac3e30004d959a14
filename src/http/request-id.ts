// Request ids: a caller's (or proxy's) x-request-id is kept when it is short and plain, so logs on both
// sides correlate; anything else is replaced, so a header cannot inject text into logs or responses.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE.test(incoming) ? incoming : randomUUID();
}
