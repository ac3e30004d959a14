// The provisioning routes under /v1.0/servicePrincipals/{id}/roster.provisioning, in-process API over
// HTTPS with a real SCIM target and the real engine: strict schemas, who may, the write-only token,
// dry run, reconcile, the paged log, resume.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, fetch as undiciFetch } from 'undici';
import { aesGcmSecretBox } from '../../src/platform/secret-box.js';
import { systemClock } from '../../src/platform/clock.js';
import { createEngine, dryRun } from '../../src/provisioning/engine.js';
import { effectiveAccessScope } from '../../src/provisioning/effective-scope.js';
import type { EngineDeps } from '../../src/provisioning/worker.js';
import { openTestStorage, type TestStorage } from '../../src/storage/testing/engines.js';
import { startApi, type Api } from '../api-harness.js';
import { startScimTarget, type ScimTarget } from '../scim-target/server.js';

let db: TestStorage;
let api: Api;
let target: ScimTarget;
let engineDeps: EngineDeps;
let agent: Agent;

beforeAll(async () => {
  db = await openTestStorage('sqlite');
  const secretBox = aesGcmSecretBox(randomBytes(32));
  engineDeps = { uow: db.storage.uow, clock: systemClock, secretBox, access: effectiveAccessScope, random: Math.random };
  api = await startApi(db.storage, { deps: { secretBox, provisioning: { dryRun: (t, a) => dryRun(engineDeps, t, a) } } });
  agent = new Agent({ connect: { ca: api.ca } });
  target = await startScimTarget();
});
afterAll(async () => {
  await target.close();
  await api.close();
  await agent.close();
  await db.dispose();
});

async function call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await undiciFetch(`${api.origin}/v1.0${path}`, {
    method, dispatcher: agent,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('roster.provisioning routes', () => {
  it('configure, read, dry run, reconcile, log and resume — for admins and owners only', async () => {
    const [owner, member, stranger] = [await api.newUser('Owner'), await api.newUser('Member'), await api.newUser('Stranger')];
    const app = await api.core.createApp(api.adminCaller, { displayName: 'Site North', ownerIds: [owner.id] });
    const { group } = await api.core.createGroup(api.adminCaller, { displayName: 'North staff', securityEnabled: true, mailEnabled: false, mailNickname: 'north-staff', members: [member.id] });
    await api.core.assignApp(api.adminCaller, { appId: app.id, principalType: 'Group', principalId: group.id });
    const [ownerToken, strangerToken] = [await api.userToken(owner), await api.userToken(stranger)];
    const path = `/servicePrincipals/${app.id}/roster.provisioning`;

    expect(await call(ownerToken, 'GET', path)).toMatchObject({ status: 200, json: { state: 'notConfigured', baseUrl: null, tokenSet: false } });
    expect((await call(ownerToken, 'PATCH', path, { baseUrl: target.baseUrl })).status).toBe(400); // token needed on create
    expect((await call(ownerToken, 'PATCH', path, { baseUrl: target.baseUrl, token: target.token, extra: 1 })).status).toBe(400);
    expect((await call(ownerToken, 'PATCH', path, { baseUrl: 'http://scim.example.org', token: 't' })).status).toBe(400);
    expect((await call(ownerToken, 'PATCH', path, { baseUrl: target.baseUrl, token: target.token, userMapping: { password: 'id' } })).status).toBe(400);
    expect((await call(strangerToken, 'PATCH', path, { baseUrl: target.baseUrl, token: target.token })).status).toBe(404);

    const created = await call(ownerToken, 'PATCH', path, { baseUrl: target.baseUrl, token: target.token, deprovision: 'disableThenDelete' });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ state: 'paused', tokenSet: true, baseUrl: target.baseUrl, provisionedUsers: 0 });
    expect(JSON.stringify(created.json)).not.toContain(target.token);

    const plan = await call(ownerToken, 'POST', `${path}/dryRun`);
    expect(plan.status).toBe(200);
    expect((plan.json.requests as Array<{ method: string; path: string; body: Record<string, unknown> }>).map((r) => `${r.method} ${r.path}`))
      .toEqual(['POST /Users', 'POST /Groups', expect.stringMatching(/^PATCH \/Groups\/dryrun-/)]);
    expect(target.users.size).toBe(0);
    expect(plan.json.error).toBeNull();
    await target.down();
    const unreachable = await call(ownerToken, 'POST', `${path}/dryRun`);
    expect(unreachable).toMatchObject({ status: 200, json: { requests: [], error: expect.stringMatching(/network error/) } });
    await target.up();

    expect((await call(ownerToken, 'PATCH', path, { state: 'enabled' })).json).toMatchObject({ state: 'enabled', pendingJobs: 1 });
    const engine = createEngine({ ...engineDeps, listTenantIds: async () => [api.tenantId], workerId: 'test', pollMs: 0 });
    await engine.tick();
    expect([...target.users.values()].map((u) => u.userName)).toEqual([member.userPrincipalName]);
    expect([...target.groups.values()][0]).toMatchObject({ displayName: 'North staff', members: [{ value: [...target.users.keys()][0] }] });

    expect((await call(ownerToken, 'POST', `${path}/reconcile`)).status).toBe(202);
    await engine.tick();
    const status = await call(ownerToken, 'GET', path);
    expect(status.json).toMatchObject({ state: 'enabled', provisionedUsers: 1, activeUsers: 1, provisionedGroups: 1, pendingJobs: 0, lastError: null });

    const first = await call(ownerToken, 'GET', `${path}/log?$top=2`);
    expect((first.json.value as unknown[]).length).toBe(2);
    const next = String(first.json['@odata.nextLink']);
    const second = await undiciFetch(next, { dispatcher: agent, headers: { authorization: `Bearer ${ownerToken}` } });
    const secondPage = (await second.json()) as { value: Array<{ seq: number }> };
    expect(secondPage.value.length).toBeGreaterThan(0);
    expect(Math.max(...secondPage.value.map((e) => e.seq))).toBeLessThan(Math.min(...(first.json.value as Array<{ seq: number }>).map((e) => e.seq)));
    expect((await call(strangerToken, 'GET', `${path}/log`)).status).toBe(404);

    expect((await call(ownerToken, 'POST', `${path}/pause`)).json).toMatchObject({ state: 'paused' });
    expect((await call(ownerToken, 'POST', `${path}/resume`)).json).toMatchObject({ state: 'enabled' });
    expect((await call(ownerToken, 'POST', `${path}/resume`, { x: 1 })).status).toBe(400);

    // Removal from the assigned group deprovisions (disable, then delete).
    await api.core.removeMember(api.adminCaller, { groupId: group.id, memberId: member.id });
    await engine.tick();
    expect(target.users.size).toBe(0);
    await engine.stop();
  });
});
