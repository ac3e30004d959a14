// The three interfaces of one in-process Roster, all on the same core and database: the Graph-style
// REST API with a bearer token, the same API with the portal's session cookie and CSRF header (the
// channel from X-Roster-Channel), and the `roster` CLI run in-process through runCli with the
// composition root's CliDeps handed the same core (it acts as the `system` principal, as on a server).
import type { User } from '../../src/core/domain/model.js';
import type { Caller } from '../../src/core/index.js';
import type { App, CliDeps } from '../../src/cli/app.js';
import { runCli } from '../../src/cli/program.js';
import type { Storage } from '../../src/storage/open-storage.js';
import { startPortal, type Portal } from '../portal-auth-harness.js';
import type { CliAnswer, HttpAnswer } from './outcomes.js';
import type { ActorOfRun } from './state.js';

export const INTERFACES = ['rest', 'portal', 'cli'] as const;
export type InterfaceId = (typeof INTERFACES)[number];

export interface HttpCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under /v1.0. */
  url: string;
  body?: unknown;
}

/**
 * Who a case acts as. `admin`: the tenant's Global Administrator on REST (bearer) and in the portal
 * (admin center), and the system principal on the CLI — the CLI has no other actor. A user: that user
 * on REST and in My Groups; the CLI cannot act as them.
 */
export type Acting = { kind: 'admin' } | { kind: 'user'; user: User };

export interface Interfaces {
  portal: Portal;
  storage: Storage;
  tenantId: string;
  /**
   * A second Global Administrator who builds fixtures and preconditions, so what existed before a run
   * is told apart from what the run's actor did (labelled `<setup>`, never `<actor>`).
   */
  setup: Caller;
  setupUserId: string;
  /** Token and session ready before the run's snapshot (signing in writes sessions and audit events). */
  prepare(acting: Acting): Promise<void>;
  http(via: 'rest' | 'portal', acting: Acting, call: HttpCall): Promise<HttpAnswer>;
  cli(argv: readonly string[]): Promise<CliAnswer>;
  /** Who the audit log and created_by columns must name for this interface and actor. */
  actorOf(via: InterfaceId, acting: Acting): ActorOfRun;
  close(): Promise<void>;
}

export async function startInterfaces(storage: Storage): Promise<Interfaces> {
  const portal = await startPortal(storage);
  const tokens = new Map<string, string>();
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const setupAdmin = await portal.newUser('Setup Admin', { roles: ['globalAdmin'] });
  const setup: Caller = { tenantId: portal.tenantId, principal: { type: 'user', userId: setupAdmin.id }, channel: 'adminCenter' };
  const userOf = (acting: Acting) => (acting.kind === 'admin' ? portal.admin : acting.user);

  // What main.ts hands the CLI, on this core and database; closing it leaves the shared storage open.
  const app: App = {
    core: portal.core, database: 'parity test',
    migrate: () => storage.migrate(),
    listTenants: () => storage.uow.tenants.list(),
    seedDemo: () => Promise.reject(new Error('not part of the parity tests')),
    close: async () => {},
  };

  const interfaces: Interfaces = {
    portal, storage, tenantId: portal.tenantId, setup, setupUserId: setupAdmin.id,
    async prepare(acting) {
      const user = userOf(acting);
      if (!tokens.has(user.id)) tokens.set(user.id, await portal.bearer(user));
      if (!sessions.has(user.id)) sessions.set(user.id, await portal.signIn(user));
    },
    async http(via, acting, call) {
      await interfaces.prepare(acting);
      const user = userOf(acting);
      const payload = call.body === undefined ? {} : { payload: call.body as object };
      const url = `/v1.0${call.url}`;
      const res = via === 'rest'
        ? await portal.app.inject({ method: call.method, url, headers: { authorization: `Bearer ${tokens.get(user.id) ?? ''}` }, ...payload })
        : await portal.call(call.method, url, sessions.get(user.id) ?? {}, {
          headers: { 'x-roster-channel': acting.kind === 'admin' ? 'adminCenter' : 'myGroups' }, ...payload,
        });
      return { via: 'http', status: res.statusCode, body: res.body };
    },
    async cli(argv) {
      let stdout = '';
      let stderr = '';
      const deps: CliDeps = {
        openApp: async () => app,
        serve: () => Promise.reject(new Error('not part of the parity tests')),
        stdout: (t) => { stdout += t; },
        stderr: (t) => { stderr += t; },
      };
      const code = await runCli([...argv, '--tenant', portal.tenantId], deps);
      return { via: 'cli', code, stdout, stderr };
    },
    actorOf(via, acting) {
      if (via === 'cli') return { id: null, actorType: 'system', channel: 'api' };
      const channel = via === 'rest' ? 'api' : acting.kind === 'admin' ? 'adminCenter' : 'myGroups';
      return { id: userOf(acting).id, actorType: 'user', channel };
    },
    close: () => portal.close(),
  };
  return interfaces;
}
