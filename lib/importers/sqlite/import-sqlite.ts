/**
 * SQLite SQL scripts (the sqlite3 shell's `.schema` and `.dump` output, migration files, the
 * `sql` column of sqlite_schema) -> a Draftbase document plus a per-statement report.
 *
 * Parser choice: a small statement reader on lib/sql-lexer's SQLite rules rather than
 * node-sql-parser's sqlite grammar, which rejects what real SQLite schemas use ([x] names, WITHOUT
 * ROWID, STRICT, generated columns, typeless columns, conflict clauses). SQLite's CREATE grammar is
 * small; expressions are never parsed, only delimited, and kept as written.
 *
 * Statements that define no schema are counted, not listed one by one (a dump has one INSERT per
 * row): INSERT/REPLACE/UPDATE/DELETE, BEGIN/COMMIT, PRAGMA each give one skipped entry at their first
 * line with the count. CREATE VIRTUAL TABLE (fts5, rtree...) is a warning (a module's table is not a
 * table Draftbase can model) and its shadow tables are skipped with it.
 *
 * A statement that cannot be read is an error diagnostic with its line and column and the import
 * goes on; a truncated file (an unterminated quote or comment) gives what came before it plus the
 * error. Only when nothing at all could be read does the import fail (ImportError).
 */
import { sequentialIds, type IdFactory } from '../../model/ids';
import { sqlDialectScores } from '../detect-format';
import { ImportBuilder } from '../sql-common/import-builder';
import { assertInputSize, assertLooksLikeText, withoutBom, wrongDialectHint } from '../sql-common/guard-input';
import { LineIndex } from '../sql-common/positions';
import { ImportError, type ImportResult } from '../types';
import { SqliteSyntaxError, StatementCursor, foldSqliteName } from './cursor';
import { readColumnDef, readCreateTable } from './read-create-table';
import { readCreateIndex, readCreateView, readTriggerHeader, readVirtualTable, shadowTableNames } from './read-statements';
import { splitSqliteScript } from './split-sqlite';
import { SqliteObjects } from './sqlite-objects';

/** Statements counted rather than listed: the first line and how many. */
const COUNTED: [RegExp, string][] = [
  [/^(insert|replace|update|delete|with)\b/, 'data (not schema)'],
  [/^(begin|commit|end|rollback|savepoint|release)\b/, 'transaction control'],
  [/^pragma\b/, 'PRAGMA (connection settings)'],
];

const SKIPPED: [RegExp, string][] = [
  [/^drop\b/, 'DROP (the import describes what exists)'],
  [/^(analyze|vacuum|reindex)\b/, 'maintenance command'],
  [/^(attach|detach)\b/, 'ATTACH/DETACH (connection setting)'],
  [/^(select|explain|values)\b/, 'query (not schema)'],
];

const DUMP_VIRTUAL_TABLE = /^insert\s+into\s+"?sqlite_(?:schema|master)"?\s*\([^)]*\)\s*values\s*\(\s*'table'\s*,[\s\S]*'(create\s+virtual\s+table[\s\S]*)'\s*\)\s*$/i;

export async function importSqlite(source: string, options: { ids?: IdFactory } = {}): Promise<ImportResult> {
  return importSqliteSync(source, options);
}

export function importSqliteSync(source: string, options: { ids?: IdFactory } = {}): ImportResult {
  assertInputSize(source);
  const sql = withoutBom(source);
  const lines = new LineIndex(sql);
  assertLooksLikeText(sql, lines);
  const split = splitSqliteScript(sql);
  const b = new ImportBuilder('sqlite', sql, options.ids ?? sequentialIds(), foldSqliteName, 'main');
  const objects = new SqliteObjects(b);
  const counted = new Map<string, { offset: number; text: string; n: number }>();
  const errors: { offset: number; message: string }[] = [];
  let readAny = false;

  const error = (offset: number, message: string, start: number, text: string) => {
    const p = lines.position(offset);
    errors.push({ offset, message });
    b.skip(start, text, `syntax error at line ${p.line}, column ${p.column}: ${message}`);
    b.diag('error', 'sqlite.syntax-error', `${message} (statement skipped)`, offset);
  };

  for (const cmd of split.clientCommands) b.skip(cmd.start, cmd.text, 'sqlite3 shell command');
  // A truncated file: what starts after the first unterminated quote or comment cannot be read.
  const lexProblem = split.problems.find((p) => p.kind !== 'too-deep');
  const tooDeep = split.problems.find((p) => p.kind === 'too-deep');
  for (const st of split.statements) {
    const text = sql.slice(st.start, st.end);
    if (lexProblem && st.end > lexProblem.offset) {
      const p = lines.position(lexProblem.offset);
      error(lexProblem.offset, `${lexProblem.message} at line ${p.line}, column ${p.column}: the file may be truncated; the statements before it were imported`, st.start, text);
      break;
    }
    if (tooDeep && st.start <= tooDeep.offset && st.end > tooDeep.offset) {
      error(tooDeep.offset, tooDeep.message, st.start, text);
      continue;
    }
    const head = text.slice(0, 200).replace(/\s+/g, ' ').toLowerCase();
    const count = COUNTED.find(([re]) => re.test(head));
    if (count) {
      const dumpVt = DUMP_VIRTUAL_TABLE.exec(text);
      if (dumpVt) {
        b.diag('warning', 'sqlite.virtual-table', `a virtual table written by .dump into sqlite_schema is not modeled: ${dumpVt[1].replace(/''/g, "'").slice(0, 120)}`, st.start);
        b.skip(st.start, text, 'virtual table (a module, not a table Draftbase models)');
        readAny = true;
        continue;
      }
      const seen = counted.get(count[1]);
      if (seen) seen.n++;
      else counted.set(count[1], { offset: st.start, text, n: 1 });
      readAny = true;
      continue;
    }
    const skip = SKIPPED.find(([re]) => re.test(head));
    if (skip) {
      b.skip(st.start, text, skip[1]);
      readAny = true;
      continue;
    }
    try {
      readStatement(new StatementCursor(sql, st.start, st.end), objects, b, st.start, text);
      readAny = true;
    } catch (e) {
      if (!(e instanceof SqliteSyntaxError)) throw e;
      error(e.offset, e.message, st.start, text);
    }
  }
  for (const [reason, c] of counted) b.skip(c.offset, c.text, c.n === 1 ? reason : `${reason}: ${c.n.toLocaleString('en-US')} statements like it skipped`);

  if (!readAny && errors.length > 0) {
    const e = errors[0];
    const p = lines.position(e.offset);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more statement(s) with errors)` : '';
    const hint = wrongDialectHint(sql, 'sqlite');
    throw new ImportError(`${e.message} at line ${p.line}, column ${p.column}${more}${hint ? `; ${hint}` : ''}`, { line: p.line, column: p.column, excerpt: lines.lineText(p.line) });
  }
  // Plain SQL "detects" as PostgreSQL by a tie: only a real marker of another dialect makes a hint.
  const hint = errors.length > 0 && Math.max(sqlDialectScores(sql).postgres, sqlDialectScores(sql).mysql) > 0 ? wrongDialectHint(sql, 'sqlite') : undefined;
  if (hint) b.diag('warning', 'import.wrong-dialect', hint);
  b.skipped.sort((x, y) => x.line - y.line);
  return b.finish();
}

/** One CREATE / ALTER statement; anything else is an error (text that is not SQLite DDL). */
function readStatement(c: StatementCursor, objects: SqliteObjects, b: ImportBuilder, start: number, text: string): void {
  if (c.acceptWords('alter', 'table')) {
    const target = c.qualifiedName('the table name');
    if (c.acceptWords('add')) {
      c.acceptWords('column');
      const col = readColumnDef(c);
      if (!c.done) c.fail('unexpected text after the column definition');
      return objects.addColumnTo(target, col, start, text);
    }
    return b.skip(start, text, 'ALTER TABLE RENAME/DROP is not modeled (the import describes what a script creates)');
  }
  if (!c.acceptWords('create')) c.fail('expected a CREATE statement');
  const temporary = c.acceptWords('temp') || c.acceptWords('temporary');
  if (c.isWord('table')) return objects.createTable(readCreateTable(c, temporary), start, text);
  if (c.isWord('virtual')) {
    const v = readVirtualTable(c);
    for (const shadow of shadowTableNames(v, b.fold)) objects.shadowTables.set(shadow, v.name);
    b.diag('warning', 'sqlite.virtual-table', `virtual table "${v.name}" (USING ${v.module}) is not modeled: recreate it after applying the schema`, v.at);
    return b.skip(start, text, `virtual table (USING ${v.module}: a module, not a table Draftbase models)`);
  }
  if (c.isWord('unique') || c.isWord('index')) return objects.createIndex(readCreateIndex(c), start, text);
  if (c.isWord('view')) return objects.createView(readCreateView(c, temporary), start, text);
  if (c.isWord('trigger')) return objects.createTrigger(readTriggerHeader(c, temporary), start, text);
  c.fail('expected TABLE, INDEX, VIEW, TRIGGER or VIRTUAL TABLE after CREATE');
}
