// Outbound provisioning in Debian's Chromium (docs/adr/0020), against a real SCIM target (scimmy) and
// the real engine: the admin sets provisioning up on the app page (the token typed once, never shown
// again), runs a dry run and sees what would be sent while the target stays untouched, enables it,
// adds a member to the assigned group in the portal, and sees the account appear in the target and
// the POST in the log, named. The token appears in no API response the page received, nor in the page.
// The app's owner, outside the Private group, sees the log without its members' names (§3.9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import type { User } from '../../src/core/domain/model.js';
import { startScimTarget, type ScimTarget } from '../scim-target/server.js';
import { DESKTOP, PHONE, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal } from './harness.js';

const TOKEN = `scim-secret-${Math.random().toString(36).slice(2)}-do-not-show`;
let portal: Portal;
let target: ScimTarget;
let ann: User;
let bob: User;
let olga: User;
let salesId = '';
let appId = '';

beforeAll(async () => {
  target = await startScimTarget({ token: TOKEN });
  portal = await startPortal({ provisioning: true });
  ann = await portal.newUser('Ann Archer');
  bob = await portal.newUser('Bob Baker');
  olga = await portal.newUser('Olga Owner');
  const sales = await portal.core.createGroup(portal.adminCaller, { displayName: 'Sales', securityEnabled: true, mailEnabled: false, members: [ann.id] });
  salesId = sales.group.id;
  const app = await portal.core.createApp(portal.adminCaller, { displayName: 'CRM', description: null, homepage: null, ownerIds: [olga.id], appRoleAssignmentRequired: true, cascadeNestedGroups: true, visibleToUsers: true });
  appId = app.id;
  await portal.core.assignApp(portal.adminCaller, { appId, principalType: 'Group', principalId: salesId, appRoleId: '00000000-0000-0000-0000-000000000000' });
}, 60_000);
afterAll(async () => {
  await portal?.close();
  await target?.close();
});

const userNamed = (upn: string) => [...target.users.values()].find((u) => u['userName'] === upn);

/** Polls `probe` until it holds, with no fixed sleep standing in for the engine's schedule. */
async function eventually(probe: () => boolean | Promise<boolean>, what: string, tries = 300): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never happened: ${what}`);
}

/** Every API body the page receives from now on. */
function recordResponses(page: Page): () => Promise<string[]> {
  const bodies: Array<Promise<string>> = [];
  page.on('response', (response: Response) => {
    if (new URL(response.url()).pathname.startsWith('/v1.0')) bodies.push(response.text().catch(() => ''));
  });
  return () => Promise.all(bodies);
}

async function openProvisioningTab(page: Page): Promise<void> {
  await page.goto(`${portal.origin}/admin/apps/${appId}`);
  await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Provisioning' }).click();
}

describe('provisioning in the browser', () => {
  it('set up, dry run (nothing sent), enable, add a member in the portal → the account in the target and the POST in the log; the token never comes back', async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    // No HTTP error is expected but the signed-out probe: "not configured" is a 200 (state notConfigured).
    const { page, problems, dialogs } = await watchedPage(context, [SIGNED_OUT]);
    await signIn(page, portal.origin, portal.admin, '/');
    await openProvisioningTab(page);

    // Not set up yet: the form says what to do.
    const setup = page.getByRole('region', { name: 'Set up provisioning' });
    await setup.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('SCIM base URL').fill(target.baseUrl);
    await page.getByLabel('Bearer token').and(page.locator('input')).fill(TOKEN);
    const responses = recordResponses(page);
    await page.getByRole('button', { name: 'Set up provisioning' }).click();

    // Saved: paused (Entra's "off" until turned on), the token only as "a token is set".
    const status = page.getByRole('region', { name: 'Provisioning status' });
    await status.getByTestId('provisioning-state').filter({ hasText: 'Paused' }).waitFor();
    await status.getByText('a token is set').waitFor();
    await page.getByRole('button', { name: 'Edit settings' }).click();
    const tokenInput = page.getByLabel('Replace the bearer token').and(page.locator('input'));
    expect(await tokenInput.inputValue()).toBe('');
    await page.getByText('A token is set. It is never shown').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Dry run: the operations it would send, and the target untouched.
    await page.getByRole('button', { name: 'Run a dry run' }).click();
    const dry = page.getByTestId('dry-run-result');
    await dry.getByText('Dry run — nothing was sent').waitFor();
    const table = page.getByRole('table', { name: 'Requests the dry run would send' });
    const annRow = table.getByRole('row').filter({ hasText: `"${ann.userPrincipalName}"` });
    await annRow.waitFor();
    expect(await annRow.getByRole('cell').first().textContent()).toBe('POST');
    expect(await annRow.getByRole('cell').nth(1).textContent()).toBe('/Users');
    expect(await table.getByRole('row').filter({ hasText: bob.userPrincipalName }).count()).toBe(0);
    expect(target.users.size).toBe(0);
    expect(target.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-provisioning-dry-run-desktop');

    // Enable: Ann (assigned through Sales) is pushed.
    await status.getByRole('button', { name: 'Enable' }).click();
    await status.getByTestId('provisioning-state').filter({ hasText: 'On' }).waitFor();
    await eventually(() => userNamed(ann.userPrincipalName) !== undefined, 'Ann created in the target');

    // A member added to the assigned group in the portal reaches the target within seconds.
    await page.goto(`${portal.origin}/groups/${salesId}`);
    await page.getByRole('heading', { name: 'Sales', level: 1 }).waitFor();
    await page.getByLabel('Add a member').and(page.locator('input')).focus();
    await page.keyboard.type('Bob');
    await page.getByRole('option', { name: /Bob Baker/ }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('section[aria-labelledby="members-heading"]').getByText('Bob Baker').waitFor();
    await eventually(() => userNamed(bob.userPrincipalName) !== undefined, 'Bob created in the target');
    const bobRemote = userNamed(bob.userPrincipalName);
    expect(bobRemote).toMatchObject({ displayName: 'Bob Baker', externalId: bob.id, active: true });

    // The log, newest first, shows the POST that created Bob (refreshed until the worker's row lands).
    await openProvisioningTab(page);
    const log = page.getByRole('region', { name: 'Provisioning log' });
    const bobPost = log.getByTestId('provisioning-log-row').filter({ hasText: 'POST /Users' }).filter({ hasText: bob.id });
    await eventually(async () => {
      if (await bobPost.count() > 0) return true;
      await log.getByRole('button', { name: 'Refresh' }).click();
      return false;
    }, 'the POST of Bob in the log', 100);
    await expect.poll(() => bobPost.first().textContent()).toMatch(/201.*success/);
    // The entry names Bob (display name and sign-in name), his id beneath.
    const bobObject = bobPost.first().getByTestId('provisioning-log-object');
    expect((await bobObject.innerText()).split(/\n+/)).toEqual(['Bob Baker', bob.userPrincipalName, expect.stringMatching(new RegExp(`^user ${bob.id}( → \\S+)?$`))]);
    const firstRow = await log.getByTestId('provisioning-log-row').first().textContent();
    expect(firstRow, 'newest first: the POST of Bob (or a later row) comes before that of Ann').not.toContain(ann.id);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-provisioning-log-desktop');

    // The token: in no API response since it was typed, not in the page, not in a fresh GET.
    const fresh = await page.evaluate(async (path) => (await fetch(path, { headers: { 'X-Roster-Channel': 'adminCenter' } })).text(), `/v1.0/servicePrincipals/${appId}/roster.provisioning`);
    expect(JSON.parse(fresh)).toMatchObject({ tokenSet: true, state: 'enabled' });
    expect(fresh).not.toContain(TOKEN);
    const bodies = await responses();
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(body).not.toContain(TOKEN);
    expect(await page.content()).not.toContain(TOKEN);

    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  }, 180_000);

  it('someone who has the app but does not manage it sees its page without a Provisioning tab', async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    const { page, problems } = await watchedPage(context, [SIGNED_OUT, { status: 403, path: /^\/v1\.0\/servicePrincipals\// }]);
    await signIn(page, portal.origin, ann, `/admin/apps/${appId}`);
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Owners' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Provisioning' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("the app's owner (not an admin) manages its provisioning: pause, the log, a quarantine with its last error, resume", async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    const { page, problems } = await watchedPage(context, [SIGNED_OUT]);
    await signIn(page, portal.origin, olga, `/admin/apps/${appId}`);
    await page.getByRole('tab', { name: 'Provisioning' }).click();
    const status = page.getByRole('region', { name: 'Provisioning status' });
    await status.getByTestId('provisioning-state').filter({ hasText: 'On' }).waitFor();
    await status.getByRole('button', { name: 'Pause' }).click();
    await status.getByTestId('provisioning-state').filter({ hasText: 'Paused' }).waitFor();
    expect((await portal.core.getProvisioning(portal.adminCaller, { appId })).state).toBe('paused');
    const log = page.getByRole('region', { name: 'Provisioning log' });
    await log.getByTestId('provisioning-log-row').first().waitFor();
    // Olga is not in Sales (Private): the log says a user was pushed, not who — no name, no id (§3.9),
    // exactly as for a deleted user.
    const bobRow = log.getByTestId('provisioning-log-row').filter({ hasText: 'POST /Users' }).filter({ hasText: 'A user not shown' }).first();
    expect(await bobRow.getByTestId('provisioning-log-object').innerText()).toContain('A user not shown (deleted, or not visible to you)');
    for (const secret of ['Bob Baker', bob.userPrincipalName, bob.id]) expect(await log.innerText()).not.toContain(secret);

    // Quarantined as the engine leaves it after ten failures in a row (written as the worker writes it).
    await portal.storage.uow.transaction(portal.tenantId, async (s) => {
      const now = new Date().toISOString();
      for (let i = 0; i < 10; i++) await s.provisioning.configs.recordFailure(appId, 'HTTP 401 from the target: invalid bearer token', now);
      await s.provisioning.configs.setState(appId, 'quarantined', now, 'HTTP 401 from the target: invalid bearer token');
    });
    await page.reload();
    await page.getByRole('tab', { name: 'Provisioning' }).click();
    await status.getByTestId('provisioning-state').filter({ hasText: 'Quarantined' }).waitFor();
    const alert = status.getByRole('alert').filter({ hasText: 'Quarantined after 10 failures in a row' });
    await alert.getByText('invalid bearer token').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-provisioning-quarantined-desktop');
    await status.getByRole('button', { name: 'Resume' }).click();
    await status.getByTestId('provisioning-state').filter({ hasText: 'On' }).waitFor();
    expect(await alert.count()).toBe(0);
    // At phone width the tab still fits: the tables scroll inside their containers, not the page.
    await page.setViewportSize(PHONE);
    const fits = () => page.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return w.document.documentElement.scrollWidth <= w.innerWidth;
    });
    await expect.poll(fits).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-provisioning-phone');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
