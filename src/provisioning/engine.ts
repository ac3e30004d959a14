// The provisioning engine of one node (docs/adr/0020): a dispatcher (outbox → jobs), a worker (claim →
// push → record), the reconciliation schedule and log pruning, on one timer; plus the dry run.
// Every `roster serve` runs one; several nodes on PostgreSQL share the work through SKIP LOCKED leases.
import type { AppId } from '../core/domain/apps.js';
import { dispatchBatch } from './dispatcher.js';
import type { RequestSubject } from './push.js';
import { reconcileApp } from './reconcile.js';
import { recordingClient, type PlannedRequest } from './recording-client.js';
import { JobResults } from './results.js';
import { ScimError } from './scim-client.js';
import { openClient, runJob, type EngineDeps } from './worker.js';

export interface EngineLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface EngineOptions extends EngineDeps {
  readonly listTenantIds: () => Promise<string[]>;
  readonly workerId: string;
  readonly pollMs: number;
  /** How long a claimed job is ours before another node may take it (default 5 minutes). */
  readonly leaseMs?: number;
  readonly batchSize?: number;
  readonly logger?: EngineLogger;
}

export interface Engine {
  /** One pass: dispatch, schedule due reconciliations, run due jobs. Returns jobs run. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

const LOG_RETENTION_MS = 30 * 24 * 3600_000;
const OUTBOX_RETENTION_MS = 7 * 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;
const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export function createEngine(opts: EngineOptions): Engine {
  const batch = opts.batchSize ?? 20;
  const leaseMs = opts.leaseMs ?? 300_000;
  let lastPrune = 0;

  async function tenantPass(tenantId: string): Promise<number> {
    while ((await opts.uow.transaction(tenantId, (s) => dispatchBatch(s, opts.access, opts.clock.now(), 200))) === 200) { /* drain */ }
    await opts.uow.transaction(tenantId, async (s) => {
      const now = opts.clock.now();
      for (const c of await s.provisioning.configs.list()) {
        if (c.state !== 'enabled') continue;
        const due = c.lastReconciledAt === null || Date.parse(c.lastReconciledAt) + c.reconcileIntervalMinutes * 60_000 <= Date.parse(now);
        if (due && (await s.provisioning.jobs.count(c.appId)) === 0) await s.provisioning.jobs.enqueue({ appId: c.appId, kind: 'app', objectId: c.appId }, now);
      }
      if (Date.parse(now) - lastPrune > PRUNE_EVERY_MS) {
        await s.provisioning.log.prune(addMs(now, -LOG_RETENTION_MS));
        await s.provisioning.outbox.pruneDone(addMs(now, -OUTBOX_RETENTION_MS));
      }
    });
    let ran = 0;
    for (;;) {
      const now = opts.clock.now();
      const jobs = await opts.uow.transaction(tenantId, (s) => s.provisioning.jobs.claim({ now, leaseUntil: addMs(now, leaseMs), worker: opts.workerId, limit: batch }));
      for (const job of jobs) {
        if (stopped) return ran;
        const outcome = await runJob(opts, job);
        ran++;
        if (outcome !== 'done') opts.logger?.info({ tenantId, appId: job.appId, kind: job.kind, outcome }, 'provisioning job not completed');
      }
      if (jobs.length < batch || stopped) return ran;
    }
  }

  async function pass(): Promise<number> {
    let ran = 0;
    for (const tenantId of await opts.listTenantIds()) {
      if (stopped) break;
      try {
        ran += await tenantPass(tenantId);
      } catch (err) {
        opts.logger?.error({ err, tenantId }, 'provisioning pass failed for tenant');
      }
    }
    const nowMs = Date.parse(opts.clock.now());
    if (nowMs - lastPrune > PRUNE_EVERY_MS) lastPrune = nowMs;
    return ran;
  }

  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running ??= pass().finally(() => { running = undefined; });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick().catch(() => 0).finally(schedule), opts.pollMs);
    timer.unref();
  };
  if (opts.pollMs > 0) schedule();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}

/** The dry run: the app's reconciliation against the real target, sending no write and storing nothing. */
export async function dryRun(
  deps: EngineDeps, tenantId: string, appId: AppId,
): Promise<{ requests: PlannedRequest[]; counts: Record<string, number>; error: string | null }> {
  const config = await deps.uow.transaction(tenantId, (s) => s.provisioning.configs.get(appId));
  if (!config) throw new Error('Provisioning is not configured for this application.');
  const subject: RequestSubject = { current: null };
  const { client, planned } = recordingClient(openClient(deps, config, () => undefined), () => subject.current);
  const results = new JobResults(appId);
  try {
    await reconcileApp({ uow: deps.uow, tenantId, config, client, access: deps.access, results, now: () => deps.clock.now(), subject });
  } catch (error) {
    // The target could not be read (down, refusing the token…): say so, with what was planned so far.
    if (error instanceof ScimError) return { requests: planned, counts: results.counts, error: error.message };
    throw error;
  }
  return { requests: planned, counts: results.counts, error: null };
}
