// The My Groups pages in Debian's Chromium: sign-in, home (empty and filled), discover, create, group
// page — each without console errors, without serious accessibility violations, on desktop and phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { DESKTOP, PHONE, PASSWORD, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal } from './harness.js';

let portal: Portal;
let olga: User;

beforeAll(async () => {
  portal = await startPortal();
  olga = await portal.newUser('Olga Owner');
});
afterAll(async () => portal?.close());

describe('portal pages', () => {
  it('home: empty states that say what to do, then a created group on its page; no a11y violations', async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    const { page, problems } = await watchedPage(context, [SIGNED_OUT]);
    await signIn(page, portal.origin, olga);
    await page.getByRole('heading', { name: 'My groups' }).waitFor();
    await page.getByText("You don't own any groups yet").waitFor();
    await page.getByText("You aren't a member of any group yet").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'home-empty-desktop');
    await page.getByRole('link', { name: 'Create a group' }).first().click();
    await page.getByLabel('Name').fill('Finance Team');
    await page.getByLabel('Description').fill('Budgets & forecasts');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'create-group-desktop');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { name: 'Finance Team' }).waitFor();
    await page.getByRole('heading', { name: 'Owners' }).waitFor();
    await page.getByText('Olga Owner').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'group-owner-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sign-in through the page: the server\'s refusal shown as text, then back to where the user was going; sign out ends it (desktop and phone)', async () => {
    for (const [viewport, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport });
      const { page, problems } = await watchedPage(context, [SIGNED_OUT, { status: 401, path: '/auth/login' }, { status: 404, path: '/v1.0/groups/123' }]);
      await page.goto(`${portal.origin}/groups/123?tab=x`);
      await page.waitForURL(/\/signin\?returnTo=/);
      // Without OIDC configured the server offers local sign-in only.
      expect(await page.getByRole('link', { name: 'Sign in with your organisation' }).count()).toBe(0);
      await page.getByLabel('User name').fill(olga.userPrincipalName);
      await page.getByLabel(/^Password/).and(page.locator('input')).fill('wrong password');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `signin-${name}`);
      // Keyboard: Enter in the password field submits.
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('The sign-in name or password is not valid');
      await page.getByLabel(/^Password/).and(page.locator('input')).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${portal.origin}/groups/123?tab=x`);
      await page.getByText('Could not open this group').waitFor();
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === '__Host-roster_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
      // Sign out: the session ends and the sign-in page is back, also after a reload.
      await page.getByRole('button', { name: /^Account menu for/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      await page.reload();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('offers "Sign in with your organisation" when the server says OIDC is configured, keeping where the user was going', async () => {
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    // The server's signed-out answer with OIDC on (this harness has no identity provider configured).
    await context.route('**/auth/session', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'Unauthenticated', message: 'Sign in.' }, signIn: { oidc: true } }) }));
    const { page, problems } = await watchedPage(context, [SIGNED_OUT]);
    await page.goto(`${portal.origin}/discover?q=x`);
    const oidc = page.getByRole('link', { name: 'Sign in with your organisation' });
    expect(await oidc.getAttribute('href')).toBe('/auth/oidc/login?returnTo=%2Fdiscover%3Fq%3Dx');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'signin-oidc-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('owner manages the group: people picker by keyboard, make owner, remove, edit, delete — each button from the group\'s abilities', async () => {
    const max = await portal.newUser('Max Member');
    await portal.newUser('Nina Newcomer');
    const olgaCaller = { tenantId: portal.tenantId, principal: { type: 'user' as const, userId: olga.id }, channel: 'myGroups' as const };
    const { group } = await portal.core.createGroup(olgaCaller, { displayName: 'Platform Guild', securityEnabled: true, mailEnabled: false, joinPolicy: 'approval', members: [max.id] });
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    const { page, problems } = await watchedPage(context, [SIGNED_OUT]);
    await signIn(page, portal.origin, olga, `/groups/${group.id}`);
    await page.getByText('Max Member').waitFor();
    // Keyboard: focus the picker, type, choose with the arrow keys and Enter, submit.
    await page.getByLabel('Add a member').and(page.locator('input')).focus();
    await page.keyboard.type('Nina');
    await page.getByRole('option', { name: /Nina Newcomer/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const members = page.locator('section[aria-labelledby="members-heading"]');
    await members.getByText('Nina Newcomer').waitFor();
    await page.getByRole('button', { name: 'Actions for Max Member' }).click();
    await page.getByRole('menuitem', { name: 'Make owner' }).click();
    await page.locator('section[aria-labelledby="owners-heading"]').getByText('Max Member').waitFor();
    await page.getByRole('button', { name: 'Actions for Nina Newcomer' }).click();
    await page.getByRole('menuitem', { name: 'Remove from group' }).click();
    await expect.poll(() => members.getByText('Nina Newcomer').count()).toBe(0);
    // Edit (shown because the group's abilities say edit): a modal form, saved through PATCH.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit group' });
    await dialog.getByLabel('Description').fill('Builds the platform <i>together</i>');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'group-edit-desktop');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('main').getByText('Builds the platform <i>together</i>').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'group-manage-desktop');
    const owners = (await portal.core.listOwners(olgaCaller, { groupId: group.id })).map((o) => o.userId).sort();
    expect(owners).toEqual([max.id, olga.id].sort());
    // Delete, after a confirmation that says what happens; back on My groups.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this group?' });
    await confirm.getByText('Its owners and administrators can restore it for 30 days', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('heading', { name: 'My groups' }).waitFor();
    expect((await portal.core.getGroup(portal.adminCaller, { groupId: group.id })).group.deletedDateTime).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('discover pages with @odata.nextLink: 20 at a time, then the rest', async () => {
    const olgaCaller = { tenantId: portal.tenantId, principal: { type: 'user' as const, userId: olga.id }, channel: 'myGroups' as const };
    for (let i = 1; i <= 23; i++) {
      await portal.core.createGroup(olgaCaller, { displayName: `Paging ${String(i).padStart(2, '0')}`, securityEnabled: true, mailEnabled: false, joinPolicy: 'open' });
    }
    const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
    const { page, problems } = await watchedPage(context, [SIGNED_OUT]);
    await signIn(page, portal.origin, olga, '/discover');
    await page.getByLabel('Search groups').fill('paging');
    const rows = page.locator('main .mantine-Paper-root', { hasText: 'Paging' });
    await expect.poll(() => rows.count()).toBe(20);
    await page.getByRole('button', { name: 'Show more groups' }).click();
    await expect.poll(() => rows.count()).toBe(23);
    await page.getByText("That's all the groups matching your search.").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
