/**
 * Loads the SQL parsers once per process, page or worker, on first need: PostgreSQL's own parser
 * (libpg-query, WebAssembly) and node-sql-parser's MySQL grammar. Loading is asynchronous (the WASM
 * module compiles); everything after it is synchronous, so callers load first, then parse, generate
 * and rewrite synchronously (see README.md).
 */
import type { Dialect } from '../model/document';
import { mysqlSqlParser } from './mysql-parser';
import { pgBinding } from './pg-binding';
import { pgSqlParser } from './pg-parser';
import type { SqlParser, SqlParsers } from './types';

export interface LoadSqlParserOptions {
  /**
   * Where the browser fetches libpg-query.wasm (a bundler-emitted asset URL). Node reads the file
   * beside the package's script, so it needs none.
   */
  pgWasmUrl?: string;
}

const loading: Partial<Record<Dialect, Promise<SqlParser>>> = {};
const loaded: SqlParsers = {};

async function load(dialect: Dialect, options: LoadSqlParserOptions): Promise<SqlParser> {
  if (dialect === 'postgres') {
    const factory = (await import('libpg-query/wasm/libpg-query.js')).default;
    const url = options.pgWasmUrl;
    const mod = await factory(url ? { locateFile: (path) => (path.endsWith('.wasm') ? url : path) } : {});
    return pgSqlParser(pgBinding(mod));
  }
  const lib = await import('node-sql-parser/build/mysql.js');
  const Parser = lib.Parser ?? (lib as unknown as { default: { Parser: typeof lib.Parser } }).default.Parser;
  return mysqlSqlParser(new Parser());
}

export function loadSqlParser(dialect: Dialect, options: LoadSqlParserOptions = {}): Promise<SqlParser> {
  let p = loading[dialect];
  if (!p) {
    p = load(dialect, options).then((parser) => (loaded[dialect] = parser));
    loading[dialect] = p;
    // A failed load (the WASM file missing) is not cached: the next call tries again.
    p.catch(() => {
      if (loading[dialect] === p) delete loading[dialect];
    });
  }
  return p;
}

/**
 * Both parsers (a document's views may be written for the other dialect). One that fails to load is
 * left out (its texts go unchecked); only when neither loads is that an error.
 */
export async function loadSqlParsers(options: LoadSqlParserOptions = {}): Promise<SqlParsers> {
  const [postgres, mysql] = await Promise.allSettled([loadSqlParser('postgres', options), loadSqlParser('mysql', options)]);
  if (postgres.status === 'rejected' && mysql.status === 'rejected') throw postgres.reason;
  return { postgres: postgres.status === 'fulfilled' ? postgres.value : undefined, mysql: mysql.status === 'fulfilled' ? mysql.value : undefined };
}

/** The parsers whose loading has finished (synchronous callers that must not wait). */
export function loadedSqlParsers(): SqlParsers {
  return loaded;
}
