// The standard benchmark directory (../shared/bench/gen.mjs): generated once per size and cached under
// .bench-data/, parsed into compact arrays; numeric ids become fixed UUIDs so runs are comparable.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BulkDirectory } from '../src/storage/bulk-import.js';

const ROOT = resolve(import.meta.dirname, '..');
const GENERATOR = resolve(ROOT, '../shared/bench/gen.mjs');

export const userUuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const groupUuid = (n: number): string => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;

export interface Stats {
  users: number;
  groups: number;
  directUserMemberships: number;
  groupInGroupEdges: number;
  biggestGroup: { id: number; members: number };
}

/** The directory to load: `dir` if given, else the generated standard one (users × groups, seed 42). */
export function ensureDirectory(dir: string | undefined, users: number, groups: number): string {
  if (dir) {
    if (!existsSync(join(dir, 'stats.json'))) throw new Error(`${dir} is not a benchmark directory (no stats.json).`);
    return dir;
  }
  const out = join(ROOT, '.bench-data', `std-${users}-${groups}`);
  if (existsSync(join(out, 'stats.json'))) return out;
  if (!existsSync(GENERATOR)) throw new Error(`The generator ${GENERATOR} is missing; pass --dir with a generated directory.`);
  const run = spawnSync(process.execPath, [GENERATOR, out, '--users', String(users), '--groups', String(groups), '--seed', '42'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`gen.mjs failed with status ${run.status}`);
  return out;
}

/** "a,b\n" lines → a flat Int32Array [a0, b0, a1, b1, …] (first two columns). */
export function readPairs(path: string, separator: string): Int32Array {
  const text = readFileSync(path, 'utf8');
  const out = new Int32Array(text.length / 2);
  let n = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const sep = text.indexOf(separator, start);
      out[n++] = Number(text.slice(start, sep));
      const next = text.indexOf(separator, sep + 1);
      out[n++] = Number(text.slice(sep + 1, next === -1 || next > end ? end : next));
    }
    start = end + 1;
  }
  return out.slice(0, n);
}

export function loadDirectory(path: string): { directory: BulkDirectory; stats: Stats } {
  const stats = JSON.parse(readFileSync(join(path, 'stats.json'), 'utf8')) as Stats;
  const users = readFileSync(join(path, 'users.csv'), 'utf8').split('\n').filter(Boolean).map((line) => {
    const [n, uid, cn, mail] = line.split(',') as [string, string, string, string];
    return { id: userUuid(Number(n)), userPrincipalName: `${uid}@bench.test`, displayName: cn, mail };
  });
  const groups = readFileSync(join(path, 'groups.csv'), 'utf8').split('\n').filter(Boolean).map((line) => {
    const [n, cn] = line.split(',') as [string, string];
    return { id: groupUuid(Number(n)), displayName: cn, mailNickname: cn, description: `synthetic group ${n}` };
  });
  const userPairs = readPairs(join(path, 'user_member.csv'), ',');
  const groupPairs = readPairs(join(path, 'group_member.csv'), ',');
  const groupMembers: Array<readonly [string, string]> = [];
  for (let i = 0; i < groupPairs.length; i += 2) groupMembers.push([groupUuid(groupPairs[i] as number), groupUuid(groupPairs[i + 1] as number)]);
  function* userMembers(): Generator<readonly [string, string]> {
    for (let i = 0; i < userPairs.length; i += 2) yield [groupUuid(userPairs[i] as number), userUuid(userPairs[i + 1] as number)];
  }
  return { directory: { users, groups, userMembers: userMembers(), groupMembers }, stats };
}

/** probe_trans.tsv / probe_check.tsv: "userId\tgroupId" → [userUuid, groupUuid] pairs. */
export function loadProbes(path: string, file: 'probe_trans.tsv' | 'probe_check.tsv', limit: number): Array<[string, string]> {
  const pairs = readPairs(join(path, file), '\t');
  const out: Array<[string, string]> = [];
  for (let i = 0; i < pairs.length && out.length < limit; i += 2) out.push([userUuid(pairs[i] as number), groupUuid(pairs[i + 1] as number)]);
  return out;
}
