// CSRF in a real browser: a signed-in user visits a page on another origin of the same site (same host,
// another port, HTTPS — so Chromium does send the SameSite=Lax session cookie). Its cross-origin fetch
// and its auto-submitted form try to join a group and to sign the user out; the server refuses both
// (no CSRF token, Sec-Fetch-Site not same-origin) and nothing changes. The portal's own Join button,
// with the token, then works.
import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import type { Caller } from '../../src/core/index.js';
import { DESKTOP, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal } from './harness.js';

let portal: Portal;
let evil: Server;
let evilOrigin = '';
let rita: User;
let groupId = '';

function attackPage(target: string): string {
  // Inline script is fine here: this is the attacker's page, not Roster's.
  return `<!doctype html><html><body>
<form id="f" method="POST" action="${target}/v1.0/groups/${groupId}/join" target="sink"></form>
<iframe name="sink" title="sink"></iframe>
<script>
  (async () => {
    const results = [];
    for (const path of ['/v1.0/groups/${groupId}/join', '/auth/logout']) {
      try {
        await fetch('${target}' + path, { method: 'POST', mode: 'no-cors', credentials: 'include' });
        results.push(path + ' sent');
      } catch (e) { results.push(path + ' ' + e); }
    }
    document.getElementById('f').submit();
    document.title = 'done ' + results.join(', ');
  })();
</script></body></html>`;
}

beforeAll(async () => {
  portal = await startPortal();
  rita = await portal.newUser('Rita Requester');
  const owner = await portal.newUser('Olga Owner');
  const olga: Caller = { tenantId: portal.tenantId, principal: { type: 'user', userId: owner.id }, channel: 'myGroups' };
  groupId = (await portal.core.createGroup(olga, { displayName: 'Open Lounge', securityEnabled: true, mailEnabled: false, joinPolicy: 'open', visibility: 'Public' })).group.id;
  evil = createServer({ key: portal.tls.key, cert: portal.tls.cert }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(attackPage(portal.origin));
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const address = evil.address();
  evilOrigin = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => evil?.close(resolve));
  await portal?.close();
});

const memberIds = async () => (await portal.core.listMembers(portal.adminCaller, { groupId })).map((m) => m.memberId);

describe('CSRF from another origin in Chromium', () => {
  it('a cross-origin fetch and form post change nothing and do not sign the user out; the portal itself can join', async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    const { page, problems } = await watchedPage(context, [SIGNED_OUT]);
    await signIn(page, portal.origin, rita);

    const attacker = await context.newPage();
    const refused: number[] = [];
    attacker.on('response', (response) => {
      if (response.url().startsWith(portal.origin) && response.request().method() === 'POST') refused.push(response.status());
    });
    await attacker.goto(evilOrigin);
    await attacker.waitForFunction("document.title.startsWith('done')");
    await expect.poll(() => refused.length).toBe(3);
    expect(refused).toEqual([403, 403, 403]);
    await attacker.close();
    expect(await memberIds()).not.toContain(rita.id);

    // Still signed in (the forged logout did nothing), and the portal's own request carries the token.
    await page.goto(`${portal.origin}/groups/${groupId}`);
    await page.getByRole('button', { name: 'Join Open Lounge' }).click();
    await page.getByText("You're a member of this group.").waitFor();
    expect(await memberIds()).toContain(rita.id);
    await page.getByRole('button', { name: 'Leave group' }).click();
    await page.getByRole('button', { name: 'Join Open Lounge' }).waitFor();
    expect(await memberIds()).not.toContain(rita.id);
    expect(problems).toEqual([]);
    await context.close();
  });
});
