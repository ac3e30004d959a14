import { describe, expect, it } from 'vitest';
import type { FilterExpr, ListQuery, ListResource, Literal } from './list-query.js';
import { advancedFeatures, isAdvancedQuery, validateListQuery } from './list-query-rules.js';

const s = (value: string): Literal => ({ type: 'string', value });
const b = (value: boolean): Literal => ({ type: 'boolean', value });
const d = (value: string): Literal => ({ type: 'date', value });
const NULL: Literal = { type: 'null' };
const q = (filter?: FilterExpr, more: Partial<ListQuery> = {}): ListQuery => ({ top: 100, filter, ...more });

describe('validateListQuery accepts', () => {
  const ok: Array<[string, ListResource, ListQuery]> = [
    ['eq on displayName', 'groups', q({ op: 'eq', field: 'displayName', value: s('Sales') })],
    ['startsWith on mailNickname', 'groups', q({ op: 'startsWith', field: 'mailNickname', value: 'fin' })],
    ['groupTypes/any Unified', 'groups', q({ op: 'any', field: 'groupTypes', value: s('Unified') })],
    ['booleans with and', 'groups', q({ op: 'and', args: [{ op: 'eq', field: 'mailEnabled', value: b(false) }, { op: 'eq', field: 'securityEnabled', value: b(true) }] })],
    ['in with 15 ids', 'groups', q({ op: 'in', field: 'id', values: Array.from({ length: 15 }, (_, i) => s(`id-${i}`)) })],
    ['date range', 'groups', q({ op: 'ge', field: 'createdDateTime', value: d('2026-01-01T00:00:00.000Z') })],
    ['enum case-insensitively', 'groups', q({ op: 'eq', field: 'visibility', value: s('private') })],
    ['eq null on a nullable field', 'users', q({ op: 'eq', field: 'companyName', value: NULL })],
    ['not endsWith on mail', 'users', q({ op: 'not', arg: { op: 'endsWith', field: 'mail', value: '@contoso.com' } })],
    ['orderBy displayName desc', 'users', q(undefined, { orderBy: { field: 'displayName', direction: 'desc' } })],
    ['search on description', 'groups', q(undefined, { search: { op: 'clause', clause: { field: 'description', terms: ['budget'] } } })],
    ['top 999', 'users', q(undefined, { top: 999 })],
  ];
  it.each(ok)('%s', (_name, resource, query) => {
    expect(validateListQuery(resource, query)).toBe(query);
  });
});

describe('validateListQuery refuses with a precise message', () => {
  const bad: Array<[string, ListResource, ListQuery, RegExp]> = [
    ['an unknown property', 'groups', q({ op: 'eq', field: 'colour', value: s('x') }), /'colour' does not exist on groups/],
    ['a user property on groups', 'groups', q({ op: 'eq', field: 'userPrincipalName', value: s('x') }), /userPrincipalName/],
    ['members/any (SECURITY #6)', 'groups', q({ op: 'any', field: 'members', property: 'id', value: s('u1') }), /memberships are read through/],
    ['members/id eq', 'groups', q({ op: 'eq', field: 'members/id', value: s('u1') }), /'members' is not supported/],
    ['memberOf on users', 'users', q({ op: 'any', field: 'memberOf', property: 'id', value: s('g1') }), /'memberOf' is not supported/],
    ['transitiveMemberOf', 'users', q({ op: 'eq', field: 'transitiveMemberOf/id', value: s('g1') }), /not supported/],
    ['an unsupported operator', 'groups', q({ op: 'startsWith', field: 'id', value: 'a' }), /Operator 'startsWith' is not supported on 'id'/],
    ['a string for a boolean', 'groups', q({ op: 'eq', field: 'mailEnabled', value: s('true') }), /type boolean/],
    ['a string for a date', 'groups', q({ op: 'ge', field: 'createdDateTime', value: s('2026-01-01') }), /date-time/],
    ['a non-canonical date', 'groups', q({ op: 'ge', field: 'createdDateTime', value: d('2026-01-01') }), /not a valid date-time/],
    ['null on a required field', 'groups', q({ op: 'eq', field: 'displayName', value: NULL }), /cannot be compared with null/],
    ['null with ge', 'users', q({ op: 'ge', field: 'department', value: NULL }), /cannot be compared with null/],
    ['16 values in in', 'groups', q({ op: 'in', field: 'id', values: Array.from({ length: 16 }, (_, i) => s(`${i}`)) }), /1–15 values/],
    ['an unknown enum value', 'groups', q({ op: 'eq', field: 'visibility', value: s('Secret') }), /Public, Private, HiddenMembership/],
    ['an unknown group type', 'groups', q({ op: 'any', field: 'groupTypes', value: s('Other') }), /Unified, DynamicMembership/],
    ['any on a scalar', 'groups', q({ op: 'any', field: 'displayName', value: s('x') }), /Operator 'any'/],
    ['a number literal', 'users', q({ op: 'eq', field: 'displayName', value: { type: 'number', value: 1 } }), /type string/],
    ['orderBy on a boolean', 'groups', q(undefined, { orderBy: { field: 'mailEnabled', direction: 'asc' } }), /Sorting by 'mailEnabled'/],
    ['orderBy on members', 'groups', q(undefined, { orderBy: { field: 'members', direction: 'asc' } }), /memberships/],
    ['search on id', 'groups', q(undefined, { search: { op: 'clause', clause: { field: 'id', terms: ['x'] } } }), /\$search is not supported on 'id'/],
    ['top 0', 'groups', q(undefined, { top: 0 }), /\$top must be 1–999/],
    ['top 1000', 'groups', q(undefined, { top: 1000 }), /\$top/],
    ['51 clauses', 'groups', q({ op: 'or', args: Array.from({ length: 51 }, () => ({ op: 'eq', field: 'id', value: s('x') }) as FilterExpr) }), /50 clauses/],
    ['prototype keys', 'groups', q({ op: 'eq', field: 'constructor', value: s('x') }), /does not exist/],
  ];
  it.each(bad)('%s', (_name, resource, query, message) => {
    expect(() => validateListQuery(resource, query)).toThrow(message);
    try {
      validateListQuery(resource, query);
    } catch (e) {
      expect(e).toMatchObject({ reason: 'invalidInput', category: 'invalid' });
    }
  });

  it('refuses nesting deeper than 32', () => {
    let e: FilterExpr = { op: 'eq', field: 'id', value: s('x') };
    for (let i = 0; i < 40; i++) e = { op: 'not', arg: e };
    expect(() => validateListQuery('groups', q(e))).toThrow(/32 levels/);
  });
});

describe('isAdvancedQuery / advancedFeatures', () => {
  const cases: Array<[string, ListResource, ListQuery, string[]]> = [
    ['eq is default', 'groups', q({ op: 'eq', field: 'displayName', value: s('x') }), []],
    ['startsWith and any are default', 'groups', q({ op: 'and', args: [{ op: 'startsWith', field: 'displayName', value: 'a' }, { op: 'any', field: 'groupTypes', value: s('Unified') }] }), []],
    ['orderBy displayName alone is default', 'groups', q(undefined, { orderBy: { field: 'displayName', direction: 'asc' } }), []],
    ['ne', 'users', q({ op: 'ne', field: 'accountEnabled', value: b(true) }), ['ne']],
    ['not', 'groups', q({ op: 'not', arg: { op: 'any', field: 'groupTypes', value: s('Unified') } }), ['not']],
    ['endsWith', 'users', q({ op: 'endsWith', field: 'mail', value: '@x' }), ['endsWith']],
    ['null values', 'users', q({ op: 'eq', field: 'jobTitle', value: NULL }), ['null values']],
    ['description filter', 'groups', q({ op: 'startsWith', field: 'description', value: 'x' }), ['startsWith on description']],
    ['$count', 'groups', q(undefined, { count: true }), ['$count']],
    ['$count=false is default', 'groups', q(undefined, { count: false }), []],
    ['$search', 'users', q(undefined, { search: { op: 'clause', clause: { field: 'displayName', terms: ['a'] } } }), ['$search']],
    ['orderBy with filter', 'groups', q({ op: 'eq', field: 'mailEnabled', value: b(true) }, { orderBy: { field: 'displayName', direction: 'asc' } }), ['$orderby with $filter']],
    ['orderBy createdDateTime', 'groups', q(undefined, { orderBy: { field: 'createdDateTime', direction: 'desc' } }), ['$orderby on createdDateTime']],
  ];
  it.each(cases)('%s', (_name, resource, query, features) => {
    expect(advancedFeatures(resource, query)).toEqual(features);
    expect(isAdvancedQuery(resource, query)).toBe(features.length > 0);
  });
});
