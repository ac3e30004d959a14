// SPEC §3.9 / SECURITY #6 through the API: an outsider's answers about a HiddenMembership or Private
// group never reveal who is in it — member lists, transitiveMembers, memberOf, checkMemberGroups,
// $count, $filter, $search and groups/delta answer the same whether the target is a member or not, and the same
// before and after the membership changes. And 404s read the same for "exists but you may not see it"
// and "does not exist".
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { describeEachEngine } from '../../src/storage/testing/engines.js';
import { buildWorld, snapshot, type World } from './world.js';

const EVENTUAL = { consistencylevel: 'eventual' };

/** Status and body without what differs per request (ids, dates) and with the target's id replaced. */
function normalise(res: LightMyRequestResponse, replace: Record<string, string> = {}): unknown {
  let text = res.body;
  for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to);
  const body = text ? JSON.parse(text) as Record<string, unknown> : null;
  const error = body?.['error'] as { innerError?: unknown } | undefined;
  if (error && typeof error === 'object') delete error.innerError;
  return { status: res.statusCode, body };
}

describeEachEngine('§3.9 scoping through the API', (getStorage) => {
  let world: World;
  beforeAll(async () => { world = await buildWorld(getStorage()); }, 60_000);
  afterAll(async () => { await world?.close(); });

  const call = (actor: 'nonMember' | 'plainUser' | 'appUnrelated' | 'appReadOnly', method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    world.api.app.inject({ method, url, headers: { authorization: `Bearer ${world.tokens[actor] ?? ''}`, ...headers }, ...(payload ? { payload } : {}) });

  /** Everything an outsider can ask about group g and user u. */
  /** A delta round from a link taken before the membership changed: nothing about g may show up. */
  async function deltaSince(actor: 'nonMember' | 'plainUser', deltaLink: string): Promise<unknown> {
    const res = await call(actor, 'GET', deltaLink.replace(/^https?:\/\/[^/]+/, ''));
    const body = res.json() as Record<string, unknown>;
    return { status: res.statusCode, value: body['value'], hasDeltaLink: typeof body['@odata.deltaLink'] === 'string' };
  }

  async function outsiderAnswers(actor: 'nonMember' | 'plainUser', g: { id: string; name: string }, u: User, deltaLink: string): Promise<Record<string, unknown>> {
    const id = { [u.id]: '<target>', [u.userPrincipalName]: '<target-upn>' };
    const q = (s: string) => encodeURIComponent(s);
    const answers: Record<string, unknown> = {
      group: normalise(await call(actor, 'GET', `/v1.0/groups/${g.id}`)),
      members: normalise(await call(actor, 'GET', `/v1.0/groups/${g.id}/members`)),
      transitiveMembers: normalise(await call(actor, 'GET', `/v1.0/groups/${g.id}/transitiveMembers`)),
      owners: normalise(await call(actor, 'GET', `/v1.0/groups/${g.id}/owners`)),
      groupsCount: normalise(await call(actor, 'GET', `/v1.0/groups?$count=true&$filter=${q(`id eq '${g.id}'`)}`, undefined, EVENTUAL)),
      groupsSearch: normalise(await call(actor, 'GET', `/v1.0/groups?$count=true&$search=${q(`"displayName:${g.name}"`)}`, undefined, EVENTUAL)),
      groupsByMember: normalise(await call(actor, 'GET', `/v1.0/groups?$count=true&$filter=${q(`members/any(m:m/id eq '${u.id}')`)}`, undefined, EVENTUAL), id),
      usersByGroup: normalise(await call(actor, 'GET', `/v1.0/users?$count=true&$filter=${q(`memberOf/any(g:g/id eq '${g.id}')`)}`, undefined, EVENTUAL)),
      memberOf: normalise(await call(actor, 'GET', `/v1.0/users/${u.id}/memberOf`), id),
      transitiveMemberOf: normalise(await call(actor, 'GET', `/v1.0/users/${u.id}/transitiveMemberOf`), id),
      checkMemberGroups: normalise(await call(actor, 'POST', `/v1.0/users/${u.id}/checkMemberGroups`, { groupIds: [g.id] }), id),
      checkMemberObjects: normalise(await call(actor, 'POST', `/v1.0/users/${u.id}/checkMemberObjects`, { ids: [g.id] }), id),
      getMemberGroups: normalise(await call(actor, 'POST', `/v1.0/users/${u.id}/getMemberGroups`, { securityEnabledOnly: false }), id),
      usersCount: normalise(await call(actor, 'GET', `/v1.0/users?$count=true&$filter=${q(`id eq '${u.id}'`)}`, undefined, EVENTUAL), id),
      delta: await deltaSince(actor, deltaLink),
    };
    return answers;
  }

  for (const visibility of ['HiddenMembership', 'Private'] as const) {
    for (const actor of ['nonMember', 'plainUser'] as const) {
      it(`${visibility}: ${actor}'s answers are the same for a member and a non-member, and before and after the membership`, async () => {
        const { api, users } = world;
        const shape = visibility === 'Private'
          ? { mailEnabled: false, securityEnabled: true, groupTypes: [] as [] }
          : { mailEnabled: true, securityEnabled: false, groupTypes: ['Unified' as const] };
        const name = `Scoped${visibility}${actor}`;
        const created = await api.core.createGroup(api.adminCaller, { displayName: name, mailNickname: name.toLowerCase(), ...shape, visibility, owners: [users.owner.id] });
        const g = { id: created.group.id, name };
        // Twins: same kind of user, one becomes a member, the other never does.
        const inside = await api.newUser('Twin');
        const outside = await api.newUser('Twin');
        const latest = (await call(actor, 'GET', '/v1.0/groups/delta?$deltatoken=latest&$select=displayName,members')).json() as Record<string, unknown>;
        const deltaLink = String(latest['@odata.deltaLink']);
        const before = await outsiderAnswers(actor, g, inside, deltaLink);
        expect(before['delta']).toEqual({ status: 200, value: [], hasDeltaLink: true });
        await api.core.addMember(api.adminCaller, { groupId: g.id, memberId: inside.id });
        const afterInside = await outsiderAnswers(actor, g, inside, deltaLink);
        const afterOutside = await outsiderAnswers(actor, g, outside, deltaLink);
        expect(afterInside).toEqual(before);
        expect(afterInside).toEqual(afterOutside);
        // The member does see it: the comparison is not vacuous.
        const asAdmin = await api.app.inject({ method: 'GET', url: `/v1.0/groups/${g.id}/members`, headers: { authorization: `Bearer ${world.tokens.globalAdmin ?? ''}` } });
        expect(asAdmin.json().value.map((m: { id: string }) => m.id)).toContain(inside.id);
        const adminDelta = await world.api.app.inject({ method: 'GET', url: deltaLink.replace(/^https?:\/\/[^/]+/, ''), headers: { authorization: `Bearer ${world.tokens.globalAdmin ?? ''}` } });
        expect(JSON.stringify(adminDelta.json().value)).toContain(inside.id);
        // And the membership filters are refused outright (SECURITY #6), not answered.
        expect((afterInside['groupsByMember'] as { status: number }).status).toBe(400);
      });
    }
  }

  it('nested: a Private group inside a Public one does not reveal its members through the outer group\'s transitiveMembers', async () => {
    const { api, users } = world;
    const security = { mailEnabled: false, securityEnabled: true, groupTypes: [] as [] };
    const outer = (await api.core.createGroup(api.adminCaller, { displayName: 'Outer', mailNickname: 'outerpublic', ...security, visibility: 'Public', owners: [users.owner.id] })).group;
    const inner = (await api.core.createGroup(api.adminCaller, { displayName: 'Inner', mailNickname: 'innerprivate', ...security, visibility: 'Private', owners: [users.owner.id] })).group;
    await api.core.addMember(api.adminCaller, { groupId: outer.id, memberId: inner.id });
    const ask = async () => normalise(await call('nonMember', 'GET', `/v1.0/groups/${outer.id}/transitiveMembers`));
    const before = await ask();
    const hidden = await api.newUser('Hidden Inner Member');
    await api.core.addMember(api.adminCaller, { groupId: inner.id, memberId: hidden.id });
    expect(await ask()).toEqual(before);
    const owner = await world.api.app.inject({ method: 'GET', url: `/v1.0/groups/${outer.id}/transitiveMembers`, headers: { authorization: `Bearer ${world.tokens.owner ?? ''}` } });
    expect(owner.json().value.map((m: { id: string }) => m.id)).toContain(hidden.id);
  });

  it('a group\'s join requests: outsiders and members list none, owners see the pending one', async () => {
    const list = async (actor: 'plainUser' | 'nonMember' | 'member' | 'owner') => (await world.api.app.inject({
      method: 'GET', url: `/v1.0/groups/${world.groups.private}/joinRequests`, headers: { authorization: `Bearer ${world.tokens[actor] ?? ''}` },
    })).json().value.map((r: { requesterId: string }) => r.requesterId);
    expect(await list('plainUser')).toEqual([]);
    expect(await list('nonMember')).toEqual([]);
    expect(await list('member')).toEqual([]);
    expect(await list('owner')).toEqual([world.users.pending.id]);
  });

  describe('404s read the same for "exists but hidden" and "does not exist"', () => {
    const cases: Array<{ name: string; actor: 'nonMember' | 'plainUser' | 'appUnrelated' | 'appReadOnly'; method: 'GET' | 'POST'; path: string; body?: object; hidden: () => string; missing: string }> = [
      { name: 'GET a deleted group (not its owner)', actor: 'plainUser', method: 'GET', path: '/v1.0/groups/{id}', hidden: () => world.groups.deleted, missing: '00000000-0000-4000-8000-00000000a001' },
      { name: 'GET another tenant\'s group', actor: 'plainUser', method: 'GET', path: '/v1.0/groups/{id}', hidden: () => world.groups.otherTenant, missing: '00000000-0000-4000-8000-00000000a002' },
      { name: 'members of a deleted group', actor: 'nonMember', method: 'GET', path: '/v1.0/groups/{id}/members', hidden: () => world.groups.deleted, missing: '00000000-0000-4000-8000-00000000a003' },
      { name: 'add a member to a deleted group', actor: 'nonMember', method: 'POST', path: '/v1.0/groups/{id}/members/$ref', body: { '@odata.id': `https://graph.microsoft.com/v1.0/users/00000000-0000-4000-8000-00000000b001` }, hidden: () => world.groups.deleted, missing: '00000000-0000-4000-8000-00000000a004' },
      { name: 'restore another tenant\'s or a deleted group (not its owner)', actor: 'plainUser', method: 'POST', path: '/v1.0/directory/deletedItems/{id}/restore', hidden: () => world.groups.deleted, missing: '00000000-0000-4000-8000-00000000a005' },
      { name: 'memberOf of a deleted group', actor: 'plainUser', method: 'GET', path: '/v1.0/groups/{id}/memberOf', hidden: () => world.groups.deleted, missing: '00000000-0000-4000-8000-00000000a006' },
      { name: 'memberOf of a user, as an app that may not read users', actor: 'appUnrelated', method: 'GET', path: '/v1.0/users/{id}/memberOf', hidden: () => world.users.member.id, missing: '00000000-0000-4000-8000-00000000a007' },
      { name: 'checkMemberGroups of a user, as an app that may not read users', actor: 'appUnrelated', method: 'POST', path: '/v1.0/users/{id}/checkMemberGroups', body: { groupIds: [] }, hidden: () => world.users.member.id, missing: '00000000-0000-4000-8000-00000000a008' },
      { name: 'GET another tenant\'s user', actor: 'plainUser', method: 'GET', path: '/v1.0/users/{id}', hidden: () => world.other.user.id, missing: '00000000-0000-4000-8000-00000000a009' },
      { name: 'a group as an app without group permissions', actor: 'appUnrelated', method: 'GET', path: '/v1.0/groups/{id}', hidden: () => world.groups.private, missing: '00000000-0000-4000-8000-00000000a00a' },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const before = await snapshot(getStorage());
        const hiddenId = c.hidden();
        const seen = await call(c.actor, c.method, c.path.replace('{id}', hiddenId), c.body);
        const none = await call(c.actor, c.method, c.path.replace('{id}', c.missing), c.body);
        expect(seen.statusCode).toBe(404);
        expect(normalise(seen, { [hiddenId]: '<id>' })).toEqual(normalise(none, { [c.missing]: '<id>' }));
        expect(await snapshot(getStorage())).toEqual(before);
      });
    }
  });
});
