// SPEC §3.3, the `api` row, replayed through POST /v1.0/groups (not only the core): a new group's join
// policy, visibility and owners by kind and creator, and the HiddenMembership rules. The adminCenter and
// myGroups rows are other channels: the portal suites replay them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/core/domain/model.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';
import { startApi, type Api } from './api-harness.js';

type Json = Record<string, unknown>;
const KINDS = {
  security: { mailEnabled: false, securityEnabled: true },
  microsoft365: { mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'] },
} as const;
type Kind = keyof typeof KINDS;
type Creator = 'plainUser' | 'globalAdmin' | 'app';

/** [kind, creator, owners@odata.bind given, expected joinPolicy, visibility, owners] — §3.3 api row. */
const ROWS: ReadonlyArray<readonly [Kind, Creator, boolean, string, string, 'creator' | 'given' | 'none']> = [
  ['security', 'plainUser', false, 'closed', 'Private', 'creator'],
  ['security', 'plainUser', true, 'closed', 'Private', 'given'],
  ['security', 'globalAdmin', false, 'closed', 'Private', 'none'],
  ['security', 'globalAdmin', true, 'closed', 'Private', 'given'],
  ['security', 'app', false, 'closed', 'Private', 'none'],
  ['security', 'app', true, 'closed', 'Private', 'given'],
  ['microsoft365', 'plainUser', false, 'open', 'Public', 'creator'],
  ['microsoft365', 'plainUser', true, 'open', 'Public', 'given'],
  ['microsoft365', 'globalAdmin', false, 'open', 'Public', 'creator'],
  ['microsoft365', 'globalAdmin', true, 'open', 'Public', 'given'],
  ['microsoft365', 'app', false, 'open', 'Public', 'none'],
  ['microsoft365', 'app', true, 'open', 'Public', 'given'],
];

describeEachEngine('§3.3 defaults through the Graph API', (getStorage) => {
  let api: Api;
  let plain: User;
  let named: User;
  const tokens: Record<Creator, string> = { plainUser: '', globalAdmin: '', app: '' };
  beforeAll(async () => {
    api = await startApi(getStorage(), { https: false });
    plain = await api.newUser('Pat Plain');
    named = await api.newUser('Nora Named');
    tokens.plainUser = await api.userToken(plain);
    tokens.globalAdmin = await api.userToken(api.admin);
    tokens.app = await api.appToken(['Group.ReadWrite.All', 'User.Read.All']);
  });
  afterAll(async () => { await api.close(); });

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json) =>
    api.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  let n = 0;
  const body = (kind: Kind, extra: Json = {}) => ({ displayName: `Defaults ${++n}`, mailNickname: `defaults${n}x${Date.now()}`, ...KINDS[kind], ...extra });
  const creatorId = (c: Creator) => (c === 'plainUser' ? plain.id : c === 'globalAdmin' ? api.admin.id : null);

  describe('the api row', () => {
    it.each(ROWS)('%s by %s (owners given: %s) → %s, %s, owners: %s', async (kind, creator, givesOwners, joinPolicy, visibility, owners) => {
      const extra = givesOwners ? { 'owners@odata.bind': [`https://graph.microsoft.com/v1.0/users/${named.id}`] } : {};
      const created = await call(tokens[creator], 'POST', '/v1.0/groups', body(kind, extra));
      expect(created.statusCode, created.body).toBe(201);
      const group = created.json() as Json;
      expect(group['visibility']).toBe(visibility);
      // The join policy is an annotation for users; read it back as the admin to see it for every creator.
      const asAdmin = (await call(tokens.globalAdmin, 'GET', `/v1.0/groups/${String(group['id'])}`)).json() as Json;
      expect(asAdmin['@roster.joinPolicy']).toBe(joinPolicy);
      const ownerIds = ((await call(tokens.globalAdmin, 'GET', `/v1.0/groups/${String(group['id'])}/owners`)).json().value as Json[]).map((o) => o['id']);
      const expected = owners === 'given' ? [named.id] : owners === 'creator' ? [creatorId(creator)] : [];
      expect(ownerIds).toEqual(expected);
    });
  });

  it('HiddenMembership: only for Microsoft 365 groups, only at creation; every refusal changes nothing', async () => {
    const refusedSecurity = await call(tokens.plainUser, 'POST', '/v1.0/groups', body('security', { visibility: 'HiddenMembership' }));
    expect(refusedSecurity.statusCode).toBe(400);
    expect(refusedSecurity.json().error.code).toBe('Request_BadRequest');
    const hidden = await call(tokens.plainUser, 'POST', '/v1.0/groups', body('microsoft365', { visibility: 'HiddenMembership' }));
    expect(hidden.statusCode).toBe(201);
    expect(hidden.json()).toMatchObject({ visibility: 'HiddenMembership', '@roster.joinPolicy': 'approval' });
    const id = String(hidden.json().id);
    const open = await call(tokens.plainUser, 'PATCH', `/v1.0/groups/${id}`, { visibility: 'Public' });
    expect(open.statusCode).toBe(400);
    const m365 = await call(tokens.plainUser, 'POST', '/v1.0/groups', body('microsoft365'));
    const hide = await call(tokens.plainUser, 'PATCH', `/v1.0/groups/${String(m365.json().id)}`, { visibility: 'HiddenMembership' });
    expect(hide.statusCode).toBe(400);
    expect((await call(tokens.plainUser, 'GET', `/v1.0/groups/${id}`)).json().visibility).toBe('HiddenMembership');
    expect((await call(tokens.plainUser, 'GET', `/v1.0/groups/${String(m365.json().id)}`)).json().visibility).toBe('Public');
  });

  it('@roster.joinPolicy on create and PATCH chooses the join policy, within the admins\' ceiling (§3.4), all or nothing', async () => {
    const created = await call(tokens.plainUser, 'POST', '/v1.0/groups', body('security', { '@roster.joinPolicy': 'approval' }));
    expect(created.statusCode, created.body).toBe(201);
    const id = String(created.json().id);
    expect(created.json()['@roster.joinPolicy']).toBe('approval');
    expect((await call(tokens.plainUser, 'PATCH', `/v1.0/groups/${id}`, { '@roster.joinPolicy': 'open' })).statusCode).toBe(204);
    expect((await call(tokens.plainUser, 'GET', `/v1.0/groups/${id}`)).json()['@roster.joinPolicy']).toBe('open');
    expect((await call(tokens.plainUser, 'PATCH', `/v1.0/groups/${id}`, { '@roster.joinPolicy': 'anyone' })).statusCode).toBe(400);
    expect((await call(tokens.globalAdmin, 'PATCH', '/v1.0/settings', { maxOwnerJoinPolicy: 'approval' })).statusCode).toBe(200);
    try {
      expect((await call(tokens.plainUser, 'PATCH', `/v1.0/groups/${id}`, { '@roster.joinPolicy': 'closed' })).statusCode).toBe(204);
      const refused = await call(tokens.plainUser, 'PATCH', `/v1.0/groups/${id}`, { '@roster.joinPolicy': 'open', description: 'not applied either' });
      expect(refused.statusCode).toBe(403);
      const now = (await call(tokens.plainUser, 'GET', `/v1.0/groups/${id}`)).json();
      expect([now['@roster.joinPolicy'], now.description]).toEqual(['closed', null]);
      expect((await call(tokens.plainUser, 'POST', '/v1.0/groups', body('security', { '@roster.joinPolicy': 'open' }))).statusCode).toBe(403);
    } finally {
      expect((await call(tokens.globalAdmin, 'PATCH', '/v1.0/settings', { maxOwnerJoinPolicy: 'open' })).statusCode).toBe(200);
    }
  });

  it('§3.4 visibility through Graph sets the matching join policy of a Microsoft 365 group', async () => {
    const created = await call(tokens.plainUser, 'POST', '/v1.0/groups', body('microsoft365'));
    const id = String(created.json().id);
    expect((await call(tokens.plainUser, 'PATCH', `/v1.0/groups/${id}`, { visibility: 'Private' })).statusCode).toBe(204);
    expect((await call(tokens.plainUser, 'GET', `/v1.0/groups/${id}`)).json()).toMatchObject({ visibility: 'Private', '@roster.joinPolicy': 'approval' });
    expect((await call(tokens.plainUser, 'PATCH', `/v1.0/groups/${id}`, { visibility: 'Public' })).statusCode).toBe(204);
    expect((await call(tokens.plainUser, 'GET', `/v1.0/groups/${id}`)).json()).toMatchObject({ visibility: 'Public', '@roster.joinPolicy': 'open' });
  });
});
