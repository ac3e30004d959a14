// Loads a whole directory (users, groups, memberships, nesting) into one tenant at once: the
// benchmark's load and an operator's first import. It writes rows directly, bypassing the use cases,
// so it is for an empty tenant only and writes one audit event for the whole import.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, GroupsTable, MembershipsTable, UsersTable } from './schema.js';
import type { Storage } from './open-storage.js';
import { chunks } from './sql-helpers.js';
import { shortestDepths } from './repositories/closure.js';

export interface BulkUser { id: string; userPrincipalName: string; displayName: string; mail: string | null }
export interface BulkGroup { id: string; displayName: string; mailNickname: string; description: string | null }
export interface BulkDirectory {
  users: readonly BulkUser[];
  groups: readonly BulkGroup[];
  /** [groupId, userId] — an iterable, so a million pairs need not sit in memory at once. */
  userMembers: Iterable<readonly [string, string]>;
  /** [parentGroupId, childGroupId] */
  groupMembers: readonly (readonly [string, string])[];
}

export interface BulkImportResult { users: number; groups: number; memberships: number; closureRows: number }

export async function bulkImport(storage: Storage, tenantId: string, dir: BulkDirectory, at: string): Promise<BulkImportResult> {
  const { db } = storage;
  const users: UsersTable[] = dir.users.map((u) => ({
    tenant_id: tenantId, id: u.id, user_principal_name: u.userPrincipalName, upn_lower: u.userPrincipalName.toLowerCase(),
    display_name: u.displayName, mail: u.mail, given_name: null, surname: null, department: null, job_title: null,
    company_name: null, office_location: null, account_enabled: 1, user_type: 'Member', external_id: null, created_at: at,
  }));
  const groups: GroupsTable[] = dir.groups.map((g) => ({
    tenant_id: tenantId, id: g.id, display_name: g.displayName, description: g.description, mail_nickname: g.mailNickname,
    mail_nickname_lower: g.mailNickname.toLowerCase(), mail: null, is_unified: 0, is_dynamic: 0, security_enabled: 1,
    mail_enabled: 0, visibility: 'Private', join_policy: 'closed', classification: null, created_via: 'api', created_by: null,
    created_at: at, renewed_at: at, expires_at: null, deleted_at: null, membership_rule: null, membership_rule_state: null,
    is_assignable_to_role: 0, on_prem_sync_enabled: 0, externally_managed: 0,
  }));
  const member = (groupId: string, memberId: string, type: 'user' | 'group'): MembershipsTable => ({
    tenant_id: tenantId, group_id: groupId, member_id: memberId, member_type: type, source: 'direct',
    added_by: null, added_at: at, expires_at: null, request_id: null,
  });
  const closure = closureRows(tenantId, dir.groups.map((g) => g.id), dir.groupMembers);
  let memberships = 0;

  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'users', users, 400);
    await insertRows(trx, 'groups', groups, 200);
    await insertRows(trx, 'group_closure', closure, 1000);
    const pairs = allPairs(dir);
    if (storage.engine === 'postgres') {
      for (const part of chunked(pairs, 20_000)) {
        memberships += part.length;
        await insertMembershipsUnnest(trx, tenantId, part, at);
      }
    } else {
      for (const part of chunked(pairs, 1000)) {
        memberships += part.length;
        await trx.insertInto('memberships').values(part.map(([g, m, t]) => member(g, m, t))).execute();
      }
    }
    await trx.insertInto('audit_events').values({
      tenant_id: tenantId, id: randomUUID(), occurred_at: at, action: 'directory.import', actor_type: 'system', actor_id: null,
      channel: 'system', target_type: 'tenant', target_id: tenantId, outcome: 'success', reason: null, before_json: null,
      after_json: JSON.stringify({ users: users.length, groups: groups.length, memberships }),
      request_id: null,
    }).execute();
  });
  if (storage.engine === 'postgres') await sql`analyze`.execute(db);
  else await sql`pragma optimize`.execute(db);
  return { users: users.length, groups: groups.length, memberships, closureRows: closure.length };
}

type TableName = 'users' | 'groups' | 'group_closure' | 'memberships';

async function insertRows<T extends object>(trx: Kysely<Database>, table: TableName, rows: readonly T[], size: number): Promise<void> {
  for (const part of chunks(rows, size)) {
    await trx.insertInto(table).values(part as never).execute();
  }
}

type Pair = readonly [string, string, 'user' | 'group'];

function* allPairs(dir: BulkDirectory): Generator<Pair> {
  for (const [g, u] of dir.userMembers) yield [g, u, 'user'];
  for (const [p, c] of dir.groupMembers) yield [p, c, 'group'];
}

function* chunked<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let part: T[] = [];
  for (const item of items) {
    part.push(item);
    if (part.length === size) {
      yield part;
      part = [];
    }
  }
  if (part.length > 0) yield part;
}

/** PostgreSQL: thousands of rows per statement as parallel arrays (unnest) — far fewer round trips than VALUES lists. */
async function insertMembershipsUnnest(trx: Kysely<Database>, tenantId: string, part: readonly Pair[], at: string): Promise<void> {
  await sql`insert into memberships (tenant_id, group_id, member_id, member_type, source, added_at)
    select ${tenantId}, g, m, t, 'direct', ${at}
    from unnest(${part.map((r) => r[0])}::text[], ${part.map((r) => r[1])}::text[], ${part.map((r) => r[2])}::text[]) as x(g, m, t)`
    .execute(trx);
}

/** The transitive closure of the nesting edges, with a depth-0 self row per group (shortest depths). */
export function closureRows(tenantId: string, groupIds: readonly string[], edges: readonly (readonly [string, string])[]) {
  const children = new Map<string, string[]>();
  for (const [p, c] of edges) children.set(p, [...(children.get(p) ?? []), c]);
  const rows: { tenant_id: string; ancestor_id: string; descendant_id: string; depth: number }[] = [];
  for (const root of groupIds) {
    for (const [node, d] of shortestDepths(root, children)) rows.push({ tenant_id: tenantId, ancestor_id: root, descendant_id: node, depth: d });
  }
  return rows;
}
