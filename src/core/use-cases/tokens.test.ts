// API clients and tokens through createCore on both engines: only global admins register clients,
// secrets are shown once and stored hashed, tokens expire, revoke and never cross tenants.
import { describe, expect, it } from 'vitest';
import { nodeTokenSecrets } from '../../platform/token-secrets.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { createCore } from '../index.js';
import { randomIds, testPasswordHasher } from '../testing/deps.js';
import { expectDenied, newWorld, type TestWorld } from '../testing/world.js';

function coreOf(w: TestWorld) {
  return createCore({ uow: w.uow, clock: w.clock, ids: randomIds, passwords: testPasswordHasher, secrets: nodeTokenSecrets });
}

describeEachEngine('API clients and tokens', (getStorage) => {
  const world = async () => {
    const w = await newWorld(getStorage().uow);
    return { w, core: coreOf(w) };
  };

  describe('API clients', () => {
    it('a global admin registers a client; the secret is returned once, stored hashed, and trades for a 1 h token', async () => {
      const { w, core } = await world();
      const { client, clientSecret } = await core.registerApiClient(w.adminCaller(), { displayName: 'Sync job', permissions: ['Group.ReadWrite.All', 'Group.ReadWrite.All'] });
      expect(client).toMatchObject({ displayName: 'Sync job', permissions: ['Group.ReadWrite.All'], createdBy: w.admin.id, disabled: false });
      expect(client).not.toHaveProperty('secretHash');
      const stored = await w.uow.transaction(w.tenantId, (s) => s.apiClients.get(client.id));
      expect(stored?.secretHash).not.toBe(clientSecret);
      const { accessToken, expiresIn } = await core.issueClientCredentialsToken({ tenantId: w.tenantId, clientId: client.id, clientSecret });
      expect(expiresIn).toBe(3599);
      expect(accessToken).toMatch(new RegExp(`^rst1\\.${w.tenantId}\\.[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$`));
      const who = await core.authenticate({ token: accessToken });
      expect(who).toMatchObject({ tenantId: w.tenantId, principal: { type: 'app', appId: client.id, permissions: ['Group.ReadWrite.All'] } });
      expect((await core.listApiClients(w.adminCaller())).map((c) => c.id)).toEqual([client.id]);
      const actions = (await w.audit()).filter((e) => e.targetType === 'apiClient' || e.targetType === 'token').map((e) => e.action).sort();
      expect(actions).toEqual(['apiClient.register', 'token.issue']);
    });

    it('SECURITY #2: only a global admin registers, rotates, lists or deletes clients', async () => {
      const { w, core } = await world();
      const groupsAdmin = await w.newUser('Gina', { roles: ['groupsAdmin'] });
      const ann = await w.newUser('Ann');
      const app = w.app(['Application.ReadWrite.All']);
      for (const caller of [w.as(ann), w.as(groupsAdmin), app]) {
        await expectDenied(core.registerApiClient(caller, { displayName: 'x', permissions: ['Directory.Read.All'] }), 'notAdmin');
        await expectDenied(core.listApiClients(caller), 'notAdmin');
      }
      const { client } = await core.registerApiClient(w.adminCaller(), { displayName: 'x', permissions: [] });
      await expectDenied(core.rotateClientSecret(w.as(ann), { clientId: client.id }), 'notAdmin');
      await expectDenied(core.deleteApiClient(w.as(groupsAdmin), { clientId: client.id }), 'notAdmin');
      await expectDenied(core.registerApiClient(w.adminCaller(), { displayName: 'x', permissions: ['Everything.All'] }), 'invalidInput');
      await expectDenied(core.rotateClientSecret(w.adminCaller(), { clientId: randomIds.newId() }), 'apiClientNotFound');
    });

    it('a wrong secret, unknown client or other tenant gets invalidClient; rotation retires the old secret; delete revokes its tokens', async () => {
      const { w, core } = await world();
      const other = await newWorld(getStorage().uow);
      const { client, clientSecret } = await core.registerApiClient(w.adminCaller(), { displayName: 'c', permissions: ['Group.Read.All'] });
      await expectDenied(core.issueClientCredentialsToken({ tenantId: w.tenantId, clientId: client.id, clientSecret: `${clientSecret}x` }), 'invalidClient');
      await expectDenied(core.issueClientCredentialsToken({ tenantId: w.tenantId, clientId: randomIds.newId(), clientSecret }), 'invalidClient');
      await expectDenied(core.issueClientCredentialsToken({ tenantId: other.tenantId, clientId: client.id, clientSecret }), 'invalidClient');
      const { accessToken } = await core.issueClientCredentialsToken({ tenantId: w.tenantId, clientId: client.id, clientSecret });
      const { clientSecret: rotated } = await core.rotateClientSecret(w.adminCaller(), { clientId: client.id });
      await expectDenied(core.issueClientCredentialsToken({ tenantId: w.tenantId, clientId: client.id, clientSecret }), 'invalidClient');
      await core.issueClientCredentialsToken({ tenantId: w.tenantId, clientId: client.id, clientSecret: rotated });
      await core.deleteApiClient(w.adminCaller(), { clientId: client.id });
      await expectDenied(core.authenticate({ token: accessToken }), 'invalidToken');
      await expectDenied(core.issueClientCredentialsToken({ tenantId: w.tenantId, clientId: client.id, clientSecret: rotated }), 'invalidClient');
    });
  });

  describe('user tokens', () => {
    it('a user creates a token for themselves (default 30 days, at most 90); it acts as them until it expires', async () => {
      const { w, core } = await world();
      const ann = await w.newUser('Ann');
      const { token, accessToken } = await core.createUserToken(w.as(ann), { description: 'backup script' });
      expect(Date.parse(token.expiresDateTime) - Date.parse(token.createdDateTime)).toBe(30 * 86_400_000);
      expect(await core.authenticate({ token: accessToken })).toMatchObject({ tenantId: w.tenantId, principal: { type: 'user', userId: ann.id } });
      await expectDenied(core.createUserToken(w.as(ann), { days: 91 }), 'invalidInput');
      await expectDenied(core.createUserToken(w.as(ann), { days: 0 }), 'invalidInput');
      w.clock.advanceDays(30);
      await expectDenied(core.authenticate({ token: accessToken }), 'invalidToken');
      expect((await core.listMyTokens(w.as(ann))).map((t) => t.id)).toEqual([token.id]);
      expect((await core.listMyTokens(w.as(ann)))[0]).not.toHaveProperty('secretHash');
    });

    it('a user cannot mint a token for someone else; the system (CLI) can, by sign-in name', async () => {
      const { w, core } = await world();
      const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
      await expectDenied(core.createUserToken(w.as(ann), { userId: bob.id }), 'notAdmin');
      await expectDenied(core.createUserToken(w.adminCaller(), { userId: bob.id }), 'notAdmin');
      const { accessToken } = await core.createUserToken(w.system, { userPrincipalName: bob.userPrincipalName, days: 90 });
      expect((await core.authenticate({ token: accessToken })).principal).toEqual({ type: 'user', userId: bob.id });
      await expectDenied(core.createUserToken(w.system, { userPrincipalName: 'nobody@nowhere.example' }), 'userNotFound');
    });

    it('revoked tokens and tokens of disabled users stop working; only the owner or a global admin revokes', async () => {
      const { w, core } = await world();
      const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
      const first = await core.createUserToken(w.as(ann));
      await expectDenied(core.revokeToken(w.as(bob), { tokenId: first.token.id }), 'tokenNotFound');
      await expectDenied(core.revokeToken(w.as(ann), { tokenId: randomIds.newId() }), 'tokenNotFound');
      await core.revokeToken(w.as(ann), { tokenId: first.token.id });
      await expectDenied(core.authenticate({ token: first.accessToken }), 'invalidToken');
      const second = await core.createUserToken(w.as(ann));
      await core.revokeToken(w.adminCaller(), { tokenId: second.token.id });
      await expectDenied(core.authenticate({ token: second.accessToken }), 'invalidToken');
      const third = await core.createUserToken(w.as(ann));
      await w.core.updateUser(w.adminCaller(), { userId: ann.id, accountEnabled: false });
      await expectDenied(core.authenticate({ token: third.accessToken }), 'invalidToken');
      const revokes = (await w.audit()).filter((e) => e.action === 'token.revoke');
      expect(revokes.map((e) => e.outcome).sort()).toEqual(['denied', 'denied', 'success', 'success']);
    });

    it('tenant isolation: a token never authenticates in another tenant, nor with a changed secret', async () => {
      const { w, core } = await world();
      const other = await newWorld(getStorage().uow);
      const ann = await w.newUser('Ann');
      const { accessToken } = await core.createUserToken(w.as(ann));
      const [prefix, , tokenId, secret] = accessToken.split('.');
      await expectDenied(core.authenticate({ token: [prefix, other.tenantId, tokenId, secret].join('.') }), 'invalidToken');
      const flipped = `${secret?.slice(0, -1)}${secret?.endsWith('A') ? 'B' : 'A'}`;
      await expectDenied(core.authenticate({ token: [prefix, w.tenantId, tokenId, flipped].join('.') }), 'invalidToken');
      for (const bad of ['', 'rst1', 'Bearer x', `rst1.${w.tenantId}.${tokenId}`, `${accessToken}.x`, 'rst1.a.b.c']) {
        await expectDenied(core.authenticate({ token: bad }), 'invalidToken');
      }
    });
  });
});
