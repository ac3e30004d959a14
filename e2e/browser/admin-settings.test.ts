// SPEC §3.2 through the browser (issue 4 Tests: "every tenant setting of SPEC §3.2 toggled in the admin
// center changes what a user can do in My Groups"): an admin changes each setting on the settings page,
// and a plain user's or an owner's My Groups changes with it — the server's refusal shown, or the
// action gone because the API's abilities say so. The settings are restored through the page at the end.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import type { Caller } from '../../src/core/index.js';
import { DESKTOP, screenshot, seriousViolations, SIGNED_OUT, signIn, startPortal, watchedPage, type Expected, type Portal, type Watched } from './harness.js';

let portal: Portal;
let olga: User;
let rita: User;
let pete: User;
let mia: User;
let groupId = '';

const callerOf = (u: User): Caller => ({ tenantId: portal.tenantId, principal: { type: 'user', userId: u.id }, channel: 'myGroups' });

beforeAll(async () => {
  portal = await startPortal();
  // SPEC §3.4: requests need "Owners can manage group membership requests" = Yes (Entra's default is No).
  await portal.core.updateSettings(portal.adminCaller, { ownersCanManageJoinRequests: true });
  [olga, rita, pete, mia] = [await portal.newUser('Olga Owner'), await portal.newUser('Rita Requester'), await portal.newUser('Pete Pending'), await portal.newUser('Mia Member')];
  const created = await portal.core.createGroup(callerOf(olga), {
    displayName: 'Design Guild', securityEnabled: true, mailEnabled: false, joinPolicy: 'approval', visibility: 'Public', members: [mia.id],
  });
  groupId = created.group.id;
  await portal.core.requestToJoin(callerOf(pete), { groupId, justification: 'I design things' });
});
afterAll(async () => portal?.close());

const newContext = () => portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });

async function person(user: User, expected: Expected[] = [], path = '/'): Promise<Watched> {
  const watched = await watchedPage(await newContext(), [SIGNED_OUT, ...expected]);
  await signIn(watched.page, portal.origin, user, path);
  return watched;
}

/** The admin changes one setting on the settings page and saves it. */
async function change(admin: Page, label: string, to: boolean | string): Promise<void> {
  if (typeof to === 'boolean') {
    const control = admin.getByRole('switch', { name: label });
    if ((await control.isChecked()) !== to) await control.click({ force: true });
  } else {
    await admin.getByRole('combobox', { name: label, exact: true }).click();
    await admin.getByRole('option', { name: to, exact: true }).click();
  }
  await admin.getByRole('button', { name: 'Save 1 change' }).click();
  await admin.getByRole('status').filter({ hasText: `Saved: ${label}.` }).waitFor();
}

describe('§3.2 settings toggled in the admin center change My Groups', () => {
  it('creation = None, requests = No, restrict = Yes, owner assignment = None — each seen by the user; then restored', async () => {
    const original = await portal.core.getSettings(portal.adminCaller);
    const admin = await person(portal.admin, [], '/admin/settings');
    await admin.page.getByRole('heading', { name: 'Tenant settings', level: 1 }).waitFor();

    // (a) "Users can create security groups" = None: the plain user's create is refused with the server's reason.
    await change(admin.page, 'Users can create security groups', 'None');
    expect((await portal.core.getSettings(portal.adminCaller)).securityGroupCreation).toBe('None');
    const user = await person(rita, [{ status: 403, path: '/v1.0/groups' }, { status: 403, path: /^\/v1\.0\/me\// }], '/groups/new');
    await user.page.getByLabel('Name').fill('Rita Security Group');
    await user.page.getByRole('button', { name: 'Create group' }).click();
    const notCreated = user.page.getByRole('alert').filter({ hasText: 'Not created' });
    await notCreated.waitFor();
    expect(await notCreated.textContent()).toContain('does not let users create groups of this kind');
    await screenshot(user.page, 'setting-creation-none-refused');

    // (b) "Owners can manage group membership requests" = No: the user can no longer ask; the owner cannot approve.
    await user.page.goto(`${portal.origin}/discover`);
    await user.page.getByLabel('Search groups').fill('design');
    const row = user.page.locator('.mantine-Paper-root', { hasText: 'Design Guild' });
    await row.getByRole('button', { name: /^Request to join/ }).waitFor();
    const owner = await person(olga, [], '/approvals');
    await owner.page.getByTestId('approval-item').getByRole('button', { name: 'Approve' }).waitFor();
    await change(admin.page, 'Owners can manage group membership requests in My Groups', false);
    await user.page.reload();
    await user.page.getByLabel('Search groups').fill('design');
    await row.getByText('Requests to join are turned off in your organisation', { exact: false }).waitFor();
    expect(await row.getByRole('button', { name: /^Request to join/ }).count()).toBe(0);
    await owner.page.reload();
    await owner.page.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor();
    await expect.poll(() => owner.page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await owner.page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // (d) "Owners who can assign members as group owners" = None: "Make owner" is gone for the owner.
    await owner.page.goto(`${portal.origin}/groups/${groupId}`);
    await owner.page.getByRole('button', { name: 'Actions for Mia Member' }).click();
    await owner.page.getByRole('menuitem', { name: 'Make owner' }).waitFor();
    await owner.page.keyboard.press('Escape');
    await change(admin.page, 'Owners who can assign members as group owners', 'None');
    await owner.page.reload();
    await owner.page.getByRole('button', { name: 'Actions for Mia Member' }).click();
    await owner.page.getByRole('menuitem', { name: 'Remove from group' }).waitFor();
    expect(await owner.page.getByRole('menuitem', { name: 'Make owner' }).count()).toBe(0);

    // (c) "Restrict user ability to access groups features in My Groups" = Yes: the user's home says group features are off.
    await change(admin.page, 'Restrict user ability to access groups features in My Groups', true);
    await user.page.goto(`${portal.origin}/`);
    await user.page.getByTestId('my-groups-restricted').waitFor();
    await user.page.getByRole('heading', { name: 'My groups', level: 1 }).waitFor();
    expect(await seriousViolations(user.page)).toEqual([]);
    await screenshot(user.page, 'setting-restrict-home');
    // The notice states the setting; the refusal itself is the server's (creating is now refused for this reason first).
    await user.page.getByRole('link', { name: 'Create a group' }).first().click();
    await user.page.getByLabel('Name').fill('Rita Team');
    await user.page.getByRole('button', { name: 'Create group' }).click();
    await user.page.getByRole('alert').filter({ hasText: 'Group features in My Groups are turned off for your organisation.' }).waitFor();
    // Admins keep access (SPEC §3.8): the admin's own My groups still loads.
    await admin.page.goto(`${portal.origin}/`);
    await admin.page.getByRole('heading', { name: 'Groups I own' }).waitFor();
    await expect.poll(() => admin.page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await admin.page.getByRole('alert').count()).toBe(0);

    // Restore every setting through the page ("Use default" where the original was the default).
    await admin.page.goto(`${portal.origin}/admin/settings`);
    await admin.page.getByRole('heading', { name: 'Tenant settings', level: 1 }).waitFor();
    for (const label of ['Users can create security groups', 'Restrict user ability to access groups features in My Groups', 'Owners who can assign members as group owners']) {
      await admin.page.getByRole('button', { name: `Use the default for ${label}` }).click();
    }
    await admin.page.getByRole('switch', { name: 'Owners can manage group membership requests in My Groups' }).click({ force: true });
    await admin.page.getByRole('button', { name: 'Save 4 changes' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
    expect(await portal.core.getSettings(portal.adminCaller)).toEqual(original);

    for (const view of [admin, user, owner]) {
      expect(view.dialogs).toEqual([]);
      expect(view.problems).toEqual([]);
      await view.page.context().close();
    }
  });
});
