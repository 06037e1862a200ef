/**
 * Loads the real PostgreSQL parser (libpg-query, WebAssembly) and the deparser lazily, once per
 * process or page: neither is needed until the user imports PostgreSQL.
 */
import type { ParseResult, ScanResult } from 'libpg-query';
import type { Deparser, PgNode } from './pg-ast';

export interface PgParser {
  parse(sql: string): ParseResult;
  scan(sql: string): ScanResult;
  deparser: Deparser;
}

let loading: Promise<PgParser> | undefined;

export function loadPgParser(): Promise<PgParser> {
  loading ??= (async () => {
    const [lib, dep] = await Promise.all([import('libpg-query'), import('pgsql-deparser')]);
    await lib.loadModule();
    return {
      parse: (sql: string) => lib.parseSync(sql),
      scan: (sql: string) => lib.scanSync(sql),
      deparser: { deparse: (node: PgNode | PgNode[]) => dep.deparseSync(node, { pretty: false }) },
    };
  })();
  // A failed load (e.g. the WASM file missing) must not be cached forever.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
