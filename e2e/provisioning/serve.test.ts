// `roster serve` as shipped, with provisioning: the server process runs the engine; a membership added
// and removed through the Graph API reaches a real SCIM target by itself, then SIGTERM stops it cleanly.
// Apps and assignments are written through the core on the same database (their routes are not this
// issue's); provisioning is configured through its own route, so the server seals the token.
import { afterAll, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { randomIds, SettableClock, testPasswordHasher } from '../../src/core/testing/deps.js';
import type { Storage } from '../../src/storage/open-storage.js';
import { startScimTarget, type ScimTarget } from '../scim-target/server.js';
import { childEnv, openData, roster, startServer, stopServer, tempDataDir, trustingFetch, type Server } from '../support.js';

const data = tempDataDir();
const env = childEnv(data.dir, { ROSTER_PROVISIONING_POLL_MS: '200', ROSTER_ADMIN_PASSWORD: 'correct horse battery staple 1' });
let server: Server | undefined;
let target: ScimTarget | undefined;
let storage: Storage | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  await target?.close();
  await storage?.close();
  data.remove();
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

it('a member added through the API is provisioned by the server, and deprovisioned when removed', async () => {
  server = await startServer([], env);
  target = await startScimTarget();
  storage = await openData(data.dir);
  const core = createCore({ uow: storage.uow, clock: new SettableClock(new Date().toISOString()), ids: randomIds, passwords: testPasswordHasher });
  const [tenant] = await storage.uow.tenants.list();
  const admin = await storage.uow.transaction(tenant!.id, (s) => s.users.getByUserPrincipalName('admin@contoso.example'));
  const caller = { tenantId: tenant!.id, principal: { type: 'user' as const, userId: admin!.id }, channel: 'adminCenter' as const };
  const user = await core.createUser(caller, { userPrincipalName: 'grace@contoso.example', displayName: 'Grace Hopper' });
  const { group } = await core.createGroup(caller, { displayName: 'Compiler team', securityEnabled: true, mailEnabled: false, mailNickname: 'compilers' });
  const app = await core.createApp(caller, { displayName: 'Code review SaaS' });
  await core.assignApp(caller, { appId: app.id, principalType: 'Group', principalId: group.id });

  const token = /Bearer (\S+)/.exec((await roster(['token', 'create', '--upn', 'admin@contoso.example', '--days', '1'], env)).stdout)?.[1] ?? '';
  const fetch = trustingFetch(data.dir);
  const call = (method: string, path: string, body?: unknown) => fetch(`${server!.address}/v1.0${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  const configured = await call('PATCH', `/servicePrincipals/${app.id}/roster.provisioning`, { baseUrl: target.baseUrl, token: target.token, state: 'enabled' });
  expect(configured.status).toBe(200);
  expect(await configured.text()).not.toContain(target.token);

  expect((await call('POST', `/groups/${group.id}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${user.id}` })).status).toBe(204);
  await until(() => [...target!.users.values()].some((u) => u.userName === 'grace@contoso.example' && u.active === true), 'the user reaches the target');
  await until(() => [...target!.groups.values()].some((g) => (g.members as unknown[] | undefined)?.length === 1), 'the group reaches the target with its member');

  expect((await call('DELETE', `/groups/${group.id}/members/${user.id}/$ref`)).status).toBe(204);
  await until(() => target!.users.size === 0, 'the user is deprovisioned');
  expect(target.requests.filter((r) => r.path.startsWith('/Users/') && r.method !== 'GET').map((r) => r.method)).toEqual(['PATCH', 'DELETE']);

  const log = await call('GET', `/servicePrincipals/${app.id}/roster.provisioning/log`);
  expect(((await log.json()) as { value: Array<{ operation: string }> }).value.map((e) => e.operation)).toContain('POST /Users');
  expect(await stopServer(server, 'SIGTERM', 10_000)).toBe(0);
  expect(server.output()).not.toContain(target.token);
}, 180_000);
