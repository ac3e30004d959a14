// Discover in Debian's Chromium: a group that cannot be joined says why, in the server's words for its
// reason code (`@roster.abilities.joinBlockedReason`) — closed, role-assignable, requests turned off,
// licence required, already a member, request waiting — as a quiet note, not an error; it changes when
// the admin changes the setting behind it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { DESKTOP, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal } from './harness.js';

let portal: Portal;
let pia: User;

beforeAll(async () => {
  portal = await startPortal();
  pia = await portal.newUser('Pia Person');
  const g = (displayName: string, over: Record<string, unknown>) =>
    portal.core.createGroup(portal.adminCaller, { displayName, securityEnabled: true, mailEnabled: false, ...over });
  await g('Quarry Closed', { joinPolicy: 'closed' });
  await g('Quarry Admins', { isAssignableToRole: true });
  await g('Quarry Guild', { joinPolicy: 'approval' });
  const waiting = await g('Quarry Waiting', { joinPolicy: 'approval' });
  const mine = await g('Quarry Mine', { joinPolicy: 'open' });
  await g('Quarry Open', { joinPolicy: 'open' });
  await g('Zebra Other', { joinPolicy: 'open' });
  await portal.core.addMember(portal.adminCaller, { groupId: mine.group.id, memberId: pia.id });
  await portal.core.updateSettings(portal.adminCaller, { ownersCanManageJoinRequests: true });
  const piaCaller = { tenantId: portal.tenantId, principal: { type: 'user' as const, userId: pia.id }, channel: 'myGroups' as const };
  await portal.core.requestToJoin(piaCaller, { groupId: waiting.group.id, justification: 'Please' });
});
afterAll(async () => portal?.close());

it('discover says why each group cannot be joined, and follows the settings', async () => {
  const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
  const { page, problems, dialogs } = await watchedPage(context, [SIGNED_OUT]);
  await signIn(page, portal.origin, pia, '/discover');
  const search = async () => {
    await page.getByText('Zebra Other').waitFor();
    await page.getByLabel('Search groups').fill('quarry');
    // The unfiltered list shows Zebra Other too: wait for the filtered one, fully loaded.
    await expect.poll(() => page.getByText('Zebra Other').count()).toBe(0);
    await page.getByText("That's all the groups matching your search.").waitFor();
    await expect.poll(() => page.getByLabel('Searching').count()).toBe(0);
  };
  await search();
  const row = (name: string) => page.locator('.mantine-Paper-root', { hasText: name });
  const note = (name: string) => row(name).getByTestId('join-blocked');
  await row('Quarry Open').getByRole('button', { name: 'Join Quarry Open' }).waitFor();
  await row('Quarry Guild').getByRole('button', { name: 'Request to join Quarry Guild' }).waitFor();
  const expected: Array<[string, string, string]> = [
    ['Quarry Closed', 'groupClosed', 'Closed: only its owners add members.'],
    ['Quarry Admins', 'roleAssignableSelfService', 'Membership gives administrator roles'],
    ['Quarry Mine', 'alreadyMember', "You're a member of this group."],
    ['Quarry Waiting', 'pendingRequestExists', 'Your request to join is waiting for an owner.'],
  ];
  for (const [name, reason, text] of expected) {
    await note(name).waitFor();
    expect(await note(name).getAttribute('data-reason')).toBe(reason);
    expect(await note(name).textContent()).toContain(text);
  }
  expect(await row('Quarry Open').getByTestId('join-blocked').count()).toBe(0);
  // A quiet note, not an error.
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'discover-join-blocked-reasons');

  await portal.core.updateSettings(portal.adminCaller, { licenceEnforcement: true });
  await page.reload();
  await search();
  await note('Quarry Guild').waitFor();
  expect(await note('Quarry Guild').getAttribute('data-reason')).toBe('licenceRequired');
  expect(await note('Quarry Guild').textContent()).toContain('needs a premium licence');

  await portal.core.updateSettings(portal.adminCaller, { licenceEnforcement: false, ownersCanManageJoinRequests: false });
  await page.reload();
  await search();
  await note('Quarry Guild').waitFor();
  expect(await note('Quarry Guild').getAttribute('data-reason')).toBe('joinRequestsDisabled');
  expect(await note('Quarry Guild').textContent()).toContain('Requests to join are turned off');
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
