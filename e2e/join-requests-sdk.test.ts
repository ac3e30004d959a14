// The official Microsoft Graph SDK, unchanged, on Roster's own join-request resources over HTTPS with
// delegated (user) tokens: request, approve, the 409 of a second decision, on both engines.
import type { GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';
import { graphSdk } from './graph-sdk-client.js';

const sdk = graphSdk;

describeEachEngine('Microsoft Graph SDK: join requests over HTTPS', (getStorage) => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(getStorage());
    await api.core.updateSettings(api.adminCaller, { ownersCanManageJoinRequests: true });
  });
  afterAll(async () => { await api?.close(); });

  it('a requester posts a join request, the owner approves it, a second approval is a 409 GraphError', async () => {
    const [owner, requester] = [await api.newUser('Owner'), await api.newUser('Requester')];
    const { group } = await api.core.createGroup(api.adminCaller, { displayName: 'SDK approvals', mailNickname: 'sdkapprovals', mailEnabled: false, securityEnabled: true, joinPolicy: 'approval', owners: [owner.id] });
    const asRequester = sdk(api, await api.userToken(requester));
    const asOwner = sdk(api, await api.userToken(owner));
    const request = await asRequester.api(`/groups/${group.id}/joinRequests`).post({ justification: 'Quarter-end close', requestedDurationDays: 90 });
    expect(request).toMatchObject({ status: 'pending', requesterId: requester.id, justification: 'Quarter-end close' });
    const pending = await asOwner.api('/me/pendingApprovals').get();
    expect(pending.value.map((r: { id: string }) => r.id)).toEqual([request.id]);
    const approved = await asOwner.api(`/joinRequests/${request.id}/approve`).post({ reason: 'Approved for Q4' });
    expect(approved).toMatchObject({ id: request.id, status: 'approved', decidedBy: owner.id, decisionReason: 'Approved for Q4' });
    let conflict: GraphError | undefined;
    try {
      await asOwner.api(`/joinRequests/${request.id}/approve`).post({});
    } catch (e) {
      conflict = e as GraphError;
    }
    expect([conflict?.statusCode, conflict?.code]).toEqual([409, 'Request_Conflict']);
    const members = await asOwner.api(`/groups/${group.id}/members`).get();
    expect(members.value.map((m: { id: string }) => m.id)).toEqual([requester.id]);
    expect((await asRequester.api(`/joinRequests/${request.id}`).get()).status).toBe('approved');
  });
});
