// A SCIM 2.0 client (RFC 7644) for outbound provisioning: Users and Groups, lookups by filter, PatchOp
// updates, list paging; timeouts; SCIM error bodies parsed and every failure classified for the retry
// policy. https only, or http to a loopback address. The token goes in one header and nowhere else.
import { baseUrlProblem } from '../core/domain/provisioning/config.js';
import type { RemoteUser } from '../core/domain/provisioning/diff.js';
import { classifyStatus, parseRetryAfter, type PushErrorKind } from '../core/domain/provisioning/retry.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MAX_ERROR_TEXT = 500;

export { baseUrlProblem };

export class ScimError extends Error {
  constructor(
    message: string,
    readonly kind: PushErrorKind,
    readonly status: number | null,
    readonly retryAfterMs: number | null = null,
    readonly scimType: string | null = null,
  ) {
    super(message);
    this.name = 'ScimError';
  }
}

/** One request as the log records it: no body, no token. */
export interface ScimRequestRecord {
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  error: string | null;
}

export interface RemoteGroup {
  id: string;
  displayName: string;
  externalId: string | null;
}

export interface ListPage<T> {
  resources: T[];
  totalResults: number;
}

/** What the engine needs from a target; the dry run wraps it. */
export interface ScimTarget {
  findUser(attribute: 'userName' | 'externalId', value: string): Promise<RemoteUser | null>;
  createUser(resource: Record<string, unknown>): Promise<RemoteUser>;
  replaceUserAttributes(id: string, resource: Record<string, unknown>): Promise<void>;
  setActive(id: string, active: boolean): Promise<void>;
  deleteUser(id: string): Promise<void>;
  listUsers(startIndex: number, count: number): Promise<ListPage<RemoteUser>>;
  findGroup(attribute: 'displayName' | 'externalId', value: string): Promise<RemoteGroup | null>;
  createGroup(resource: Record<string, unknown>): Promise<RemoteGroup>;
  renameGroup(id: string, displayName: string): Promise<void>;
  groupMemberIds(id: string): Promise<string[]>;
  changeGroupMembers(id: string, add: readonly string[], remove: readonly string[]): Promise<void>;
  deleteGroup(id: string): Promise<void>;
}

export interface ScimClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  onRequest?: (record: ScimRequestRecord) => void;
  now?: () => number;
}

/** A filter's string value (RFC 7644 §3.4.2.2: a JSON string, so quotes and backslashes are escaped). */
export function filterValue(value: string): string {
  return JSON.stringify(value);
}

export function toRemoteUser(resource: Record<string, unknown>): RemoteUser {
  return {
    id: String(resource.id),
    userName: String(resource.userName ?? ''),
    externalId: typeof resource.externalId === 'string' ? resource.externalId : null,
    active: resource.active !== false,
    resource,
  };
}

function toRemoteGroup(resource: Record<string, unknown>): RemoteGroup {
  return { id: String(resource.id), displayName: String(resource.displayName ?? ''), externalId: typeof resource.externalId === 'string' ? resource.externalId : null };
}

export function createScimClient(opts: ScimClientOptions): ScimTarget {
  const problem = baseUrlProblem(opts.baseUrl);
  if (problem) throw new ScimError(problem, 'client', null);
  const base = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const now = opts.now ?? Date.now;

  async function request(method: string, path: string, body?: unknown): Promise<Record<string, unknown> | null> {
    const started = now();
    const record = (status: number | null, error: string | null) => opts.onRequest?.({ method, path: path.split('?')[0] as string, status, durationMs: now() - started, error });
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${opts.token}`,
          accept: 'application/scim+json, application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const message = error instanceof Error && error.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `network error: ${describeCause(error)}`;
      record(null, message);
      throw new ScimError(`${method} ${path.split('?')[0]}: ${message}`, 'network', null);
    }
    const text = await response.text().catch(() => '');
    const kind = classifyStatus(response.status);
    if (kind) {
      const { detail, scimType } = parseScimError(text);
      const message = `HTTP ${response.status}${scimType ? ` ${scimType}` : ''}${detail ? `: ${detail}` : ''}`.slice(0, MAX_ERROR_TEXT);
      record(response.status, message);
      throw new ScimError(message, kind, response.status, parseRetryAfter(response.headers.get('retry-after'), now()), scimType);
    }
    record(response.status, null);
    if (!text) return null;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new ScimError(`HTTP ${response.status}: the response is not JSON`, 'server', response.status);
    }
  }

  async function findOne(resourceType: 'Users' | 'Groups', filter: string, extra = ''): Promise<Record<string, unknown> | null> {
    const list = await request('GET', `/${resourceType}?filter=${encodeURIComponent(filter)}${extra}`);
    const resources = Array.isArray(list?.Resources) ? (list.Resources as Array<Record<string, unknown>>) : [];
    return resources[0] ?? null;
  }

  const patch = (resourceType: 'Users' | 'Groups', id: string, operations: unknown[]) =>
    request('PATCH', `/${resourceType}/${encodeURIComponent(id)}`, { schemas: [PATCH_OP], Operations: operations });

  return {
    async findUser(attribute, value) {
      const found = await findOne('Users', `${attribute} eq ${filterValue(value)}`);
      return found ? toRemoteUser(found) : null;
    },
    async createUser(resource) {
      const created = await request('POST', '/Users', resource);
      if (!created?.id) throw new ScimError('POST /Users: the target returned no id', 'server', 201);
      return toRemoteUser(created);
    },
    async replaceUserAttributes(id, resource) {
      const { schemas: _schemas, ...value } = resource;
      await patch('Users', id, [{ op: 'replace', value }]);
    },
    async setActive(id, active) {
      await patch('Users', id, [{ op: 'replace', path: 'active', value: active }]);
    },
    async deleteUser(id) {
      try {
        await request('DELETE', `/Users/${encodeURIComponent(id)}`);
      } catch (error) {
        if (!(error instanceof ScimError && error.status === 404)) throw error;
      }
    },
    async listUsers(startIndex, count) {
      const list = await request('GET', `/Users?startIndex=${startIndex}&count=${count}`);
      const resources = Array.isArray(list?.Resources) ? (list.Resources as Array<Record<string, unknown>>) : [];
      return { resources: resources.map(toRemoteUser), totalResults: Number(list?.totalResults ?? resources.length) };
    },
    async findGroup(attribute, value) {
      const found = await findOne('Groups', `${attribute} eq ${filterValue(value)}`, '&excludedAttributes=members');
      return found ? toRemoteGroup(found) : null;
    },
    async createGroup(resource) {
      const created = await request('POST', '/Groups', resource);
      if (!created?.id) throw new ScimError('POST /Groups: the target returned no id', 'server', 201);
      return toRemoteGroup(created);
    },
    async renameGroup(id, displayName) {
      await patch('Groups', id, [{ op: 'replace', path: 'displayName', value: displayName }]);
    },
    async groupMemberIds(id) {
      const group = await request('GET', `/Groups/${encodeURIComponent(id)}?attributes=members`);
      const members = Array.isArray(group?.members) ? (group.members as Array<{ value?: unknown }>) : [];
      return members.map((m) => String(m.value));
    },
    async changeGroupMembers(id, add, remove) {
      const operations: unknown[] = [];
      if (add.length > 0) operations.push({ op: 'add', path: 'members', value: add.map((value) => ({ value })) });
      for (const member of remove) operations.push({ op: 'remove', path: `members[value eq ${filterValue(member)}]` });
      if (operations.length > 0) await patch('Groups', id, operations);
    },
    async deleteGroup(id) {
      try {
        await request('DELETE', `/Groups/${encodeURIComponent(id)}`);
      } catch (error) {
        if (!(error instanceof ScimError && error.status === 404)) throw error;
      }
    },
  };
}

function parseScimError(text: string): { detail: string | null; scimType: string | null } {
  try {
    const body = JSON.parse(text) as { detail?: unknown; scimType?: unknown };
    return {
      detail: typeof body.detail === 'string' ? body.detail.slice(0, MAX_ERROR_TEXT) : null,
      scimType: typeof body.scimType === 'string' ? body.scimType.slice(0, 40) : null,
    };
  } catch {
    return { detail: text ? text.slice(0, 200) : null, scimType: null };
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message.slice(0, 200);
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown';
}
