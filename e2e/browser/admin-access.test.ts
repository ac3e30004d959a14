// Roles and licences in the admin center, in Debian's Chromium: the admin gives a user a licence (the
// seats count follows) and a role (the badge shows), sees the server refuse removing the last Global
// Administrator and a licence with no seat left; then the user sees the effect — the admin center's
// links, and a group they may now ask to join because licence enforcement is on and they hold one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { DESKTOP, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal } from './harness.js';

let portal: Portal;
let pat: User;

beforeAll(async () => {
  portal = await startPortal();
  pat = await portal.newUser('Pat Plain');
  await portal.newUser('Lee Later');
  await portal.core.setLicenceSeats(portal.adminCaller, { sku: 'premiumP1', seats: 1 });
  await portal.core.setLicenceSeats(portal.adminCaller, { sku: 'premiumP2', seats: 0 });
  await portal.core.updateSettings(portal.adminCaller, { licenceEnforcement: true, ownersCanManageJoinRequests: true });
  await portal.core.createGroup(portal.adminCaller, { displayName: 'Design Guild', securityEnabled: true, mailEnabled: false, joinPolicy: 'approval' });
});
afterAll(async () => portal?.close());

it('an admin assigns a licence and a role; refusals come back in the server\'s words; the user sees the effect', async () => {
  const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
  const { page, problems, dialogs } = await watchedPage(context, [SIGNED_OUT, { status: 409, path: /^\/v1\.0\/(directoryRoles|users)\// }]);
  await signIn(page, portal.origin, portal.admin, '/admin/users');
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await page.getByLabel('Search users').fill('pat');
  await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
  await page.getByRole('button', { name: 'Roles and licences of Pat Plain' }).click();
  const dialog = page.getByRole('dialog', { name: 'Roles and licences: Pat Plain' });
  const p1 = dialog.getByRole('switch', { name: 'Premium P1' });
  await p1.waitFor();
  expect(await dialog.getByText('0 of 1 seats used · 1 left').count()).toBe(1);
  await p1.click({ force: true });
  await dialog.getByText('1 of 1 seats used · 0 left').waitFor();
  expect(await p1.isChecked()).toBe(true);
  await dialog.getByText('Groups Administrator', { exact: true }).click();
  await expect.poll(() => dialog.getByRole('checkbox', { name: 'Groups Administrator' }).isChecked()).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'admin-user-roles-licences');
  await page.keyboard.press('Escape');
  const row = page.getByTestId('user-row').filter({ hasText: 'Pat Plain' });
  await row.getByTestId('user-access').getByText('Groups Administrator').waitFor();
  expect(await row.getByTestId('user-access').textContent()).toContain('Premium P1');
  expect((await portal.core.getUser(portal.adminCaller, { userId: pat.id })).roles).toEqual(['groupsAdmin']);

  // No seat left for Lee; the admin is the last Global Administrator.
  await page.getByLabel('Search users').fill('lee');
  await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
  await page.getByRole('button', { name: 'Roles and licences of Lee Later' }).click();
  const lee = page.getByRole('dialog', { name: 'Roles and licences: Lee Later' });
  await lee.getByRole('switch', { name: 'Premium P1' }).click({ force: true });
  await lee.getByRole('alert').filter({ hasText: 'There are no seats left for this licence.' }).waitFor();
  expect(await lee.getByRole('switch', { name: 'Premium P1' }).isChecked()).toBe(false);
  await page.keyboard.press('Escape');
  await page.getByLabel('Search users').fill('ada');
  await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
  await page.getByRole('button', { name: 'Roles and licences of Ada Admin' }).click();
  const ada = page.getByRole('dialog', { name: 'Roles and licences: Ada Admin' });
  await ada.getByText('Global Administrator', { exact: true }).click();
  await ada.getByRole('alert').filter({ hasText: 'The organisation must keep at least one enabled Global Administrator.' }).waitFor();
  await expect.poll(() => ada.getByRole('checkbox', { name: 'Global Administrator' }).isChecked()).toBe(true);
  await screenshot(page, 'admin-last-global-admin-refused');
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);

  // Pat: the admin center's links, and a request now possible with the licence.
  const patContext = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
  const patPage = await watchedPage(patContext, [SIGNED_OUT]);
  await signIn(patPage.page, portal.origin, pat, '/discover');
  await patPage.page.getByRole('link', { name: 'All groups' }).waitFor();
  await patPage.page.getByLabel('Search groups').fill('design');
  await patPage.page.getByRole('button', { name: 'Request to join Design Guild' }).waitFor();
  expect(patPage.problems).toEqual([]);
  await Promise.all([context.close(), patContext.close()]);
});
