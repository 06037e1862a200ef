'use client';
import { useEffect, useRef, useState } from 'react';
import type { Dialect, SchemaDocument } from '@/lib/model/document';
import { DdlGenerator, workerLike, type GeneratedDdl, type WorkerLike } from './ddl-generator';
import { loadEditorSqlParsers } from '../sql-parsers';

function createDdlWorker(): WorkerLike {
  // Next/Turbopack bundles the worker from this exact `new Worker(new URL(...))` shape.
  return workerLike(new Worker(new URL('./ddl.worker.ts', import.meta.url), { type: 'module' }));
}

/**
 * The DDL of `input` in `dialect`: at once for small schemas, off the main thread for large ones
 * (see DdlGenerator). `pending` is true while the shown result is older than the input (dimmed).
 */
export function useGeneratedDdl(input: SchemaDocument, dialect: Dialect): { result: GeneratedDdl | undefined; pending: boolean } {
  const [result, setResult] = useState<GeneratedDdl | undefined>();
  const generator = useRef<DdlGenerator | null>(null);
  useEffect(() => {
    const g = new DdlGenerator(setResult, typeof Worker === 'undefined' ? undefined : createDdlWorker);
    generator.current = g;
    // Expression diagnostics need the SQL parsers (WebAssembly, loaded once): show the DDL at once,
    // and again with them when they are ready.
    loadEditorSqlParsers().then(
      () => g.refresh(),
      () => undefined,
    );
    return () => {
      g.dispose();
      generator.current = null;
    };
  }, []);
  // Runs after the effect above on mount, so the first request reaches the new generator.
  useEffect(() => {
    generator.current?.request({ input, dialect });
  }, [input, dialect]);
  const pending = !result || result.input !== input || result.dialect !== dialect;
  return { result, pending };
}
