// The attribute mapping editor in Debian's Chromium (docs/adr/0020), against a real SCIM target: the
// admin changes where displayName comes from and adds a fixed userType, saves (the one PATCH of the
// API), and a dry run shows both in what would be sent; a mapping the server refuses (userName removed)
// shows the server's reason beside the form and changes nothing; "reset to defaults" restores the
// server's defaults. axe finds nothing serious, at desktop and phone width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { User } from '../../src/core/domain/model.js';
import { DEFAULT_USER_MAPPING } from '../../src/core/domain/provisioning/mapping.js';
import { startScimTarget, type ScimTarget } from '../scim-target/server.js';
import { DESKTOP, PHONE, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal } from './harness.js';

let portal: Portal;
let target: ScimTarget;
let ann: User;
let appId = '';

beforeAll(async () => {
  target = await startScimTarget({ token: 'mapping-test-token' });
  portal = await startPortal({ provisioning: true });
  ann = await portal.newUser('Ann Archer');
  const sales = await portal.core.createGroup(portal.adminCaller, { displayName: 'Field sales', securityEnabled: true, mailEnabled: false, members: [ann.id] });
  const app = await portal.core.createApp(portal.adminCaller, { displayName: 'Expenses', ownerIds: [] });
  appId = app.id;
  await portal.core.assignApp(portal.adminCaller, { appId, principalType: 'Group', principalId: sales.group.id });
  await portal.core.configureProvisioning(portal.adminCaller, { appId, baseUrl: target.baseUrl, token: target.token });
}, 60_000);
afterAll(async () => {
  await portal?.close();
  await target?.close();
});

const storedMapping = async () => (await portal.core.getProvisioning(portal.adminCaller, { appId })).userMapping;

/** The read-only table: attribute → where it comes from. */
async function shownMapping(page: Page): Promise<Record<string, string>> {
  const rows = page.getByRole('region', { name: 'Attribute mapping' }).getByTestId('mapping-entry');
  const out: Record<string, string> = {};
  for (const row of await rows.all()) {
    const [attribute, source] = await row.getByRole('cell').allInnerTexts();
    out[attribute ?? ''] = source ?? '';
  }
  return out;
}

describe('the attribute mapping editor', () => {
  it('change a mapping, see it in the dry run; a refused mapping shows why and changes nothing; reset to defaults', async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    // The one HTTP error expected: the server refusing the bad mapping (400).
    const refused = { status: 400, path: `/v1.0/servicePrincipals/${appId}/roster.provisioning` };
    const { page, problems, dialogs } = await watchedPage(context, [SIGNED_OUT, refused]);
    await signIn(page, portal.origin, portal.admin, `/admin/apps/${appId}`);
    await page.getByRole('tab', { name: 'Provisioning' }).click();
    const section = page.getByRole('region', { name: 'Attribute mapping' });
    await section.getByTestId('mapping-entry').first().waitFor();
    expect(await shownMapping(page)).toMatchObject({ userName: 'userPrincipalName', displayName: 'displayName', active: 'accountEnabled' });

    // Edit: displayName from the sign-in name; a fixed userType added, typed and saved from the keyboard.
    await section.getByRole('button', { name: 'Edit mapping' }).click();
    const editor = page.getByRole('form', { name: 'Attribute mapping editor' });
    await editor.getByLabel('Source of displayName').selectOption('userPrincipalName');
    await editor.getByRole('button', { name: 'Add an attribute' }).click();
    const rows = editor.getByTestId('mapping-row');
    const added = await rows.count();
    await editor.getByLabel(`SCIM attribute in row ${added}`).selectOption('userType');
    await editor.getByLabel('Source of userType').selectOption({ label: 'A fixed value…' });
    await editor.getByLabel('Fixed value of userType').focus();
    await page.keyboard.type('Contractor');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-provisioning-mapping-editor-desktop');
    await page.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Mapping saved.' }).waitFor();
    expect(await shownMapping(page)).toMatchObject({ displayName: 'userPrincipalName', userType: 'the fixed value "Contractor"' });
    expect(await storedMapping()).toEqual({ ...DEFAULT_USER_MAPPING, displayName: 'userPrincipalName', userType: '"Contractor"' });

    // The dry run sends the changed attributes: displayName is now Ann's sign-in name, userType is fixed.
    await page.getByRole('button', { name: 'Run a dry run' }).click();
    const planned = page.getByRole('table', { name: 'Requests the dry run would send' }).getByRole('row').filter({ hasText: `userName: "${ann.userPrincipalName}"` });
    await planned.waitFor();
    expect(await planned.textContent()).toContain(`displayName: "${ann.userPrincipalName}"`);
    await planned.getByRole('button', { name: 'Show the body' }).click();
    const body = JSON.parse(await planned.getByTestId('dry-run-body').innerText()) as Record<string, unknown>;
    expect(body).toMatchObject({ userName: ann.userPrincipalName, displayName: ann.userPrincipalName, userType: 'Contractor', externalId: ann.id });
    expect(target.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    // A mapping the server refuses: the reason beside the form, the stored mapping untouched.
    const before = await storedMapping();
    await section.getByRole('button', { name: 'Edit mapping' }).click();
    await editor.getByRole('button', { name: 'Remove userName' }).click();
    await editor.getByRole('button', { name: 'Save mapping' }).click();
    const alert = editor.getByRole('alert');
    await alert.getByText('The mapping must set userName.').waitFor();
    expect(await alert.textContent()).toContain('Mapping not saved; nothing was changed');
    expect(await storedMapping()).toEqual(before);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-provisioning-mapping-refused-desktop');

    // At phone width the editor scrolls inside its own container, not the page.
    await page.setViewportSize(PHONE);
    await expect.poll(() => page.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return w.document.documentElement.scrollWidth <= w.innerWidth;
    })).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-provisioning-mapping-phone');
    await page.setViewportSize(DESKTOP);

    // Reset to defaults: the server's defaults in the form, saved like any change.
    await editor.getByRole('button', { name: 'Reset to defaults' }).click();
    expect(await rows.count()).toBe(Object.keys(DEFAULT_USER_MAPPING).length);
    await editor.getByRole('button', { name: 'Save mapping' }).click();
    await section.getByRole('status').filter({ hasText: 'Mapping saved.' }).waitFor();
    expect(await storedMapping()).toEqual(DEFAULT_USER_MAPPING);
    expect(await shownMapping(page)).toEqual(Object.fromEntries(Object.entries(DEFAULT_USER_MAPPING)));

    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  }, 120_000);
});
