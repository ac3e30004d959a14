// Graph's own $filter / $search / $orderby examples (learn.microsoft.com/graph/filter-query-parameter,
// /graph/aad-advanced-queries, /graph/search-query-parameter) and the ways they go wrong.
import { describe, expect, it } from 'vitest';
import type { ListResource } from '../../../core/domain/list-query.js';
import { ODataQueryError } from './errors.js';
import { parseListOptions } from './list-options.js';

const EVENTUAL = { consistencyLevel: 'eventual' };
const G1 = '9c9cb8e4-2a1a-4f5e-8d7c-1b2a3c4d5e6f';

describe('parseListOptions: Graph documentation examples parse to the expected AST', () => {
  const cases: Array<[string, ListResource, Record<string, string>, { consistencyLevel?: string }, unknown]> = [
    ['startswith(displayName,\'mary\')', 'users', { $filter: "startswith(displayName,'mary')" }, {},
      { op: 'startsWith', field: 'displayName', value: 'mary' }],
    ['startswith(givenName, \'J\')', 'users', { $filter: "startswith(givenName, 'J')" }, {},
      { op: 'startsWith', field: 'givenName', value: 'J' }],
    ['groupTypes/any(c:c eq \'Unified\')', 'groups', { $filter: "groupTypes/any(c:c eq 'Unified')" }, {},
      { op: 'any', field: 'groupTypes', property: undefined, value: { type: 'string', value: 'Unified' } }],
    ['mailEnabled eq false and securityEnabled eq true', 'groups', { $filter: 'mailEnabled eq false and securityEnabled eq true' }, {},
      { op: 'and', args: [
        { op: 'eq', field: 'mailEnabled', value: { type: 'boolean', value: false } },
        { op: 'eq', field: 'securityEnabled', value: { type: 'boolean', value: true } }] }],
    ['accountEnabled eq false', 'users', { $filter: 'accountEnabled eq false' }, {},
      { op: 'eq', field: 'accountEnabled', value: { type: 'boolean', value: false } }],
    ['accountEnabled ne true (advanced)', 'users', { $filter: 'accountEnabled ne true', $count: 'true' }, EVENTUAL,
      { op: 'ne', field: 'accountEnabled', value: { type: 'boolean', value: true } }],
    ['endswith(mail,\'@outlook.com\') (advanced)', 'users', { $filter: "endswith(mail,'@outlook.com')", $count: 'true' }, EVENTUAL,
      { op: 'endsWith', field: 'mail', value: '@outlook.com' }],
    ['NOT groupTypes/any(c:c eq \'Unified\') (advanced)', 'groups', { $filter: "NOT groupTypes/any(c:c eq 'Unified')", $count: 'true' }, EVENTUAL,
      { op: 'not', arg: { op: 'any', field: 'groupTypes', property: undefined, value: { type: 'string', value: 'Unified' } } }],
    ['createdDateTime ge 2021-01-01T00:00:00Z', 'groups', { $filter: 'createdDateTime ge 2021-01-01T00:00:00Z' }, {},
      { op: 'ge', field: 'createdDateTime', value: { type: 'date', value: '2021-01-01T00:00:00.000Z' } }],
    ['a date with an offset is made UTC', 'users', { $filter: 'createdDateTime le 2021-06-01T02:00:00+02:00' }, {},
      { op: 'le', field: 'createdDateTime', value: { type: 'date', value: '2021-06-01T00:00:00.000Z' } }],
    ['id in (…) with a quoted and a bare GUID', 'groups', { $filter: `id in ('${G1}', ${G1.toUpperCase()})` }, {},
      { op: 'in', field: 'id', values: [{ type: 'string', value: G1 }, { type: 'string', value: G1 }] }],
    ['mail in (…)', 'users', { $filter: "mail in ('a@contoso.com','b@contoso.com')" }, {},
      { op: 'in', field: 'mail', values: [{ type: 'string', value: 'a@contoso.com' }, { type: 'string', value: 'b@contoso.com' }] }],
    ["'' escapes a quote", 'groups', { $filter: "displayName eq 'O''Brien''s team'" }, {},
      { op: 'eq', field: 'displayName', value: { type: 'string', value: "O'Brien's team" } }],
    ['or binds looser than and', 'groups', { $filter: "displayName eq 'a' or displayName eq 'b' and mailEnabled eq true" }, {},
      { op: 'or', args: [
        { op: 'eq', field: 'displayName', value: { type: 'string', value: 'a' } },
        { op: 'and', args: [
          { op: 'eq', field: 'displayName', value: { type: 'string', value: 'b' } },
          { op: 'eq', field: 'mailEnabled', value: { type: 'boolean', value: true } }] }] }],
    ['companyName eq null (advanced)', 'users', { $filter: 'companyName eq null', $count: 'true' }, EVENTUAL,
      { op: 'eq', field: 'companyName', value: { type: 'null' } }],
  ];
  it.each(cases)('%s', (_name, resource, query, headers, filter) => {
    expect(parseListOptions(query, headers, resource).filter).toEqual(filter);
  });

  it('$search, $orderby, $select, $top and $count', () => {
    const r = parseListOptions({
      $search: '"displayName:wa" OR "displayName:ad" AND "description:team budget"',
      $orderby: 'displayName desc', $select: 'id,displayName,id', $top: '25', $count: 'true',
    }, EVENTUAL, 'groups');
    expect(r).toEqual({
      top: 25, count: true, filter: undefined, orderBy: { field: 'displayName', direction: 'desc' }, select: ['id', 'displayName'],
      search: { op: 'or', args: [
        { op: 'clause', clause: { field: 'displayName', terms: ['wa'] } },
        { op: 'and', args: [
          { op: 'clause', clause: { field: 'displayName', terms: ['ad'] } },
          { op: 'clause', clause: { field: 'description', terms: ['team', 'budget'] } }] }] },
    });
    expect(parseListOptions({}, {}, 'users')).toMatchObject({ top: 100 });
    // $search needs only the header, not $count
    expect(parseListOptions({ $search: '"displayName:al"' }, EVENTUAL, 'users').search).toBeDefined();
  });
});

describe('parseListOptions: refusals', () => {
  const bad: Array<[string, ListResource, Record<string, string>, { consistencyLevel?: string }, string, RegExp]> = [
    ['ne without the header', 'users', { $filter: 'accountEnabled ne true' }, {}, 'Request_UnsupportedQuery', /ConsistencyLevel: eventual/],
    ['ne with the header but no $count', 'users', { $filter: 'accountEnabled ne true' }, EVENTUAL, 'Request_UnsupportedQuery', /\$count=true/],
    ['endsWith without the header', 'users', { $filter: "endswith(mail,'@x.com')" }, {}, 'Request_UnsupportedQuery', /endsWith/],
    ['$search without the header', 'users', { $search: '"displayName:al"' }, {}, 'Request_UnsupportedQuery', /ConsistencyLevel/],
    ['$count without the header', 'groups', { $count: 'true' }, {}, 'Request_UnsupportedQuery', /\$count/],
    ['$orderby with $filter without the header', 'groups', { $filter: 'mailEnabled eq true', $orderby: 'displayName' }, {}, 'Request_UnsupportedQuery', /\$orderby with \$filter/],
    ['members/any (SECURITY #6)', 'groups', { $filter: `members/any(m:m/id eq '${G1}')` }, {}, 'Request_BadRequest', /memberships are read through/],
    ['memberOf/any on users', 'users', { $filter: `memberOf/any(g:g/id eq '${G1}')` }, {}, 'Request_BadRequest', /memberOf/],
    ['an unknown property', 'groups', { $filter: "colour eq 'red'" }, {}, 'Request_BadRequest', /colour/],
    ['a quoted date', 'groups', { $filter: "createdDateTime ge '2021-01-01'" }, {}, 'Request_BadRequest', /date-time/],
    ['a date that does not exist', 'groups', { $filter: 'createdDateTime ge 2021-02-30' }, {}, 'Request_BadRequest', /not a valid date-time/],
    ['an unterminated string', 'groups', { $filter: "displayName eq 'abc" }, {}, 'Request_BadRequest', /Unterminated/],
    ['a missing operand', 'groups', { $filter: 'displayName eq' }, {}, 'Request_BadRequest', /literal value expected/],
    ['SQL comment', 'groups', { $filter: "displayName eq 'a' -- drop" }, {}, 'Request_BadRequest', /position/],
    ['a semicolon', 'groups', { $filter: "displayName eq 'a'; drop table groups" }, {}, 'Request_BadRequest', /';'/],
    ['unbalanced parentheses', 'groups', { $filter: "(displayName eq 'a'" }, {}, 'Request_BadRequest', /'\)' expected/],
    ['any with ne', 'groups', { $filter: "groupTypes/any(c:c ne 'Unified')" }, {}, 'Request_BadRequest', /only eq/],
    ['a different lambda variable', 'groups', { $filter: "groupTypes/any(c:d eq 'Unified')" }, {}, 'Request_BadRequest', /lambda variable/],
    ['filter longer than 2048', 'groups', { $filter: `displayName eq '${'a'.repeat(2040)}'` }, {}, 'Request_BadRequest', /2048/],
    ['33 levels of parentheses', 'groups', { $filter: `${'('.repeat(33)}displayName eq 'a'${')'.repeat(33)}` }, {}, 'Request_BadRequest', /32 levels/],
    ['51 clauses', 'groups', { $filter: Array.from({ length: 51 }, () => "id eq 'x'").join(' or ') }, {}, 'Request_BadRequest', /50 clauses/],
    ['16 values in in', 'groups', { $filter: `id in (${Array.from({ length: 16 }, (_, i) => `'${i}'`).join(',')})` }, {}, 'Request_BadRequest', /1–15/],
    ['$top 0', 'groups', { $top: '0' }, {}, 'Request_BadRequest', /between 1 and 999/],
    ['$top 1000', 'groups', { $top: '1000' }, {}, 'Request_BadRequest', /between 1 and 999/],
    ['$top abc', 'groups', { $top: 'abc' }, {}, 'Request_BadRequest', /page size/],
    ['$count maybe', 'groups', { $count: 'maybe' }, {}, 'Request_BadRequest', /true or false/],
    ['$orderby two fields', 'groups', { $orderby: 'displayName,mail' }, {}, 'Request_BadRequest', /one property/],
    ['$orderby upward', 'groups', { $orderby: 'displayName upward' }, {}, 'Request_BadRequest', /not valid/],
    ['$orderby on a boolean', 'groups', { $orderby: 'mailEnabled' }, {}, 'Request_BadRequest', /Sorting by 'mailEnabled'/],
    ['$select unknown', 'users', { $select: 'id,passwordHash' }, {}, 'Request_BadRequest', /passwordHash/],
    ['$search without a property', 'groups', { $search: '"team"' }, EVENTUAL, 'Request_BadRequest', /property:words/],
    ['$search on id', 'groups', { $search: '"id:abc"' }, EVENTUAL, 'Request_BadRequest', /not supported on 'id'/],
    ['$search two clauses without an operator', 'groups', { $search: '"displayName:a" "displayName:b"' }, EVENTUAL, 'Request_BadRequest', /AND or OR/],
    ['$search unterminated', 'groups', { $search: '"displayName:a' }, EVENTUAL, 'Request_BadRequest', /unterminated/],
    ['$skip', 'groups', { $skip: '10' }, {}, 'Request_BadRequest', /'\$skip' is not supported/],
    ['$expand', 'groups', { $expand: 'members' }, {}, 'Request_BadRequest', /'\$expand' is not supported/],
  ];
  it.each(bad)('%s', (_name, resource, query, headers, code, message) => {
    let caught: unknown;
    try {
      parseListOptions(query, headers, resource);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ODataQueryError);
    expect(caught).toMatchObject({ code, status: 400 });
    expect((caught as Error).message).toMatch(message);
  });

  it('passes $skiptoken and non-$ keys to the route', () => {
    expect(parseListOptions({ $skiptoken: 'abc', api: 'x' }, {}, 'groups').top).toBe(100);
  });
});
