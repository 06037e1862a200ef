/** libpg-query's Emscripten module factory (the package ships no types for this file). */
declare module 'libpg-query/wasm/libpg-query.js' {
  import type { PgWasmModule } from './pg-binding';

  const factory: (moduleArg?: { locateFile?: (path: string, scriptDirectory: string) => string }) => Promise<PgWasmModule>;
  export default factory;
}
