/**
 * Every module under lib/server starts with `import 'server-only'`: Next then refuses to build a
 * client bundle that reaches one (however indirectly) instead of shipping database, HTTP or importer
 * code to the browser. Outside Next the marker is inert: vitest.config.ts and the compute worker's
 * esbuild bundle alias it to its empty module, and tsx (CLI, scripts, benches) reads the same alias
 * from tsconfig.json's `paths` (Next's own alias for it wins over `paths`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname);

/** Modules without the marker, and why. */
const UNGUARDED: Record<string, string> = {
  'http/body-limit.ts': 'next.config.ts reads it, and Next loads that file in plain Node, where the marker throws',
  'importers/test-corpus.ts': 'test support (reads the corpus for tests)',
  'db/test-databases.ts': 'test support (throwaway databases for tests)',
};

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : modules(p); // test support only
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.relative(root, p).split(path.sep).join('/')] : [];
  });
}

describe("lib/server is marked 'server-only'", () => {
  const all = modules(root);

  it.each(all.filter((m) => !(m in UNGUARDED)))('%s', (m) => {
    const code = readFileSync(path.join(root, m), 'utf8').replace(/^\/\*[\s\S]*?\*\/\s*/, '');
    expect(code.startsWith("import 'server-only';"), `${m} must start with import 'server-only' (after its comment)`).toBe(true);
  });

  it('lists only modules that exist as exceptions', () => {
    for (const m of Object.keys(UNGUARDED)) expect(all).toContain(m);
  });
});
