// The lifecycle sweep: pending join requests past their expiry become expired, time-bound memberships
// end, groups deleted more than 30 days ago are purged, and change-feed rows no delta token can need
// are pruned, and the audit log's committed events are sealed into its hash chain (docs/adr/0016). Runs every tenant through the core on a timer; a failure is logged and retried next tick.
import type { Core } from '../core/index.js';

export interface SweepLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SweeperOptions {
  core: Pick<Core, 'expireJoinRequests' | 'expireMemberships' | 'purgeDeletedGroups' | 'pruneChangeFeed' | 'pruneSessions' | 'sealAuditLog'>;
  listTenantIds: () => Promise<string[]>;
  intervalMs: number;
  logger: SweepLogger;
}

export interface SweepResult {
  expiredRequests: number;
  expiredMemberships: number;
  purgedGroups: number;
  sealedAuditEvents: number;
  failedTenants: number;
}

export interface Sweeper {
  /** One pass over every tenant; never throws. */
  runOnce(): Promise<SweepResult>;
  /** Stops the timer and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

export function startSweeper(opts: SweeperOptions): Sweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<SweepResult> | undefined;

  async function sweep(): Promise<SweepResult> {
    const result: SweepResult = { expiredRequests: 0, expiredMemberships: 0, purgedGroups: 0, sealedAuditEvents: 0, failedTenants: 0 };
    let tenantIds: string[];
    try {
      tenantIds = await opts.listTenantIds();
    } catch (err) {
      opts.logger.error({ err }, 'sweep could not list tenants');
      return { ...result, failedTenants: 1 };
    }
    for (const tenantId of tenantIds) {
      if (stopped) break;
      try {
        result.expiredRequests += await opts.core.expireJoinRequests(tenantId);
        result.expiredMemberships += await opts.core.expireMemberships(tenantId);
        result.purgedGroups += await opts.core.purgeDeletedGroups(tenantId);
        await opts.core.pruneChangeFeed(tenantId);
        await opts.core.pruneSessions(tenantId);
        // Last, so the events this pass wrote are sealed with the rest (once below the horizon).
        result.sealedAuditEvents += await opts.core.sealAuditLog(tenantId);
      } catch (err) {
        result.failedTenants++;
        opts.logger.error({ err, tenantId }, 'sweep failed for tenant');
      }
    }
    if (result.expiredRequests > 0 || result.expiredMemberships > 0 || result.purgedGroups > 0) opts.logger.info({ ...result }, 'sweep expired items');
    return result;
  }

  function runOnce(): Promise<SweepResult> {
    // Never two passes at once: a slow pass and the next tick share one run.
    running ??= sweep().finally(() => { running = undefined; });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, opts.intervalMs);
    timer.unref();
  }

  schedule();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
