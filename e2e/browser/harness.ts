// Browser tests' world: Roster in-process on SQLite (real core, real Fastify server wired as main.ts
// does — the portal's built files, the Graph API accepting the session cookie, /auth — over HTTPS with
// a self-signed certificate on port 0) and Debian's Chromium driven by playwright-core. People sign in
// through the sign-in page. Every page records console errors and page errors; a test fails on any it
// did not expect.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { User } from '../../src/core/domain/model.js';
import { randomBytes } from 'node:crypto';
import { createCore, type Caller, type Core, type CoreDeps } from '../../src/core/index.js';
import { testPasswordHasher } from '../../src/core/testing/deps.js';
import { graphApi } from '../../src/http/graph/index.js';
import { portalAuth, type OidcSettings } from '../../src/http/portal-auth/index.js';
import { portalStatic } from '../../src/http/portal-static.js';
import { buildServer } from '../../src/http/server.js';
import { systemClock } from '../../src/platform/clock.js';
import { uuidGenerator } from '../../src/platform/ids.js';
import { createLogger } from '../../src/platform/logger.js';
import { loadTls } from '../../src/platform/tls.js';
import { nodeTokenSecrets } from '../../src/platform/token-secrets.js';
import { aesGcmSecretBox } from '../../src/platform/secret-box.js';
import { createEngine, dryRun, type Engine } from '../../src/provisioning/engine.js';
import { effectiveAccessScope } from '../../src/provisioning/effective-scope.js';
import { openTestStorage, type TestStorage } from '../../src/storage/testing/engines.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');
export const CHROMIUM = process.env['ROSTER_CHROMIUM'] ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const PASSWORD = 'correct horse battery';

/** `npm test` builds the portal first (pretest); a single file run builds it when missing. */
export function ensureWebBuilt(): void {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
}

export interface Portal {
  app: FastifyInstance;
  core: Core;
  tenantId: string;
  origin: string;
  admin: User;
  browser: Browser;
  /** Acts as the tenant's global administrator through the core (test setup only). */
  adminCaller: Caller;
  /** The storage under the core (tests read the audit log and sessions from it). */
  storage: TestStorage['storage'];
  /** The server's self-signed key and certificate (PEM), for another origin on this host. */
  tls: { key: string; cert: string };
  newUser(name: string): Promise<User>;
  userToken(user: User): Promise<string>;
  close(): Promise<void>;
}

export interface PortalOptions {
  /** The port to serve on (0: any); OpenID Connect needs it known first, for its redirect URI. */
  port?: number;
  /** Sign-in with an identity provider; the redirect URI is this server's /auth/oidc/callback. */
  oidc?: Omit<OidcSettings, 'redirectUri'>;
  /** Outbound SCIM provisioning as main.ts wires it: the secret box, the dry run, and the engine polling every 100 ms. */
  provisioning?: boolean;
}

/** A port free at the time of asking, for a server whose address must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let counter = 0;

export async function startPortal(opts: PortalOptions = {}): Promise<Portal> {
  ensureWebBuilt();
  const db: TestStorage = await openTestStorage('sqlite');
  let deps: CoreDeps = { uow: db.storage.uow, clock: systemClock, ids: uuidGenerator, passwords: testPasswordHasher, secrets: nodeTokenSecrets };
  let engine: Engine | undefined;
  if (opts.provisioning) {
    const engineDeps = { uow: db.storage.uow, clock: systemClock, secretBox: aesGcmSecretBox(randomBytes(32)), access: effectiveAccessScope, random: Math.random };
    deps = { ...deps, secretBox: engineDeps.secretBox, provisioning: { dryRun: (tenantId: string, appId: string) => dryRun(engineDeps, tenantId, appId) } };
    engine = createEngine({ ...engineDeps, pollMs: 100, workerId: 'browser-test', listTenantIds: async () => (await db.storage.uow.tenants.list()).map((t) => t.id) });
  }
  const core = createCore(deps);
  const n = ++counter;
  const { tenant, admin } = await core.bootstrapTenant({ tenantName: 'Contoso', admin: { userPrincipalName: `admin@web${n}.example`, displayName: 'Ada Admin', password: PASSWORD } });
  // HTTPS with a self-signed certificate (the browser contexts ignore certificate errors), as served
  // by default: the session cookie is `__Host-` and therefore Secure.
  const tlsDir = mkdtempSync(join(tmpdir(), 'roster-web-tls-'));
  const tls = await loadTls({ certFile: undefined, keyFile: undefined, dataDir: tlsDir });
  const app = buildServer({
    logger: createLogger('silent'), isReady: async () => {}, https: { key: tls.key, cert: tls.cert },
    register: async (root) => {
      // As main.ts wires them: the portal's files, the API accepting the session cookie, and /auth.
      const defaultTenant = async () => tenant.id;
      const csrfKey = Buffer.alloc(32, 3);
      await root.register(portalStatic({ root: WEB_DIST }));
      await root.register(graphApi({
        core, version: 'test', skipTokenKey: Buffer.alloc(32, 7), rateLimitPerMinute: 100_000, tokenRateLimitPerMinute: 100_000,
        defaultTenant, sessions: { csrfKey },
      }));
      await root.register(portalAuth({
        core, csrfKey, flowKey: Buffer.alloc(32, 9), defaultTenant, loginRateLimit: { max: 100_000, windowMs: 60_000 },
        oidc: opts.oidc ? { ...opts.oidc, redirectUri: `https://127.0.0.1:${opts.port ?? 0}/auth/oidc/callback` } : undefined,
      }));
    },
  });
  if (opts.oidc && !opts.port) throw new Error('OpenID Connect needs the port known first (freePort())');
  const origin = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  const adminCaller: Caller = { tenantId: tenant.id, principal: { type: 'user', userId: admin.id }, channel: 'adminCenter' };
  const system: Caller = { tenantId: tenant.id, principal: { type: 'system' }, channel: 'api' };
  let users = 0;
  return {
    app, core, tenantId: tenant.id, origin, admin, browser, adminCaller, storage: db.storage, tls: { key: tls.key, cert: tls.cert },
    newUser: (name) => core.createUser(adminCaller, {
      userPrincipalName: `${name.toLowerCase().replace(/\W+/g, '.')}.${++users}@web${n}.example`, displayName: name, password: PASSWORD,
    }),
    userToken: async (user) => (await core.createUserToken(system, { userId: user.id })).accessToken,
    close: async () => {
      await engine?.stop();
      await browser.close();
      await app.close();
      await db.dispose();
      rmSync(tlsDir, { recursive: true, force: true });
    },
  };
}

/** A console message or page error the test expects (e.g. the 409 of a refused second decision). */
export interface Expected {
  status: number;
  path: string | RegExp;
}

export interface Watched {
  page: Page;
  /** Unexpected console errors and page errors so far; a test asserts this is empty. */
  problems: string[];
  /** dialog events (alert/confirm/prompt): an XSS payload that ran would open one. */
  dialogs: string[];
}

/**
 * A page that records problems. Chromium logs "Failed to load resource: … status of N" for every
 * HTTP error the app receives; only those listed in `expected` are tolerated.
 */
export async function watchedPage(context: BrowserContext, expected: Expected[] = []): Promise<Watched> {
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location().url;
    const status = Number(/status of (\d{3})/.exec(text)?.[1]);
    const path = url ? new URL(url).pathname : '';
    if (expected.some((e) => e.status === status && (typeof e.path === 'string' ? e.path === path : e.path.test(path)))) return;
    problems.push(`console error: ${text} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems, dialogs };
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays strict). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
    const r = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)})`) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/** Signs in through the sign-in page, as a person would; resolves on the My groups page. */
export async function signIn(page: Page, origin: string, user: User, path = '/'): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.getByLabel('User name').fill(user.userPrincipalName);
  await page.getByLabel(/^Password/).and(page.locator('input')).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: /^Account menu for/ }).waitFor();
}

/** Chromium logs the 401 of GET /auth/session on every signed-out page load. */
export const SIGNED_OUT: Expected = { status: 401, path: '/auth/session' };
