// Applications in Debian's Chromium (docs/adr/0019): the admin creates an app, assigns a group
// through the picker, sees who has it with the path "Ann ∈ Sales-EMEA ⊂ Sales → CRM" and blocks one
// person; a member finds the app in My Apps with the group it comes through; an approver sees what a
// pending request would open before approving it. axe on every page, console errors fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { User } from '../../src/core/domain/model.js';
import { DESKTOP, PHONE, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal, type Watched } from './harness.js';

let portal: Portal;
let ann: User;
let bob: User;
let approver: User;
let emeaId = '';

beforeAll(async () => {
  portal = await startPortal();
  await portal.core.updateSettings(portal.adminCaller, { ownersCanManageJoinRequests: true });
  ann = await portal.newUser('Ann Archer');
  bob = await portal.newUser('Bob Baker');
  approver = await portal.newUser('Vera Approver');
  const requester = await portal.newUser('Nina Newcomer');
  const security = { securityEnabled: true, mailEnabled: false } as const;
  const sales = await portal.core.createGroup(portal.adminCaller, { displayName: 'Sales', ...security, members: [bob.id] });
  const emea = await portal.core.createGroup(portal.adminCaller, { displayName: 'Sales-EMEA', ...security, members: [ann.id], owners: [approver.id], joinPolicy: 'approval' });
  emeaId = emea.group.id;
  await portal.core.addMember(portal.adminCaller, { groupId: sales.group.id, memberId: emea.group.id });
  const system = { tenantId: portal.tenantId, principal: { type: 'user' as const, userId: requester.id }, channel: 'myGroups' as const };
  await portal.core.requestToJoin(system, { groupId: emeaId, justification: 'I joined the EMEA team' });
}, 60_000);
afterAll(async () => portal?.close());

async function person(user: User, path: string, viewport = DESKTOP): Promise<Watched> {
  const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  const watched = await watchedPage(context, [SIGNED_OUT]);
  await signIn(watched.page, portal.origin, user, path);
  return watched;
}

async function pick(page: Page, label: string, name: string): Promise<void> {
  await page.getByLabel(label).and(page.locator('input')).focus();
  await page.keyboard.type(name.split(/\W/)[0] ?? name);
  await page.getByRole('option', { name, exact: true }).click();
}

describe('applications in the browser', () => {
  it('admin: create CRM, assign Sales, see Ann through Sales-EMEA ⊂ Sales, block Bob', async () => {
    const { page, problems, dialogs } = await person(portal.admin, '/');
    await page.getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New application' }).click();
    await page.getByLabel('Name').fill('CRM');
    await page.getByLabel('Description').fill('Customer relationships');
    await page.getByRole('button', { name: 'Create application' }).click();
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await pick(page, 'Security group', 'Sales');
    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('assignment-row').filter({ hasText: 'Sales' }).waitFor();
    await screenshot(page, 'admin-app-assignments-desktop');

    await page.getByRole('tab', { name: 'Who has access' }).click();
    await page.getByText('2 users').waitFor();
    await page.getByTestId('effective-user').filter({ hasText: 'Ann Archer' }).getByRole('button', { name: /show why/ }).click();
    const path = page.getByTestId('access-path').filter({ hasText: 'Ann Archer ∈ Sales-EMEA ⊂ Sales → CRM' });
    await path.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-access-desktop');

    await page.getByRole('button', { name: 'Block Bob Baker' }).click();
    await page.getByTestId('blocked-user').filter({ hasText: 'Bob Baker' }).waitFor();
    await page.getByText('1 user', { exact: true }).waitFor();
    expect(await page.getByTestId('effective-user').filter({ hasText: 'Bob Baker' }).count()).toBe(0);

    // Explain: Bob is blocked, and the page shows the path the block overrides.
    await page.getByLabel('Person').and(page.locator('input')).focus();
    await page.keyboard.type('Bob');
    await page.getByRole('option', { name: /Bob Baker/ }).click();
    const explanation = page.getByTestId('explanation');
    await explanation.getByText('Blocked', { exact: true }).waitFor();
    expect(await explanation.getByTestId('access-path').textContent()).toBe('Bob Baker ∈ Sales → CRM');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-app-explain-desktop');
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('at phone width the Applications pages fit and pass axe', async () => {
    const { page, problems } = await person(portal.admin, '/admin/apps', PHONE);
    await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    await page.getByTestId('admin-app-row').filter({ hasText: 'CRM' }).getByRole('link', { name: 'CRM' }).click();
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
    for (const tab of ['Assignments', 'Who has access', 'Owners']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);
    }
    await screenshot(page, 'admin-app-owners-phone');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('app owner: finds CRM under "Apps you manage", may edit and assign, sees nobody through Private groups, has no Delete nor owner picker', async () => {
    const owner = await portal.newUser('Olga Owner');
    const [crm] = (await portal.core.listApps(portal.adminCaller, { search: 'CRM' })).items;
    await portal.core.addAppOwner(portal.adminCaller, { appId: crm?.id ?? '', userId: owner.id });
    const { page, problems } = await person(owner, '/apps');
    await page.getByTestId('managed-app').getByRole('link', { name: 'CRM' }).click();
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await page.getByLabel('Security group').and(page.locator('input')).waitFor();
    // §3.9: Sales and Sales-EMEA are Private and Olga is in neither: she sees nobody through them.
    await page.getByRole('tab', { name: 'Who has access' }).click();
    await page.getByText('Nobody you may see has this application.', { exact: false }).waitFor();
    expect(await page.getByTestId('effective-user').count()).toBe(0);
    await page.getByRole('tab', { name: 'Owners' }).click();
    await page.getByTestId('app-owner').filter({ hasText: 'Olga Owner' }).waitFor();
    expect(await page.getByLabel('Add an owner').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('member: My Apps lists CRM and the group it comes through, on a phone too', async () => {
    const { page, problems } = await person(ann, '/apps', PHONE);
    await page.getByRole('heading', { name: 'My apps', level: 1 }).waitFor();
    const crm = page.getByTestId('my-app').filter({ hasText: 'CRM' });
    await crm.waitFor();
    expect(await crm.textContent()).toContain('through Sales-EMEA ⊂ Sales');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'my-apps-phone');
    expect(problems).toEqual([]);
    await page.context().close();

    const blocked = await person(bob, '/apps');
    await blocked.page.getByText('You have no apps yet').waitFor();
    expect(blocked.problems).toEqual([]);
    await blocked.page.context().close();
  });

  it('approver: the pending request shows that approving opens CRM through Sales', async () => {
    const { page, problems } = await person(approver, `/groups/${emeaId}`);
    const item = page.getByTestId('approval-item').filter({ hasText: 'Nina Newcomer' });
    await item.waitFor();
    const preview = item.getByTestId('impact-preview');
    await preview.getByTestId('impact-app').filter({ hasText: 'CRM' }).waitFor();
    expect(await preview.getByRole('listitem').allTextContents()).toEqual(['Sales', 'CRM (through Sales-EMEA ⊂ Sales)']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'approver-impact-preview-desktop');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
