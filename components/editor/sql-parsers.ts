/**
 * The SQL parsers in the browser (page and DDL worker). libpg-query's WebAssembly file is referenced
 * with the `new URL('...', import.meta.url)` shape, so the bundler emits it as a static asset and
 * gives its URL; the Emscripten loader is told to fetch it there (it would otherwise look beside the
 * chunk, where no such file is).
 */
import { loadSqlParsers } from '@/lib/sql-parse/load';
import type { SqlParsers } from '@/lib/sql-parse/types';

export function pgWasmUrl(): string {
  return new URL('../../node_modules/libpg-query/wasm/libpg-query.wasm', import.meta.url).href;
}

export function loadEditorSqlParsers(): Promise<SqlParsers> {
  return loadSqlParsers({ pgWasmUrl: pgWasmUrl() });
}
