// Pure checks of a ListQuery against the field catalogue, and which parts make it an "advanced query"
// (FIDELITY §4.6: ne, not, endsWith, null comparisons, $count, $search, $orderby with $filter, and
// properties Graph filters or sorts only in advanced queries).
import { DomainError } from './errors.js';
import {
  fieldsOf, MAX_IN_VALUES, MAX_TOP, MEMBERSHIP_FIELDS,
  type FieldSpec, type FilterExpr, type FilterOperator, type ListQuery, type ListResource, type Literal, type SearchExpr,
} from './list-query.js';

/** Hard limits, also enforced by the parser; checked here so every adapter gets them. */
export const MAX_FILTER_DEPTH = 32;
export const MAX_FILTER_CLAUSES = 50;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const invalid = (detail: string): DomainError => new DomainError('invalidInput', detail);

function fieldSpec(resource: ListResource, field: string, use: string): FieldSpec {
  const root = field.split('/')[0] ?? field;
  if (MEMBERSHIP_FIELDS.includes(root)) {
    throw invalid(`${use} on '${root}' is not supported: memberships are read through /${resource}/{id}/${root}, which applies the group's visibility.`);
  }
  const spec = Object.hasOwn(fieldsOf(resource), field) ? fieldsOf(resource)[field] : undefined;
  if (!spec) throw invalid(`Property '${field}' does not exist on ${resource} or does not support ${use}.`);
  return spec;
}

function checkLiteral(field: string, spec: FieldSpec, lit: Literal, op: FilterOperator): void {
  if (lit.type === 'null') {
    if (!spec.nullable || (op !== 'eq' && op !== 'ne')) throw invalid(`'${field}' cannot be compared with null using '${op}'.`);
    return;
  }
  const want = spec.type === 'boolean' ? 'boolean' : spec.type === 'dateTime' ? 'date' : 'string';
  if (lit.type !== want) throw invalid(`'${field}' is of type ${spec.type}; the value must be a ${want === 'date' ? 'date-time (e.g. 2026-01-01T00:00:00Z, unquoted)' : want}.`);
  if (lit.type === 'date' && !ISO_INSTANT.test(lit.value)) throw invalid(`'${lit.value}' is not a valid date-time.`);
  if (lit.type === 'string' && spec.values && !spec.values.some((v) => v.toLowerCase() === lit.value.toLowerCase())) {
    throw invalid(`'${field}' takes one of: ${spec.values.join(', ')}.`);
  }
}

function operatorAllowed(resource: ListResource, field: string, op: FilterOperator): FieldSpec {
  const spec = fieldSpec(resource, field, 'filtering');
  if (!spec.filter[op]) throw invalid(`Operator '${op}' is not supported on '${field}'.`);
  return spec;
}

function checkFilter(resource: ListResource, e: FilterExpr, depth: number, count: { n: number }): void {
  if (depth > MAX_FILTER_DEPTH) throw invalid(`The filter is nested more than ${MAX_FILTER_DEPTH} levels deep.`);
  switch (e.op) {
    case 'and':
    case 'or':
      if (e.args.length < 2) throw invalid(`'${e.op}' needs two operands.`);
      for (const a of e.args) checkFilter(resource, a, depth + 1, count);
      return;
    case 'not':
      checkFilter(resource, e.arg, depth + 1, count);
      return;
  }
  if (++count.n > MAX_FILTER_CLAUSES) throw invalid(`The filter has more than ${MAX_FILTER_CLAUSES} clauses.`);
  const spec = operatorAllowed(resource, e.field, e.op);
  switch (e.op) {
    case 'in':
      if (e.values.length === 0 || e.values.length > MAX_IN_VALUES) throw invalid(`'in' takes 1–${MAX_IN_VALUES} values.`);
      for (const v of e.values) checkLiteral(e.field, spec, v, e.op);
      return;
    case 'startsWith':
    case 'endsWith':
      if (spec.type !== 'string') throw invalid(`'${e.op}' needs a string property.`);
      return;
    case 'any':
      if (e.property !== undefined) throw invalid(`'${e.field}' has no property '${e.property}'.`);
      if (e.value.type !== 'string') throw invalid(`'${e.field}/any' compares with a string.`);
      checkLiteral(e.field, spec, e.value, 'eq');
      return;
    default:
      checkLiteral(e.field, spec, e.value, e.op);
  }
}

function checkSearch(resource: ListResource, s: SearchExpr, depth: number): void {
  if (depth > MAX_FILTER_DEPTH) throw invalid('$search is nested too deeply.');
  if (s.op !== 'clause') {
    for (const a of s.args) checkSearch(resource, a, depth + 1);
    return;
  }
  const spec = fieldSpec(resource, s.clause.field, '$search');
  if (!spec.search) throw invalid(`$search is not supported on '${s.clause.field}'.`);
  if (s.clause.terms.length === 0 || s.clause.terms.some((t) => t === '')) throw invalid('$search needs at least one word per clause.');
}

/** Throws DomainError('invalidInput') with a precise message; returns the query unchanged when valid. */
export function validateListQuery<Q extends ListQuery>(resource: ListResource, query: Q): Q {
  if (!Number.isInteger(query.top) || query.top < 1 || query.top > MAX_TOP) throw invalid(`$top must be 1–${MAX_TOP}.`);
  if (query.filter) checkFilter(resource, query.filter, 1, { n: 0 });
  if (query.orderBy) {
    const spec = fieldSpec(resource, query.orderBy.field, 'sorting');
    if (!spec.orderBy) throw invalid(`Sorting by '${query.orderBy.field}' is not supported.`);
  }
  if (query.search) checkSearch(resource, query.search, 1);
  return query;
}

function literalsOf(e: FilterExpr): readonly Literal[] {
  switch (e.op) {
    case 'in': return e.values;
    case 'and': case 'or': case 'not': case 'startsWith': case 'endsWith': return [];
    default: return [e.value];
  }
}

function filterFeatures(resource: ListResource, e: FilterExpr, out: Set<string>): void {
  switch (e.op) {
    case 'and':
    case 'or':
      for (const a of e.args) filterFeatures(resource, a, out);
      return;
    case 'not':
      out.add('not');
      filterFeatures(resource, e.arg, out);
      return;
  }
  const spec = Object.hasOwn(fieldsOf(resource), e.field) ? fieldsOf(resource)[e.field] : undefined;
  if (spec?.filter[e.op] === 'advanced') out.add(e.field === 'description' ? `${e.op} on ${e.field}` : e.op);
  const lits = literalsOf(e);
  if (lits.some((l) => l.type === 'null')) out.add('null values');
}

/**
 * What makes this an advanced query, e.g. ['ne', '$count']; empty for a default query.
 * Assumes a validated query.
 */
export function advancedFeatures(resource: ListResource, query: ListQuery): string[] {
  const out = new Set<string>();
  if (query.filter) filterFeatures(resource, query.filter, out);
  if (query.orderBy) {
    const spec = fieldsOf(resource)[query.orderBy.field];
    if (spec?.orderBy === 'advanced') out.add(`$orderby on ${query.orderBy.field}`);
    if (query.filter) out.add('$orderby with $filter');
  }
  if (query.count) out.add('$count');
  if (query.search) out.add('$search');
  return [...out];
}

export function isAdvancedQuery(resource: ListResource, query: ListQuery): boolean {
  return advancedFeatures(resource, query).length > 0;
}
