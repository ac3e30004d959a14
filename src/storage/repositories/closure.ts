// The group-nesting closure: one row (ancestor, descendant, depth) per pair of groups joined by a path
// of group-in-group memberships, plus a depth-0 self row per group. Transitive checks are then single
// indexed joins. Depth is the length of the shortest path.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Engine } from '../sql-helpers.js';
import { chunks } from '../sql-helpers.js';

/**
 * Serialises nesting changes within a tenant on PostgreSQL (transaction-scoped advisory lock), so two
 * concurrent add/remove transactions cannot each rebuild the closure from a view missing the other's
 * edge. SQLite transactions are already serial.
 */
export async function lockNesting(db: Kysely<Database>, engine: Engine, tenantId: string): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${`roster:nesting:${tenantId}`}, 0))`.execute(db);
}

export async function insertSelfRow(db: Kysely<Database>, tenantId: string, groupId: string): Promise<void> {
  await db.insertInto('group_closure')
    .values({ tenant_id: tenantId, ancestor_id: groupId, descendant_id: groupId, depth: 0 })
    .onConflict((oc) => oc.doNothing()).execute();
}

/** After inserting edge parent → child: every ancestor of parent (incl. itself) gains every descendant of child (incl. itself). */
export async function addEdge(db: Kysely<Database>, tenantId: string, parentId: string, childId: string): Promise<void> {
  await db.insertInto('group_closure')
    .columns(['tenant_id', 'ancestor_id', 'descendant_id', 'depth'])
    .expression(
      db.selectFrom(['group_closure as up', 'group_closure as down'])
        .select([
          'up.tenant_id', 'up.ancestor_id', 'down.descendant_id',
          sql<number>`${sql.ref('up.depth')} + ${sql.ref('down.depth')} + 1`.as('depth'),
        ])
        .where('up.tenant_id', '=', tenantId).where('up.descendant_id', '=', parentId)
        .where('down.tenant_id', '=', tenantId).where('down.ancestor_id', '=', childId),
    )
    // Keep the shortest path (a DAG can reach the same descendant along paths of different length).
    .onConflict((oc) => oc.columns(['tenant_id', 'ancestor_id', 'descendant_id'])
      .doUpdateSet({ depth: (eb) => eb.ref('excluded.depth') })
      .where((eb) => eb('excluded.depth', '<', eb.ref('group_closure.depth'))))
    .execute();
}

/** Ancestors of a group including itself (its self row). */
export async function selfAndAncestors(db: Kysely<Database>, tenantId: string, groupId: string): Promise<string[]> {
  const rows = await db.selectFrom('group_closure').select('ancestor_id')
    .where('tenant_id', '=', tenantId).where('descendant_id', '=', groupId).execute();
  return [...new Set([groupId, ...rows.map((r) => r.ancestor_id)])];
}

/**
 * Recomputes the non-self closure rows of each root from the group edges that remain. Call it for
 * every ancestor (incl. itself) of a group that lost an outgoing or incoming path. Correct for DAGs:
 * a descendant still reachable through another parent keeps its row. Tolerates cycles (visited sets).
 */
export async function rebuildFrom(db: Kysely<Database>, tenantId: string, roots: readonly string[]): Promise<void> {
  const rootSet = [...new Set(roots)];
  if (rootSet.length === 0) return;
  for (const part of chunks(rootSet)) {
    await db.deleteFrom('group_closure').where('tenant_id', '=', tenantId)
      .where('ancestor_id', 'in', part).where('depth', '>', 0).execute();
  }

  // Load the edges below the roots, level by level (primary-key lookups on memberships).
  const children = new Map<string, string[]>();
  const seen = new Set(rootSet);
  let frontier = rootSet;
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const part of chunks(frontier)) {
      const edges = await db.selectFrom('memberships').select(['group_id', 'member_id'])
        .where('tenant_id', '=', tenantId).where('group_id', 'in', part).where('member_type', '=', 'group').execute();
      for (const e of edges) {
        children.set(e.group_id, [...(children.get(e.group_id) ?? []), e.member_id]);
        if (!seen.has(e.member_id)) {
          seen.add(e.member_id);
          next.push(e.member_id);
        }
      }
    }
    frontier = next;
  }

  const rows: { tenant_id: string; ancestor_id: string; descendant_id: string; depth: number }[] = [];
  for (const root of rootSet) {
    for (const [node, d] of shortestDepths(root, children)) {
      if (node !== root) rows.push({ tenant_id: tenantId, ancestor_id: root, descendant_id: node, depth: d });
    }
  }
  for (const part of chunks(rows, 200)) {
    await db.insertInto('group_closure').values(part).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** Breadth-first from root over parent → children edges: every reachable group with its shortest depth (root at 0). */
export function shortestDepths(root: string, children: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const depth = new Map<string, number>([[root, 0]]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const child of children.get(node) ?? []) {
      if (depth.has(child)) continue;
      depth.set(child, (depth.get(node) ?? 0) + 1);
      queue.push(child);
    }
  }
  return depth;
}
