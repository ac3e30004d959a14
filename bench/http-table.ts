// The human table of `npm run bench:http`: one row per scenario, then each target with its verdict.
import type { ScenarioSummary } from './http-driver.js';

const pad = (s: string | number, n: number) => String(s).padStart(n);

export function formatTable(scenarios: readonly ScenarioSummary[]): string {
  const lines = [
    '| scenario  |    req/s | p50 ms | p99 ms |  max ms |    2xx |   4xx |   429 |  503 | other 5xx | errors | RSS peak MiB |',
    '|-----------|----------|--------|--------|---------|--------|-------|-------|------|-----------|--------|--------------|',
  ];
  for (const s of scenarios) {
    lines.push(`| ${s.scenario.padEnd(9)} | ${pad(Math.round(s.reqPerSec).toLocaleString('en'), 8)} | ${pad(s.p50.toFixed(1), 6)} | ${pad(s.p99.toFixed(1), 6)} | ${pad(s.max.toFixed(0), 7)} | ${pad(s.status['2xx'], 6)} | ${pad(s.status['4xx'], 5)} | ${pad(s.status['429'], 5)} | ${pad(s.status['503'], 4)} | ${pad(s.status['5xx'], 9)} | ${pad(s.errors, 6)} | ${pad(s.rssPeakMiB.toFixed(0), 12)} |`);
  }
  lines.push('');
  for (const s of scenarios) {
    for (const c of s.checks) lines.push(`  ${s.scenario.padEnd(9)}  ${c.what.padEnd(48)} ${pad(c.value, 10)}  target ${c.target.padEnd(14)} ${c.met ? 'met' : 'MISSED'}`);
    const extra = Object.entries(s.detail).map(([k, v]) => `${k}=${v}`).join(' ');
    if (extra) lines.push(`  ${s.scenario.padEnd(9)}  ${extra}`);
    for (const sample of s.samples) lines.push(`  ${s.scenario.padEnd(9)}  sample: ${sample}`);
  }
  return lines.join('\n');
}
