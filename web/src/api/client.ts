// The one way the portal calls the server: same-origin fetch with the session cookie, the portal's
// channel, and the CSRF token on every state-changing request (ADR 0017).
let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an API call answers 401: the session ended (signed out elsewhere, expired, user disabled). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** An error answer from the server, with its Graph envelope's code and message (shown as they are). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** The portal's channel (ADR 0017): My Groups by default; admin center pages send `adminCenter`. */
  channel?: 'myGroups' | 'adminCenter';
}

/** `path` is an absolute path ("/v1.0/me") or a same-origin URL (an @odata.nextLink). */
export async function call<T>(path: string, opts: CallOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Roster-Channel': opts.channel ?? 'myGroups', ...opts.headers };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(sameOrigin(path), {
    method, headers, credentials: 'same-origin', signal: opts.signal,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    if (response.status === 401 && path.startsWith('/v1.0')) onUnauthenticated();
    throw new ApiError(response.status, error?.code ?? 'Error', error?.message ?? `The server answered ${response.status} ${response.statusText}.`);
  }
  return json as T;
}

/** A call from an admin center page: the same API on the `adminCenter` channel. */
export function adminCall<T>(path: string, opts: Omit<CallOptions, 'channel'> = {}): Promise<T> {
  return call<T>(path, { ...opts, channel: 'adminCenter' });
}

/** nextLinks are absolute URLs of this server; only their path and query are used, never another origin. */
function sameOrigin(path: string): string {
  if (path.startsWith('/')) return path;
  const url = new URL(path);
  return `${url.pathname}${url.search}`;
}

export const graphPath = (id: string) => encodeURIComponent(id);

/** The message to show for any failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return `Could not reach Roster (${error.message}). Check your connection and try again.`;
  return 'Something went wrong. Try again.';
}
