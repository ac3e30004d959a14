import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSweeper, type Sweeper } from './sweeper.js';

const logger = () => ({ info: vi.fn(), error: vi.fn() });
let sweeper: Sweeper | undefined;
afterEach(async () => { await sweeper?.stop(); sweeper = undefined; vi.useRealTimers(); });

describe('sweeper', () => {
  it('expires requests and memberships in every tenant', async () => {
    const core = { expireJoinRequests: vi.fn(async () => 2), expireMemberships: vi.fn(async () => 1), purgeDeletedGroups: vi.fn(async () => 1), pruneChangeFeed: vi.fn(async () => 5), pruneSessions: vi.fn(async () => 0), sealAuditLog: vi.fn(async (t: string) => (t === 't1' ? 3 : 4)) };
    const log = logger();
    sweeper = startSweeper({ core, listTenantIds: async () => ['t1', 't2'], intervalMs: 60_000, logger: log });
    expect(await sweeper.runOnce()).toEqual({ expiredRequests: 4, expiredMemberships: 2, purgedGroups: 2, sealedAuditEvents: 7, failedTenants: 0 });
    expect(core.pruneChangeFeed.mock.calls).toEqual([['t1'], ['t2']]);
    expect(core.pruneSessions.mock.calls).toEqual([['t1'], ['t2']]);
    expect(core.sealAuditLog.mock.calls).toEqual([['t1'], ['t2']]);
    // Sealing comes last in a tenant's pass, so the audit events the other steps wrote are sealed too.
    expect(core.sealAuditLog.mock.invocationCallOrder[0]).toBeGreaterThan(core.pruneChangeFeed.mock.invocationCallOrder[0] ?? Infinity);
    expect(core.expireJoinRequests.mock.calls).toEqual([['t1'], ['t2']]);
    expect(core.expireMemberships.mock.calls).toEqual([['t1'], ['t2']]);
    expect(log.info).toHaveBeenCalledOnce();
  });

  it('logs a failing tenant and carries on with the others', async () => {
    const core = {
      expireJoinRequests: vi.fn(async (t: string) => { if (t === 'bad') throw new Error('boom'); return 1; }),
      expireMemberships: vi.fn(async () => 0), purgeDeletedGroups: vi.fn(async () => 0), pruneChangeFeed: vi.fn(async () => 0), pruneSessions: vi.fn(async () => 0),
      sealAuditLog: vi.fn(async () => 2),
    };
    const log = logger();
    sweeper = startSweeper({ core, listTenantIds: async () => ['bad', 'good'], intervalMs: 60_000, logger: log });
    expect(await sweeper.runOnce()).toEqual({ expiredRequests: 1, expiredMemberships: 0, purgedGroups: 0, sealedAuditEvents: 2, failedTenants: 1 });
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ tenantId: 'bad' }), 'sweep failed for tenant');
  });

  it('a tenant whose sealing fails is logged and the others are still sealed', async () => {
    const core = {
      expireJoinRequests: vi.fn(async () => 0), expireMemberships: vi.fn(async () => 0), purgeDeletedGroups: vi.fn(async () => 0), pruneChangeFeed: vi.fn(async () => 0), pruneSessions: vi.fn(async () => 0),
      sealAuditLog: vi.fn(async (t: string) => { if (t === 'bad') throw new Error('lock timeout'); return 5; }),
    };
    const log = logger();
    sweeper = startSweeper({ core, listTenantIds: async () => ['bad', 'good'], intervalMs: 60_000, logger: log });
    expect(await sweeper.runOnce()).toMatchObject({ sealedAuditEvents: 5, failedTenants: 1 });
    expect(core.sealAuditLog.mock.calls).toEqual([['bad'], ['good']]);
  });

  it('survives a failure to list tenants', async () => {
    const log = logger();
    const core = { expireJoinRequests: vi.fn(), expireMemberships: vi.fn(), purgeDeletedGroups: vi.fn(), pruneChangeFeed: vi.fn(), pruneSessions: vi.fn(), sealAuditLog: vi.fn() };
    sweeper = startSweeper({ core, listTenantIds: async () => { throw new Error('db down'); }, intervalMs: 60_000, logger: log });
    expect((await sweeper.runOnce()).failedTenants).toBe(1);
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('runs on its interval and stops when asked', async () => {
    vi.useFakeTimers();
    const core = { expireJoinRequests: vi.fn(async () => 0), expireMemberships: vi.fn(async () => 0), purgeDeletedGroups: vi.fn(async () => 0), pruneChangeFeed: vi.fn(async () => 0), pruneSessions: vi.fn(async () => 0), sealAuditLog: vi.fn(async () => 0) };
    sweeper = startSweeper({ core, listTenantIds: async () => ['t1'], intervalMs: 1000, logger: logger() });
    await vi.advanceTimersByTimeAsync(3500);
    expect(core.expireJoinRequests).toHaveBeenCalledTimes(3);
    await sweeper.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(core.expireJoinRequests).toHaveBeenCalledTimes(3);
  });

  it('never runs two passes at once', async () => {
    let release: () => void = () => {};
    const core = { expireJoinRequests: vi.fn(() => new Promise<number>((r) => { release = () => r(0); })), expireMemberships: vi.fn(async () => 0), purgeDeletedGroups: vi.fn(async () => 0), pruneChangeFeed: vi.fn(async () => 0), pruneSessions: vi.fn(async () => 0), sealAuditLog: vi.fn(async () => 0) };
    sweeper = startSweeper({ core, listTenantIds: async () => ['t1'], intervalMs: 60_000, logger: logger() });
    const a = sweeper.runOnce();
    const b = sweeper.runOnce();
    expect(a).toBe(b);
    await vi.waitFor(() => expect(core.expireJoinRequests).toHaveBeenCalledOnce());
    release();
    await a;
  });
});
