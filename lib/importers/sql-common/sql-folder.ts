/**
 * A folder of SQL files imported as one schema: large projects keep tables in one file and add keys,
 * indexes and foreign keys in later ones, run in name order by their migration tool. The files are
 * put in the order that tool runs them, joined into one script, and every position the importer
 * reports is mapped back to its file and line.
 *
 * Run order: natural name order of the relative paths (`2_x.sql` before `10_x.sql`), which is how
 * golang-migrate, dbmate and numbered psql/mysql folders run; Flyway's repeatable `R__*.sql` run after
 * every versioned file. Down/undo migrations (`*.down.sql`, Flyway `U*__*.sql`) are left out: applying
 * them would undo what the up files built.
 */
import { ImportError, type ImportResult, type SourceFile } from '../types';

export interface SqlFolderPlan {
  /** The files to import, in run order. */
  files: SourceFile[];
  /** Files not imported, with why (shown in the import report). */
  left: { name: string; reason: string }[];
}

const SQL_FILE = /\.sql$/i;
const DOWN_FILE = /(?:^|[._-])down\.sql$/i;
const FLYWAY_UNDO = /(?:^|\/)U\d[\w.]*__[^/]*\.sql$/;
const FLYWAY_REPEATABLE = /(?:^|\/)R__[^/]*\.sql$/;

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Chooses and orders the SQL files of a folder the way migration tools run them. */
export function planSqlFolder(files: readonly SourceFile[]): SqlFolderPlan {
  const left: SqlFolderPlan['left'] = [];
  const chosen: SourceFile[] = [];
  for (const f of files) {
    if (!SQL_FILE.test(f.name)) left.push({ name: f.name, reason: 'not an .sql file' });
    else if (DOWN_FILE.test(f.name) || FLYWAY_UNDO.test(f.name)) left.push({ name: f.name, reason: 'a down/undo migration (it reverses the up files)' });
    else chosen.push(f);
  }
  const rank = (name: string) => (FLYWAY_REPEATABLE.test(name) ? 1 : 0);
  chosen.sort((a, b) => rank(a.name) - rank(b.name) || natural.compare(a.name, b.name));
  return { files: chosen, left };
}

export interface JoinedSql {
  text: string;
  /** The file and 1-based line of a 1-based line of `text`. */
  locate(line: number): { file: string; line: number };
}

/**
 * One script from several files. A `;` line between files ends a last statement left without its
 * terminator, so it cannot run into the next file's first statement (an empty statement is ignored).
 */
export function joinSqlFiles(files: readonly SourceFile[]): JoinedSql {
  const starts: { file: string; firstLine: number }[] = [];
  const parts: string[] = [];
  let line = 1;
  for (const f of files) {
    starts.push({ file: f.name, firstLine: line });
    const body = f.content.endsWith('\n') ? f.content : `${f.content}\n`;
    parts.push(body, ';\n');
    line += countLines(body) + 1;
  }
  return {
    text: parts.join(''),
    locate(at: number) {
      let found = starts[0] ?? { file: '', firstLine: 1 };
      for (const s of starts) if (s.firstLine <= at) found = s;
      return { file: found.file, line: at - found.firstLine + 1 };
    },
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Imports a folder of SQL files with `importText`, reporting positions per file. */
export async function importSqlFolder(
  files: readonly SourceFile[],
  importText: (sql: string) => Promise<ImportResult> | ImportResult,
): Promise<ImportResult> {
  const plan = planSqlFolder(files);
  if (!plan.files.length) throw new ImportError(`the folder has no .sql files to import (${plan.left.length} other files)`);
  const joined = joinSqlFiles(plan.files);
  // Parser messages quote positions in the joined script ("at line 5, column 24"): name the file's own.
  const relocate = (text: string) =>
    text.replace(/\bat line (\d+), column/g, (_m, line: string) => {
      const at = joined.locate(Number(line));
      return `at line ${at.line} of ${at.file}, column`;
    });
  let result: ImportResult;
  try {
    result = await importText(joined.text);
  } catch (e) {
    if (!(e instanceof ImportError) || e.line === undefined) throw e;
    const at = joined.locate(e.line);
    throw new ImportError(relocate(e.message), { line: at.line, column: e.column, excerpt: e.excerpt, file: at.file });
  }
  const report = result.report;
  return {
    document: result.document,
    report: {
      ...report,
      skipped: [
        ...report.skipped.map((s) => ({ ...s, reason: relocate(s.reason), ...joined.locate(s.line) })),
        ...plan.left.filter((l) => SQL_FILE.test(l.name)).map((l) => ({ line: 1, file: l.name, statement: l.name, reason: l.reason })),
      ],
      diagnostics: report.diagnostics.map((d) => (d.line === undefined ? d : { ...d, ...joined.locate(d.line) })),
    },
  };
}
