// $batch over HTTPS on both engines: links inside item responses (`@odata.context`, `@odata.nextLink`)
// carry the outer request's https scheme and host, and nothing a client sends — X-Forwarded-* on the
// batch or on an item, or a forged batch-origin header — changes the scheme or host of any link.
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

interface Item { id: string; status: number; body: Record<string, unknown> }

describeEachEngine('Graph JSON batching over HTTPS', (getStorage) => {
  let api: Api;
  let plain: Api;
  let token = '';
  let dispatcher: Agent;
  beforeAll(async () => {
    [api, plain] = [await startApi(getStorage()), await startApi(getStorage(), { https: false })];
    dispatcher = new Agent({ connect: { ca: api.ca } });
    token = await api.userToken(api.admin);
    for (const n of [1, 2, 3]) {
      await api.core.createGroup(api.adminCaller, { displayName: `Batch ${n}`, mailNickname: `batch${n}${Date.now()}`, mailEnabled: false, securityEnabled: true });
    }
  });
  afterAll(async () => { await dispatcher.close(); await api.close(); await plain.close(); });

  const batch = async (headers: Record<string, string>, requests: unknown[]) => {
    const res = await fetch(`${api.origin}/v1.0/$batch`, {
      method: 'POST', dispatcher,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ requests }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { responses: Item[] }).responses;
  };
  const forged = { 'X-Forwarded-Proto': 'http', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-For': '10.0.0.1', 'x-roster-batch-origin': 'guess http' };

  it('item links use https and the batch\'s host, and a nextLink from an item is followed directly', async () => {
    expect(api.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const [groups, me] = await batch({}, [
      { id: 'groups', method: 'GET', url: '/groups?$top=1' },
      { id: 'me', method: 'GET', url: '/me' },
    ]);
    expect(groups?.status).toBe(200);
    expect(groups?.body['@odata.context']).toBe(`${api.origin}/v1.0/$metadata#groups`);
    const next = String(groups?.body['@odata.nextLink']);
    expect(next.startsWith(`${api.origin}/v1.0/groups?`)).toBe(true);
    expect(me?.body['@odata.context']).toBe(`${api.origin}/v1.0/$metadata#users/$entity`);
    const followed = await fetch(next, { dispatcher, headers: { authorization: `Bearer ${token}` } });
    expect(followed.status).toBe(200);
    expect(((await followed.json()) as { value: unknown[] }).value).toHaveLength(1);
  });

  it('X-Forwarded-* and a forged origin header, on the batch or on an item, change no link', async () => {
    const [groups, me] = await batch(forged, [
      { id: 'groups', method: 'GET', url: '/groups?$top=1', headers: forged },
      { id: 'me', method: 'GET', url: '/me', headers: { 'x-roster-batch-origin': 'guess http', Host: 'evil.example' } },
    ]);
    expect(groups?.body['@odata.context']).toBe(`${api.origin}/v1.0/$metadata#groups`);
    expect(String(groups?.body['@odata.nextLink']).startsWith(`${api.origin}/v1.0/groups?`)).toBe(true);
    expect(me?.body['@odata.context']).toBe(`${api.origin}/v1.0/$metadata#users/$entity`);
    // The same headers on a direct call over HTTPS: links say what the connection is, nothing else.
    const direct = await fetch(`${api.origin}/v1.0/me`, { dispatcher, headers: { authorization: `Bearer ${token}`, ...forged } });
    expect(((await direct.json()) as Record<string, unknown>)['@odata.context']).toBe(`${api.origin}/v1.0/$metadata#users/$entity`);
  });

  it('over HTTPS every answer says request-id and echoes a plain client-request-id, never an unacceptable one', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    for (const url of ['/v1.0/me', '/v1.0/groups/not-there', '/healthz']) {
      const res = await fetch(`${api.origin}${url}`, { dispatcher, headers: { authorization: `Bearer ${token}`, 'client-request-id': id } });
      expect(res.headers.get('client-request-id'), url).toBe(id);
      expect(res.headers.get('request-id'), url).toBe(res.headers.get('x-request-id'));
      await res.arrayBuffer();
    }
    const odd = await fetch(`${api.origin}/v1.0/me`, { dispatcher, headers: { authorization: `Bearer ${token}`, 'client-request-id': `${id}.x` } });
    expect(odd.headers.get('client-request-id')).toBeNull();
    await odd.arrayBuffer();
  });

  it('over plain HTTP a forged origin header cannot make links say https', async () => {
    const plainToken = await plain.userToken(plain.admin);
    for (const value of ['guess https', ' https', 'https', `${'A'.repeat(43)} https`]) {
      const direct = await plain.app.inject({ method: 'GET', url: '/v1.0/me', headers: { authorization: `Bearer ${plainToken}`, 'x-roster-batch-origin': value, 'x-forwarded-proto': 'https' } });
      expect(direct.statusCode).toBe(200);
      expect(direct.json()['@odata.context']).toMatch(/^http:\/\/localhost:80\/v1\.0\//);
    }
    const batched = await plain.app.inject({
      method: 'POST', url: '/v1.0/$batch', headers: { authorization: `Bearer ${plainToken}`, 'x-forwarded-proto': 'https' },
      payload: { requests: [{ id: '1', method: 'GET', url: '/me', headers: { 'x-roster-batch-origin': 'guess https' } }] },
    });
    expect(batched.json().responses[0].body['@odata.context']).toMatch(/^http:\/\/localhost:80\/v1\.0\//);
  });
});
