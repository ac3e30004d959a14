// Timing helpers: throughput over a fixed number of calls, latency percentiles, peak RSS.

export interface Figure {
  figure: string;
  engine: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
  detail?: Record<string, unknown>;
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const i = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, i)] as number;
}

export async function throughput<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<{ opsPerSec: number; seconds: number }> {
  const start = process.hrtime.bigint();
  for (const item of items) await fn(item);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { opsPerSec: items.length / seconds, seconds };
}

export async function latencies<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const item of items) {
    const start = process.hrtime.bigint();
    await fn(item);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

/** Samples RSS every 50 ms until stopped; returns the peak in MiB. */
export function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  timer.unref();
  return { stop: () => { clearInterval(timer); return Math.max(peak, process.memoryUsage().rss) / 2 ** 20; } };
}

/** A seeded PRNG (mulberry32) so every run asks the same questions. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
