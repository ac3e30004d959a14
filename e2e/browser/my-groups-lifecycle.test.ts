// My Groups in Debian's Chromium, for what outlives a day (docs/adr/0021): an owner deletes a group,
// finds it under "My deleted groups" with the days left to restore it, restores it and sees it back;
// someone who does not own it never sees it there. A requester asks to join for a week, an owner
// approves, and the requester's home list and group page say "Member until …" and "Expires in 7 days".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import type { Caller } from '../../src/core/index.js';
import { DESKTOP, PHONE, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal } from './harness.js';

let portal: Portal;
let dora: User;
let nick: User;
let olive: User;
let rex: User;
const asUser = (user: User): Caller => ({ tenantId: portal.tenantId, principal: { type: 'user', userId: user.id }, channel: 'myGroups' });
const newContext = () => portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });

beforeAll(async () => {
  portal = await startPortal();
  await portal.core.updateSettings(portal.adminCaller, { ownersCanManageJoinRequests: true });
  [dora, nick, olive, rex] = [await portal.newUser('Dora Owner'), await portal.newUser('Nick Member'), await portal.newUser('Olive Approver'), await portal.newUser('Rex Requester')];
});
afterAll(async () => portal?.close());

describe('My Groups: deleted groups and membership expiry', () => {
  it('an owner deletes a group, sees it under deleted with days left, restores it and sees it back; a member who is not an owner never sees it', async () => {
    const { group } = await portal.core.createGroup(asUser(dora), { displayName: 'Launch Crew', securityEnabled: true, mailEnabled: false, joinPolicy: 'open', visibility: 'Public', members: [nick.id] });
    const context = await newContext();
    const { page, problems, dialogs } = await watchedPage(context, [SIGNED_OUT]);
    await signIn(page, portal.origin, dora, '/groups/deleted');
    await page.getByText('No deleted groups.', { exact: false }).waitFor();

    await page.goto(`${portal.origin}/groups/${group.id}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByText('restore it for 30 days', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('heading', { name: 'My groups' }).waitFor();
    await expect.poll(() => page.locator('section[aria-labelledby="owned-heading"]').getByText('Launch Crew').count()).toBe(0);

    // The member who does not own it: nothing under deleted groups.
    const nickContext = await newContext();
    const other = await watchedPage(nickContext, [SIGNED_OUT]);
    await signIn(other.page, portal.origin, nick, '/groups/deleted');
    await other.page.getByText('No deleted groups.', { exact: false }).waitFor();
    expect(await other.page.getByTestId('my-deleted-group').count()).toBe(0);
    expect(other.problems).toEqual([]);
    await nickContext.close();

    await page.getByRole('link', { name: 'My deleted groups' }).click();
    const row = page.getByTestId('my-deleted-group').filter({ hasText: 'Launch Crew' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/30 days left to restore/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'my-deleted-groups-desktop');
    await row.getByRole('button', { name: 'Restore Launch Crew' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored: Launch Crew' }).waitFor();
    await page.getByText('No deleted groups.', { exact: false }).waitFor();

    await page.getByRole('status').getByRole('link', { name: 'Launch Crew' }).click();
    await page.getByRole('heading', { level: 1, name: 'Launch Crew' }).waitFor();
    await page.getByRole('link', { name: 'My groups' }).click();
    await page.locator('section[aria-labelledby="owned-heading"]').getByText('Launch Crew').waitFor();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a request for one week, approved, shows "Member until" and "Expires in 7 days" on the home list and the group page', async () => {
    await portal.core.createGroup(asUser(olive), { displayName: 'Audit Prep', description: 'Evidence for the auditors', securityEnabled: true, mailEnabled: false, joinPolicy: 'approval', visibility: 'Public' });
    const rexContext = await newContext();
    const requester = await watchedPage(rexContext, [SIGNED_OUT]);
    await signIn(requester.page, portal.origin, rex, '/discover');
    await requester.page.getByLabel('Search groups').fill('Audit');
    const row = requester.page.locator('.mantine-Paper-root', { hasText: 'Audit Prep' });
    // Type-ahead: act once the search answered (the unfiltered list shows first and is then replaced).
    await expect.poll(() => requester.page.locator('.mantine-Paper-root').count()).toBe(1);
    await row.getByRole('button', { name: 'Request to join Audit Prep' }).click();
    await row.getByLabel('Why do you need to join?').fill('I collect the evidence this quarter');
    await row.getByLabel('For how long?').selectOption('7');
    await row.getByRole('button', { name: 'Send request' }).click();
    await requester.page.getByText('Request sent.', { exact: false }).waitFor();
    await requester.page.getByRole('link', { name: 'My groups' }).click();
    await requester.page.locator('section[aria-labelledby="requests-heading"]').getByText('for 7 days', { exact: false }).waitFor();

    const oliveContext = await newContext();
    const approver = await watchedPage(oliveContext, [SIGNED_OUT]);
    await signIn(approver.page, portal.origin, olive, '/approvals');
    const item = approver.page.getByTestId('approval-item').filter({ hasText: 'Rex Requester' });
    await item.getByText('for 7 days', { exact: false }).waitFor();
    await item.getByRole('button', { name: 'Approve' }).click();
    // Once decided, the request leaves the list of those waiting.
    await expect.poll(() => approver.page.getByTestId('approval-item').count()).toBe(0);
    expect(approver.problems).toEqual([]);
    await oliveContext.close();

    await requester.page.goto(`${portal.origin}/`);
    const listed = requester.page.locator('section[aria-labelledby="member-heading"]').getByTestId('membership-expiry');
    await listed.waitFor();
    expect(await listed.textContent()).toMatch(/^Member until .+Expires in 7 days$/);
    await screenshot(requester.page, 'home-membership-expiry');

    await requester.page.locator('section[aria-labelledby="member-heading"]').getByText('Audit Prep').click();
    const onPage = requester.page.locator('section[aria-labelledby="membership-heading"]');
    await onPage.getByText("You're a member of this group.").waitFor();
    expect(await onPage.getByTestId('membership-expiry').textContent()).toMatch(/^Member until .+Expires in 7 days$/);
    await onPage.getByText('(approved request)', { exact: false }).waitFor();
    expect(await seriousViolations(requester.page)).toEqual([]);
    await screenshot(requester.page, 'group-membership-expiry');
    expect(requester.dialogs).toEqual([]);
    expect(requester.problems).toEqual([]);
    await rexContext.close();
  });

  it('at phone width the home list with an expiry and the deleted groups page fit and pass axe', async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: PHONE, isMobile: true, hasTouch: true });
    const { page, problems } = await watchedPage(context, [SIGNED_OUT]);
    const scrollWidth = () => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    await signIn(page, portal.origin, rex);
    await page.getByTestId('membership-expiry').waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'home-membership-expiry-phone');
    const { group } = await portal.core.createGroup(asUser(rex), { displayName: 'Short-lived Project With A Long Name', securityEnabled: true, mailEnabled: false });
    await portal.core.deleteGroup(asUser(rex), { groupId: group.id });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'My deleted groups' }).click();
    await page.getByRole('button', { name: 'Restore Short-lived Project With A Long Name' }).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'my-deleted-groups-phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});
