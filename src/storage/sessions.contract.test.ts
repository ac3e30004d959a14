// Portal sessions, sign-in throttles and OpenID Connect links (migration 0005) on both engines, each
// tenant seeing only its own rows.
import { expect, it } from 'vitest';
import type { Session } from '../core/domain/sessions.js';
import { describeEachEngine } from './testing/engines.js';
import { at, inTenant, newId, newTenant } from './testing/fixtures.js';

function makeSession(tenantId: string, over: Partial<Session> = {}): Session {
  return {
    tenantId, id: newId(), userId: newId(), secretHash: 'a'.repeat(64), method: 'password',
    createdDateTime: at(0), lastSeenDateTime: at(0), expiresDateTime: at(720), revokedDateTime: null, ...over,
  };
}

describeEachEngine('SessionRepository', (getStorage) => {
  it('round-trips, touches forward only, revokes once', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const session = makeSession(t, { method: 'oidc' });
    await inTenant(s, t, (x) => x.sessions.insert(session));
    await inTenant(s, t, async (x) => {
      expect(await x.sessions.get(session.id)).toEqual(session);
      await x.sessions.touch(session.id, at(5));
      await x.sessions.touch(session.id, at(3));
      expect((await x.sessions.get(session.id))?.lastSeenDateTime).toBe(at(5));
      expect(await x.sessions.revoke(session.id, at(6))).toBe(true);
      expect(await x.sessions.revoke(session.id, at(7))).toBe(false);
      expect((await x.sessions.get(session.id))?.revokedDateTime).toBe(at(6));
      expect(await x.sessions.get(newId())).toBeNull();
    });
  });

  it('revokes every live session of one user only, and prunes ended ones', async () => {
    const s = getStorage();
    const t = await newTenant(s);
    const userId = newId();
    const a = makeSession(t, { userId });
    const b = makeSession(t, { userId });
    const other = makeSession(t);
    const old = makeSession(t, { expiresDateTime: at(1) });
    await inTenant(s, t, async (x) => { for (const r of [a, b, other, old]) await x.sessions.insert(r); });
    await inTenant(s, t, async (x) => {
      expect(await x.sessions.revokeAllOf(userId, at(2))).toBe(2);
      expect(await x.sessions.revokeAllOf(userId, at(3))).toBe(0);
      expect((await x.sessions.get(other.id))?.revokedDateTime).toBeNull();
      expect(await x.sessions.prune(at(2))).toBe(1);
      expect(await x.sessions.get(old.id)).toBeNull();
      expect(await x.sessions.prune(at(10))).toBe(2);
      expect(await x.sessions.get(other.id)).not.toBeNull();
    });
  });

  it('another tenant sees none of them', async () => {
    const s = getStorage();
    const t1 = await newTenant(s);
    const t2 = await newTenant(s);
    const session = makeSession(t1);
    await inTenant(s, t1, (x) => x.sessions.insert(session));
    await inTenant(s, t2, async (x) => {
      expect(await x.sessions.get(session.id)).toBeNull();
      expect(await x.sessions.revoke(session.id, at(1))).toBe(false);
      expect(await x.sessions.revokeAllOf(session.userId, at(1))).toBe(0);
      await x.sessions.touch(session.id, at(9));
      expect(await x.sessions.prune(at(10_000))).toBe(0);
    });
    expect(await inTenant(s, t1, (x) => x.sessions.get(session.id))).toEqual(session);
  });
});

describeEachEngine('SignInThrottleRepository', (getStorage) => {
  it('upserts per (user, client), clears one, keeps tenants apart', async () => {
    const s = getStorage();
    const t1 = await newTenant(s);
    const t2 = await newTenant(s);
    const user = newId();
    await inTenant(s, t1, async (x) => {
      expect(await x.signInThrottles.get(user, '10.0.0.1')).toBeNull();
      await x.signInThrottles.put(user, '10.0.0.1', { failures: 1, windowStartedDateTime: at(0), lockedUntilDateTime: null });
      await x.signInThrottles.put(user, '10.0.0.1', { failures: 5, windowStartedDateTime: at(0), lockedUntilDateTime: at(15) });
      await x.signInThrottles.put(user, '*', { failures: 5, windowStartedDateTime: at(0), lockedUntilDateTime: null });
      expect(await x.signInThrottles.get(user, '10.0.0.1')).toEqual({ failures: 5, windowStartedDateTime: at(0), lockedUntilDateTime: at(15) });
    });
    expect(await inTenant(s, t2, (x) => x.signInThrottles.get(user, '10.0.0.1'))).toBeNull();
    await inTenant(s, t2, (x) => x.signInThrottles.clear(user, '*'));
    await inTenant(s, t1, async (x) => {
      expect(await x.signInThrottles.get(user, '*')).not.toBeNull();
      await x.signInThrottles.clear(user, '10.0.0.1');
      expect(await x.signInThrottles.get(user, '10.0.0.1')).toBeNull();
      expect((await x.signInThrottles.get(user, '*'))?.failures).toBe(5);
    });
  });
});

describeEachEngine('OidcLinkRepository', (getStorage) => {
  it('links an identity once, finds it, unlinks it, per tenant', async () => {
    const s = getStorage();
    const t1 = await newTenant(s);
    const t2 = await newTenant(s);
    const [u1, u2] = [newId(), newId()];
    await inTenant(s, t1, async (x) => {
      expect(await x.oidcLinks.link('https://idp.example', 'sub-1', u1, at(0))).toBe(true);
      expect(await x.oidcLinks.link('https://idp.example', 'sub-1', u2, at(1))).toBe(false);
      expect(await x.oidcLinks.find('https://idp.example', 'sub-1')).toBe(u1);
      expect(await x.oidcLinks.find('https://other.example', 'sub-1')).toBeNull();
      expect(await x.oidcLinks.find('https://idp.example', 'SUB-1')).toBeNull();
      expect(await x.oidcLinks.subjectOf('https://idp.example', u1)).toBe('sub-1');
      expect(await x.oidcLinks.subjectOf('https://other.example', u1)).toBeNull();
      expect(await x.oidcLinks.subjectOf('https://idp.example', u2)).toBeNull();
    });
    await inTenant(s, t2, async (x) => {
      expect(await x.oidcLinks.find('https://idp.example', 'sub-1')).toBeNull();
      expect(await x.oidcLinks.unlink('https://idp.example', 'sub-1')).toBe(false);
      expect(await x.oidcLinks.subjectOf('https://idp.example', u1)).toBeNull();
      expect(await x.oidcLinks.link('https://idp.example', 'sub-1', u2, at(2))).toBe(true);
      expect(await x.oidcLinks.find('https://idp.example', 'sub-1')).toBe(u2);
    });
    await inTenant(s, t1, async (x) => {
      expect(await x.oidcLinks.find('https://idp.example', 'sub-1')).toBe(u1);
      expect(await x.oidcLinks.unlink('https://idp.example', 'sub-1')).toBe(true);
      expect(await x.oidcLinks.find('https://idp.example', 'sub-1')).toBeNull();
    });
  });
});
