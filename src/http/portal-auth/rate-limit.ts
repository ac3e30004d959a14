// Requests per client IP per window on /auth/login (SECURITY #12, #15), in memory: the lockout itself is
// in the database (shared by every node); this only slows one address down.
export interface IpLimiter {
  /** Counts a request; seconds to wait when this address is past the limit, else 0. */
  hit(ip: string, now: number): number;
}

export function ipLimiter(max: number, windowMs: number): IpLimiter {
  const seen = new Map<string, { count: number; resetAt: number }>();
  return {
    hit(ip, now) {
      if (seen.size > 100_000) for (const [k, v] of seen) if (v.resetAt <= now) seen.delete(k);
      let entry = seen.get(ip);
      if (!entry || entry.resetAt <= now) {
        entry = { count: 0, resetAt: now + windowMs };
        seen.set(ip, entry);
      }
      entry.count++;
      return entry.count > max ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
    },
  };
}
