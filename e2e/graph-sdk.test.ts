// The official Microsoft Graph SDK (@microsoft/microsoft-graph-client, unchanged) against Roster over
// HTTPS with its self-signed certificate: only the base URL and the token differ from Graph.
import type { Client} from '@microsoft/microsoft-graph-client';
import { PageIterator, type GraphError } from '@microsoft/microsoft-graph-client';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';
import { graphSdk } from './graph-sdk-client.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };

const sdk = graphSdk;

/** Client credentials over HTTPS, as a daemon would do it against Entra. */
async function clientCredentials(api: Api, clientId: string, clientSecret: string): Promise<string> {
  const res = await undiciFetch(`${api.origin}/${api.tenantId}/oauth2/v2.0/token`, {
    method: 'POST', dispatcher: new Agent({ connect: { ca: api.ca } }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'https://graph.microsoft.com/.default' }).toString(),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try {
    await p;
  } catch (e) {
    return e as GraphError;
  }
  throw new Error('expected the SDK to throw');
}

describeEachEngine('Microsoft Graph SDK over HTTPS', (getStorage) => {
  let api: Api;
  let client: Client;
  let token = '';
  beforeAll(async () => {
    api = await startApi(getStorage());
    const { clientId, clientSecret } = await api.newClient(['Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'User.Read.All']);
    token = await clientCredentials(api, clientId, clientSecret);
    client = sdk(api, () => token);
  });
  afterAll(async () => { await api?.close(); });

  it('creates a group, adds and removes members and owners by $ref; a duplicate maps to Request_BadRequest', async () => {
    const [ann, bob] = [await api.newUser('Ann'), await api.newUser('Bob')];
    const group = await client.api('/groups').post({ displayName: 'SDK team', mailNickname: 'sdkteam', ...SECURITY, 'owners@odata.bind': [`https://graph.microsoft.com/v1.0/users/${bob.id}`] });
    expect(group).toMatchObject({ displayName: 'SDK team', visibility: 'Private' });
    await client.api(`/groups/${group.id}/members/$ref`).post({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${ann.id}` });
    const dup = await graphError(client.api(`/groups/${group.id}/members/$ref`).post({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${ann.id}` }));
    expect(dup.statusCode).toBe(400);
    expect(dup.code).toBe('Request_BadRequest');
    expect(dup.message).toBe("One or more added object references already exist for the following modified properties: 'members'.");
    const members = await client.api(`/groups/${group.id}/members`).get();
    expect(members.value.map((m: { id: string }) => m.id)).toEqual([ann.id]);
    await client.api(`/groups/${group.id}/owners/$ref`).post({ '@odata.id': `https://graph.microsoft.com/v1.0/users/${ann.id}` });
    await client.api(`/groups/${group.id}/owners/${bob.id}/$ref`).delete();
    expect((await client.api(`/groups/${group.id}/owners`).get()).value.map((o: { id: string }) => o.id)).toEqual([ann.id]);
    await client.api(`/groups/${group.id}/members/${ann.id}/$ref`).delete();
    expect((await client.api(`/groups/${group.id}/members`).get()).value).toEqual([]);
    const missing = await graphError(client.api('/groups/00000000-0000-4000-8000-000000000000').get());
    expect([missing.statusCode, missing.code]).toEqual([404, 'Request_ResourceNotFound']);
  });

  it('pages through 250 groups with PageIterator', async () => {
    for (let i = 0; i < 250; i++) await api.core.createGroup({ ...api.adminCaller, channel: 'api' }, { displayName: `Paged ${String(i).padStart(3, '0')}`, mailNickname: `paged${i}`, ...SECURITY });
    const seen = new Set<string>();
    const first = await client.api('/groups').top(100).get();
    expect(first['@odata.nextLink']).toContain('$skiptoken=');
    await new PageIterator(client, first, (g: { id: string; displayName: string }) => { if (g.displayName.startsWith('Paged ')) seen.add(g.id); return true; }).iterate();
    expect(seen.size).toBe(250);
  });

  it('checkMemberGroups through nested groups', async () => {
    const ann = await api.newUser('Nested Ann');
    const outer = await client.api('/groups').post({ displayName: 'Outer', mailNickname: 'outer', ...SECURITY });
    const inner = await client.api('/groups').post({ displayName: 'Inner', mailNickname: 'inner', ...SECURITY });
    const other = await client.api('/groups').post({ displayName: 'Other', mailNickname: 'other', ...SECURITY });
    await client.api(`/groups/${outer.id}/members/$ref`).post({ '@odata.id': `https://graph.microsoft.com/v1.0/groups/${inner.id}` });
    await client.api(`/groups/${inner.id}/members/$ref`).post({ '@odata.id': `https://graph.microsoft.com/v1.0/users/${ann.id}` });
    const check = await client.api(`/users/${ann.id}/checkMemberGroups`).post({ groupIds: [outer.id, inner.id, other.id] });
    expect([...check.value].sort()).toEqual([outer.id, inner.id].sort());
    const transitive = await client.api(`/users/${ann.id}/transitiveMemberOf`).get();
    expect(transitive.value.map((g: { id: string }) => g.id).sort()).toEqual([outer.id, inner.id].sort());
    const nested = await client.api(`/groups/${outer.id}/transitiveMembers`).get();
    expect(nested.value.map((m: { id: string }) => m.id).sort()).toEqual([inner.id, ann.id].sort());
    expect(nested.value.find((m: { id: string }) => m.id === ann.id)['@odata.type']).toBe('#microsoft.graph.user');
    const tooMany = await graphError(client.api(`/users/${ann.id}/checkMemberGroups`).post({ groupIds: Array.from({ length: 21 }, () => outer.id) }));
    expect(tooMany.statusCode).toBe(400);
  });

  it('a revoked user token gets 401 InvalidAuthenticationToken', async () => {
    const ann = await api.newUser('Revoked Ann');
    const issued = await api.core.createUserToken({ tenantId: api.tenantId, principal: { type: 'system' }, channel: 'api' }, { userId: ann.id });
    const asAnn = sdk(api, () => issued.accessToken);
    expect((await asAnn.api('/me').get()).id).toBe(ann.id);
    await api.core.revokeToken(api.adminCaller, { tokenId: issued.token.id });
    const err = await graphError(asAnn.api('/me').get());
    expect([err.statusCode, err.code]).toEqual([401, 'InvalidAuthenticationToken']);
  });
});

describeEachEngine('Microsoft Graph SDK and rate limits', (getStorage) => {
  it('honours 429 + Retry-After: the SDK\'s retry handler waits and then succeeds', async () => {
    const api = await startApi(getStorage(), { rateLimitPerMinute: 2, rateLimitWindowMs: 1000 });
    try {
      const token = await api.appToken(['Group.Read.All']);
      const client = sdk(api, () => token);
      await client.api('/groups').get();
      await client.api('/groups').get();
      const started = performance.now();
      const third = await client.api('/groups').get();
      expect(third.value).toBeDefined();
      expect(performance.now() - started).toBeGreaterThanOrEqual(500);
    } finally {
      await api.close();
    }
  });
});
