// Portal sign-in through createCore on both engines (docs/adr/0017): password sign-in with the lockout,
// session checks (idle, absolute, disabled user), sign-out, and OpenID Connect matching.
import { describe, expect, it } from 'vitest';
import { nodeTokenSecrets } from '../../platform/token-secrets.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { SIGN_IN_LOCK_MS } from '../domain/policy/sign-in.js';
import { createCore } from '../index.js';
import { randomIds, SettableClock, testPasswordHasher } from '../testing/deps.js';
import { expectDenied, newWorld, type TestWorld } from '../testing/world.js';

const PASSWORD = 'correct horse battery';
const ISSUER = 'https://idp.example';

describeEachEngine('Portal sign-in (core)', (getStorage) => {
  const world = async () => {
    const clock = new SettableClock();
    const w = await newWorld(getStorage().uow, { clock });
    const core = createCore({ uow: w.uow, clock, ids: randomIds, passwords: testPasswordHasher, secrets: nodeTokenSecrets });
    const signIn = (upn: string, password: string, clientKey = '10.0.0.1') => core.signInWithPassword({ tenantId: w.tenantId, userPrincipalName: upn, password, clientKey });
    let n = 0;
    const withPassword = (name: string, accountEnabled = true) => core.createUser(w.adminCaller(), {
      userPrincipalName: `${name.toLowerCase()}.${++n}@pw.example`, displayName: name, accountEnabled, password: PASSWORD,
    });
    return { w, core, clock, signIn, withPassword };
  };
  const failures = async (w: TestWorld) => (await w.audit()).filter((e) => e.action === 'auth.signIn' && e.outcome === 'denied')
    .map((e) => (e.after as { failure: string }).failure);

  describe('password', () => {
    it('signs in with a fresh session each time, audited without the password', async () => {
      const { w, core, signIn } = await world();
      const a = await signIn(w.admin.userPrincipalName, PASSWORD);
      const b = await signIn(w.admin.userPrincipalName.toUpperCase(), PASSWORD);
      expect(a.sessionId).not.toBe(b.sessionId);
      expect(a.user).toEqual({ id: w.admin.id, displayName: 'Ada Admin', userPrincipalName: w.admin.userPrincipalName, roles: ['globalAdmin'] });
      const who = await core.authenticateSession({ cookie: a.cookie, channel: 'adminCenter' });
      expect(who.caller).toMatchObject({ tenantId: w.tenantId, principal: { type: 'user', userId: w.admin.id }, channel: 'adminCenter' });
      const events = (await w.audit()).filter((e) => e.action === 'auth.signIn');
      expect(events).toHaveLength(2);
      expect(JSON.stringify(events)).not.toContain(PASSWORD);
    });

    it('unknown user, wrong password, disabled and other tenant: the same invalidCredentials; each audited as what it was', async () => {
      const { w, core, signIn, withPassword } = await world();
      const off = await withPassword('Off', false);
      const oidcOnly = await w.newUser('Oidc Only');
      await expectDenied(signIn(oidcOnly.userPrincipalName, PASSWORD), 'invalidCredentials');
      await expectDenied(signIn('nobody@nowhere.example', PASSWORD), 'invalidCredentials');
      await expectDenied(signIn(w.admin.userPrincipalName, 'wrong password!'), 'invalidCredentials');
      await expectDenied(signIn(off.userPrincipalName, PASSWORD), 'invalidCredentials');
      await expectDenied(core.signInWithPassword({ tenantId: randomIds.newId(), userPrincipalName: w.admin.userPrincipalName, password: PASSWORD, clientKey: 'x' }), 'invalidCredentials');
      expect((await failures(w)).slice().sort()).toEqual(['badPassword', 'disabled', 'noPassword', 'unknownUser'].sort());
      expect(JSON.stringify(await w.audit())).not.toContain('wrong password!');
    });

    it('every refusal costs one password check: an unknown name or tenant is checked against a dummy hash', async () => {
      const { w } = await world();
      const checked: string[] = [];
      const counting = { hash: testPasswordHasher.hash, verify: async (pw: string, hash: string) => { checked.push(hash); return testPasswordHasher.verify(pw, hash); } };
      const core = createCore({ uow: w.uow, clock: w.clock, ids: randomIds, passwords: counting, secrets: nodeTokenSecrets });
      const attempt = (tenantId: string, upn: string) => core.signInWithPassword({ tenantId, userPrincipalName: upn, password: 'whatever it is', clientKey: 'c' });
      await expectDenied(attempt(w.tenantId, 'nobody@nowhere.example'), 'invalidCredentials');
      await expectDenied(attempt(randomIds.newId(), w.admin.userPrincipalName), 'invalidCredentials');
      await expectDenied(attempt('not-a-uuid', w.admin.userPrincipalName), 'invalidCredentials');
      await expectDenied(attempt(w.tenantId, w.admin.userPrincipalName), 'invalidCredentials');
      expect(checked).toHaveLength(4);
      expect(new Set(checked.slice(0, 3)).size).toBe(1);
      expect(checked[3]).not.toBe(checked[0]);
    });

    it('5 failures from one client lock that pair for 15 minutes (the right password too); another client still signs in; then it unlocks', async () => {
      const { w, clock, signIn } = await world();
      const upn = w.admin.userPrincipalName;
      for (let i = 0; i < 5; i++) await expectDenied(signIn(upn, `wrong ${i}`), 'invalidCredentials');
      await expectDenied(signIn(upn, PASSWORD), 'invalidCredentials');
      expect((await failures(w)).filter((f) => f === 'locked')).toHaveLength(1);
      expect((await w.audit()).filter((e) => e.action === 'auth.lockout').map((e) => (e.after as { scope: string }).scope)).toEqual(['client']);
      await signIn(upn, PASSWORD, '10.9.9.9');
      clock.advanceMs(SIGN_IN_LOCK_MS - 1000);
      await expectDenied(signIn(upn, PASSWORD), 'invalidCredentials');
      clock.advanceMs(1000);
      await signIn(upn, PASSWORD);
    });

    it('concurrent failures are all counted (the account is locked while its counters change)', async () => {
      const { w, signIn } = await world();
      const upn = w.admin.userPrincipalName;
      await Promise.all(Array.from({ length: 8 }, (_, i) => expectDenied(signIn(upn, `wrong ${i}`, `10.2.0.${i % 2}`), 'invalidCredentials')));
      const rows = await w.uow.transaction(w.tenantId, async (x) => [await x.signInThrottles.get(w.admin.id, '*'), await x.signInThrottles.get(w.admin.id, '10.2.0.0')]);
      expect(rows.map((r) => r?.failures)).toEqual([8, 4]);
    });

    it('20 failures across clients lock the account everywhere', async () => {
      const { w, signIn } = await world();
      const upn = w.admin.userPrincipalName;
      for (let i = 0; i < 20; i++) await expectDenied(signIn(upn, 'wrong', `10.1.0.${i % 4}`), 'invalidCredentials');
      await expectDenied(signIn(upn, PASSWORD, '192.168.7.7'), 'invalidCredentials');
      expect((await w.audit()).some((e) => e.action === 'auth.lockout' && (e.after as { scope: string }).scope === 'account')).toBe(true);
    });
  });

  describe('sessions', () => {
    it('idle for an hour ends the session; activity within the hour keeps it (last-seen written at most once a minute)', async () => {
      const { w, core, clock, signIn } = await world();
      const s = await signIn(w.admin.userPrincipalName, PASSWORD);
      clock.advanceMs(30_000);
      await core.authenticateSession({ cookie: s.cookie, channel: 'myGroups' });
      const row = async () => w.uow.transaction(w.tenantId, (x) => x.sessions.get(s.sessionId));
      const created = (await row())?.createdDateTime;
      expect((await row())?.lastSeenDateTime).toBe(created);
      clock.advanceMs(50 * 60_000);
      await core.authenticateSession({ cookie: s.cookie, channel: 'myGroups' });
      expect((await row())?.lastSeenDateTime).toBe(clock.now());
      clock.advanceMs(59 * 60_000);
      await core.authenticateSession({ cookie: s.cookie, channel: 'myGroups' });
      clock.advanceMs(60 * 60_000);
      await expectDenied(core.authenticateSession({ cookie: s.cookie, channel: 'myGroups' }), 'invalidToken');
    });

    it('ends 12 hours after sign-in however active', async () => {
      const { w, core, clock, signIn } = await world();
      const s = await signIn(w.admin.userPrincipalName, PASSWORD);
      for (let h = 0; h < 23; h++) {
        clock.advanceMs(30 * 60_000);
        await core.authenticateSession({ cookie: s.cookie, channel: 'myGroups' });
      }
      clock.advanceMs(30 * 60_000);
      await expectDenied(core.authenticateSession({ cookie: s.cookie, channel: 'myGroups' }), 'invalidToken');
    });

    it('a wrong secret, a malformed cookie and a signed-out session are refused; a disabled user\'s session is revoked', async () => {
      const { w, core, signIn, withPassword } = await world();
      const ann = await withPassword('Ann');
      const annSession = await signIn(ann.userPrincipalName, PASSWORD);
      await core.updateUser(w.adminCaller(), { userId: ann.id, accountEnabled: false });
      await expectDenied(core.authenticateSession({ cookie: annSession.cookie, channel: 'myGroups' }), 'invalidToken');
      await core.updateUser(w.adminCaller(), { userId: ann.id, accountEnabled: true });
      await expectDenied(core.authenticateSession({ cookie: annSession.cookie, channel: 'myGroups' }), 'invalidToken');
      const s = await signIn(w.admin.userPrincipalName, PASSWORD);
      await expectDenied(core.authenticateSession({ cookie: `${s.cookie.slice(0, -2)}AA`, channel: 'myGroups' }), 'invalidToken');
      await expectDenied(core.authenticateSession({ cookie: 'garbage', channel: 'myGroups' }), 'invalidToken');
      await core.signOut({ cookie: s.cookie });
      await core.signOut({ cookie: s.cookie });
      await expectDenied(core.authenticateSession({ cookie: s.cookie, channel: 'myGroups' }), 'invalidToken');
      expect((await w.audit()).filter((e) => e.action === 'auth.signOut')).toHaveLength(1);
    });
  });

  describe('OpenID Connect', () => {
    const identity = (over: Partial<{ subject: string; email: string | null; emailVerified: boolean }> = {}) =>
      ({ issuer: ISSUER, subject: 'sub-1', email: null, emailVerified: false, name: 'Ola Oidc', ...over });

    it('email matching links on first sign-in, then the subject alone signs in', async () => {
      const { w, core } = await world();
      const ann = await w.newUser('Ann');
      const policy = { match: 'email' as const, createUsers: false };
      const first = await core.signInWithOidc({ tenantId: w.tenantId, identity: identity({ email: ann.userPrincipalName, emailVerified: true }), policy, clientKey: 'c' });
      expect(first.user.id).toBe(ann.id);
      const again = await core.signInWithOidc({ tenantId: w.tenantId, identity: identity(), policy: { match: 'subject', createUsers: false }, clientKey: 'c' });
      expect(again.user.id).toBe(ann.id);
      // A second subject with the same address does not take the account over.
      await expectDenied(core.signInWithOidc({ tenantId: w.tenantId, identity: identity({ subject: 'sub-2', email: ann.userPrincipalName, emailVerified: true }), policy, clientKey: 'c' }), 'invalidCredentials');
      expect(await failures(w)).toEqual(['linkedElsewhere']);
    });

    it('refuses an unverified email, an unknown subject, and matching by email when not configured; creates users only when configured', async () => {
      const { w, core } = await world();
      const ann = await w.newUser('Ann');
      await expectDenied(core.signInWithOidc({ tenantId: w.tenantId, identity: identity({ email: ann.userPrincipalName }), policy: { match: 'email', createUsers: false }, clientKey: 'c' }), 'invalidCredentials');
      await expectDenied(core.signInWithOidc({ tenantId: w.tenantId, identity: identity({ email: ann.userPrincipalName, emailVerified: true }), policy: { match: 'subject', createUsers: false }, clientKey: 'c' }), 'invalidCredentials');
      await expectDenied(core.signInWithOidc({ tenantId: w.tenantId, identity: identity({ email: ann.userPrincipalName, emailVerified: true }), policy: { match: 'subject', createUsers: true }, clientKey: 'c' }), 'invalidCredentials');
      expect(await failures(w)).toEqual(expect.arrayContaining(['noMatchingUser', 'emailTaken']));
      const made = await core.signInWithOidc({ tenantId: w.tenantId, identity: identity({ subject: 'new', email: 'new.person@t.example', emailVerified: true }), policy: { match: 'subject', createUsers: true }, clientKey: 'c' });
      expect(made.user).toMatchObject({ userPrincipalName: 'new.person@t.example', displayName: 'Ola Oidc', roles: [] });
      expect((await w.audit(made.user.id)).map((e) => e.action).sort()).toEqual(['auth.signIn', 'user.create']);
    });

    it('a linked but disabled user is refused', async () => {
      const { w, core } = await world();
      const ann = await w.newUser('Ann');
      const policy = { match: 'email' as const, createUsers: false };
      await core.signInWithOidc({ tenantId: w.tenantId, identity: identity({ email: ann.userPrincipalName, emailVerified: true }), policy, clientKey: 'c' });
      await core.updateUser(w.adminCaller(), { userId: ann.id, accountEnabled: false });
      await expectDenied(core.signInWithOidc({ tenantId: w.tenantId, identity: identity(), policy, clientKey: 'c' }), 'invalidCredentials');
      expect(await failures(w)).toEqual(['disabled']);
    });

    it('refusals found by the adapter are audited in the tenant', async () => {
      const { w, core } = await world();
      await core.recordSignInRefusal({ tenantId: w.tenantId, method: 'oidc', failure: 'stateMismatch', clientKey: 'c' });
      await core.recordSignInRefusal({ tenantId: randomIds.newId(), method: 'oidc', failure: 'stateMismatch', clientKey: 'c' });
      expect(await failures(w)).toEqual(['stateMismatch']);
    });
  });
});
