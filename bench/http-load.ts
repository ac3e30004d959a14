// The load generators of the HTTP benchmark: the read mix through autocannon (closed loop at a fixed
// number of connections, or at a fixed overall rate for overload), and a small undici client for the
// write mix and the latency probes (they need each answer's body to chain the next request).
import autocannon from 'autocannon';
import { Pool } from 'undici';
import type { Fixture } from './http-seed.js';
import { percentile, prng } from './measure.js';

export interface Tally {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  /** '5xx' excludes 503 (load shedding is an allowed answer under overload, never elsewhere). */
  status: { '2xx': number; '4xx': number; '429': number; '503': number; '5xx': number; other: number };
  /** 429 answers without a Retry-After header. */
  retryAfterMissing: number;
  errors: number;
  timeouts: number;
  /** The first few 5xx (and unexpected 4xx) answers, for the report. */
  samples: string[];
}

interface ReadRequest { path: string; authorization: string }

const enc = encodeURIComponent;

/** The read mix: 40 % /me/memberOf, 30 % users by userPrincipalName, 20 % groups by name prefix, 10 % Unified groups. */
export function readRequests(fx: Fixture, count: number, seed: number): ReadRequest[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  return Array.from({ length: count }, () => {
    const authorization = `Bearer ${pick(fx.readerTokens)}`;
    const r = random();
    if (r < 0.4) return { path: '/v1.0/me/memberOf', authorization };
    if (r < 0.7) return { path: `/v1.0/users?$filter=${enc(`userPrincipalName eq '${pick(fx.upns)}'`)}`, authorization };
    if (r < 0.9) return { path: `/v1.0/groups?$filter=${enc(`startsWith(displayName,'${pick(fx.displayNamePrefixes)}')`)}`, authorization };
    return { path: `/v1.0/groups?$filter=${enc("groupTypes/any(c:c eq 'Unified')")}`, authorization };
  });
}

export interface CannonOptions {
  origin: string;
  requests: ReadRequest[];
  seconds: number;
  connections: number;
  /** Requests per second over all connections (open-ish loop); omitted: as fast as answers come. */
  overallRate?: number | undefined;
}

/** Runs autocannon over the given requests (cycled) and tallies the answers. */
export async function cannon(opts: CannonOptions): Promise<Tally> {
  let next = 0;
  let retryAfterMissing = 0;
  let count429 = 0;
  const samples: string[] = [];
  const result = await autocannon({
    url: opts.origin, connections: opts.connections, duration: opts.seconds, timeout: 10,
    ...(opts.overallRate ? { overallRate: Math.max(1, Math.round(opts.overallRate)) } : {}),
    requests: [{
      method: 'GET',
      setupRequest: (req) => {
        const r = opts.requests[next++ % opts.requests.length] as ReadRequest;
        return { ...req, method: 'GET', path: r.path, headers: { authorization: r.authorization } };
      },
      onResponse: (status, body, _context, headers) => {
        if (status === 429) {
          count429++;
          if (!headers?.['retry-after']) retryAfterMissing++;
        } else if (status >= 400 && status !== 503 && samples.length < 5) samples.push(`${status} ${body.slice(0, 200)}`);
      },
    }],
  });
  const stats = result.statusCodeStats ?? {};
  const total = Object.values(stats).reduce((a, s) => a + (s.count ?? 0), 0);
  const count503 = stats['503']?.count ?? 0;
  return {
    requests: total, seconds: result.duration, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max,
    status: { '2xx': result['2xx'], '4xx': result['4xx'] - count429, '429': count429, '503': count503, '5xx': result['5xx'] - count503, other: result['1xx'] + result['3xx'] },
    retryAfterMissing, errors: result.errors, timeouts: result.timeouts, samples,
  };
}

/** Collects per-request figures for the undici-driven scenarios. */
export class Recorder {
  readonly ms: number[] = [];
  readonly tally: Tally = { requests: 0, seconds: 0, p50: 0, p99: 0, max: 0, status: { '2xx': 0, '4xx': 0, '429': 0, '503': 0, '5xx': 0, other: 0 }, retryAfterMissing: 0, errors: 0, timeouts: 0, samples: [] };

  constructor(readonly pool: Pool) {}

  /** One request; returns its status and parsed JSON body (undefined on a transport error). */
  async send(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> } | undefined> {
    const started = process.hrtime.bigint();
    try {
      const res = await this.pool.request({
        method, path, headersTimeout: 10_000, bodyTimeout: 10_000,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.body.text();
      this.ms.push(Number(process.hrtime.bigint() - started) / 1e6);
      this.count(res.statusCode, res.headers['retry-after'] !== undefined, text);
      return { status: res.statusCode, json: text ? JSON.parse(text) as Record<string, unknown> : {} };
    } catch (error) {
      this.tally.errors++;
      if ((error as { code?: string }).code?.includes('TIMEOUT')) this.tally.timeouts++;
      return undefined;
    }
  }

  private count(status: number, hasRetryAfter: boolean, text: string): void {
    const s = this.tally.status;
    this.tally.requests++;
    if (status === 429) {
      s['429']++;
      if (!hasRetryAfter) this.tally.retryAfterMissing++;
    } else if (status === 503) s['503']++;
    else if (status >= 500) s['5xx']++;
    else if (status >= 400) s['4xx']++;
    else if (status >= 200 && status < 300) s['2xx']++;
    else s.other++;
    if (status >= 400 && status !== 429 && status !== 503 && this.tally.samples.length < 5) this.tally.samples.push(`${status} ${text.slice(0, 200)}`);
  }

  finish(seconds: number): Tally {
    const sorted = [...this.ms].sort((a, b) => a - b);
    return { ...this.tally, seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
  }
}

/** p99 (ms) of the read mix at a light, fixed concurrency for `seconds`: the baseline and the recovery probe. */
export async function probeP99(origin: string, requests: ReadRequest[], seconds: number, concurrency = 2): Promise<{ p99: number; tally: Tally }> {
  const pool = new Pool(origin, { connections: concurrency });
  const rec = new Recorder(pool);
  const deadline = Date.now() + seconds * 1000;
  let next = Math.floor(Math.random() * requests.length);
  const worker = async () => {
    while (Date.now() < deadline) {
      const r = requests[next++ % requests.length] as ReadRequest;
      await rec.send('GET', r.path, r.authorization.slice('Bearer '.length));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await pool.close();
  const tally = rec.finish(seconds);
  return { p99: tally.p99, tally };
}
