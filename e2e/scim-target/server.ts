// A real SCIM 2.0 service provider for tests: scimmy + scimmy-routers on express 4, its own in-memory
// storage, on 127.0.0.1 port 0, with switchable faults (5xx, 429 + Retry-After, connection resets,
// down/up, failing after a create has committed) and a log of every request it received.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'reset' }
  /** Answer normally, but only after this long. */
  | { kind: 'delay'; ms: number }
  /** The request is served (a create commits) and then the connection is cut: the client never hears back. */
  | { kind: 'resetAfterCommit' }
  /** The request is served (a create commits) and the response is never sent: the client waits until it dies. */
  | { kind: 'hangAfterCommit' };

export interface TargetRequest {
  method: string;
  path: string;
  status: number;
  fault: string | null;
}

type Resource = Record<string, unknown> & { id: string };

interface Store {
  users: Map<string, Resource>;
  groups: Map<string, Resource>;
}

export interface ScimTarget {
  /** `http://127.0.0.1:<port>/scim/v2` */
  readonly baseUrl: string;
  readonly token: string;
  readonly users: Map<string, Resource>;
  readonly groups: Map<string, Resource>;
  readonly requests: TargetRequest[];
  /** Faults applied to the next `times` requests matching `match` (method and path prefix), Infinity by default. */
  fail(fault: Fault, opts?: { times?: number; method?: string; path?: string }): void;
  heal(): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
  method: string | undefined;
  path: string | undefined;
}

const plain = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

let declared = false;
function declareOnce(): void {
  if (declared) return;
  declared = true;
  type ListConstraints = { startIndex?: number; count?: number; itemsPerPage?: number; sortBy?: string };
  const egress = (kind: keyof Store) => async (resource: { id?: string; filter?: { match(values: unknown[]): unknown[] }; constraints?: ListConstraints }, ctx: Store) => {
    const map = ctx[kind];
    if (resource.id) {
      const found = map.get(resource.id);
      if (!found) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      return found;
    }
    const all = [...map.values()];
    const matched = resource.filter ? resource.filter.match(all) : all;
    const c = resource.constraints ?? {};
    if (c.sortBy !== undefined) return matched;
    // scimmy builds a schema object for every element before it pages; a sparse array holding only the
    // requested page keeps listing a large target linear (map skips holes; totalResults is the length).
    const start = Math.max((c.startIndex ?? 1) - 1, 0);
    const page = new Array<unknown>(matched.length);
    for (let i = start; i < Math.min(matched.length, start + (c.itemsPerPage ?? c.count ?? 20)); i++) page[i] = matched[i];
    return page;
  };
  const ingress = (kind: keyof Store, unique: string) => async (resource: { id?: string }, instance: unknown, ctx: Store) => {
    const map = ctx[kind];
    const data = plain(instance);
    const key = String(data[unique] ?? '').toLowerCase();
    for (const other of map.values()) {
      if (other.id !== resource.id && String(other[unique] ?? '').toLowerCase() === key) {
        throw new SCIMMY.Types.Error(409, 'uniqueness', `${unique} "${String(data[unique])}" is already in use`);
      }
    }
    const now = new Date().toISOString();
    if (resource.id) {
      const existing = map.get(resource.id);
      if (!existing) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      const updated = { ...data, id: resource.id, meta: { ...(existing.meta as object), lastModified: now } } as Resource;
      map.set(resource.id, updated);
      return updated;
    }
    const id = randomUUID();
    const created = { ...data, id, meta: { created: now, lastModified: now } } as Resource;
    map.set(id, created);
    return created;
  };
  const degress = (kind: keyof Store) => async (resource: { id?: string }, ctx: Store) => {
    if (!resource.id || !ctx[kind].delete(resource.id)) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
  };
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress(ingress('users', 'userName') as never).egress(egress('users') as never).degress(degress('users') as never);
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress(ingress('groups', 'displayName') as never).egress(egress('groups') as never).degress(degress('groups') as never);
}

export async function startScimTarget(opts: { token?: string } = {}): Promise<ScimTarget> {
  declareOnce();
  const token = opts.token ?? `scim-${randomUUID()}`;
  const store: Store = { users: new Map(), groups: new Map() };
  const requests: TargetRequest[] = [];
  let faults: ActiveFault[] = [];

  const takeFault = (method: string, path: string): Fault | null => {
    const active = faults.find((f) => f.remaining > 0 && (!f.method || f.method === method) && (!f.path || path.startsWith(f.path)));
    if (!active) return null;
    active.remaining--;
    return active.fault;
  };

  const app = express();
  app.use((req, res, next) => {
    const path = req.originalUrl.replace(/^\/scim\/v2/, '');
    const fault = takeFault(req.method, path);
    const entry: TargetRequest = { method: req.method, path, status: 0, fault: fault?.kind ?? null };
    requests.push(entry);
    res.on('finish', () => { entry.status = res.statusCode; });
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      if (fault.retryAfter !== undefined) res.setHeader('retry-after', fault.retryAfter);
      res.status(fault.status).type('application/scim+json').send(JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(fault.status), detail: 'injected fault',
      }));
      return;
    }
    if (fault?.kind === 'delay') {
      setTimeout(next, fault.ms);
      return;
    }
    if (fault?.kind === 'hangAfterCommit') {
      res.end = ((..._args: unknown[]) => {
        entry.status = res.statusCode;
        return res;
      }) as typeof res.end;
    }
    if (fault?.kind === 'resetAfterCommit') {
      const end = res.end.bind(res);
      res.end = ((..._args: unknown[]) => {
        entry.status = res.statusCode;
        req.socket.destroy();
        return res;
      }) as typeof res.end;
      void end;
    }
    next();
  });
  app.use('/scim/v2', new SCIMMYRouters({
    type: 'bearer',
    handler: (request: express.Request) => {
      if (request.header('authorization') !== `Bearer ${token}`) throw new Error('Authorization failed');
      return 'roster';
    },
    context: () => store,
  }) as unknown as express.Router);

  const sockets = new Set<Socket>();
  let server: Server = createServer(app);
  const track = (s: Server) => s.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    token,
    users: store.users,
    groups: store.groups,
    requests,
    fail(fault, o = {}) {
      faults.push({ fault, remaining: o.times ?? Infinity, method: o.method, path: o.path });
    },
    heal() {
      faults = [];
    },
    down: stop,
    async up() {
      server = createServer(app);
      track(server);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: stop,
  };
}
