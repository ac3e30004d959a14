// SECURITY #7: random and mutated $filter strings (grammar-generated, an injection corpus, mutations)
// → every answer is a parsed query or an ODataQueryError, never another exception. The parse time guard
// is against catastrophic backtracking (seconds, not milliseconds): the slowest inputs are re-timed
// best-of-5 so a GC pause or a busy CI machine cannot fail it; the figure itself belongs to benchmarks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_FIELDS, USER_FIELDS } from '../../../core/domain/list-query.js';
import { ODataQueryError } from './errors.js';
import { parseListOptions } from './list-options.js';

const FIELDS = [...new Set([...Object.keys(GROUP_FIELDS), ...Object.keys(USER_FIELDS), 'members', 'memberOf', 'colour', 'constructor', '__proto__'])];
const OPS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'EQ', 'in', 'has'];

const INJECTION = [
  "'", "''", "'''", '"', '--', ';', '/*', '*/', '\\', '\\\'', '%', '_', '%25', '\u0000', '\u202e', '\uffff', '😀', '\ud800',
  "' or 1=1 --", "'; drop table groups; --", "') or ('1'='1", '/**/or/**/', 'UNION SELECT', '$filter', '&$top=1',
  'not not not', 'and or', '))))', '((((', ',', ':', '/any(', 'eq null', '2026-13-45', '9999-99-99T99:99:99Z',
  '1e309', '-0', '0x1f', 'NaN', 'Infinity', 'true', 'null', 'groupTypes/any(c:c eq ', 'startswith(', '\t\r\n',
];

const quoted = fc.string({ maxLength: 20 }).map((s) => `'${s.replace(/'/g, "''")}'`);
const literal = fc.oneof(
  quoted, fc.constantFrom('true', 'false', 'null', '2026-01-01T00:00:00Z', '2026-01-01', '42', '-3.5',
    '9c9cb8e4-2a1a-4f5e-8d7c-1b2a3c4d5e6f', "'Unified'", "'Public'"),
  fc.constantFrom(...INJECTION),
);
const field = fc.constantFrom(...FIELDS);

const { expr } = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    fc.tuple(field, fc.constantFrom(...OPS), literal).map(([f, o, l]) => `${f} ${o} ${l}`),
    fc.tuple(fc.constantFrom('startsWith', 'endswith', 'startswith'), field, literal).map(([fn, f, l]) => `${fn}(${f},${l})`),
    fc.tuple(field, fc.array(literal, { minLength: 1, maxLength: 18 })).map(([f, ls]) => `${f} in (${ls.join(',')})`),
    fc.tuple(field, literal).map(([f, l]) => `${f}/any(c:c eq ${l})`),
    fc.tuple(field, literal).map(([f, l]) => `${f}/any(m:m/id eq ${l})`),
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    fc.tuple(tie('expr'), fc.constantFrom('and', 'or', 'AND', 'Or'), tie('expr')).map(([a, o, b]) => `${a} ${o} ${b}`),
    tie('expr').map((e) => `not ${e}`),
    tie('expr').map((e) => `(${e})`),
  ),
}));

/** Well-typed clauses straight from the catalogue, so a good share of inputs parse and validate. */
const typedAtom = fc.constantFrom(...Object.entries(GROUP_FIELDS)).chain(([name, spec]) => {
  const lit = spec.type === 'boolean' ? fc.constantFrom('true', 'false')
    : spec.type === 'dateTime' ? fc.constantFrom('2026-01-01T00:00:00Z', '2025-12-31', '2026-06-01T10:00:00+02:00')
      : spec.values ? fc.constantFrom(...spec.values.map((v) => `'${v}'`)) : quoted;
  return fc.tuple(fc.constantFrom(...Object.keys(spec.filter)), lit, fc.array(lit, { minLength: 1, maxLength: 15 })).map(([op, l, ls]) => {
    if (op === 'startsWith' || op === 'endsWith') return `${op}(${name},${spec.type === 'string' ? l : "'x'"})`;
    if (op === 'in') return `${name} in (${ls.join(',')})`;
    if (op === 'any') return `${name}/any(c:c eq ${l})`;
    return `${name} ${op} ${l}`;
  });
});
const typed = fc.array(fc.tuple(typedAtom, fc.constantFrom(' and ', ' or ', ' and not ')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([a, j], i) => (i === 0 ? a : `${j}(${a})`)).join(''));

/** Mutations of a valid filter: cut, duplicate, splice in corpus entries, flip characters. */
const mutated = fc.tuple(fc.oneof(expr, typed), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INJECTION), fc.nat(3)), { minLength: 1, maxLength: 4 }))
  .map(([base, muts]) => muts.reduce((s, [pos, ins, kind]) => {
    const at = s.length === 0 ? 0 : pos % s.length;
    if (kind === 0) return s.slice(0, at) + ins + s.slice(at);
    if (kind === 1) return s.slice(0, at);
    if (kind === 2) return s.slice(0, at) + s.slice(at + 1);
    return s + s.slice(at);
  }, base));

const extreme = fc.oneof(
  fc.nat(3000).map((n) => `${'('.repeat(n)}id eq 'x'${')'.repeat(n)}`),
  fc.nat(200).map((n) => `${'not '.repeat(n)}id eq 'x'`),
  fc.nat(3000).map((n) => `displayName eq '${"'".repeat(n)}'`),
  fc.nat(400).map((n) => Array.from({ length: n }, () => "id eq 'x'").join(' or ')),
  fc.nat(5000).map((n) => 'a'.repeat(n)),
  fc.nat(2100).map((n) => `id in (${Array.from({ length: n }, () => "'x'").join(',')})`),
);

const anyFilter = fc.oneof(expr, typed, mutated, extreme, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

/** 12,000 by default; ROSTER_FUZZ_RUNS=100000 for the SECURITY §4 figure. */
const RUNS = Math.max(12_000, Number(process.env['ROSTER_FUZZ_RUNS'] ?? 0) || 0);

type Resource = 'groups' | 'users';

/** Parses one filter; true when it parsed, false when refused with a 400 ODataQueryError. */
function parseOne(filter: string, resource: Resource, eventual: boolean): boolean {
  try {
    const q = parseListOptions({ $filter: filter, ...(eventual ? { $count: 'true' } : {}) }, eventual ? { consistencyLevel: 'eventual' } : {}, resource);
    expect(q.filter).toBeDefined();
    return true;
  } catch (e) {
    if (!(e instanceof ODataQueryError)) throw e;
    expect(e.status).toBe(400);
    return false;
  }
}

function bestOf(times: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const SLOWEST_KEPT = 10;

describe('$filter fuzz (SECURITY #7)', () => {
  it(`${RUNS} random, mutated and extreme filters: a query or an ODataQueryError, and no input parses slowly`, () => {
    let runs = 0;
    let parsed = 0;
    const slowest: { ms: number; filter: string; resource: Resource; eventual: boolean }[] = [];
    fc.assert(fc.property(anyFilter, fc.constantFrom<Resource>('groups', 'users'), fc.boolean(), (filter, resource, eventual) => {
      runs++;
      const started = performance.now();
      if (parseOne(filter, resource, eventual)) parsed++;
      const ms = performance.now() - started;
      if (slowest.length < SLOWEST_KEPT || ms > (slowest.at(-1)?.ms ?? 0)) {
        slowest.push({ ms, filter, resource, eventual });
        slowest.sort((a, b) => b.ms - a.ms);
        slowest.length = Math.min(slowest.length, SLOWEST_KEPT);
      }
    }), { numRuns: RUNS });
    const retimed = slowest.map((s) => bestOf(5, () => parseOne(s.filter, s.resource, s.eventual)));
    const worst = Math.max(...retimed);
    console.log(`fuzz: ${runs} filters, ${parsed} parsed, ${runs - parsed} refused, slowest first pass ${slowest[0]?.ms.toFixed(2)} ms, best-of-5 of the ${SLOWEST_KEPT} slowest ${worst.toFixed(2)} ms`);
    expect(runs).toBeGreaterThanOrEqual(RUNS);
    expect(parsed).toBeGreaterThan(100);
    expect(worst).toBeLessThan(50);
  });
});
