// SPEC's delegated group management scenario in the browser (issue 4 Tests 1): an admin creates an
// app-access security group in the admin center (no automatic owner: SPEC §3.3, adminCenter row) and
// makes a business owner its owner; the owner adds users in My Groups; a manager of another department
// owns another group; neither owner can see or manage the other's members; the admin sees all.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { DESKTOP, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Portal, type Watched } from './harness.js';

let portal: Portal;
let bob: User;
let mary: User;
let uma: User;
let ulf: User;
let max: User;
let marketingId = '';

beforeAll(async () => {
  portal = await startPortal();
  [bob, mary, uma, ulf, max] = [await portal.newUser('Bob Business'), await portal.newUser('Mary Manager'), await portal.newUser('Uma Sales'), await portal.newUser('Ulf Sales'), await portal.newUser('Max Marketing')];
  // The other department's group: Mary owns it (My Groups makes the creator its owner), Max is in it.
  const created = await portal.core.createGroup({ tenantId: portal.tenantId, principal: { type: 'user', userId: mary.id }, channel: 'myGroups' }, {
    displayName: 'Marketing Ops', securityEnabled: true, mailEnabled: false, joinPolicy: 'closed', visibility: 'Private', members: [max.id],
  });
  marketingId = created.group.id;
});
afterAll(async () => portal?.close());

async function person(user: User, path: string): Promise<Watched> {
  const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
  const watched = await watchedPage(context, [SIGNED_OUT]);
  await signIn(watched.page, portal.origin, user, path);
  return watched;
}

async function pick(page: Page, label: string, name: string): Promise<void> {
  await page.getByLabel(label).and(page.locator('input')).focus();
  await page.keyboard.type(name.split(' ')[0] ?? name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

const membersOf = (page: Page) => page.locator('section[aria-labelledby="members-heading"]');
const ownersOf = (page: Page) => page.locator('section[aria-labelledby="owners-heading"]');

describe('delegated group management in the browser', () => {
  it('admin creates the group with a business owner; the owner adds users; owners of other departments see none of it; the admin sees all', async () => {
    const admin = await person(portal.admin, '/admin/groups');
    await admin.page.getByRole('link', { name: 'New group' }).click();
    await admin.page.getByRole('heading', { name: 'Create a group', level: 1 }).waitFor();
    await admin.page.getByLabel('Name').fill('Sales CRM access');
    await admin.page.getByLabel('Description').fill('Gives the sales team access to the CRM.');
    await pick(admin.page, 'Add an owner', 'Bob Business');
    await admin.page.getByRole('list', { name: 'Owners to assign' }).getByText('Bob Business').waitFor();
    expect(await seriousViolations(admin.page)).toEqual([]);
    await screenshot(admin.page, 'admin-create-group-desktop');
    await admin.page.getByRole('button', { name: 'Create group' }).click();
    await admin.page.getByRole('heading', { name: 'Sales CRM access', level: 1 }).waitFor();
    const groupUrl = admin.page.url();
    const groupId = groupUrl.split('/').pop() ?? '';
    // No automatic owner for the admin: Bob is the only owner.
    await ownersOf(admin.page).getByText('Bob Business').waitFor();
    expect(await ownersOf(admin.page).getByText('Ada Admin').count()).toBe(0);
    const owners = await portal.core.listOwners(portal.adminCaller, { groupId });
    expect(owners.map((o) => o.userId)).toEqual([bob.id]);

    // The business owner adds his people in My Groups.
    const owner = await person(bob, '/');
    await owner.page.locator('section[aria-labelledby="owned-heading"]').getByText('Sales CRM access').click();
    await owner.page.getByRole('heading', { name: 'Sales CRM access', level: 1 }).waitFor();
    for (const name of ['Uma Sales', 'Ulf Sales']) {
      await pick(owner.page, 'Add a member', name);
      await owner.page.getByRole('button', { name: 'Add', exact: true }).click();
      await membersOf(owner.page).getByText(name).waitFor();
    }

    // Bob on Mary's group: he can neither see nor manage its members; Mary likewise on Bob's.
    await owner.page.goto(`${portal.origin}/groups/${marketingId}`);
    await owner.page.getByRole('heading', { name: 'Marketing Ops', level: 1 }).waitFor();
    await owner.page.getByText("Only this group's members and owners can see who is in it.").waitFor();
    expect(await owner.page.getByText('Max Marketing').count()).toBe(0);
    expect(await owner.page.getByLabel('Add a member').count()).toBe(0);
    const other = await person(mary, `/groups/${groupId}`);
    await other.page.getByRole('heading', { name: 'Sales CRM access', level: 1 }).waitFor();
    await other.page.getByText("Only this group's members and owners can see who is in it.").waitFor();
    expect(await other.page.getByText('Uma Sales').count()).toBe(0);
    expect(await other.page.getByLabel('Add a member').count()).toBe(0);
    expect(await other.page.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);

    // The admin sees every member of both groups.
    await admin.page.reload();
    for (const name of ['Uma Sales', 'Ulf Sales']) await membersOf(admin.page).getByText(name).waitFor();
    await admin.page.goto(`${portal.origin}/groups/${marketingId}`);
    await membersOf(admin.page).getByText('Max Marketing').waitFor();
    await screenshot(admin.page, 'admin-sees-other-group-desktop');

    for (const view of [admin, owner, other]) {
      expect(view.dialogs).toEqual([]);
      expect(view.problems).toEqual([]);
      await view.page.context().close();
    }
    const members = await portal.core.listMembers(portal.adminCaller, { groupId });
    expect(JSON.stringify(members)).toContain(uma.id);
    expect(JSON.stringify(members)).toContain(ulf.id);
  });
});
