// The admin center in Debian's Chromium: every page works for an admin (settings saved and refused with
// the server's message, users created/disabled/enabled, groups filtered/searched/deleted, a deleted
// group restored, the audit log filtered and expanded), passes axe, fits a phone; a plain user sees no
// admin navigation and an admin URL shows the API's 403 as a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { DESKTOP, PHONE, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Expected, type Portal } from './harness.js';

let portal: Portal;
let plain: User;
const XSS = 'Payroll <img src=x onerror=alert(1)><script>alert(2)</script>';

beforeAll(async () => {
  portal = await startPortal();
  plain = await portal.newUser('Pat Plain');
  const g = (displayName: string, m365 = false) => portal.core.createGroup(portal.adminCaller, m365
    ? { displayName, groupTypes: ['Unified'], securityEnabled: false, mailEnabled: true, mailNickname: displayName.replace(/\W/g, '').toLowerCase() }
    : { displayName, securityEnabled: true, mailEnabled: false });
  await g(XSS);
  await g('Finance Team', true);
  await g('Facilities');
  await g('Field Sales', true);
  await g('Old Project A');
  await g('Old Project B');
  const gone = await g('Archived Travel');
  await portal.core.deleteGroup(portal.adminCaller, { groupId: gone.group.id });
});
afterAll(async () => portal?.close());

const newContext = (viewport = DESKTOP) => portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });

async function adminPage(expected: Expected[] = [], viewport = DESKTOP) {
  const context = await newContext(viewport);
  const watched = await watchedPage(context, [SIGNED_OUT, ...expected]);
  await signIn(watched.page, portal.origin, portal.admin);
  return { context, ...watched };
}

describe('the admin center in the browser', () => {
  it('settings: every setting by section with its control, default and help; save only the changes; the server\'s 400 shown', async () => {
    const { context, page, problems, dialogs } = await adminPage([{ status: 400, path: '/v1.0/settings' }]);
    await page.getByRole('link', { name: 'Tenant settings' }).click();
    await page.getByRole('heading', { name: 'Tenant settings', level: 1 }).waitFor();
    for (const section of ['Group creation', 'My Groups', 'Owners', 'Membership requests', 'Limits for owners', 'Licences']) {
      await page.getByRole('heading', { name: section, level: 2, exact: true }).waitFor();
    }
    const restrict = page.getByRole('switch', { name: 'Restrict user ability to access groups features in My Groups' });
    expect(await restrict.isChecked()).toBe(false);
    expect(await page.getByTestId('setting-restrictMyGroups').textContent()).toContain('Default: No');
    expect(await page.getByRole('combobox', { name: 'Users can create security groups', exact: true }).inputValue()).toBe('All');
    expect(await page.getByRole('combobox', { name: 'Group that can use self-service for security groups', exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-settings-desktop');

    // A value the server refuses: nothing is saved, the server's words are shown.
    const days = page.getByLabel('Pending requests expire after (days)', { exact: true });
    await days.fill('999');
    await restrict.click({ force: true });
    await page.getByRole('button', { name: 'Save 2 changes' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/requestExpiryDays|must be|365/i);
    expect((await portal.core.getSettings(portal.adminCaller)).restrictMyGroups).toBe(false);

    // Fixed: both saved in one PATCH; "Use default" brings a value back.
    await days.fill('30');
    await page.getByRole('button', { name: 'Save 2 changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    let now = await portal.core.getSettings(portal.adminCaller);
    expect([now.restrictMyGroups, now.joinRequestExpiryDays]).toEqual([true, 30]);
    await page.getByRole('button', { name: 'Use the default for Restrict user ability to access groups features in My Groups' }).click();
    await page.getByRole('button', { name: 'Use the default for Pending requests expire after (days)' }).click();
    await page.getByRole('button', { name: 'Save 2 changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    now = await portal.core.getSettings(portal.adminCaller);
    expect([now.restrictMyGroups, now.joinRequestExpiryDays]).toEqual([false, 14]);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('users: create, search, disable (listed under Disabled), enable again', async () => {
    const { context, page, problems } = await adminPage();
    await page.goto(`${portal.origin}/admin/users`);
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create a user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a user' });
    await dialog.getByLabel(/^User name/).fill('nora.new@web.example');
    await dialog.getByLabel(/^Display name/).fill('Nora New');
    await dialog.getByLabel(/^First password/).fill('a long first password');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('status').filter({ hasText: 'User created: Nora New (nora.new@web.example) can sign in now.' }).waitFor();
    await page.getByLabel('Search users').fill('nora');
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users-desktop');

    await page.getByRole('button', { name: 'Disable Nora New' }).click();
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(0);
    await page.getByText('Nobody matches this search').waitFor();
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Disabled$/ }).click();
    await page.getByRole('button', { name: 'Enable Nora New' }).click();
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(0);
    const nora = (await portal.core.listUsers(portal.adminCaller)).users.find((u) => u.displayName === 'Nora New');
    expect(nora?.accountEnabled).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('all groups: kind filters, search, delete selected with a summary; deleted groups: restore', async () => {
    const { context, page, problems, dialogs } = await adminPage();
    await page.goto(`${portal.origin}/admin/groups`);
    await page.getByRole('heading', { name: 'All groups', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('admin-group-row').count()).toBe(6);
    expect(await page.getByTestId('admin-group-row').filter({ hasText: 'Payroll' }).textContent()).toContain('<img src=x onerror=alert(1)>');
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Microsoft 365$/ }).click();
    await expect.poll(() => page.getByTestId('admin-group-row').count()).toBe(2);
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Security$/ }).click();
    await expect.poll(() => page.getByTestId('admin-group-row').count()).toBe(4);
    await page.getByLabel('Search groups').fill('old');
    await expect.poll(() => page.getByTestId('admin-group-row').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('checkbox', { name: 'Select Old Project A' }).check();
    await page.getByRole('checkbox', { name: 'Select Old Project B' }).check();
    await screenshot(page, 'admin-groups-desktop');
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await page.getByRole('status').filter({ hasText: '2 deleted' }).waitFor();
    await expect.poll(() => page.getByTestId('admin-group-row').count()).toBe(0);

    await page.getByRole('link', { name: 'Deleted groups', exact: true }).click();
    await page.getByRole('heading', { name: 'Deleted groups', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('deleted-group-row').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-deleted-groups-desktop');
    await page.getByRole('button', { name: 'Restore Archived Travel' }).click();
    await page.getByRole('status').getByRole('link', { name: 'Archived Travel' }).click();
    await page.getByRole('heading', { name: 'Archived Travel', level: 1 }).waitFor();
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('audit log: newest first, filtered by result and target, each row opens to its before/after', async () => {
    // A refused attempt to have something to filter on: a plain user tries to change the settings.
    await expect(portal.core.updateSettings({ tenantId: portal.tenantId, principal: { type: 'user', userId: plain.id }, channel: 'adminCenter' }, { justificationRequired: true })).rejects.toThrow();
    const { context, page, problems } = await adminPage();
    await page.goto(`${portal.origin}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    // Newest first: the admin's own sign-in is the latest event.
    expect(await page.getByTestId('audit-row').first().textContent()).toContain('Sign in');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-audit-desktop');

    await page.getByRole('combobox', { name: 'Result', exact: true }).click();
    await page.getByRole('option', { name: 'Failure' }).click();
    await page.getByTestId('audit-row').filter({ hasText: 'Update group settings' }).first().waitFor();
    // Only refusals once the filter applied (the list shows a loading state in between).
    await expect.poll(async () => {
      const rows = await page.getByTestId('audit-row').allTextContents();
      return rows.length > 0 && rows.every((t) => t.includes('Failure'));
    }).toBe(true);

    const groups = await portal.core.listGroups(portal.adminCaller);
    const payroll = groups.groups.find((g) => g.group.displayName === XSS);
    await page.getByRole('combobox', { name: 'Result', exact: true }).click();
    await page.getByRole('option', { name: 'Any' }).click();
    await page.getByLabel('Target id').fill(payroll?.group.id ?? 'missing');
    // Only the group's creation (the refusals above have no target).
    await expect.poll(async () => (await page.getByTestId('audit-row').allTextContents()).map((t) => t.slice(0, 9))).toEqual(['Add group']);
    const row = page.getByTestId('audit-row').first();
    await row.getByRole('button', { name: 'Details' }).click();
    await row.getByRole('table').waitFor();
    expect(await row.getByRole('row').filter({ hasText: 'displayName' }).textContent()).toContain(JSON.stringify(XSS));
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await screenshot(page, 'admin-audit-details-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at phone width every admin page fits and passes axe', async () => {
    const { context, page, problems } = await adminPage([], PHONE);
    for (const [path, title] of [['/admin/settings', 'Tenant settings'], ['/admin/users', 'Users'], ['/admin/groups', 'All groups'], ['/admin/groups/new', 'Create a group'], ['/admin/deleted-groups', 'Deleted groups'], ['/admin/audit', 'Audit log']] as const) {
      await page.goto(`${portal.origin}${path}`);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `admin-${path.slice(7).replace('/', '-')}-phone`);
    }
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Tenant settings' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a plain user has no admin navigation; an admin URL shows the API\'s refusal, not a broken page', async () => {
    const context = await newContext();
    const { page, problems } = await watchedPage(context, [SIGNED_OUT, { status: 403, path: '/v1.0/settings' }, { status: 403, path: '/v1.0/auditLogs/directoryAudits' }]);
    await signIn(page, portal.origin, plain);
    expect(await page.getByRole('link', { name: 'Tenant settings' }).count()).toBe(0);
    // Settings are readable by every user (the API says so); changing them is refused with the server's words.
    await page.goto(`${portal.origin}/admin/settings`);
    await page.getByRole('switch', { name: 'Restrict user ability to access groups features in My Groups' }).click({ force: true });
    await page.getByRole('button', { name: 'Save 1 change' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/admin/i);
    expect((await portal.core.getSettings(portal.adminCaller)).restrictMyGroups).toBe(false);
    // The audit log is for admins and audit readers: the API's 403 becomes a clear message.
    await page.goto(`${portal.origin}/admin/audit`);
    const alert = page.getByRole('alert').filter({ hasText: "You don't have access to this page" });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Ask an administrator/);
    expect(await page.getByTestId('audit-row').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-refused-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });
});
