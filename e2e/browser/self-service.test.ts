// SPEC's self-service scenario in Debian's Chromium: a user finds a group and asks to join with a
// justification; an owner (another browser context) sees the badge and approves; the requester sees
// the membership; a second decision (a co-owner's stale page) is refused with the server's 409 message.
// Group name, description and justification carry XSS payloads that must never run in either view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import type { Caller } from '../../src/core/index.js';
import { DESKTOP, PHONE, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal } from './harness.js';

const XSS_NAME = 'Quarterly Close <img src=x onerror=alert(1)><script>alert(2)</script>';
const XSS_DESCRIPTION = 'Month-end numbers <script>alert("desc")</script><img src=x onerror=alert(3)>';
const XSS_JUSTIFICATION = 'I prepare the close <img src=x onerror=alert(4)><script>alert(5)</script>';

let portal: Portal;
let olga: User;
let oscar: User;
let rita: User;
let groupId = '';

beforeAll(async () => {
  portal = await startPortal();
  // SPEC §3.4: requests need "Owners can manage group membership requests" = Yes (Entra's default is No).
  await portal.core.updateSettings(portal.adminCaller, { ownersCanManageJoinRequests: true });
  [olga, oscar, rita] = [await portal.newUser('Olga Owner'), await portal.newUser('Oscar Coowner'), await portal.newUser('Rita Requester')];
  // Two users create the group together (Olga through My Groups, Oscar as co-owner); it needs approval.
  const olgaCaller: Caller = { tenantId: portal.tenantId, principal: { type: 'user', userId: olga.id }, channel: 'myGroups' };
  const created = await portal.core.createGroup(olgaCaller, {
    displayName: XSS_NAME, description: XSS_DESCRIPTION, securityEnabled: true, mailEnabled: false, joinPolicy: 'approval', visibility: 'Private', owners: [olga.id, oscar.id],
  });
  groupId = created.group.id;
  // Some other groups to search through.
  for (const name of ['Quality Guild', 'Facilities', 'Quantum Club']) {
    await portal.core.createGroup(olgaCaller, { displayName: name, securityEnabled: true, mailEnabled: false, joinPolicy: 'open', visibility: 'Public' });
  }
});
afterAll(async () => portal?.close());

describe('self-service in the browser', () => {
  it('request → badge → approve → membership; a second decision is refused (409); XSS never runs', async () => {
    // The requester finds the group by typing and asks to join with a justification.
    const ritaContext = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    const requester = await watchedPage(ritaContext, [SIGNED_OUT]);
    await signIn(requester.page, portal.origin, rita, '/discover');
    await requester.page.getByLabel('Search groups').fill('quar');
    const row = requester.page.locator('.mantine-Paper-root', { hasText: 'Quarterly Close' });
    await row.waitFor();
    await expect.poll(() => requester.page.locator('.mantine-Paper-root').count()).toBe(1);
    expect(await row.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await seriousViolations(requester.page)).toEqual([]);
    await screenshot(requester.page, 'discover-desktop');
    await row.getByRole('button', { name: /^Request to join/ }).click();
    await row.getByLabel('Why do you need to join?').fill(XSS_JUSTIFICATION);
    await row.getByRole('button', { name: 'Send request' }).click();
    await requester.page.getByText('Request sent.').waitFor();
    await requester.page.getByRole('link', { name: 'My groups' }).click();
    await requester.page.getByRole('heading', { name: 'My pending requests' }).waitFor();
    await requester.page.getByText(XSS_JUSTIFICATION, { exact: false }).waitFor();

    // Both owners open their approvals; the badge counts the request.
    const owners = [];
    for (const [owner, name] of [[olga, 'olga'], [oscar, 'oscar']] as const) {
      const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
      const watched = await watchedPage(context, name === 'oscar' ? [SIGNED_OUT, { status: 409, path: /^\/v1\.0\/joinRequests\/[^/]+\/deny$/ }] : [SIGNED_OUT]);
      await signIn(watched.page, portal.origin, owner);
      await expect.poll(() => watched.page.getByTestId('approvals-badge').textContent()).toBe('1');
      await watched.page.getByRole('link', { name: /^Approvals/ }).click();
      await watched.page.getByTestId('approval-item').getByText(XSS_JUSTIFICATION, { exact: false }).waitFor();
      owners.push({ context, ...watched });
    }
    const [first, second] = owners as [typeof owners[0], typeof owners[0]];
    expect(await first.page.getByTestId('approval-item').textContent()).toContain('Rita Requester');
    expect(await seriousViolations(first.page)).toEqual([]);
    await screenshot(first.page, 'approvals-desktop');
    await first.page.getByLabel(/^Reason/).fill('Welcome <b>aboard</b>');
    await first.page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => first.page.getByTestId('approval-item').count()).toBe(0);
    await expect.poll(() => first.page.getByTestId('approvals-badge').count()).toBe(0);

    // The co-owner's page still shows the request; deciding it now is refused, with the server's words.
    await second.page.getByRole('button', { name: 'Deny' }).click();
    const refusal = second.page.getByRole('alert').filter({ hasText: 'Not done' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/already|decided|approved/i);

    // The requester sees the membership on the group page and in My groups.
    await requester.page.goto(`${portal.origin}/groups/${groupId}`);
    await requester.page.getByText("You're a member of this group.").waitFor();
    await requester.page.getByRole('button', { name: 'Leave group' }).waitFor();
    expect(await requester.page.getByRole('heading', { level: 1 }).textContent()).toBe(XSS_NAME);
    expect(await requester.page.getByText(XSS_DESCRIPTION).count()).toBe(1);
    await requester.page.goto(`${portal.origin}/`);
    await requester.page.locator('section[aria-labelledby="member-heading"]').getByText('Quarterly Close', { exact: false }).waitFor();

    // Nothing ran: no dialog, no injected element, in any of the three views.
    for (const view of [requester, first, second]) {
      expect(view.dialogs).toEqual([]);
      expect(await view.page.locator('img[src="x"]').count()).toBe(0);
      expect(view.problems).toEqual([]);
    }
    await Promise.all([ritaContext.close(), first.context.close(), second.context.close()]);
  });

  it('the owner\'s group page and the requester\'s home fit a 390-px phone', async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: PHONE, isMobile: true, hasTouch: true });
    const { page, problems, dialogs } = await watchedPage(context, [SIGNED_OUT]);
    await signIn(page, portal.origin, olga, `/groups/${groupId}`);
    await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
    await page.getByText('Rita Requester').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'group-owner-phone');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Discover groups' }).click();
    await page.getByLabel('Search groups').waitFor();
    await screenshot(page, 'discover-phone');
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
