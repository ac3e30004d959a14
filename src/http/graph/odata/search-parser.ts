// $search for directory objects: quoted "property:words" clauses joined by AND / OR (AND binds tighter),
// e.g. "displayName:team alpha" OR "description:budget". Words are split on anything that is not a
// letter or digit, as Graph tokenizes; each word must start a token of the property.
import type { SearchExpr } from '../../../core/domain/list-query.js';
import { badRequest } from './errors.js';

export const MAX_SEARCH_LENGTH = 1024;
const MAX_SEARCH_CLAUSES = 10;
const MAX_TERMS = 10;

type Tok = { kind: 'clause'; field: string; terms: string[] } | { kind: 'and' | 'or' };

function lex(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw badRequest('$search: unterminated quoted clause.');
      const body = text.slice(i + 1, end);
      const colon = body.indexOf(':');
      if (colon <= 0) throw badRequest('$search clauses take the form "property:words", e.g. "displayName:team".');
      const field = body.slice(0, colon).trim();
      const terms = body.slice(colon + 1).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
      if (terms.length === 0) throw badRequest(`$search: the clause on '${field}' has no words.`);
      if (terms.length > MAX_TERMS) throw badRequest(`$search: at most ${MAX_TERMS} words per clause.`);
      out.push({ kind: 'clause', field, terms });
      i = end + 1;
    } else {
      const m = /^(AND|OR)(?=[\s"]|$)/i.exec(text.slice(i, i + 4));
      if (!m?.[1]) throw badRequest(`$search: expected a quoted clause, AND or OR at position ${i}.`);
      out.push({ kind: m[1].toLowerCase() as 'and' | 'or' });
      i += m[1].length;
    }
  }
  return out;
}

export function parseSearch(text: string): SearchExpr {
  if (text.length > MAX_SEARCH_LENGTH) throw badRequest(`$search is longer than ${MAX_SEARCH_LENGTH} characters.`);
  const toks = lex(text);
  const clauses = toks.filter((t) => t.kind === 'clause');
  if (clauses.length === 0) throw badRequest('$search is empty.');
  if (clauses.length > MAX_SEARCH_CLAUSES) throw badRequest(`$search has more than ${MAX_SEARCH_CLAUSES} clauses.`);
  // Alternate clause, operator, clause…; build OR of ANDs.
  const ors: SearchExpr[] = [];
  let ands: SearchExpr[] = [];
  toks.forEach((t, idx) => {
    const wantClause = idx % 2 === 0;
    if (wantClause !== (t.kind === 'clause')) throw badRequest('$search: clauses must be joined by AND or OR.');
    if (t.kind === 'clause') ands.push({ op: 'clause', clause: { field: t.field, terms: t.terms } });
    else if (t.kind === 'or') {
      ors.push(ands.length === 1 ? ands[0] as SearchExpr : { op: 'and', args: ands });
      ands = [];
    }
  });
  if (toks.length % 2 === 0) throw badRequest('$search ends with an operator.');
  ors.push(ands.length === 1 ? ands[0] as SearchExpr : { op: 'and', args: ands });
  return ors.length === 1 ? ors[0] as SearchExpr : { op: 'or', args: ors };
}
