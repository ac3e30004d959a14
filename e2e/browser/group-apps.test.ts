// The group page's "Apps this group gives" in Debian's Chromium: the group's owner sees the apps
// assigned to the group (and an empty state for a group that gives none); a member, whom the API
// does not show them, sees no such section and the page asks for nothing it would be refused.
// axe on the page, console errors fail (a refused request would log one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { DESKTOP, PHONE, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal, type Watched } from './harness.js';

let portal: Portal;
let owner: User;
let member: User;
let financeId = '';
let emptyId = '';

beforeAll(async () => {
  portal = await startPortal();
  owner = await portal.newUser('Olivia Owner');
  member = await portal.newUser('Max Member');
  const security = { securityEnabled: true, mailEnabled: false } as const;
  financeId = (await portal.core.createGroup(portal.adminCaller, { displayName: 'Finance', ...security, owners: [owner.id], members: [member.id] })).group.id;
  emptyId = (await portal.core.createGroup(portal.adminCaller, { displayName: 'Quiet team', ...security, owners: [owner.id], members: [member.id] })).group.id;
  for (const name of ['Payroll', 'Expenses']) {
    const app = await portal.core.createApp(portal.adminCaller, { displayName: name });
    await portal.core.assignApp(portal.adminCaller, { appId: app.id, principalType: 'Group', principalId: financeId });
  }
}, 60_000);
afterAll(async () => portal?.close());

async function person(user: User, path: string, viewport = DESKTOP): Promise<Watched> {
  const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  const watched = await watchedPage(context, [SIGNED_OUT]);
  await signIn(watched.page, portal.origin, user, path);
  return watched;
}

describe('the apps a group gives, on its page', () => {
  it('owner: Finance lists Payroll and Expenses; a group that gives none says so', async () => {
    const { page, problems } = await person(owner, `/groups/${financeId}`);
    const section = page.getByRole('region', { name: 'Apps this group gives' });
    await section.getByTestId('group-app').filter({ hasText: 'Payroll' }).waitFor();
    expect((await section.getByTestId('group-app').allTextContents()).sort()).toEqual(['ExpensesDefault access', 'PayrollDefault access']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'group-apps-owner-desktop');

    await page.goto(`${portal.origin}/groups/${emptyId}`);
    await page.getByRole('heading', { name: 'Quiet team', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Apps this group gives' }).getByText('This group gives no apps.', { exact: false }).waitFor();
    expect(await page.getByTestId('group-app').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('member: no "Apps this group gives" section, and no refused request, on a phone too', async () => {
    const { page, problems } = await person(member, `/groups/${financeId}`, PHONE);
    await page.getByRole('heading', { name: 'Finance', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Members', level: 2, exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Apps this group gives' }).count()).toBe(0);
    expect(await page.getByTestId('group-app').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
