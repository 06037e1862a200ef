/**
 * The calls Draftbase makes into libpg-query's WebAssembly module (PostgreSQL 18's own parser and
 * scanner), written over the Emscripten module itself rather than the package's index.js: index.js
 * instantiates the module when it is imported, with no way to say where the .wasm file is, which a
 * browser bundle needs (the loader passes `locateFile`). Same structs as index.js reads.
 */

/** The parts of the Emscripten module used here. */
export interface PgWasmModule {
  _malloc(size: number): number;
  _free(ptr: number): void;
  _wasm_parse_query_raw(ptr: number): number;
  _wasm_free_parse_result(ptr: number): void;
  _wasm_scan(ptr: number): number;
  _wasm_free_string(ptr: number): void;
  getValue(ptr: number, type: 'i32'): number;
  lengthBytesUTF8(s: string): number;
  stringToUTF8(s: string, ptr: number, max: number): void;
  UTF8ToString(ptr: number): string;
}

export interface PgSyntaxError {
  message: string;
  /** 0-based, in code points of the parsed text (libpg-query reports 1-based; 0 = unknown). */
  cursor: number;
}

export type PgParseOutcome = { ok: true; tree: { stmts?: { stmt?: Record<string, unknown>; stmt_location?: number; stmt_len?: number }[] } } | { ok: false; error: PgSyntaxError };

export interface PgScanToken {
  /** UTF-8 byte offsets. */
  start: number;
  end: number;
  text: string;
  tokenName: string;
  keywordKind: number;
}

export interface PgBinding {
  parse(sql: string): PgParseOutcome;
  scan(sql: string): PgScanToken[];
}

export function pgBinding(mod: PgWasmModule): PgBinding {
  const withString = <T>(sql: string, fn: (ptr: number) => T): T => {
    const len = mod.lengthBytesUTF8(sql) + 1;
    const ptr = mod._malloc(len);
    try {
      mod.stringToUTF8(sql, ptr, len);
      return fn(ptr);
    } finally {
      mod._free(ptr);
    }
  };
  return {
    parse: (sql) =>
      withString(sql, (ptr) => {
        const result = mod._wasm_parse_query_raw(ptr);
        if (!result) throw new Error('libpg-query: out of memory');
        try {
          const tree = mod.getValue(result, 'i32');
          const error = mod.getValue(result + 8, 'i32');
          if (error) {
            const messagePtr = mod.getValue(error, 'i32');
            const cursor = mod.getValue(error + 16, 'i32');
            return { ok: false, error: { message: messagePtr ? mod.UTF8ToString(messagePtr) : 'syntax error', cursor: cursor > 0 ? cursor - 1 : 0 } };
          }
          return { ok: true, tree: tree ? JSON.parse(mod.UTF8ToString(tree)) : {} };
        } finally {
          mod._wasm_free_parse_result(result);
        }
      }),
    scan: (sql) =>
      withString(sql, (ptr) => {
        const result = mod._wasm_scan(ptr);
        try {
          const text = mod.UTF8ToString(result);
          if (!text.startsWith('{')) return [];
          return (JSON.parse(text) as { tokens?: PgScanToken[] }).tokens ?? [];
        } finally {
          if (result) mod._wasm_free_string(result);
        }
      }),
  };
}
