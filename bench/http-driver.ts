// The three scenarios of SECURITY §4 "Load held" against a running server: the read mix (saturation),
// the write mix (request → approve/deny → read-after-write) and overload at 2× the read saturation
// rate, followed by the recovery probe. Used by `npm run bench:http` and by its smoke test.
import { Pool } from 'undici';
import { cannon, probeP99, readRequests, Recorder, type Tally } from './http-load.js';
import type { Fixture } from './http-seed.js';
import { percentile } from './measure.js';

export interface Target {
  origin: string;
  fixture: Fixture;
  /** The server's peak RSS since the last reset, in MiB. */
  rss: { reset(): Promise<void>; peakMiB(): Promise<number> };
}

export interface DriverOptions {
  seconds: number;
  readConnections: number;
  writeConcurrency: number;
  /** Overload offers this multiple of the read mix's measured saturation rate. */
  overloadFactor: number;
  overloadConnections: number;
  /** Share of overload traffic sent with one token (a runaway script), to reach the per-token rate limit (429). */
  greedyShare: number;
  /** Longest wait for p99 to come back to the baseline after overload, and the probe window. */
  recoverySeconds: number;
  probeSeconds: number;
}

export const DEFAULT_DRIVER: DriverOptions = {
  seconds: 60, readConnections: 16, writeConcurrency: 16, overloadFactor: 2, overloadConnections: 128, greedyShare: 0.5, recoverySeconds: 10, probeSeconds: 1,
};

export interface Check { what: string; target: string; value: number; met: boolean }
export interface ScenarioSummary extends Omit<Tally, 'samples'> {
  scenario: 'read mix' | 'write mix' | 'overload';
  reqPerSec: number;
  rssPeakMiB: number;
  detail: Record<string, number>;
  checks: Check[];
  samples: string[];
}

const check = (what: string, target: string, value: number, met: boolean): Check => ({ what, target, value: +value.toFixed(2), met });
const no5xx = (t: Tally) => check('5xx answers', '= 0', t.status['5xx'] + t.status['503'], t.status['5xx'] + t.status['503'] === 0);

function summary(scenario: ScenarioSummary['scenario'], t: Tally, rssPeakMiB: number, detail: Record<string, number>, checks: Check[]): ScenarioSummary {
  return { scenario, ...t, reqPerSec: t.seconds > 0 ? t.requests / t.seconds : 0, rssPeakMiB: +rssPeakMiB.toFixed(1), detail, checks };
}

export async function runHttpBench(target: Target, opts: DriverOptions): Promise<ScenarioSummary[]> {
  const requests = readRequests(target.fixture, 20_000, 1);
  // Warm-up: JIT, statement caches and connection pools, not measured.
  await probeP99(target.origin, requests, Math.min(2, opts.seconds / 2), 4);

  await target.rss.reset();
  const read = await cannon({ origin: target.origin, requests, seconds: opts.seconds, connections: opts.readConnections });
  const readRate = read.requests / read.seconds;
  const readSummary = summary('read mix', read, await target.rss.peakMiB(), { connections: opts.readConnections }, [
    check('throughput', '>= 1000 req/s', readRate, readRate >= 1000), check('p99', '<= 50 ms', read.p99, read.p99 <= 50), no5xx(read),
  ]);

  await target.rss.reset();
  const write = await writeMix(target, opts);

  const baseline = await probeP99(target.origin, requests, opts.probeSeconds * 2);
  await target.rss.reset();
  const overload = await overloadScenario(target, opts, requests, readRate, baseline.p99);
  return [readSummary, write, overload];
}

/** Each cycle: a requester asks to join an approval group, its owner approves (4 in 5) or denies, the requester checks. */
async function writeMix(target: Target, opts: DriverOptions): Promise<ScenarioSummary> {
  const fx = target.fixture;
  const pool = new Pool(target.origin, { connections: opts.writeConcurrency });
  const rec = new Recorder(pool);
  const decisionMs: number[] = [];
  const cycleMs: number[] = [];
  const R = fx.requesterTokens.length;
  const A = fx.approvalGroupIds.length;
  let next = 0;
  let decisions = 0;
  let seen = 0;
  let missed = 0;
  const started = Date.now();
  const deadline = started + opts.seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const i = next++;
      // A distinct (requester, group) pair for the first R × A cycles.
      const token = fx.requesterTokens[i % R] as string;
      const g = (i + Math.floor(i / R)) % A;
      const groupId = fx.approvalGroupIds[g] as string;
      const t0 = process.hrtime.bigint();
      const created = await rec.send('POST', `/v1.0/groups/${groupId}/joinRequests`, token, { justification: 'load bench' });
      if (created?.status !== 201) continue;
      const approve = i % 5 !== 4;
      const t1 = process.hrtime.bigint();
      const decided = await rec.send('POST', `/v1.0/joinRequests/${String(created.json.id)}/${approve ? 'approve' : 'deny'}`, fx.ownerTokens[g] as string, {});
      if (decided?.status !== 200) continue;
      decisions++;
      decisionMs.push(Number(process.hrtime.bigint() - t1) / 1e6);
      const read = await rec.send('POST', '/v1.0/me/checkMemberGroups', token, { groupIds: [groupId] });
      cycleMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (read?.status !== 200) { missed++; continue; }
      const isMember = (read.json.value as string[]).includes(groupId);
      if (isMember === approve) seen++;
      else missed++;
    }
  };
  await Promise.all(Array.from({ length: opts.writeConcurrency }, worker));
  await pool.close();
  const seconds = (Date.now() - started) / 1000;
  const t = rec.finish(seconds);
  decisionMs.sort((a, b) => a - b);
  cycleMs.sort((a, b) => a - b);
  const perSec = decisions / seconds;
  const decisionP99 = percentile(decisionMs, 99);
  const rawPct = seen + missed > 0 ? (100 * seen) / (seen + missed) : 0;
  return summary('write mix', t, await target.rss.peakMiB(), {
    concurrency: opts.writeConcurrency, decisions, decisionsPerSec: +perSec.toFixed(1), decisionP50: +percentile(decisionMs, 50).toFixed(2),
    decisionP99: +decisionP99.toFixed(2), cycleP50: +percentile(cycleMs, 50).toFixed(2), cycleP99: +percentile(cycleMs, 99).toFixed(2),
    readAfterWriteSeen: seen, readAfterWriteMissed: missed,
  }, [
    check('decisions', '>= 150 /s', perSec, perSec >= 150), check('p99 (every request)', '<= 200 ms', t.p99, t.p99 <= 200),
    check('read-after-write seen', '= 100 %', rawPct, missed === 0 && seen > 0), no5xx(t),
  ]);
}

async function overloadScenario(target: Target, opts: DriverOptions, requests: ReturnType<typeof readRequests>, saturation: number, baselineP99: number): Promise<ScenarioSummary> {
  const greedy = `Bearer ${target.fixture.readerTokens[0] as string}`;
  const every = opts.greedyShare > 0 ? Math.round(1 / opts.greedyShare) : 0;
  const mixed = requests.map((r, i) => (every > 0 && i % every === 0 ? { ...r, authorization: greedy } : r));
  const rate = saturation * opts.overloadFactor;
  const t = await cannon({ origin: target.origin, requests: mixed, seconds: opts.seconds, connections: opts.overloadConnections, overallRate: rate });
  const rss = await target.rss.peakMiB();
  // Recovery: light probes in windows until a window's p99 is back within 1.5× (+2 ms) of the baseline.
  const threshold = Math.max(baselineP99 * 1.5, baselineP99 + 2);
  const stopped = Date.now();
  let recovered = -1;
  let lastP99 = 0;
  while ((Date.now() - stopped) / 1000 < opts.recoverySeconds) {
    lastP99 = (await probeP99(target.origin, requests, opts.probeSeconds)).p99;
    if (lastP99 <= threshold) { recovered = (Date.now() - stopped) / 1000; break; }
  }
  const onlyAllowed = t.status['4xx'] === 0 && t.status.other === 0 && t.status['5xx'] === 0 && t.retryAfterMissing === 0;
  return summary('overload', t, rss, {
    offeredRate: Math.round(rate), connections: opts.overloadConnections, greedyShare: opts.greedyShare,
    baselineP99: +baselineP99.toFixed(2), recoveryThresholdP99: +threshold.toFixed(2), recoveredAfterSeconds: +recovered.toFixed(2), lastProbeP99: +lastP99.toFixed(2),
  }, [
    check('answers other than 2xx / 429+Retry-After / 503', '= 0', t.status['4xx'] + t.status.other + t.retryAfterMissing + t.status['5xx'], onlyAllowed),
    check('slowest answer', '< 5000 ms', t.max, t.max < 5000 && t.timeouts === 0 && t.errors === 0),
    check('server RSS peak', '< 512 MiB', rss, rss < 512),
    check('p99 back to baseline', `<= ${opts.recoverySeconds} s`, recovered, recovered >= 0),
  ]);
}
