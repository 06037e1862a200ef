/**
 * Cuts an SQLite script into statements: the shared splitter (sql-common/split-statements.ts) with
 * SQLite's lexical rules, plus what only SQLite scripts have:
 * - the sqlite3 shell's dot-commands (`.headers on`, `.mode csv`) on their own line between
 *   statements: reported as client commands, not SQL;
 * - trigger bodies, `BEGIN ... ; ... END`, whose inner semicolons do not end the CREATE TRIGGER
 *   (a CASE ... END inside counts as its own block).
 */
import { sqliteLexer } from '../../sql-lexer';
import { blankRanges, splitStatements, type ClientCommand, type SplitResult, type SplitStatement, type SqlLexOptions } from '../sql-common/split-statements';

export const sqliteLexOptions: SqlLexOptions = { lexer: sqliteLexer, psqlMetaCommands: false, delimiterCommand: false, beginAtomic: false };

/** Dot-command lines between statements (a `.` first on its line, where a statement would start). */
function dotCommands(text: string): ClientCommand[] {
  const out: ClientCommand[] = [];
  let between = true;
  for (const t of sqliteLexer.tokens(text)) {
    if (t.kind === 'space' || t.kind === 'comment') continue;
    const c = text.charCodeAt(t.start);
    if (between && t.kind === 'punct' && c === 46 && /[A-Za-z]/.test(text[t.start + 1] ?? '') && (t.start === 0 || /\n[ \t]*$/.test(text.slice(Math.max(0, t.start - 200), t.start)))) {
      const nl = text.indexOf('\n', t.start);
      const end = nl < 0 ? text.length : nl;
      out.push({ start: t.start, end, text: text.slice(t.start, end).trim() });
      continue;
    }
    if (out.length && t.start < out[out.length - 1].end) continue;
    between = t.kind === 'punct' && c === 59;
  }
  return out;
}

/**
 * BEGIN/CASE minus END after a trigger's BEGIN, counted piece by piece (each piece read once: a
 * trigger of many statements costs linear time): `depth` > 0 while the body is open.
 */
class TriggerBlocks {
  depth = 0;
  inBody = false;

  read(text: string, start: number, end: number): void {
    for (const t of sqliteLexer.tokens(text, start, end)) {
      if (t.kind !== 'word') continue;
      const w = text.slice(t.start, t.end).toLowerCase();
      if (!this.inBody) {
        if (w === 'begin') {
          this.inBody = true;
          this.depth = 1;
        }
        continue;
      }
      if (w === 'case') this.depth++;
      else if (w === 'end') this.depth--;
    }
  }

  get open(): boolean {
    return this.inBody && this.depth > 0;
  }
}

const TRIGGER_HEAD = /^create\s+(?:temp\s+|temporary\s+)?trigger\b/i;

export function splitSqliteScript(text: string): SplitResult {
  const commands = dotCommands(text);
  const split = splitStatements(blankRanges(text, commands), sqliteLexOptions);
  const statements: SplitStatement[] = [];
  const list = split.statements;
  for (let i = 0; i < list.length; i++) {
    const st = list[i];
    if (!TRIGGER_HEAD.test(text.slice(st.start, st.start + 40))) {
      statements.push(st);
      continue;
    }
    // Join the pieces the body's semicolons cut until its END closes it.
    let merged = st;
    const blocks = new TriggerBlocks();
    blocks.read(text, st.start, st.end);
    while (blocks.open && i + 1 < list.length) {
      const next = list[++i];
      blocks.read(text, merged.end, next.end);
      merged = { ...next, start: merged.start };
    }
    statements.push(merged);
  }
  return { ...split, statements, clientCommands: [...commands, ...split.clientCommands] };
}
