/**
 * Dialects are data: generators, exporters, the model, the format registry, the review and the editor read facts
 * from the dialect records (lib/dialects) instead of asking which dialect this is. This test keeps
 * `dialect === 'mysql'`-style branches (a comparison with a dialect's name, or `case 'postgres':`)
 * and `dialect ===` comparisons out of those folders. A comparison that is genuinely about identity
 * (is this view written in the target's dialect?) is allowlisted below with its reason; a new fact
 * goes into the dialect record instead (lib/README.md, "A new dialect fact").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const GUARDED = ['lib/capacity', 'lib/ddl', 'lib/exporters', 'lib/model', 'lib/formats', 'lib/review', 'lib/sql-translate', 'lib/evolution', 'lib/design-doc', 'lib/index-strategy', 'lib/mermaid', 'components'];

/** A dialect's name compared (either side), a case label, or `dialect` compared with anything. */
const BRANCH = /[!=]==\s*'(?:postgres|mysql|sqlite)'|'(?:postgres|mysql|sqlite)'\s*[!=]==|\bcase\s+'(?:postgres|mysql|sqlite)'\s*:|\b[dD]ialect\s*[!=]==/;

interface Allowed {
  file: string;
  /** A fragment of the line. */
  line: string;
  reason: string;
}

const ALLOWED: readonly Allowed[] = [
  { file: 'lib/ddl/context.ts', line: 'this.crossDialect = doc.settings.dialect !== dialect', reason: 'identity: the document is rendered for the other dialect (its expressions are copied verbatim)' },
  { file: 'lib/ddl/context.ts', line: 'return v.dialect === this.dialect ||', reason: "identity: a view in the target's own SQL is written as is, one in the other's only when it can be translated" },
  { file: 'lib/ddl/view-sql.ts', line: 'if (v.dialect !== ctx.dialect) {', reason: "identity: a view written in the other dialect's SQL is translated (lib/sql-translate) or skipped" },
  { file: 'lib/ddl/routine-sql.ts', line: 'const ownDialect = (r: Routine) => r.dialect === ctx.dialect &&', reason: "identity: a routine in the target's own dialect is written as is, one in the other's commented out (bodies are not translated)" },
  { file: 'lib/ddl/routine-sql.ts', line: 'const why = r.dialect !== ctx.dialect ?', reason: "identity: says whether a routine is commented out for being another dialect's or a kind the target lacks (SQLite has triggers only)" },
  { file: 'components/editor/ddl-panel/use-generated-ddl.ts', line: 'result.dialect !== dialect', reason: 'identity: the shown result was rendered for another dialect (stale)' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__snapshots__' || e.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test(-support)?\.tsx?$|\.test-support\.ts$/.test(e.name) ? [path] : [];
  });
}

function branches(): { file: string; lineNo: number; text: string }[] {
  return GUARDED.flatMap(sourceFiles).flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((text, i) => (BRANCH.test(text) ? [{ file: relative(ROOT, join(ROOT, file)), lineNo: i + 1, text: text.trim() }] : [])),
  );
}

describe('dialect facts are data', () => {
  const found = branches();

  it('no dialect branches outside the allowlist', () => {
    const unlisted = found.filter((b) => !ALLOWED.some((a) => a.file === b.file && b.text.includes(a.line)));
    expect(unlisted.map((b) => `${b.file}:${b.lineNo}: ${b.text}`), 'read a fact from the dialect record (lib/dialects) instead').toEqual([]);
  });

  it('every allowlist entry still matches a line, and says why', () => {
    for (const a of ALLOWED) {
      expect(a.reason.length, `${a.file}: ${a.line}`).toBeGreaterThan(10);
      expect(found.some((b) => b.file === a.file && b.text.includes(a.line)), `stale allowlist entry ${a.file}: ${a.line}`).toBe(true);
    }
  });

  it('catches the branches it is meant to catch', () => {
    for (const line of ["if (dialect === 'mysql')", "ctx.dialect !== 'postgres'", "'postgres' === d", "case 'mysql':", 'if (doc.settings.dialect === other)', "if (dialect === 'sqlite')", "case 'sqlite':", "'sqlite' !== target"]) expect(BRANCH.test(line), line).toBe(true);
    for (const line of ["DIALECTS[dialect].caseInsensitiveNames", "provider === 'postgresql'", "{ postgres: 'a', mysql: 'b' }[dialect]"]) expect(BRANCH.test(line), line).toBe(false);
  });
});

describe('lib/model may import lib/dialects', () => {
  // lib/dialects reads only the document's types and constants, so the model's commands can read
  // dialect facts without an import cycle.
  it('lib/dialects imports nothing from lib/model but the document and diagnostics types', () => {
    for (const file of sourceFiles('lib/dialects')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/from '(\.\.\/[^']+)'/g)) expect(['../model/document', '../model/diagnostics'], `${file} imports ${m[1]}`).toContain(m[1]);
    }
  });
  it('the document module imports no dialect module', () => {
    for (const file of ['lib/model/document.ts', 'lib/model/document-primitives.ts', 'lib/model/document-columns.ts', 'lib/model/document-keys.ts', 'lib/model/diagnostics.ts', 'lib/model/limits.ts']) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/from '[^']*dialects/);
    }
  });
});
