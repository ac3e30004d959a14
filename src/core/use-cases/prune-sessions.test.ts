// The sweep deletes portal sessions a day after they ended (signed out or expired), never a live one.
import { expect, it } from 'vitest';
import { nodeTokenSecrets } from '../../platform/token-secrets.js';
import { describeEachEngine } from '../../storage/testing/engines.js';
import { createCore } from '../index.js';
import { randomIds, SettableClock, testPasswordHasher } from '../testing/deps.js';
import { newWorld } from '../testing/world.js';

const PASSWORD = 'correct horse battery';

describeEachEngine('pruneSessions', (getStorage) => {
  it('deletes sessions ended more than a day ago and keeps the rest', async () => {
    const clock = new SettableClock();
    const w = await newWorld(getStorage().uow, { clock });
    const core = createCore({ uow: w.uow, clock, ids: randomIds, passwords: testPasswordHasher, secrets: nodeTokenSecrets });
    const signIn = () => core.signInWithPassword({ tenantId: w.tenantId, userPrincipalName: w.admin.userPrincipalName, password: PASSWORD, clientKey: 'c' });
    const ended = await signIn();
    await core.signOut({ cookie: ended.cookie });
    expect(await core.pruneSessions(w.tenantId)).toBe(0);
    clock.advanceDays(1);
    clock.advanceMs(60_000);
    const live = await signIn();
    expect(await core.pruneSessions(w.tenantId)).toBe(1);
    expect(await core.pruneSessions(w.tenantId)).toBe(0);
    expect((await core.authenticateSession({ cookie: live.cookie, channel: 'myGroups' })).caller.tenantId).toBe(w.tenantId);
  });
});
