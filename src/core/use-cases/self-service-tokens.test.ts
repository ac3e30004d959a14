// Self-service user tokens through createCore on both engines (docs/adr/0013): a token never mints one
// that outlives it; user and global administrators list and revoke others' tokens within their reach;
// revoking through a user's path needs the token to be that user's; revoking twice is quiet.
import { expect, it } from 'vitest';
import { nodeTokenSecrets } from '../../platform/token-secrets.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { createCore } from '../index.js';
import type { Caller } from '../ports.js';
import { randomIds, testPasswordHasher } from '../testing/deps.js';
import { expectDenied, newWorld } from '../testing/world.js';

describeEachEngine('self-service user tokens', (getStorage) => {
  const world = async () => {
    const w = await newWorld(getStorage().uow);
    return { w, core: createCore({ uow: w.uow, clock: w.clock, ids: randomIds, passwords: testPasswordHasher, secrets: nodeTokenSecrets }) };
  };
  const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

  it('a caller signed in with a token cannot mint one that outlives it; the default is cut to its expiry', async () => {
    const { w, core } = await world();
    const ann = await w.newUser('Ann');
    const { token: parent } = await core.createUserToken(w.system, { userId: ann.id, days: 10 });
    const viaToken: Caller = { ...w.as(ann), tokenId: parent.id };
    await expectDenied(core.createUserToken(viaToken, { days: 11 }), 'tokenOutlivesCredential');
    const asked = await core.createUserToken(viaToken, { days: 5 });
    expect(days(asked.token.createdDateTime, asked.token.expiresDateTime)).toBe(5);
    const byDefault = await core.createUserToken(viaToken, {});
    expect(byDefault.token.expiresDateTime).toBe(parent.expiresDateTime);
    // A child cannot outlive its parent either, so a leaked token's whole family ends when it does.
    await expectDenied(core.createUserToken({ ...w.as(ann), tokenId: byDefault.token.id }, { days: 11 }), 'tokenOutlivesCredential');
    // Without a presented token (the CLI, a session) the usual 1–90 days apply.
    const free = await core.createUserToken(w.as(ann), { days: 90 });
    expect(days(free.token.createdDateTime, free.token.expiresDateTime)).toBe(90);
    const creates = (await w.audit()).filter((e) => e.action === 'token.create');
    expect(creates.map((e) => e.outcome).sort()).toEqual(['denied', 'denied', 'success', 'success', 'success', 'success']);
  });

  it('listUserTokens: the owner and user/global admins see status, never a hash; others are refused', async () => {
    const { w, core } = await world();
    const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
    const userAdmin = await w.newUser('Uma', { roles: ['userAdmin'] });
    const groupsAdmin = await w.newUser('Gina', { roles: ['groupsAdmin'] });
    const first = await core.createUserToken(w.as(ann), { days: 1, description: 'cron' });
    w.clock.advanceMs(60_000);
    const second = await core.createUserToken(w.as(ann), { days: 30 });
    await core.revokeToken(w.as(ann), { tokenId: second.token.id });
    w.clock.advanceDays(2);
    const third = await core.createUserToken(w.as(ann));
    for (const caller of [w.as(ann), w.as(userAdmin), w.adminCaller()]) {
      const list = await core.listUserTokens(caller, { userId: ann.id });
      expect(list.map((t) => [t.id, t.status])).toEqual([[third.token.id, 'active'], [second.token.id, 'revoked'], [first.token.id, 'expired']]);
      for (const t of list) expect(t).not.toHaveProperty('secretHash');
      expect(list[2]?.description).toBe('cron');
    }
    await expectDenied(core.listUserTokens(w.as(bob), { userId: ann.id }), 'notAdmin');
    await expectDenied(core.listUserTokens(w.as(groupsAdmin), { userId: ann.id }), 'notAdmin');
    await expectDenied(core.listUserTokens(w.app(['User.ReadWrite.All']), { userId: ann.id }), 'notAdmin');
    await expectDenied(core.listUserTokens(w.as(userAdmin), { userId: w.admin.id }), 'notAdmin');
    await expectDenied(core.listUserTokens(w.adminCaller(), { userId: randomIds.newId() }), 'userNotFound');
  });

  it('revokeToken with userId: only that user\'s token; a user admin revokes a plain user\'s, not a global admin\'s; twice is quiet', async () => {
    const { w, core } = await world();
    const [ann, bob] = [await w.newUser('Ann'), await w.newUser('Bob')];
    const userAdmin = await w.newUser('Uma', { roles: ['userAdmin'] });
    const annToken = await core.createUserToken(w.as(ann));
    const adminToken = await core.createUserToken(w.adminCaller());
    // Through Bob's path, Ann's token does not exist, even for a global admin.
    await expectDenied(core.revokeToken(w.adminCaller(), { tokenId: annToken.token.id, userId: bob.id }), 'tokenNotFound');
    await expectDenied(core.revokeToken(w.as(bob), { tokenId: annToken.token.id, userId: ann.id }), 'tokenNotFound');
    await expectDenied(core.revokeToken(w.as(userAdmin), { tokenId: adminToken.token.id, userId: w.admin.id }), 'tokenNotFound');
    expect(await core.authenticate({ token: annToken.accessToken })).toMatchObject({ tokenId: annToken.token.id });
    await core.revokeToken(w.as(userAdmin), { tokenId: annToken.token.id, userId: ann.id });
    await expectDenied(core.authenticate({ token: annToken.accessToken }), 'invalidToken');
    await core.revokeToken(w.as(ann), { tokenId: annToken.token.id, userId: ann.id });
    const revokes = (await w.audit()).filter((e) => e.action === 'token.revoke');
    expect(revokes.map((e) => e.outcome).sort()).toEqual(['denied', 'denied', 'denied', 'success']);
    expect(revokes.find((e) => e.outcome === 'success')?.actorId).toBe(userAdmin.id);
  });
});
