// $batch with the official Microsoft Graph SDK's BatchRequestContent / BatchResponseContent over HTTPS
// with Roster's self-signed certificate (the same setup as graph-sdk.test.ts).
import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';
import { graphSdk } from './graph-sdk-client.js';

const sdk = graphSdk;

describeEachEngine('Microsoft Graph SDK batching over HTTPS', (getStorage) => {
  let api: Api;
  beforeAll(async () => { api = await startApi(getStorage()); });
  afterAll(async () => { await api?.close(); });

  it('BatchRequestContent in, BatchResponseContent out: a create, a dependent $ref and a 404 (serial, as the SDK requires)', async () => {
    const ann = await api.newUser('Ann');
    const client = sdk(api, await api.appToken(['Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'User.Read.All']));
    const target = await client.api('/groups').post({ displayName: 'Target', mailNickname: 'target', mailEnabled: false, securityEnabled: true });
    const json = { 'Content-Type': 'application/json' };
    const content = new BatchRequestContent([
      { id: '1', request: new Request(`${api.origin}/groups`, { method: 'POST', headers: json, body: JSON.stringify({ displayName: 'From batch', mailNickname: 'frombatch', mailEnabled: false, securityEnabled: true }) }) },
      { id: '2', dependsOn: ['1'], request: new Request(`${api.origin}/groups/${target.id}/members/$ref`, { method: 'POST', headers: json, body: JSON.stringify({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${ann.id}` }) }) },
      { id: '3', dependsOn: ['2'], request: new Request(`${api.origin}/groups/00000000-0000-4000-8000-000000000000`, { method: 'GET' }) },
    ]);
    const raw = await client.api('/$batch').post(await content.getContent());
    const responses = new BatchResponseContent(raw);
    const created = responses.getResponseById('1');
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ displayName: 'From batch' });
    expect(responses.getResponseById('2').status).toBe(204);
    const missing = responses.getResponseById('3');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('Request_ResourceNotFound');
    const members = await client.api(`/groups/${target.id}/members`).get();
    expect(members.value.map((m: { id: string }) => m.id)).toEqual([ann.id]);
  });
});
