// Translates the core's list-query AST (filter, $search, ordered keyset) into Kysely SQL fragments.
// Column names come only from the fixed maps below, never from input; every value is a bound parameter.
// Each leaf predicate is two-valued (never NULL), so `not` means what OData says it means.
import { sql } from 'kysely';
import type { Expression, RawBuilder, SqlBool } from 'kysely';
import type { FilterExpr, ListCursor, ListResource, Literal, OrderBy, SearchExpr } from '../core/domain/list-query.js';
import { escapeLike } from './sql-helpers.js';

interface Column {
  /** Stored column. */
  readonly col: string;
  readonly kind: 'text' | 'ci' | 'lowered' | 'flag' | 'instant' | 'id';
  /** For kind 'lowered': the column holding the lowercased copy used for comparisons. */
  readonly lowered?: string;
  readonly nullable?: boolean;
}

const GROUP_COLUMNS: Readonly<Record<string, Column>> = {
  id: { col: 'id', kind: 'id' },
  displayName: { col: 'display_name', kind: 'ci' },
  mailNickname: { col: 'mail_nickname', kind: 'lowered', lowered: 'mail_nickname_lower' },
  mail: { col: 'mail', kind: 'ci', nullable: true },
  description: { col: 'description', kind: 'ci', nullable: true },
  securityEnabled: { col: 'security_enabled', kind: 'flag' },
  mailEnabled: { col: 'mail_enabled', kind: 'flag' },
  visibility: { col: 'visibility', kind: 'ci' },
  createdDateTime: { col: 'created_at', kind: 'instant' },
  classification: { col: 'classification', kind: 'ci', nullable: true },
  joinPolicy: { col: 'join_policy', kind: 'ci' },
};

const USER_COLUMNS: Readonly<Record<string, Column>> = {
  id: { col: 'id', kind: 'id' },
  displayName: { col: 'display_name', kind: 'ci' },
  userPrincipalName: { col: 'user_principal_name', kind: 'lowered', lowered: 'upn_lower' },
  mail: { col: 'mail', kind: 'ci', nullable: true },
  givenName: { col: 'given_name', kind: 'ci', nullable: true },
  surname: { col: 'surname', kind: 'ci', nullable: true },
  department: { col: 'department', kind: 'ci', nullable: true },
  jobTitle: { col: 'job_title', kind: 'ci', nullable: true },
  companyName: { col: 'company_name', kind: 'ci', nullable: true },
  officeLocation: { col: 'office_location', kind: 'ci', nullable: true },
  accountEnabled: { col: 'account_enabled', kind: 'flag' },
  userType: { col: 'user_type', kind: 'ci' },
  externalId: { col: 'external_id', kind: 'text', nullable: true },
  createdDateTime: { col: 'created_at', kind: 'instant' },
};

/** groupTypes/any(c: c eq 'X') → the flag column that stores X. */
const GROUP_TYPE_FLAGS: Readonly<Record<string, string>> = { unified: 'is_unified', dynamicmembership: 'is_dynamic' };

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

function column(resource: ListResource, field: string): Column {
  const map = resource === 'groups' ? GROUP_COLUMNS : USER_COLUMNS;
  const c = Object.hasOwn(map, field) ? map[field] : undefined;
  // The core validated the query; reaching this is a programming error, never a silent match-all.
  if (!c) throw new Error(`list query: no column for ${resource}.${field}`);
  return c;
}

type Sql = RawBuilder<SqlBool>;
type Operand = { lhs: RawBuilder<unknown>; rhs: (v: string | number) => RawBuilder<unknown> };

/** The two sides of a comparison for a column kind (case-insensitive where Graph is). */
function operands(c: Column): Operand {
  const ref = sql.ref(c.col);
  switch (c.kind) {
    case 'ci': return { lhs: sql`lower(${ref})`, rhs: (v) => sql`lower(${v})` };
    case 'lowered': return { lhs: sql.ref(c.lowered ?? c.col), rhs: (v) => sql`${String(v).toLowerCase()}` };
    case 'id': return { lhs: ref, rhs: (v) => sql`${String(v).toLowerCase()}` };
    default: return { lhs: ref, rhs: (v) => sql`${v}` };
  }
}

function bound(lit: Literal): string | number {
  switch (lit.type) {
    case 'boolean': return lit.value ? 1 : 0;
    case 'null': throw new Error('list query: null is not a bound value');
    default: return lit.value;
  }
}

const CMP = { eq: sql`=`, ne: sql`<>`, gt: sql`>`, ge: sql`>=`, lt: sql`<`, le: sql`<=` } as const;

/** NOT NULL guard for nullable columns, so the predicate is false (not NULL) on a missing value. */
function guarded(c: Column, p: Sql): Sql {
  return c.nullable ? sql<SqlBool>`(${sql.ref(c.col)} is not null and ${p})` : p;
}

function likeOn(c: Column, pattern: string): Sql {
  const { lhs } = operands(c);
  const rhs = c.kind === 'lowered' || c.kind === 'id' ? sql`${pattern.toLowerCase()}` : sql`lower(${pattern})`;
  return guarded(c, sql<SqlBool>`${lhs} like ${rhs} escape '\\'`);
}

function leaf(resource: ListResource, e: Exclude<FilterExpr, { op: 'and' | 'or' | 'not' }>): Sql {
  if (e.op === 'any') {
    const flagCol = e.value.type === 'string' ? GROUP_TYPE_FLAGS[e.value.value.toLowerCase()] : undefined;
    if (resource !== 'groups' || e.field !== 'groupTypes' || !flagCol) throw new Error(`list query: unsupported any() on ${e.field}`);
    return sql<SqlBool>`${sql.ref(flagCol)} = 1`;
  }
  const c = column(resource, e.field);
  const { lhs, rhs } = operands(c);
  switch (e.op) {
    case 'startsWith': return likeOn(c, `${escapeLike(e.value)}%`);
    case 'endsWith': return likeOn(c, `%${escapeLike(e.value)}`);
    case 'in': {
      const vals = e.values.filter((v) => v.type !== 'null').map((v) => rhs(bound(v)));
      const hasNull = e.values.some((v) => v.type === 'null');
      const inList = vals.length > 0 ? guarded(c, sql<SqlBool>`${lhs} in (${sql.join(vals)})`) : FALSE;
      return hasNull ? sql<SqlBool>`(${sql.ref(c.col)} is null or ${inList})` : inList;
    }
    default: {
      if (e.value.type === 'null') return e.op === 'eq' ? sql<SqlBool>`${sql.ref(c.col)} is null` : sql<SqlBool>`${sql.ref(c.col)} is not null`;
      const p = sql<SqlBool>`${lhs} ${CMP[e.op]} ${rhs(bound(e.value))}`;
      // OData: null ne 'x' is true.
      if (e.op === 'ne' && c.nullable) return sql<SqlBool>`(${sql.ref(c.col)} is null or ${p})`;
      return guarded(c, p);
    }
  }
}

export function filterSql(resource: ListResource, e: FilterExpr): Sql {
  switch (e.op) {
    case 'and': return sql<SqlBool>`(${sql.join(e.args.map((a) => filterSql(resource, a)), sql` and `)})`;
    case 'or': return sql<SqlBool>`(${sql.join(e.args.map((a) => filterSql(resource, a)), sql` or `)})`;
    case 'not': return sql<SqlBool>`(not ${filterSql(resource, e.arg)})`;
    default: return leaf(resource, e);
  }
}

const SEARCH_COLUMNS: Readonly<Record<ListResource, Readonly<Record<string, Column>>>> = {
  groups: { displayName: GROUP_COLUMNS['displayName'] as Column, description: GROUP_COLUMNS['description'] as Column },
  users: {
    displayName: USER_COLUMNS['displayName'] as Column, mail: USER_COLUMNS['mail'] as Column,
    userPrincipalName: USER_COLUMNS['userPrincipalName'] as Column,
  },
};

/** Characters after which a new token starts, as Graph tokenizes (spaces and common separators). */
const WORD_BREAKS = [' ', '-', '.', '_', '@', '(', '/', ','];

function termSql(c: Column, term: string): Sql {
  const t = escapeLike(term);
  const starts = [`${t}%`, ...WORD_BREAKS.map((b) => `%${escapeLike(b)}${t}%`)];
  return sql<SqlBool>`(${sql.join(starts.map((p) => likeOn(c, p)), sql` or `)})`;
}

export function searchSql(resource: ListResource, s: SearchExpr): Sql {
  if (s.op !== 'clause') {
    return sql<SqlBool>`(${sql.join(s.args.map((a) => searchSql(resource, a)), s.op === 'and' ? sql` and ` : sql` or `)})`;
  }
  const map = SEARCH_COLUMNS[resource];
  const c = Object.hasOwn(map, s.clause.field) ? map[s.clause.field] : undefined;
  if (!c) throw new Error(`list query: $search on ${resource}.${s.clause.field}`);
  if (s.clause.terms.length === 0) return TRUE;
  return sql<SqlBool>`(${sql.join(s.clause.terms.map((t) => termSql(c, t)), sql` and `)})`;
}

/** The stored column an order uses (its raw value, in the engine's collation; ties broken by id). */
export function orderColumn(resource: ListResource, order: OrderBy): string {
  return column(resource, order.field).col;
}

/**
 * Rows after the cursor in (col, id) order. Ascending puts NULLs first, descending last, so the
 * list is one total order and every row is visited exactly once.
 */
export function keysetSql(col: string, direction: 'asc' | 'desc', cursor: ListCursor): Expression<SqlBool> {
  const c = sql.ref(col);
  const id = sql.ref('id');
  const key = cursor.key === null ? null : typeof cursor.key === 'boolean' ? (cursor.key ? 1 : 0) : cursor.key;
  if (direction === 'asc') {
    return key === null
      ? sql<SqlBool>`((${c} is null and ${id} > ${cursor.id}) or ${c} is not null)`
      : sql<SqlBool>`(${c} > ${key} or (${c} = ${key} and ${id} > ${cursor.id}))`;
  }
  return key === null
    ? sql<SqlBool>`(${c} is null and ${id} < ${cursor.id})`
    : sql<SqlBool>`(${c} < ${key} or (${c} = ${key} and ${id} < ${cursor.id}) or ${c} is null)`;
}

/** The part of a list query that shapes its order and page. */
interface PageShape {
  after?: string | undefined;
  orderBy?: OrderBy | undefined;
  cursor?: ListCursor | undefined;
}

/** Any select over a table with an `id` column; typed loosely because the column comes from the catalogue. */
interface Orderable<Q> {
  where(e: Expression<SqlBool>): Q;
  where(col: 'id', op: '>', value: string): Q;
  orderBy(col: string, modifier?: 'asc' | 'desc' | ((ob: OrderModifier) => OrderModifier)): Q;
}
interface OrderModifier { asc(): OrderModifier; desc(): OrderModifier; nullsFirst(): OrderModifier; nullsLast(): OrderModifier }

/**
 * Applies the id cursor, the ordered keyset cursor and the order (NULLs first ascending, last
 * descending, id as the tie-breaker) shared by every ordered list.
 */
export function orderedPage<Q extends Orderable<Q>>(q: Q, resource: ListResource, page: PageShape): Q {
  let out = q;
  if (page.after !== undefined) out = out.where('id', '>', page.after);
  if (!page.orderBy) {
    if (page.cursor) out = out.where('id', '>', page.cursor.id);
    return out.orderBy('id');
  }
  const col = orderColumn(resource, page.orderBy);
  const dir = page.orderBy.direction;
  if (page.cursor) out = out.where(keysetSql(col, dir, page.cursor));
  return dir === 'asc'
    ? out.orderBy(col, (ob) => ob.asc().nullsFirst()).orderBy('id', 'asc')
    : out.orderBy(col, (ob) => ob.desc().nullsLast()).orderBy('id', 'desc');
}
