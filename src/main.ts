// The composition root and the `roster` entry point: config → storage → core → CLI / HTTP / jobs.
// The only file that wires the layers together (docs/ARCHITECTURE.md).
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { App, CliDeps, ServeOptions } from './cli/app.js';
import { runCli, VERSION } from './cli/program.js';
import { createCore, type Core } from './core/index.js';
import type { CoreDeps, SecretBox } from './core/ports.js';
import { findGlobalAdmin } from './demo/find-admin.js';
import { describeSeed, seedDemo } from './demo/seed.js';
import { startSweeper } from './jobs/sweeper.js';
import { systemClock } from './platform/clock.js';
import { describeDatabase, loadConfig, type Config } from './platform/config.js';
import { uuidGenerator } from './platform/ids.js';
import { createLogger } from './platform/logger.js';
import { loadOrCreateKey } from './platform/keys.js';
import { loadTls, trustHint } from './platform/tls.js';
import { nodeTokenSecrets } from './platform/token-secrets.js';
import { aesGcmSecretBox } from './platform/secret-box.js';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createEngine, dryRun } from './provisioning/engine.js';
import { effectiveAccessScope } from './provisioning/effective-scope.js';
import type { EngineDeps } from './provisioning/worker.js';
import { generatePassword, scryptPasswordHasher, withSharedHash } from './platform/passwords.js';
import type { Storage } from './storage/open-storage.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;
const print = (text: string) => void process.stdout.write(text);

interface Wired {
  config: Config;
  storage: Storage;
  deps: CoreDeps;
  core: Core;
  engineDeps: EngineDeps;
}

async function wire(config: Config): Promise<Wired> {
  // Loaded on demand: the database drivers take most of the start-up time, and `roster --help` needs none.
  const { openStorage } = await import('./storage/open-storage.js');
  const storage = await openStorage({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  // Loaded on first use: CLI commands that never touch provisioning tokens create no key file.
  let box: SecretBox | undefined;
  const openBox = () => (box ??= aesGcmSecretBox(loadOrCreateKey(config.dataDir, 'secrets', config.secretsKey)));
  const secretBox: SecretBox = { seal: (plain, context) => openBox().seal(plain, context), open: (sealed, context) => openBox().open(sealed, context) };
  const engineDeps: EngineDeps = { uow: storage.uow, clock: systemClock, secretBox, access: effectiveAccessScope, random: Math.random };
  const deps: CoreDeps = {
    uow: storage.uow, clock: systemClock, ids: uuidGenerator, passwords: scryptPasswordHasher(), secrets: nodeTokenSecrets,
    secretBox, provisioning: { dryRun: (tenantId, appId) => dryRun(engineDeps, tenantId, appId) },
  };
  return { config, storage, deps, core: createCore(deps), engineDeps };
}

/** Seeds the demo through a core whose hasher hashes the one shared demo password once, not 200 times. */
async function seedWith(w: Wired, tenantId: string, adminId: string): Promise<string[]> {
  const passwords = await withSharedHash(w.deps.passwords, w.config.demoPassword);
  const result = await seedDemo(createCore({ ...w.deps, passwords }), tenantId, adminId, { password: w.config.demoPassword });
  return describeSeed(result, w.config.demoPassword);
}

async function openApp(): Promise<App> {
  const w = await wire(loadConfig());
  return {
    core: w.core,
    database: describeDatabase(w.config),
    migrate: () => w.storage.migrate(),
    listTenants: () => w.storage.uow.tenants.list(),
    seedDemo: (tenantId, adminId) => seedWith(w, tenantId, adminId),
    close: () => w.storage.close(),
  };
}

/** First start: the configured tenant and administrator; the generated password is printed once, never logged. */
async function ensureTenant(w: Wired): Promise<string> {
  const [first] = await w.storage.uow.tenants.list();
  if (first) return first.id;
  const password = w.config.adminPassword ?? generatePassword();
  const { tenant, admin } = await w.core.bootstrapTenant({
    tenantName: w.config.tenantName,
    admin: { userPrincipalName: w.config.adminUpn, displayName: 'Administrator', password },
  });
  print(`\nCreated tenant "${tenant.name}" with global administrator ${admin.userPrincipalName}.\n`);
  print(w.config.adminPassword === undefined
    ? `Administrator password (shown only this once, store it now): ${password}\n\n`
    : 'Administrator password: the value of ROSTER_ADMIN_PASSWORD.\n\n');
  return tenant.id;
}

async function serve(opts: ServeOptions): Promise<void> {
  const started = performance.now();
  const config = {
    ...loadConfig(), ...(opts.port !== undefined ? { port: opts.port } : {}), ...(opts.host !== undefined ? { host: opts.host } : {}),
    ...(opts.insecureHttp ? { insecureHttp: true } : {}),
  };
  const logger = createLogger(config.logLevel);
  const w = await wire(config);
  try {
    await w.storage.migrate();
    // Several nodes may start at once on one empty PostgreSQL database: one of them creates the tenant.
    const tenantId = await w.storage.exclusive('bootstrap', () => ensureTenant(w));
    if (opts.demo) await seedOnStart(w, tenantId, logger);
  } catch (error) {
    await w.storage.close();
    throw error;
  }

  let shuttingDown = false;
  const tls = config.insecureHttp ? undefined : await loadTls({ certFile: config.tlsCertFile, keyFile: config.tlsKeyFile, dataDir: config.dataDir });
  if (tls?.generated) print(`\n${trustHint(tls)}\n\n`);
  const { buildServer } = await import('./http/server.js');
  const { graphApi } = await import('./http/graph/index.js');
  const { portalStatic } = await import('./http/portal-static.js');
  const { portalAuth, portalKeys } = await import('./http/portal-auth/index.js');
  const defaultTenant = async () => {
    const tenants = await w.storage.uow.tenants.list();
    return tenants.length === 1 ? (tenants[0]?.id ?? null) : null;
  };
  const { csrfKey, flowKey } = portalKeys(loadOrCreateKey(config.dataDir, 'portal', config.portalKey));
  const server = buildServer({
    logger, isReady: () => w.storage.ping(), isShuttingDown: () => shuttingDown,
    https: tls ? { key: tls.key, cert: tls.cert } : undefined,
    register: registerAll(portalStatic(), graphApi({
      core: w.core, version: VERSION,
      skipTokenKey: loadOrCreateKey(config.dataDir, 'skiptoken', config.skipTokenKey),
      rateLimitPerMinute: config.rateLimitPerMinute, tokenRateLimitPerMinute: config.tokenRateLimitPerMinute,
      defaultTenant,
      sessions: { csrfKey, publicOrigin: config.publicUrl },
    }), portalAuth({
      core: w.core, csrfKey, flowKey, defaultTenant, publicOrigin: config.publicUrl,
      loginRateLimit: { max: config.tokenRateLimitPerMinute, windowMs: 60_000 },
      oidc: config.oidc && config.publicUrl ? { ...config.oidc, redirectUri: `${config.publicUrl}/auth/oidc/callback` } : undefined,
    })),
  });
  let address: string;
  try {
    address = await server.listen({ port: config.port, host: config.host });
  } catch (error) {
    await server.close();
    await w.storage.close();
    throw error;
  }
  const sweeper = startSweeper({
    core: w.core, intervalMs: config.sweepIntervalSeconds * 1000, logger: logger.child({ job: 'sweeper' }),
    listTenantIds: async () => (await w.storage.uow.tenants.list()).map((t) => t.id),
  });
  // One dispatcher + worker per node; several nodes on PostgreSQL share the jobs (docs/adr/0020).
  const provisioning = createEngine({
    ...w.engineDeps, pollMs: config.provisioningPollMs, workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    logger: logger.child({ job: 'provisioning' }),
    listTenantIds: async () => (await w.storage.uow.tenants.list()).map((t) => t.id),
  });
  if (!tls) logger.warn('serving plain HTTP (--insecure-http / ROSTER_INSECURE_HTTP): only behind a TLS-terminating proxy');
  logger.info({ address, tlsCertificate: tls?.certPath, database: describeDatabase(config), startupMs: Math.round(performance.now() - started) }, 'Roster is listening');

  onShutdownSignal(logger, async () => {
    shuttingDown = true;
    await server.close();
    await sweeper.stop();
    await provisioning.stop();
    await w.storage.close();
  });
}

/** Several plugins as one `register`, each in its own encapsulated scope (the portal's files, the API). */
function registerAll(...plugins: Array<(app: FastifyInstance) => Promise<void>>): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    for (const plugin of plugins) await app.register(plugin);
  };
}

async function seedOnStart(w: Wired, tenantId: string, logger: Logger): Promise<void> {
  const adminId = await findGlobalAdmin(w.core, tenantId);
  if (!adminId) {
    logger.warn({ tenantId }, 'demo not seeded: the tenant has no enabled global administrator');
    return;
  }
  const started = performance.now();
  const lines = await seedWith(w, tenantId, adminId);
  const seeded = !lines[0]?.startsWith('Demo data not seeded');
  if (seeded) print(`${lines.join('\n')}\n\n`);
  logger.info({ tenantId, seeded, ms: Math.round(performance.now() - started) }, seeded ? 'demo organisation seeded' : 'demo already present or tenant in use: not seeded');
}

/** SIGTERM/SIGINT: graceful stop, then exit 0; a second signal or a stuck stop forces exit 1. */
function onShutdownSignal(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

const cliDeps: CliDeps = {
  openApp,
  serve,
  stdout: print,
  stderr: (text) => void process.stderr.write(text),
};

process.exitCode = await runCli(process.argv.slice(2), cliDeps);
