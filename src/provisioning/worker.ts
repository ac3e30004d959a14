// Runs one claimed provisioning job (docs/adr/0020): push with no transaction open, then in one
// transaction record what changed, log every request, and delete the job if its generation is
// unchanged — or, on failure, count it, back off (nextAttempt), and quarantine the app after 10.
import type { ProvisioningConfig } from '../core/domain/apps.js';
import { nextAttempt, shouldQuarantine, type PushErrorKind } from '../core/domain/provisioning/retry.js';
import type { Clock, ProvisionedObjectType, ProvisioningJob, SecretBox, TenantScope, UnitOfWork } from '../core/ports.js';
import { pushGroup, pushUser, type PushContext } from './push.js';
import { reconcileApp } from './reconcile.js';
import { JobResults } from './results.js';
import { createScimClient, ScimError, type ScimRequestRecord, type ScimTarget } from './scim-client.js';
import type { ProvisioningScope } from './scope.js';

export interface EngineDeps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly secretBox: SecretBox;
  readonly access: ProvisioningScope;
  /** [0, 1): the jitter of the backoff. */
  readonly random: () => number;
  /** Test seam: a client for a config (default: the real SCIM client). */
  readonly clientFor?: (config: ProvisioningConfig, token: string, onRequest: (r: ScimRequestRecord) => void) => ScimTarget;
  readonly timeoutMs?: number;
}

export const tokenContext = (tenantId: string, appId: string) => `${tenantId}/${appId}`;

export function openClient(deps: EngineDeps, config: ProvisioningConfig, onRequest: (r: ScimRequestRecord) => void): ScimTarget {
  const token = deps.secretBox.open(config.tokenCiphertext, tokenContext(config.tenantId, config.appId));
  if (deps.clientFor) return deps.clientFor(config, token, onRequest);
  return createScimClient({ baseUrl: config.baseUrl, token, onRequest, timeoutMs: deps.timeoutMs ?? 30_000 });
}

interface LoggedSubject { objectType: ProvisionedObjectType | null; localId: string | null }

const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export async function runJob(deps: EngineDeps, job: ProvisioningJob): Promise<'done' | 'retry' | 'failed' | 'skipped'> {
  const config = await deps.uow.transaction(job.tenantId, (s) => s.provisioning.configs.get(job.appId));
  if (!config || config.state !== 'enabled') {
    await deps.uow.transaction(job.tenantId, (s) => s.provisioning.jobs.reschedule(job, { availableAt: deps.clock.now(), attempts: job.attempts, lastError: job.lastError }));
    return 'skipped';
  }
  // Each request is logged with the object it was about: the job's, or the one a reconciliation is on.
  let subject: LoggedSubject = job.kind === 'app' ? { objectType: null, localId: null } : { objectType: job.kind, localId: job.objectId };
  const requests: Array<ScimRequestRecord & LoggedSubject> = [];
  const results = new JobResults(job.appId);
  let failure: { kind: PushErrorKind; message: string; retryAfterMs: number | null } | null = null;
  try {
    const client = openClient(deps, config, (r) => requests.push({ ...r, ...subject }));
    const ctx: PushContext = {
      uow: deps.uow, tenantId: job.tenantId, config, client, access: deps.access, results, now: () => deps.clock.now(),
      about: (objectType, localId) => { subject = { objectType, localId }; },
    };
    if (job.kind === 'user') await pushUser(ctx, job.objectId);
    else if (job.kind === 'group') await pushGroup(ctx, job.objectId);
    else await reconcileApp(ctx);
  } catch (error) {
    failure = error instanceof ScimError
      ? { kind: error.kind, message: error.message, retryAfterMs: error.retryAfterMs }
      : { kind: 'server', message: `internal error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500), retryAfterMs: null };
  }
  const attempt = job.attempts + 1;
  return deps.uow.transaction(job.tenantId, async (s) => {
    const now = deps.clock.now();
    // First, so the app's config row is locked (PostgreSQL) and the log's per-app seq is taken in turn.
    const failures = failure ? await s.provisioning.configs.recordFailure(job.appId, failure.message, now) : 0;
    if (!failure) await s.provisioning.configs.recordSuccess(job.appId, now);
    await results.commit(s);
    for (const r of requests) {
      await s.provisioning.log.append({
        appId: job.appId, at: now, operation: `${r.method} ${r.path}`, objectType: r.objectType,
        localId: r.localId, remoteId: null, status: r.status, outcome: r.error ? 'failure' : 'success',
        error: r.error, durationMs: Math.round(r.durationMs), attempt,
      });
    }
    if (!failure) {
      if (job.kind === 'app') {
        await s.provisioning.configs.markReconciled(job.appId, now);
        await s.provisioning.log.append({
          appId: job.appId, at: now, operation: 'reconcile', objectType: null, localId: null, remoteId: null, status: null,
          outcome: 'success', error: summary(results.counts), durationMs: null, attempt,
        });
      }
      for (const key of results.followUps) await s.provisioning.jobs.enqueue(key, now);
      await s.provisioning.jobs.complete(job);
      return 'done';
    }
    return recordFailure(s, deps, job, config, failure, failures, now);
  });
}

async function recordFailure(
  s: TenantScope, deps: EngineDeps, job: ProvisioningJob, config: ProvisioningConfig,
  failure: { kind: PushErrorKind; message: string; retryAfterMs: number | null }, failures: number, now: string,
): Promise<'retry' | 'failed'> {
  const attempts = job.attempts + 1;
  const next = nextAttempt(attempts, failure.kind, failure.retryAfterMs, deps.random());
  if (next.retry) await s.provisioning.jobs.reschedule(job, { availableAt: addMs(now, next.delayMs), attempts, lastError: failure.message });
  else {
    await s.provisioning.log.append({
      appId: job.appId, at: now, operation: `${job.kind} ${job.objectId}`, objectType: job.kind === 'app' ? null : job.kind,
      localId: job.kind === 'app' ? null : job.objectId, remoteId: null, status: null, outcome: 'failure',
      error: `not retried: ${failure.message}`, durationMs: null, attempt: attempts,
    });
    await s.provisioning.jobs.complete(job);
  }
  if (shouldQuarantine(failures) && config.state === 'enabled') {
    await s.provisioning.configs.setState(job.appId, 'quarantined', now, failure.message);
    await s.audit.append({
      action: 'provisioning.quarantined', actorType: 'system', actorId: null, channel: 'system', targetType: 'provisioning',
      targetId: job.appId, outcome: 'success', reason: null, before: { state: 'enabled' },
      after: { state: 'quarantined', consecutiveFailures: failures, lastError: failure.message }, requestId: null, occurredAt: now,
    });
  }
  return next.retry ? 'retry' : 'failed';
}

function summary(counts: Record<string, number>): string | null {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([op, n]) => `${op}: ${n}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}
