// The HTTP load benchmark's own code (bench/http-*.ts) on a tiny data set for about a second per
// scenario, on both engines, so `npm run bench:http` cannot rot: it seeds, serves, drives all three
// scenarios and summarises them. It asserts what the run produced and that nothing failed, never speed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_DRIVER, runHttpBench, type ScenarioSummary } from '../bench/http-driver.js';
import { startBenchServer, type BenchServer } from '../bench/http-server.js';
import { formatTable } from '../bench/http-table.js';
import { rssSampler } from '../bench/measure.js';
import { describeEachEngine } from '../src/storage/testing/engines.js';

const TINY = { users: 300, groups: 40, memberships: 1_500, pendingRequests: 60, approvalGroups: 8, readers: 50 };

describeEachEngine('bench:http driver (tiny data set, ~1 s per scenario)', (getStorage) => {
  let server: BenchServer;
  let scenarios: ScenarioSummary[] = [];
  beforeAll(async () => {
    server = await startBenchServer(getStorage(), { scale: TINY, rateLimitPerMinute: 6000, tokenRateLimitPerMinute: 60 });
    let rss = rssSampler();
    scenarios = await runHttpBench({
      origin: server.origin, fixture: server.fixture,
      rss: { reset: async () => { rss.stop(); rss = rssSampler(); }, peakMiB: async () => rss.stop() },
    }, { ...DEFAULT_DRIVER, seconds: 1, readConnections: 4, writeConcurrency: 4, overloadConnections: 8, recoverySeconds: 2, probeSeconds: 0.25 });
  }, 60_000);
  afterAll(async () => { await server?.close(); });

  it('seeds the data set it was asked for and hands the client callers to act as', () => {
    const fx = server.fixture;
    expect(fx.readerTokens).toHaveLength(TINY.readers);
    expect(fx.approvalGroupIds).toHaveLength(TINY.approvalGroups);
    expect(fx.ownerTokens).toHaveLength(TINY.approvalGroups);
    expect(fx.requesterTokens).toHaveLength(TINY.users - TINY.approvalGroups - TINY.pendingRequests);
    expect(new Set(fx.readerTokens).size).toBe(TINY.readers);
  });

  it('runs the read mix, the write mix and overload: throughput, no 5xx, every decision read back', () => {
    expect(scenarios.map((s) => s.scenario)).toEqual(['read mix', 'write mix', 'overload']);
    for (const s of scenarios) {
      expect(s.requests, s.scenario).toBeGreaterThan(0);
      expect(s.reqPerSec, s.scenario).toBeGreaterThan(0);
      expect(s.status['2xx'], s.scenario).toBeGreaterThan(0);
      expect({ scenario: s.scenario, '5xx': s.status['5xx'], errors: s.errors, samples: s.samples }).toEqual({ scenario: s.scenario, '5xx': 0, errors: 0, samples: [] });
      expect(s.checks.length, s.scenario).toBeGreaterThan(0);
    }
    const [read, write] = scenarios as [ScenarioSummary, ScenarioSummary, ScenarioSummary];
    expect(read.status['503'] + write.status['503']).toBe(0);
    expect(write.detail.decisions).toBeGreaterThan(0);
    expect(write.detail.readAfterWriteSeen).toBe(write.detail.decisions);
    expect(write.detail.readAfterWriteMissed).toBe(0);
  });

  it('prints a table row per scenario and one verdict per target', () => {
    const table = formatTable(scenarios);
    for (const s of scenarios) expect(table).toContain(`| ${s.scenario.padEnd(9)} |`);
    expect(table.match(/ (met|MISSED)$/gm)).toHaveLength(scenarios.reduce((n, s) => n + s.checks.length, 0));
  });
});
