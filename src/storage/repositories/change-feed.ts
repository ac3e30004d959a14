// The change feed (migration 0003, ADR 0015): written by the group and membership repositories inside
// the transaction of the change, read by GET /groups/delta through the ChangeFeed port.
//
// Positions identify commits. PostgreSQL: the writing transaction's id, and a reader's snapshot is
// pg_current_snapshot() — below xmax and not in the in-flight list means committed — so a change that
// commits late (with a smaller id than one already read) is still read in the next round, and
// unrelated long transactions hold nothing back. SQLite: one writer at a time, so a per-tenant counter
// (max + 1) taken inside the write transaction, and a snapshot is max + 1 with nothing in flight.
import { sql, type Kysely } from 'kysely';
import type { FeedSnapshot } from '../../core/domain/group-delta.js';
import type { ChangeFeed, ChangeKey, GroupChange } from '../../core/ports.js';
import type { Instant, MemberType, TenantId } from '../../core/domain/model.js';
import type { Database } from '../schema.js';
import type { Engine } from '../sql-helpers.js';
import { changed, chunks } from '../sql-helpers.js';
import { commitPosition, nextCounterPosition } from '../commit-position.js';

const positionOf = (engine: Engine, tenantId: TenantId) => commitPosition(engine, 'change_log', tenantId);

const now = () => new Date().toISOString();

/** A group itself changed (created, edited, soft-deleted, restored, purged). */
export async function recordGroupChange(db: Kysely<Database>, engine: Engine, tenantId: TenantId, groupId: string): Promise<void> {
  await sql`insert into change_log (tenant_id, position, group_id, member_id, member_type, at)
    select ${tenantId}, ${positionOf(engine, tenantId)}, ${groupId}, '', null, ${now()}
    where true on conflict do nothing`.execute(db);
}

/** Memberships added or removed, listed by the caller. */
export async function recordMemberChanges(
  db: Kysely<Database>, engine: Engine, tenantId: TenantId,
  rows: ReadonlyArray<{ groupId: string; memberId: string; memberType: MemberType }>,
): Promise<void> {
  const at = now();
  for (const part of chunks(rows, 200)) {
    const values = sql.join(part.map((r) => sql`(${r.groupId}, ${r.memberId}, ${r.memberType})`));
    await sql`insert into change_log (tenant_id, position, group_id, member_id, member_type, at)
      select ${tenantId}, ${positionOf(engine, tenantId)}, v.column1, v.column2, v.column3, ${at}
      from (values ${values}) as v
      where true on conflict do nothing`.execute(db);
  }
}

/** Every current membership of a group (`group_id`) or of a member (`member_id`), before they go or come back. */
export async function recordMembershipsWhere(
  db: Kysely<Database>, engine: Engine, tenantId: TenantId, column: 'group_id' | 'member_id', id: string,
): Promise<void> {
  await sql`insert into change_log (tenant_id, position, group_id, member_id, member_type, at)
    select ${tenantId}, ${positionOf(engine, tenantId)}, m.group_id, m.member_id, m.member_type, ${now()}
    from memberships m where m.tenant_id = ${tenantId} and ${sql.ref(`m.${column}`)} = ${id}
    on conflict do nothing`.execute(db);
}

/** In-flight transaction ids a snapshot keeps (they travel in delta tokens). */
const MAX_IN_FLIGHT = 100;

interface FeedRow {
  position: number | string;
  group_id: string;
  member_id: string;
  member_type: string | null;
  present: number | boolean | null;
}

export class ChangeFeedRepo implements ChangeFeed {
  constructor(private readonly db: Kysely<Database>, private readonly tenantId: TenantId, private readonly engine: Engine) {}

  async snapshot(): Promise<FeedSnapshot> {
    if (this.engine === 'sqlite') {
      return { before: await nextCounterPosition(this.db, 'change_log', this.tenantId), inFlight: [] };
    }
    const { rows } = await sql<{ xmin: string; xmax: string; xip: string[] | null }>`
      select pg_snapshot_xmin(s)::text as xmin, pg_snapshot_xmax(s)::text as xmax,
        array(select x::text from pg_snapshot_xip(s) as x) as xip
      from pg_current_snapshot() as s`.execute(this.db);
    const row = rows[0];
    if (!row) throw new Error('pg_current_snapshot() returned nothing');
    const inFlight = (row.xip ?? []).map(Number);
    // A token carries the list: past a bound, fall back to "everything below the oldest in flight".
    if (inFlight.length > MAX_IN_FLIGHT) return { before: Number(row.xmin), inFlight: [] };
    return { before: Number(row.xmax), inFlight };
  }

  async read(query: { since: FeedSnapshot; until: FeedSnapshot; after?: ChangeKey | undefined; groupsOnly: boolean; limit: number }): Promise<GroupChange[]> {
    const { after, since, until } = query;
    const afterClause = after
      ? sql`and (c.position, c.group_id, c.member_id) > (${after.position}, ${after.groupId}, ${after.memberId})`
      : sql``;
    // Visible at `until` and not visible at `since`.
    const newSince = since.inFlight.length > 0
      ? sql`and (c.position >= ${since.before} or c.position in (${sql.join(since.inFlight)}))`
      : sql`and c.position >= ${since.before}`;
    const visibleUntil = until.inFlight.length > 0 ? sql`and c.position not in (${sql.join(until.inFlight)})` : sql``;
    const { rows } = await sql<FeedRow>`
      select c.position, c.group_id, c.member_id, c.member_type,
        case when m.member_id is null then 0 else 1 end as present
      from change_log c
      left join memberships m on m.tenant_id = c.tenant_id and m.group_id = c.group_id and m.member_id = c.member_id
      where c.tenant_id = ${this.tenantId} and c.position < ${until.before}
        ${newSince} ${visibleUntil}
        ${query.groupsOnly ? sql`and c.member_id = ''` : sql``}
        ${afterClause}
      order by c.position, c.group_id, c.member_id
      limit ${query.limit}`.execute(this.db);
    return rows.map((r) => ({
      position: Number(r.position),
      groupId: r.group_id,
      memberId: r.member_id === '' ? null : r.member_id,
      memberType: (r.member_type as MemberType | null) ?? null,
      memberPresent: Number(r.present) === 1,
    }));
  }

  async prune(before: Instant): Promise<number> {
    const res = await this.db.deleteFrom('change_log').where('tenant_id', '=', this.tenantId).where('at', '<', before).executeTakeFirst();
    return changed(res.numDeletedRows);
  }
}
