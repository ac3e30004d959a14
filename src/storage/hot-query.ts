// Hot read paths (transitive membership checks) compiled once per engine and re-run with new values.
// Building and compiling a Kysely query costs about as much as running it on SQLite; skipping that
// roughly doubles point-query throughput. Values are still bound parameters, never spliced into SQL.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { DirectReader, Engine } from './sql-helpers.js';
import { registerPreparedStatement } from './postgres.js';

const SENTINEL = '\u0000roster-arg:';

interface Compiled<Row> {
  query: CompiledQuery<Row>;
  /** For each compiled parameter: the index of the argument that fills it, or null for a constant. */
  slots: (number | null)[];
}

/**
 * `build` must be a module-level function that takes every varying value (tenant id included) as a
 * string argument: it is called once with placeholders. A string parameter that is not one of the
 * arguments would be frozen into every later call, so compiling refuses it.
 */
export function hotQuery<Row, A extends string[]>(build: (db: Kysely<Database>, ...args: A) => Compilable<Row>) {
  const cache = new Map<Engine, Compiled<Row>>();
  return async (db: Kysely<Database>, engine: Engine, direct: DirectReader | undefined, ...args: A): Promise<Row[]> => {
    let c = cache.get(engine);
    if (!c) {
      const placeholders = args.map((_, i) => `${SENTINEL}${i}`) as A;
      const query = build(db, ...placeholders).compile();
      const slots = query.parameters.map((p) => {
        if (typeof p !== 'string') return null;
        if (!p.startsWith(SENTINEL)) throw new Error(`hotQuery: string parameter not passed as an argument: ${query.sql}`);
        return Number(p.slice(SENTINEL.length));
      });
      c = { query, slots };
      cache.set(engine, c);
      if (engine === 'postgres') registerPreparedStatement(query.sql);
    }
    const { query, slots } = c;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      return slot === null || slot === undefined ? p : args[slot];
    });
    if (direct?.active) return direct.all(query.sql, parameters) as Row[];
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
