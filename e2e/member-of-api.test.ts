// memberOf and transitiveMemberOf through the Graph API on both engines: the caller's abilities on each
// group (users only), keyset paging with signed skip tokens and $top, $count, $select, and $filter as an
// advanced query (Graph's rule for memberOf), docs/adr/0014-memberof-paging.md.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../src/core/domain/model.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

const SECURITY = { mailEnabled: false, securityEnabled: true };
const EVENTUAL = { consistencylevel: 'eventual' };

describeEachEngine('Graph memberOf', (getStorage) => {
  let api: Api;
  let ann: User;
  let annToken: string;
  let outsiderToken: string;
  let parentId: string;
  const names: string[] = [];
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    ann = await api.newUser('Ann');
    annToken = await api.userToken(ann);
    outsiderToken = await api.userToken(await api.newUser('Outsider'));
    const parent = await api.core.createGroup(api.adminCaller, { displayName: 'Parent', ...SECURITY, visibility: 'Public' });
    parentId = parent.group.id;
    for (let i = 0; i < 7; i++) {
      const { group } = await api.core.createGroup(api.adminCaller, { displayName: `Team ${i}`, ...SECURITY, visibility: i % 2 ? 'Private' : 'Public', members: [ann.id], joinPolicy: 'open' });
      names.push(group.displayName);
      if (i === 0) await api.core.addMember(api.adminCaller, { groupId: parentId, memberId: group.id });
    }
  }, 60_000);
  afterAll(async () => { await api?.close(); });

  const get = (token: string, url: string, headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } });

  /** Follows @odata.nextLink until it is absent; returns each page's values. */
  async function follow(token: string, url: string, headers: Record<string, string> = {}): Promise<Array<Array<Record<string, unknown>>>> {
    const pages: Array<Array<Record<string, unknown>>> = [];
    for (let next: string | undefined = url; next;) {
      const res = await get(token, next.replace(/^https?:\/\/[^/]+/, ''), headers);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const body = res.json() as { value: Array<Record<string, unknown>>; '@odata.nextLink'?: string };
      pages.push(body.value);
      next = body['@odata.nextLink'];
    }
    return pages;
  }

  it('a user\'s own memberOf: groups with @odata.type, @roster.abilities and @roster.joinPolicy, in name order', async () => {
    const res = await get(annToken, '/v1.0/me/memberOf');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body['@odata.context']).toContain('$metadata#directoryObjects');
    expect(body.value.map((g: { displayName: string }) => g.displayName)).toEqual(names);
    for (const g of body.value) {
      expect(g).toMatchObject({ '@odata.type': '#microsoft.graph.group', '@roster.joinPolicy': 'open', '@roster.abilities': { leave: true, join: false, edit: false, seeMembers: true } });
    }
    const transitive = (await get(annToken, '/v1.0/me/transitiveMemberOf')).json();
    expect(transitive.value.map((g: { displayName: string }) => g.displayName)).toEqual(['Parent', ...names]);
    // Reached through nesting only: Ann may not leave Parent, but sees it and its members.
    expect(transitive.value[0]['@roster.abilities']).toMatchObject({ leave: false, seeMembers: true });
  });

  it('an app gets plain Graph objects; another user sees only what they may see, with their own abilities', async () => {
    const app = await api.appToken(['GroupMember.Read.All', 'User.Read.All']);
    const plain = (await get(app, `/v1.0/users/${ann.id}/memberOf`)).json();
    expect(plain.value).toHaveLength(7);
    for (const g of plain.value) expect(Object.keys(g).some((k) => k.startsWith('@roster.'))).toBe(false);
    const seen = (await get(outsiderToken, `/v1.0/users/${ann.id}/memberOf`)).json();
    expect(seen.value.map((g: { displayName: string }) => g.displayName)).toEqual(names.filter((_, i) => i % 2 === 0));
    for (const g of seen.value) expect(g['@roster.abilities']).toMatchObject({ join: true, leave: false });
  });

  it('pages with $top and signed skip tokens: full pages until the last, each group once, past hidden groups', async () => {
    const own = await follow(annToken, '/v1.0/me/memberOf?$top=3');
    expect(own.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(own.flat().map((g) => g['displayName'])).toEqual(names);
    // The outsider's listing skips the Private groups between the visible ones and still fills pages.
    const theirs = await follow(outsiderToken, `/v1.0/users/${ann.id}/transitiveMemberOf?$top=2`);
    expect(theirs.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(theirs.flat().map((g) => g['displayName'])).toEqual(['Parent', 'Team 0', 'Team 2', 'Team 4', 'Team 6']);
    const groupPages = await follow(annToken, `/v1.0/groups/${(own[0]?.[0] as { id: string }).id}/memberOf?$top=1`);
    expect(groupPages.flat().map((g) => g['id'])).toEqual([parentId]);
  });

  it('refuses a tampered or foreign skip token and a $top outside 1–999', async () => {
    const first = (await get(annToken, '/v1.0/me/memberOf?$top=2')).json();
    const link = new URL(first['@odata.nextLink'] as string);
    const token = link.searchParams.get('$skiptoken') ?? '';
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`;
    for (const url of [`/v1.0/me/memberOf?$top=2&$skiptoken=${tampered}`, `/v1.0/me/transitiveMemberOf?$top=2&$skiptoken=${token}`, '/v1.0/me/memberOf?$top=0', '/v1.0/me/memberOf?$top=1000', '/v1.0/me/memberOf?$skip=2']) {
      const res = await get(annToken, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('Request_BadRequest');
    }
  });

  it('$count, $select, $search and $filter (an advanced query on memberOf, as in Graph)', async () => {
    const counted = (await get(outsiderToken, `/v1.0/users/${ann.id}/memberOf?$count=true&$top=1`, EVENTUAL)).json();
    expect(counted['@odata.count']).toBe(4);
    expect(counted.value).toHaveLength(1);
    const selected = (await get(annToken, '/v1.0/me/memberOf?$select=displayName&$top=1')).json();
    expect(Object.keys(selected.value[0]).sort()).toEqual(['@odata.type', '@roster.abilities', '@roster.joinPolicy', '@roster.myMembership', 'displayName', 'id']);
    const filter = encodeURIComponent("startsWith(displayName,'team 1') or displayName eq 'Team 2'");
    const refused = await get(annToken, `/v1.0/me/memberOf?$filter=${filter}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('Request_UnsupportedQuery');
    const filtered = (await get(annToken, `/v1.0/me/memberOf?$filter=${filter}&$count=true`, EVENTUAL)).json();
    expect(filtered.value.map((g: { displayName: string }) => g.displayName)).toEqual(['Team 1', 'Team 2']);
    expect(filtered['@odata.count']).toBe(2);
    const searched = (await get(annToken, `/v1.0/me/transitiveMemberOf?$search=${encodeURIComponent('"displayName:parent"')}`, EVENTUAL)).json();
    expect(searched.value.map((g: { id: string }) => g.id)).toEqual([parentId]);
    const byMember = await get(annToken, `/v1.0/me/memberOf?$count=true&$filter=${encodeURIComponent(`members/any(m:m/id eq '${ann.id}')`)}`, EVENTUAL);
    expect(byMember.statusCode).toBe(400);
  });
});
