// Splits a $filter string into tokens. Every pattern is anchored (sticky) and linear: no backtracking
// a crafted input could blow up (SECURITY #7).
import type { Literal } from '../../../core/domain/list-query.js';
import { badRequest } from './errors.js';

export type Token =
  | { readonly kind: 'punct'; readonly text: '(' | ')' | ',' | ':' | '/'; readonly at: number }
  | { readonly kind: 'ident'; readonly text: string; readonly at: number }
  | { readonly kind: 'literal'; readonly value: Literal; readonly at: number };

const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/y;
const DATE = /(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))?(?![\w:.-])/y;
const NUMBER = /-?\d{1,30}(?:\.\d{1,30})?(?:[eE][+-]?\d{1,3})?(?![\w.])/y;
const IDENT = /[A-Za-z_$][A-Za-z0-9_]{0,127}/y;
const SPACE = /[ \t\r\n]+/y;

function match(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Canonical ISO-8601 UTC with milliseconds, so dates compare as text in storage. */
export function canonicalDate(text: string, y: string, m: string, d: string, time: string | undefined): string {
  const ms = Date.parse(time ? text : `${text}T00:00:00Z`);
  if (Number.isNaN(ms)) throw badRequest(`'${text}' is not a valid date-time.`);
  const iso = new Date(ms).toISOString();
  // Date.parse rolls 2026-02-30 over into March: refuse dates that do not exist.
  if (Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > 31) throw badRequest(`'${text}' is not a valid date-time.`);
  if ((!time || time.endsWith('Z')) && !iso.startsWith(`${y}-${m}-${d}`)) throw badRequest(`'${text}' is not a valid date-time.`);
  return iso;
}

function readString(text: string, start: number): { value: string; end: number } {
  let out = '';
  let i = start + 1;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) throw badRequest(`Unterminated string literal at position ${start}.`);
    out += text.slice(i, q);
    if (text[q + 1] === "'") {
      out += "'";
      i = q + 2;
      continue;
    }
    return { value: out, end: q + 1 };
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    let m: RegExpExecArray | null;
    if ((m = match(SPACE, text, i))) {
      i += m[0].length;
    } else if (c === '(' || c === ')' || c === ',' || c === ':' || c === '/') {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
    } else if (c === "'") {
      const s = readString(text, i);
      tokens.push({ kind: 'literal', value: { type: 'string', value: s.value }, at: i });
      i = s.end;
    } else if ((m = match(GUID, text, i))) {
      tokens.push({ kind: 'literal', value: { type: 'string', value: m[0].toLowerCase() }, at: i });
      i += m[0].length;
    } else if ((m = match(DATE, text, i))) {
      const value = canonicalDate(m[0], m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4]);
      tokens.push({ kind: 'literal', value: { type: 'date', value }, at: i });
      i += m[0].length;
    } else if ((m = match(NUMBER, text, i))) {
      const value = Number(m[0]);
      if (!Number.isFinite(value)) throw badRequest(`'${m[0]}' is not a valid number.`);
      tokens.push({ kind: 'literal', value: { type: 'number', value }, at: i });
      i += m[0].length;
    } else if ((m = match(IDENT, text, i))) {
      const word = m[0];
      const lower = word.toLowerCase();
      if (lower === 'true' || lower === 'false') tokens.push({ kind: 'literal', value: { type: 'boolean', value: lower === 'true' }, at: i });
      else if (lower === 'null') tokens.push({ kind: 'literal', value: { type: 'null' }, at: i });
      else tokens.push({ kind: 'ident', text: word, at: i });
      i += word.length;
    } else {
      throw badRequest(`Syntax error: character '${c}' is not valid at position ${i} in $filter.`);
    }
  }
  return tokens;
}
