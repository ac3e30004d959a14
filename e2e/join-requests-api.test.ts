// Roster's self-service resources through HTTP (Fastify inject, real tokens) on both engines: request
// → pending approvals (owners only) → approve → membership → 409 on a second decision; deny with a
// reason, cancel, self-approval refused, join/leave, strict schemas (docs/adr/0011).
import type { User } from '../src/core/domain/model.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };
let n = 0;

describeEachEngine('Roster API: join requests, join and leave', (getStorage) => {
  let api: Api;
  let adminToken = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    adminToken = await api.userToken(api.admin);
    const on = await call(adminToken, 'PATCH', '/v1.0/settings', { ownersCanManageJoinRequests: true });
    expect(on.statusCode).toBe(200);
  });
  afterAll(async () => { await api.close(); });

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  async function approvalGroup(owners: User[], joinPolicy: 'approval' | 'open' = 'approval') {
    return api.core.createGroup(api.adminCaller, { displayName: `Team ${++n}`, mailNickname: `team${n}x${Date.now()}`, ...SECURITY, joinPolicy, owners: owners.map((o) => o.id) });
  }

  async function people() {
    const [owner, second, requester, outsider] = [await api.newUser('Owner'), await api.newUser('Second'), await api.newUser('Requester'), await api.newUser('Outsider')];
    const tokens = { owner: await api.userToken(owner), second: await api.userToken(second), requester: await api.userToken(requester), outsider: await api.userToken(outsider) };
    return { owner, second, requester, outsider, tokens };
  }

  it('§3.5 the self-service scenario: request → owners see it → approve → member → second decision 409 → requester sees approved', async () => {
    const { owner, second, requester, tokens } = await people();
    const { group } = await approvalGroup([owner, second]);
    const created = await call(tokens.requester, 'POST', `/v1.0/groups/${group.id}/joinRequests`, { justification: 'I run payroll', requestedDurationDays: 30 });
    expect(created.statusCode).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({
      '@odata.context': expect.stringContaining('joinRequests/$entity'), groupId: group.id, requesterId: requester.id,
      justification: 'I run payroll', requestedDurationDays: 30, status: 'pending', decidedBy: null, decisionReason: null,
      createdDateTime: expect.any(String), decidedDateTime: null, expiresDateTime: expect.any(String), membershipExpiresDateTime: null,
      '@roster.abilities': { approve: false, deny: false, cancel: true },
    });
    for (const token of [tokens.owner, tokens.second]) {
      const pending = (await call(token, 'GET', '/v1.0/me/pendingApprovals')).json();
      expect(pending.value).toEqual([expect.objectContaining({ id: request.id, '@roster.abilities': { approve: true, deny: true, cancel: false } })]);
    }
    expect((await call(tokens.requester, 'GET', '/v1.0/me/pendingApprovals')).json().value).toEqual([]);
    expect((await call(tokens.outsider, 'GET', '/v1.0/me/pendingApprovals')).json().value).toEqual([]);
    expect((await call(tokens.outsider, 'GET', `/v1.0/joinRequests/${request.id}`)).statusCode).toBe(404);
    expect((await call(tokens.outsider, 'GET', `/v1.0/groups/${group.id}/joinRequests`)).json().value).toEqual([]);
    expect((await call(tokens.owner, 'GET', `/v1.0/groups/${group.id}/joinRequests`)).json().value.map((r: { id: string }) => r.id)).toEqual([request.id]);

    const approved = await call(tokens.owner, 'POST', `/v1.0/joinRequests/${request.id}/approve`, { reason: 'Welcome', membershipDurationDays: 10 });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: owner.id, decisionReason: 'Welcome', membershipExpiresDateTime: expect.any(String), '@roster.abilities': { approve: false, deny: false, cancel: false } });
    const members = (await call(tokens.owner, 'GET', `/v1.0/groups/${group.id}/members`)).json().value;
    expect(members.map((m: { id: string }) => m.id)).toEqual([requester.id]);

    const again = await call(tokens.second, 'POST', `/v1.0/joinRequests/${request.id}/deny`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'Request_Conflict', message: expect.stringMatching(/already been decided|no longer pending/) });
    expect((await call(tokens.second, 'GET', '/v1.0/me/pendingApprovals')).json().value).toEqual([]);
    const mine = (await call(tokens.requester, 'GET', '/v1.0/me/joinRequests')).json();
    expect(mine.value).toEqual([expect.objectContaining({ id: request.id, status: 'approved', decisionReason: 'Welcome' })]);
    expect((await call(tokens.requester, 'GET', `/v1.0/joinRequests/${request.id}`)).json()).toMatchObject({ status: 'approved' });
  });

  it('§3.5 deny with a reason; the requester reads it; nobody is added', async () => {
    const { owner, requester, tokens } = await people();
    const { group } = await approvalGroup([owner]);
    const request = (await call(tokens.requester, 'POST', `/v1.0/groups/${group.id}/joinRequests`, {})).json();
    const denied = await call(tokens.owner, 'POST', `/v1.0/joinRequests/${request.id}/deny`, { reason: 'Finance staff only' });
    expect(denied.statusCode).toBe(200);
    expect(denied.json()).toMatchObject({ status: 'denied', decidedBy: owner.id, decisionReason: 'Finance staff only', membershipExpiresDateTime: null });
    expect((await call(tokens.requester, 'GET', `/v1.0/joinRequests/${request.id}`)).json()).toMatchObject({ status: 'denied', decisionReason: 'Finance staff only', requesterId: requester.id });
    expect((await call(tokens.owner, 'GET', `/v1.0/groups/${group.id}/members`)).json().value).toEqual([]);
  });

  it('§3.5 the requester cancels; others may not; a cancelled request cannot be approved (409)', async () => {
    const { owner, tokens } = await people();
    const { group } = await approvalGroup([owner]);
    const request = (await call(tokens.requester, 'POST', `/v1.0/groups/${group.id}/joinRequests`, { justification: 'please' })).json();
    expect((await call(tokens.owner, 'POST', `/v1.0/joinRequests/${request.id}/cancel`, {})).statusCode).toBe(403);
    const cancelled = await call(tokens.requester, 'POST', `/v1.0/joinRequests/${request.id}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', '@roster.abilities': { cancel: false } });
    expect((await call(tokens.owner, 'POST', `/v1.0/joinRequests/${request.id}/approve`, {})).statusCode).toBe(409);
    // The slot is free again: a new request is accepted.
    expect((await call(tokens.requester, 'POST', `/v1.0/groups/${group.id}/joinRequests`, {})).statusCode).toBe(201);
  });

  it('§3.5 nobody decides their own request: an owner who asked to be a member gets 403', async () => {
    const { owner, second, tokens } = await people();
    const { group } = await approvalGroup([owner, second]);
    const request = (await call(tokens.second, 'POST', `/v1.0/groups/${group.id}/joinRequests`, { justification: 'me too' })).json();
    expect(request['@roster.abilities']).toEqual({ approve: false, deny: false, cancel: true });
    const self = await call(tokens.second, 'POST', `/v1.0/joinRequests/${request.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Nobody may decide their own request.' });
    expect((await call(tokens.owner, 'POST', `/v1.0/joinRequests/${request.id}/approve`, {})).statusCode).toBe(200);
  });

  it('§3.4 join an open group (204) and leave it (204); an approval group answers 403 telling to request', async () => {
    const { owner, requester, tokens } = await people();
    const { group: open } = await approvalGroup([owner], 'open');
    const { group: approval } = await approvalGroup([owner]);
    expect((await call(tokens.requester, 'POST', `/v1.0/groups/${open.id}/join`)).statusCode).toBe(204);
    expect((await call(tokens.owner, 'GET', `/v1.0/groups/${open.id}/members`)).json().value.map((m: { id: string }) => m.id)).toEqual([requester.id]);
    expect((await call(tokens.requester, 'POST', `/v1.0/groups/${open.id}/join`)).statusCode).toBe(400);
    const refused = await call(tokens.requester, 'POST', `/v1.0/groups/${approval.id}/join`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/request to join/);
    expect((await call(tokens.requester, 'POST', `/v1.0/groups/${open.id}/leave`)).statusCode).toBe(204);
    expect((await call(tokens.owner, 'GET', `/v1.0/groups/${open.id}/members`)).json().value).toEqual([]);
    expect((await call(tokens.requester, 'POST', `/v1.0/groups/${open.id}/leave`)).statusCode).toBe(404);
  });

  it('strict schemas: an unknown field is a 400 naming it, and nothing is created or decided', async () => {
    const { owner, tokens } = await people();
    const { group } = await approvalGroup([owner]);
    const bad = await call(tokens.requester, 'POST', `/v1.0/groups/${group.id}/joinRequests`, { justification: 'x', status: 'approved' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'Request_BadRequest', message: expect.stringContaining("'status'") });
    expect((await call(tokens.requester, 'GET', '/v1.0/me/joinRequests')).json().value).toEqual([]);
    const request = (await call(tokens.requester, 'POST', `/v1.0/groups/${group.id}/joinRequests`, {})).json();
    expect((await call(tokens.owner, 'POST', `/v1.0/joinRequests/${request.id}/approve`, { reason: 'ok', addOwner: true })).statusCode).toBe(400);
    expect((await call(tokens.owner, 'POST', `/v1.0/joinRequests/${request.id}/deny`, { membershipDurationDays: 3 })).statusCode).toBe(400);
    expect((await call(tokens.requester, 'GET', `/v1.0/joinRequests/${request.id}`)).json().status).toBe('pending');
    expect((await call(tokens.requester, 'POST', `/v1.0/groups/${group.id}/joinRequests`, { requestedDurationDays: 0 })).statusCode).toBe(400);
  });

  it('pages with a signed next link; an app token has no /me', async () => {
    const { owner, tokens } = await people();
    for (let i = 0; i < 3; i++) {
      const { group } = await approvalGroup([owner]);
      expect((await call(tokens.requester, 'POST', `/v1.0/groups/${group.id}/joinRequests`, {})).statusCode).toBe(201);
    }
    const first = (await call(tokens.requester, 'GET', '/v1.0/me/joinRequests?$top=2')).json();
    expect(first.value).toHaveLength(2);
    const rest = (await api.app.inject({ method: 'GET', url: new URL(first['@odata.nextLink']).pathname + new URL(first['@odata.nextLink']).search, headers: { authorization: `Bearer ${tokens.requester}` } })).json();
    expect(rest.value).toHaveLength(1);
    expect(new Set([...first.value, ...rest.value].map((r: { id: string }) => r.id)).size).toBe(3);
    const app = await api.appToken(['Group.ReadWrite.All']);
    expect((await call(app, 'GET', '/v1.0/me/joinRequests')).statusCode).toBe(400);
  });
});

