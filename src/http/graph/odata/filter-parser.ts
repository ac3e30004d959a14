// Recursive-descent parser for Graph's $filter:
//   expr    := and ('or' and)*
//   and     := unary ('and' unary)*
//   unary   := 'not' unary | primary
//   primary := '(' expr ')' | ('startsWith'|'endsWith') '(' path ',' literal ')'
//            | path cmp literal | path 'in' '(' literal (',' literal)* ')'
//            | path '/any(' var ':' var ['/' ident] 'eq' literal ')'
// Hard limits: 2,048 characters, nesting depth 32, 50 clauses. Recursion is bounded by the depth limit.
import { COMPARISONS, type Comparison, type FilterExpr, type Literal } from '../../../core/domain/list-query.js';
import { MAX_FILTER_CLAUSES, MAX_FILTER_DEPTH } from '../../../core/domain/list-query-rules.js';
import { badRequest } from './errors.js';
import { tokenize, type Token } from './tokenizer.js';

export const MAX_FILTER_LENGTH = 2048;
/** Values in one `in (…)` the parser reads before giving up (the catalogue allows 15). */
const MAX_IN_PARSE = 64;

class Parser {
  private pos = 0;
  private depth = 0;
  private clauses = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterExpr {
    if (this.tokens.length === 0) throw badRequest('$filter is empty.');
    const e = this.expr();
    const extra = this.peek();
    if (extra) throw this.error(extra, 'Unexpected token');
    return e;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private error(t: Token | undefined, what: string): Error {
    return t ? badRequest(`Syntax error: ${what} at position ${t.at} in $filter.`) : badRequest(`Syntax error: ${what} at the end of $filter.`);
  }

  private isWord(t: Token | undefined, word: string): boolean {
    return t?.kind === 'ident' && t.text.toLowerCase() === word.toLowerCase();
  }

  private isPunct(t: Token | undefined, p: string): boolean {
    return t?.kind === 'punct' && t.text === p;
  }

  private expect(p: '(' | ')' | ',' | ':' | '/'): void {
    const t = this.peek();
    if (!this.isPunct(t, p)) throw this.error(t, `'${p}' expected`);
    this.pos++;
  }

  private ident(what: string): string {
    const t = this.peek();
    if (t?.kind !== 'ident') throw this.error(t, `${what} expected`);
    this.pos++;
    return t.text;
  }

  private literal(): Literal {
    const t = this.peek();
    if (t?.kind !== 'literal') throw this.error(t, 'a literal value expected');
    this.pos++;
    return t.value;
  }

  private nest<T>(fn: () => T): T {
    if (++this.depth > MAX_FILTER_DEPTH) throw badRequest(`$filter is nested more than ${MAX_FILTER_DEPTH} levels deep.`);
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  private clause(): void {
    if (++this.clauses > MAX_FILTER_CLAUSES) throw badRequest(`$filter has more than ${MAX_FILTER_CLAUSES} clauses.`);
  }

  private expr(): FilterExpr {
    const args = [this.and()];
    while (this.isWord(this.peek(), 'or')) {
      this.pos++;
      args.push(this.and());
    }
    return args.length === 1 ? args[0] as FilterExpr : { op: 'or', args };
  }

  private and(): FilterExpr {
    const args = [this.unary()];
    while (this.isWord(this.peek(), 'and')) {
      this.pos++;
      args.push(this.unary());
    }
    return args.length === 1 ? args[0] as FilterExpr : { op: 'and', args };
  }

  private unary(): FilterExpr {
    if (this.isWord(this.peek(), 'not')) {
      this.pos++;
      return this.nest(() => ({ op: 'not', arg: this.unary() }));
    }
    return this.primary();
  }

  private primary(): FilterExpr {
    const t = this.peek();
    if (this.isPunct(t, '(')) {
      this.pos++;
      const e = this.nest(() => this.expr());
      this.expect(')');
      return e;
    }
    if ((this.isWord(t, 'startsWith') || this.isWord(t, 'endsWith')) && this.isPunct(this.peek(1), '(')) {
      const op = this.isWord(t, 'startsWith') ? 'startsWith' : 'endsWith';
      this.pos += 2;
      this.clause();
      const field = this.path();
      this.expect(',');
      const lit = this.literal();
      if (lit.type !== 'string') throw this.error(t, `${op} needs a quoted string`);
      this.expect(')');
      return { op, field, value: lit.value };
    }
    const field = this.path();
    if (this.isPunct(this.peek(), '/')) return this.any(field);
    const opTok = this.peek();
    if (this.isWord(opTok, 'in')) {
      this.pos++;
      this.clause();
      return { op: 'in', field, values: this.list() };
    }
    const op = opTok?.kind === 'ident' ? opTok.text.toLowerCase() : '';
    if (!(COMPARISONS as readonly string[]).includes(op)) throw this.error(opTok, 'a comparison operator (eq, ne, gt, ge, lt, le, in) expected');
    this.pos++;
    this.clause();
    return { op: op as Comparison, field, value: this.literal() };
  }

  /** A property name, or a navigation path `a/b` (never ending in `/any`). */
  private path(): string {
    let p = this.ident('a property name');
    while (this.isPunct(this.peek(), '/') && this.peek(1)?.kind === 'ident' && !this.isWord(this.peek(1), 'any')) {
      this.pos++;
      p += `/${this.ident('a property name')}`;
    }
    return p;
  }

  private list(): Literal[] {
    this.expect('(');
    const values = [this.literal()];
    while (this.isPunct(this.peek(), ',')) {
      this.pos++;
      if (values.length >= MAX_IN_PARSE) throw badRequest(`'in' has too many values.`);
      values.push(this.literal());
    }
    this.expect(')');
    return values;
  }

  private any(field: string): FilterExpr {
    this.expect('/');
    const kw = this.peek();
    if (!this.isWord(kw, 'any')) throw this.error(kw, "'any' expected");
    this.pos++;
    this.clause();
    return this.nest(() => {
      this.expect('(');
      const v = this.ident('a lambda variable');
      this.expect(':');
      const ref = this.ident('the lambda variable');
      if (ref !== v) throw this.error(this.peek(-1), `the lambda variable '${v}' expected`);
      let property: string | undefined;
      if (this.isPunct(this.peek(), '/')) {
        this.pos++;
        property = this.ident('a property name');
      }
      const op = this.peek();
      if (!this.isWord(op, 'eq')) throw this.error(op, "'eq' expected (any() supports only eq)");
      this.pos++;
      const value = this.literal();
      this.expect(')');
      return { op: 'any', field, property, value };
    });
  }
}

/** Parses $filter into the AST; throws ODataQueryError (Request_BadRequest) on any syntax error or limit. */
export function parseFilter(text: string): FilterExpr {
  if (text.length > MAX_FILTER_LENGTH) throw badRequest(`$filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  return new Parser(tokenize(text)).parse();
}
