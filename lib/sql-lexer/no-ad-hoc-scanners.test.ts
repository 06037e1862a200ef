/**
 * Keeps SQL scanning in one place: source that compares characters with quote characters is the mark
 * of a hand-written quote scanner, and SQL text is scanned with lib/sql-lexer instead. The files
 * allowed to do it scan something that is not SQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['lib', 'components', 'cli', 'app'];
const SKIPPED_DIRS = new Set(['node_modules', 'generated', 'sql-lexer']);

/** A character compared with `'`, `"` or a backtick (as a string or a char code). */
const QUOTE_COMPARISON = /[!=]==\s*(?:"'"|'"'|'`'|'\\''|(?:34|39|96)\b)/;

const ALLOWED: Record<string, string> = {
  'cli/json-position.ts': 'JSON text, not SQL',
  'lib/importers/prisma/source-text.ts': 'Prisma schema strings, not SQL',
  'lib/markdown/escape.ts': 'Markdown code spans, not SQL',
};

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) yield* sourceFiles(join(dir, entry.name));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield join(dir, entry.name);
  }
}

describe('SQL is scanned by lib/sql-lexer only', () => {
  it('no other source compares characters with quote characters (allowlist: not SQL)', () => {
    const offenders: string[] = [];
    for (const top of SCANNED) {
      for (const file of sourceFiles(join(ROOT, top))) {
        const rel = relative(ROOT, file).split('\\').join('/');
        if (rel in ALLOWED) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (QUOTE_COMPARISON.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });
});
