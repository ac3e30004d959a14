// Sign-in through the organisation's identity provider, in Debian's Chromium against a real
// oidc-provider and its own login and consent pages: a person clicks "Sign in with your organisation",
// signs in at the provider, and lands in My Groups as the Roster user matched by verified email — or
// as a user created at first sign-in (the tenant's configuration allows both). A callback URL with an
// edited `state`, and a code replayed in a fresh browser (even with the flow cookie copied over), end on
// the sign-in page with a readable refusal, create no session, and are audited.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/domain/model.js';
import { CLIENT, startIdp, type Idp } from '../oidc-idp.js';
import { DESKTOP, freePort, screenshot, seriousViolations, SIGNED_OUT, startPortal, watchedPage, type Portal, type Watched } from './harness.js';

const FLOW_COOKIE = '__Host-roster_oidc';
const REFUSED = 'Sign-in with your organisation was refused';

let idp: Idp;
let portal: Portal;
let ann: User;

beforeAll(async () => {
  const port = await freePort();
  idp = await startIdp({ redirectUri: `https://127.0.0.1:${port}/auth/oidc/callback`, pages: true });
  portal = await startPortal({
    port, oidc: { issuer: idp.issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, match: 'email', createUsers: true, allowInsecureRequests: true },
  });
  ann = await portal.newUser('Ann Oidc');
});
afterAll(async () => {
  await portal?.close();
  await idp?.close();
});

/** A fresh browser; the provider's development pages import a web font, answered empty (no network here). */
async function freshBrowser(): Promise<{ context: BrowserContext } & Watched> {
  const context = await portal.browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce', viewport: DESKTOP });
  await context.route(/^https:\/\/fonts\.googleapis\.com\//, (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  return { context, ...await watchedPage(context, [SIGNED_OUT]) };
}

/** From Roster's sign-in page to the provider's login form. */
async function startAtRoster(page: Page): Promise<void> {
  await page.goto(`${portal.origin}/`);
  await page.getByRole('link', { name: 'Sign in with your organisation' }).click();
  await page.locator('input[name="login"]').waitFor();
}

/** The provider's own pages: its login form (the login name is the account's subject), then consent. */
async function signInAtProvider(page: Page, subject: string): Promise<void> {
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill('any password the provider accepts');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

const audit = async () => (await portal.storage.uow.transaction(portal.tenantId, (s) => s.audit.list({ limit: 10_000 })))
  .filter((e) => e.action === 'auth.signIn');
const deniedFailures = async () => (await audit()).filter((e) => e.outcome === 'denied').map((e) => String((e.after as { failure?: string }).failure));
const sessionCount = async () => Number((await portal.storage.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', portal.tenantId).executeTakeFirstOrThrow()).n);

/** Opens `url` and expects the refusal: the sign-in page with the message, no session, one more denial for `failure`. */
async function expectRefused(page: Page, url: string, failure: RegExp): Promise<void> {
  const [sessionsBefore, before] = [await sessionCount(), await deniedFailures()];
  await page.goto(url);
  await page.getByRole('alert').filter({ hasText: REFUSED }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/signin');
  expect(new URL(page.url()).searchParams.get('error')).toBe('signin_failed');
  await page.getByLabel('User name').waitFor();
  expect(await page.getByRole('button', { name: /^Account menu for/ }).count()).toBe(0);
  expect(await sessionCount()).toBe(sessionsBefore);
  const added = await deniedFailures();
  for (const f of before) added.splice(added.indexOf(f), 1);
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(failure);
}

describe('OpenID Connect sign-in in the browser', () => {
  it('signs in at the provider\'s own pages and lands in My Groups as the user matched by verified email', async () => {
    idp.signInAs({ sub: 'ann-at-idp', email: ann.userPrincipalName, email_verified: true, name: 'Ann at the IdP' });
    const { context, page, problems, dialogs } = await freshBrowser();
    await page.goto(`${portal.origin}/`);
    await page.getByRole('link', { name: 'Sign in with your organisation' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'signin-with-oidc');
    await page.getByRole('link', { name: 'Sign in with your organisation' }).click();
    await page.locator('input[name="login"]').waitFor();
    expect(new URL(page.url()).origin).toBe(idp.issuer);
    await signInAtProvider(page, 'ann-at-idp');
    await page.getByRole('button', { name: 'Account menu for Ann Oidc' }).waitFor();
    await page.getByRole('heading', { name: 'My groups' }).waitFor();
    expect(new URL(page.url()).origin).toBe(portal.origin);
    expect(await context.cookies(portal.origin)).toEqual(expect.not.arrayContaining([expect.objectContaining({ name: FLOW_COOKIE })]));
    expect((await audit()).filter((e) => e.outcome === 'success' && e.actorId === ann.id)).toHaveLength(1);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates the user at first sign-in; the same callback replayed in a fresh browser is refused, with or without the flow cookie', async () => {
    idp.signInAs({ sub: 'nia-at-idp', email: 'nia.newcomer@oidc.example', email_verified: true, name: 'Nia Newcomer' });
    const first = await freshBrowser();
    await startAtRoster(first.page);
    const flow = (await first.context.cookies(portal.origin)).find((c) => c.name === FLOW_COOKIE);
    expect(flow).toBeDefined();
    const callbackRequest = first.page.waitForRequest(/\/auth\/oidc\/callback\?/);
    await signInAtProvider(first.page, 'nia-at-idp');
    await first.page.getByRole('button', { name: 'Account menu for Nia Newcomer' }).click();
    await first.page.getByText('nia.newcomer@oidc.example').waitFor();
    const callbackUrl = (await callbackRequest).url();
    expect(new URL(callbackUrl).searchParams.get('code')).toBeTruthy();
    expect(first.problems).toEqual([]);
    await first.context.close();

    // Someone else's browser, the flow cookie copied over too: only the provider's one-time code stops it.
    const replay = await freshBrowser();
    await replay.context.addCookies([{ name: FLOW_COOKIE, value: flow?.value ?? '', url: `${portal.origin}/`, secure: true, httpOnly: true, sameSite: 'Lax' }]);
    await expectRefused(replay.page, callbackUrl, /^invalid_grant/);
    expect(await seriousViolations(replay.page)).toEqual([]);
    await screenshot(replay.page, 'signin-oidc-refused');
    expect(replay.problems).toEqual([]);
    await replay.context.close();

    const bare = await freshBrowser();
    await expectRefused(bare.page, callbackUrl, /^noFlowCookie$/);
    expect(bare.problems).toEqual([]);
    await bare.context.close();
  });

  it('a callback URL whose state was edited before following it is refused, with no session', async () => {
    idp.signInAs({ sub: 'ann-at-idp', email: ann.userPrincipalName, email_verified: true });
    const { context, page, problems, dialogs } = await freshBrowser();
    await startAtRoster(page);
    const held = idp.holdReturn();
    await signInAtProvider(page, 'ann-at-idp');
    const back = new URL(await held);
    await page.getByRole('heading', { name: 'Paused before returning to Roster' }).waitFor();
    expect(back.searchParams.get('state')).toBeTruthy();
    back.searchParams.set('state', `${back.searchParams.get('state') ?? ''}x`);
    await expectRefused(page, back.href, /^stateMismatch$/);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
