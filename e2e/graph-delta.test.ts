// GET /groups/delta over HTTP on both engines (FIDELITY "Delta", ADR 0015): Graph's shapes
// (@odata.nextLink pages, then @odata.deltaLink; members@delta; @removed), signed state tokens, §3.9
// scoping, and the official Graph SDK's PageIterator following the pages to the deltaLink over HTTPS.
import { PageIterator } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';
import { graphSdk } from './graph-sdk-client.js';

type Json = Record<string, unknown>;
const SECURITY = { mailEnabled: false, securityEnabled: true };

describeEachEngine('Graph API: groups/delta', (getStorage) => {
  let api: Api;
  let app = '';
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    app = await api.appToken(['Group.Read.All', 'GroupMember.Read.All']);
  });
  afterAll(async () => { await api.close(); });

  const get = (token: string, url: string, headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } });
  const pathOf = (link: string) => link.replace(/^https?:\/\/[^/]+/, '');
  let n = 0;
  const newGroup = async (members: string[] = [], extra: Json = {}) =>
    (await api.core.createGroup(api.adminCaller, { displayName: `Delta ${++n}`, ...SECURITY, members, ...extra })).group;

  /** Follows nextLinks to the deltaLink; returns every entry and the deltaLink. */
  async function round(token: string, url: string, headers: Record<string, string> = {}) {
    const value: Json[] = [];
    let pages = 0;
    for (let next = url; ;) {
      const res = await get(token, next, headers);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as Json;
      pages++;
      value.push(...(body['value'] as Json[]));
      if (typeof body['@odata.deltaLink'] === 'string') {
        expect(body['@odata.nextLink']).toBeUndefined();
        return { value, pages, deltaLink: pathOf(body['@odata.deltaLink']), context: body['@odata.context'] };
      }
      expect(typeof body['@odata.nextLink']).toBe('string');
      next = pathOf(body['@odata.nextLink'] as string);
    }
  }
  const membersOf = (value: Json[], id: string) => value.filter((v) => v['id'] === id)
    .flatMap((v) => (v['members@delta'] as Json[] | undefined) ?? [])
    .map((m) => `${m['@removed'] ? '-' : '+'}${String(m['id'])}`).sort();

  it('first round: every group with its members in Graph\'s shape, paged by Prefer odata.maxpagesize; then only the changes', async () => {
    const [ann, bob] = [await api.newUser('Ann'), await api.newUser('Bob')];
    const g = await newGroup([ann.id, bob.id]);
    await newGroup();
    await newGroup();
    const first = await round(app, '/v1.0/groups/delta?$select=displayName,members', { prefer: 'odata.maxpagesize=2' });
    expect(first.pages).toBeGreaterThan(1);
    expect(first.context).toMatch(/\$metadata#groups\(displayName,members\)$/);
    const entry = first.value.find((v) => v['id'] === g.id);
    expect(entry).toMatchObject({ '@odata.type': '#microsoft.graph.group', id: g.id, displayName: g.displayName });
    expect(Object.keys(entry ?? {}).sort()).toEqual(['@odata.type', 'displayName', 'id', 'members@delta']);
    expect((entry?.['members@delta'] as Json[])[0]).toMatchObject({ '@odata.type': '#microsoft.graph.user' });
    expect(membersOf(first.value, g.id)).toEqual([`+${ann.id}`, `+${bob.id}`].sort());

    await api.core.removeMember(api.adminCaller, { groupId: g.id, memberId: bob.id });
    const gone = await newGroup();
    await api.core.deleteGroup(api.adminCaller, { groupId: gone.id });
    const second = await round(app, first.deltaLink);
    expect(membersOf(second.value, g.id)).toEqual([`-${bob.id}`]);
    expect(second.value.find((v) => v['id'] === bob.id)).toBeUndefined();
    expect(second.value.find((v) => v['id'] === gone.id)).toEqual({ '@odata.type': '#microsoft.graph.group', id: gone.id, '@removed': { reason: 'changed' } });
    expect((await round(app, second.deltaLink)).value).toEqual([]);
  });

  it('$deltatoken=latest gives a deltaLink from now (keeping $select); the fully qualified name works too', async () => {
    const withMembers = await round(app, '/v1.0/groups/delta?$deltatoken=latest&$select=displayName,members');
    const someone = await api.newUser('Sam');
    const target = await newGroup();
    await api.core.addMember(api.adminCaller, { groupId: target.id, memberId: someone.id });
    expect(membersOf((await round(app, withMembers.deltaLink)).value, target.id)).toEqual([`+${someone.id}`]);
    const latest = await round(app, '/v1.0/groups/microsoft.graph.delta?$deltatoken=latest');
    expect(latest.value).toEqual([]);
    const g = await newGroup();
    const next = await round(app, latest.deltaLink);
    expect(next.value.map((v) => v['id'])).toEqual([g.id]);
    expect(next.value[0]).not.toHaveProperty('members@delta');
  });

  it('a user sees members only where §3.9 lets them, and no entry for a membership change they may not see', async () => {
    const [owner, outsider, ann, bob] = [await api.newUser('Owen'), await api.newUser('Otto'), await api.newUser('Ann'), await api.newUser('Bob')];
    const priv = (await api.core.createGroup(api.adminCaller, { displayName: 'Private delta', ...SECURITY, owners: [owner.id], members: [ann.id] })).group;
    const [ownerToken, outsiderToken] = [await api.userToken(owner), await api.userToken(outsider)];
    const asOwner = await round(ownerToken, '/v1.0/groups/delta?$select=members');
    const asOutsider = await round(outsiderToken, '/v1.0/groups/delta?$select=members');
    expect(membersOf(asOwner.value, priv.id)).toEqual([`+${ann.id}`]);
    expect(membersOf(asOutsider.value, priv.id)).toEqual([]);
    expect(asOutsider.value.find((v) => v['id'] === priv.id)).toHaveProperty('members@delta', []);
    await api.core.addMember(api.adminCaller, { groupId: priv.id, memberId: bob.id });
    expect(membersOf((await round(ownerToken, asOwner.deltaLink)).value, priv.id)).toEqual([`+${bob.id}`]);
    expect((await round(outsiderToken, asOutsider.deltaLink)).value.find((v) => v['id'] === priv.id)).toBeUndefined();
  });

  it('refuses tampered, foreign and mixed tokens, unknown options, and callers without a group permission', async () => {
    const first = await round(app, '/v1.0/groups/delta');
    const token = first.deltaLink.split('$deltatoken=')[1] ?? '';
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), m: true })).toString('base64url');
    for (const url of [
      `/v1.0/groups/delta?$deltatoken=${forged}.${mac}`,
      `/v1.0/groups/delta?$deltatoken=${token}&$select=displayName`,
      `/v1.0/groups/delta?$deltatoken=${token}&$skiptoken=${token}`,
      '/v1.0/groups/delta?$deltatoken=garbage',
      '/v1.0/groups/delta?$filter=displayName eq \'x\'',
      '/v1.0/groups/delta?$select=nonsense',
    ]) {
      const res = await get(app, url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.json().error.code).toMatch(/^Request_/);
    }
    const other = await startApi(getStorage(), { https: false });
    try {
      const foreign = await other.app.inject({ method: 'GET', url: first.deltaLink, headers: { authorization: `Bearer ${await other.appToken(['Group.Read.All'])}` } });
      expect(foreign.statusCode).toBe(400);
    } finally {
      await other.close();
    }
    expect((await get(await api.appToken(['AuditLog.Read.All']), '/v1.0/groups/delta')).statusCode).toBe(403);
    expect((await api.app.inject({ method: 'GET', url: '/v1.0/groups/delta' })).statusCode).toBe(401);
  });
});

describeEachEngine('Graph SDK: groups/delta', (getStorage) => {
  let api: Api;
  beforeAll(async () => { api = await startApi(getStorage()); });
  afterAll(async () => { await api.close(); });

  it('PageIterator follows the pages to the deltaLink, and the deltaLink replays only the change', async () => {
    const client = graphSdk(api, await api.appToken(['Group.Read.All', 'GroupMember.Read.All']));
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await api.core.createGroup(api.adminCaller, { displayName: `SDK delta ${i}`, ...SECURITY })).group.id);
    const seen: string[] = [];
    const first = await client.api('/groups/delta').select('displayName,members').header('Prefer', 'odata.maxpagesize=2').get();
    const iterator = new PageIterator(client, first, (g: { id: string }) => { seen.push(g.id); return true; });
    await iterator.iterate();
    expect(seen).toEqual(expect.arrayContaining(made));
    const deltaLink = iterator.getDeltaLink();
    expect(deltaLink).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/groups\/delta\?\$deltatoken=/);
    const user = await api.newUser('Sid');
    await api.core.addMember(api.adminCaller, { groupId: made[0] ?? '', memberId: user.id });
    const next = await client.api(deltaLink ?? '').get();
    expect(next.value).toEqual([expect.objectContaining({ id: made[0], 'members@delta': [{ '@odata.type': '#microsoft.graph.user', id: user.id }] })]);
  });
});
