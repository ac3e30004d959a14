// The data set of SECURITY §4 "Load held": 10k users, 2k groups, 100k memberships, 5k pending join
// requests. ../shared/bench/gen.mjs takes only --users/--groups and derives the memberships from fixed
// Zipf tiers (at 10k × 2k it writes ~360k, not 100k, and no join requests), so this file seeds its own,
// deterministically: the directory through bulkImport, then the approval groups, their owners, the
// pending requests and the callers' tokens through the core's use cases (so they are real rows).
import type { Caller, Core } from '../src/core/index.js';
import { bulkImport, type BulkDirectory } from '../src/storage/bulk-import.js';
import type { Storage } from '../src/storage/open-storage.js';
import { groupUuid, userUuid } from './directory.js';
import { prng } from './measure.js';

export interface SeedScale {
  users: number;
  groups: number;
  memberships: number;
  pendingRequests: number;
  /** Of `groups`: Unified, Private, approval groups with one owner each, created through the core. */
  approvalGroups: number;
  /** Distinct users whose tokens the read mix spreads its requests over. */
  readers: number;
}

export const SECURITY_SCALE: SeedScale = { users: 10_000, groups: 2_000, memberships: 100_000, pendingRequests: 5_000, approvalGroups: 200, readers: 2_000 };

/** What the load client needs: callers' tokens and the names and ids to ask about. */
export interface Fixture {
  scale: SeedScale;
  readerTokens: string[];
  upns: string[];
  displayNamePrefixes: string[];
  /** Index-aligned: approval group i is decided by owner token i. */
  approvalGroupIds: string[];
  ownerTokens: string[];
  /** Users with no pending request and no approval-group membership: the write mix's requesters. */
  requesterTokens: string[];
  seedSeconds: number;
}

const DEPARTMENTS = ['Finance', 'Sales', 'Engineering', 'Marketing', 'Legal', 'Support', 'Research', 'Operations', 'People', 'Security'];
const upnOf = (n: number) => `u${String(n).padStart(6, '0')}@bench.test`;

/** Zipf-like group sizes (exponent 0.9) summing to exactly `total`, each ≤ users. */
export function groupSizes(groups: number, users: number, total: number): number[] {
  const weights = Array.from({ length: groups }, (_, r) => 1 / (r + 1) ** 0.9);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.min(users, Math.max(1, Math.floor((w / sum) * total))));
  let missing = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; missing !== 0; i = (i + 1) % groups) {
    const step = missing > 0 ? 1 : -1;
    const next = (sizes[i] as number) + step;
    if (next >= 1 && next <= users) { sizes[i] = next; missing -= step; }
  }
  return sizes;
}

function directory(scale: SeedScale): BulkDirectory {
  const imported = scale.groups - scale.approvalGroups;
  const users = Array.from({ length: scale.users }, (_, i) => ({ id: userUuid(i + 1), userPrincipalName: upnOf(i + 1), displayName: `User ${i + 1}`, mail: upnOf(i + 1) }));
  const groups = Array.from({ length: imported }, (_, i) => {
    const name = `${DEPARTMENTS[i % DEPARTMENTS.length]} ${String(i + 1).padStart(4, '0')}`;
    return { id: groupUuid(i + 1), displayName: name, mailNickname: `g${i + 1}`, description: `synthetic group ${i + 1}` };
  });
  const sizes = groupSizes(imported, scale.users, scale.memberships);
  const random = prng(42);
  function* userMembers(): Generator<readonly [string, string]> {
    for (let g = 0; g < imported; g++) {
      // Floyd's sampling: `k` distinct users out of 1..users.
      const k = sizes[g] as number;
      const chosen = new Set<number>();
      for (let j = scale.users - k + 1; j <= scale.users; j++) {
        const t = 1 + Math.floor(random() * j);
        chosen.add(chosen.has(t) ? j : t);
      }
      for (const u of chosen) yield [groupUuid(g + 1), userUuid(u)];
    }
  }
  return { users, groups, userMembers: userMembers(), groupMembers: [] };
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
async function pool<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => { for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T, i); };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return out;
}

/**
 * Seeds an empty tenant. Users 1..A own approval group 1..A; users A+1..A+P hold the pending
 * requests (round-robin over the approval groups); the rest are the write mix's requesters.
 */
export async function seedLoadData(storage: Storage, core: Core, tenantId: string, adminId: string, scale: SeedScale): Promise<Fixture> {
  const started = process.hrtime.bigint();
  const A = scale.approvalGroups;
  if (A < 1 || A + scale.pendingRequests >= scale.users) throw new Error('scale: need users > approvalGroups + pendingRequests');
  if (scale.groups <= A || scale.memberships > (scale.groups - A) * scale.users) throw new Error('scale: need groups > approvalGroups and room for the memberships');
  await bulkImport(storage, tenantId, directory(scale), new Date().toISOString());
  const admin: Caller = { tenantId, principal: { type: 'user', userId: adminId }, channel: 'adminCenter' };
  const system: Caller = { tenantId, principal: { type: 'system' }, channel: 'api' };
  const as = (n: number): Caller => ({ tenantId, principal: { type: 'user', userId: userUuid(n) }, channel: 'myGroups' });
  const concurrency = storage.engine === 'postgres' ? 8 : 1;
  await core.updateSettings(admin, { ownersCanManageJoinRequests: true });

  const owners = Array.from({ length: A }, (_, i) => i + 1);
  const approvalGroupIds = await pool(owners, concurrency, async (owner, i) => (await core.createGroup(admin, {
    displayName: `${DEPARTMENTS[i % DEPARTMENTS.length]} approvals ${String(i + 1).padStart(3, '0')}`, mailNickname: `approvals${i + 1}`,
    groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false, visibility: 'Private', joinPolicy: 'approval', owners: [userUuid(owner)],
  })).group.id);
  const pending = Array.from({ length: scale.pendingRequests }, (_, k) => A + 1 + k);
  await pool(pending, concurrency, (user, k) => core.requestToJoin(as(user), { groupId: approvalGroupIds[k % A] as string, justification: 'seeded' }));

  const token = async (n: number) => (await core.createUserToken(system, { userId: userUuid(n), days: 1 })).accessToken;
  const stride = scale.users / scale.readers;
  const readers = Array.from({ length: scale.readers }, (_, i) => 1 + Math.floor(i * stride));
  const requesters = Array.from({ length: scale.users - A - scale.pendingRequests }, (_, i) => A + scale.pendingRequests + 1 + i);
  const random = prng(7);
  return {
    scale,
    readerTokens: await pool(readers, concurrency, token),
    upns: Array.from({ length: 1000 }, () => upnOf(1 + Math.floor(random() * scale.users))),
    displayNamePrefixes: [...DEPARTMENTS, ...DEPARTMENTS.map((d, i) => `${d} 0${i % 2}`)],
    approvalGroupIds,
    ownerTokens: await pool(owners, concurrency, token),
    requesterTokens: await pool(requesters, concurrency, token),
    seedSeconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}
