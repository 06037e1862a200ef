/**
 * Query-pattern verdicts for MySQL-dialect projects, from the optimizer's leftmost-prefix rule over
 * the designed indexes (primary key, unique constraints, indexes): an index serves the equality
 * columns it leads with, then one range column; ORDER BY is served when its columns follow that
 * prefix in the index. No engine is needed; mysql-verdict.engines.test.ts compares with MariaDB's
 * own EXPLAIN on tables filled with generated rows. Pure.
 *
 * What it reads of the SQL (lexed with lib/sql-lexer): the tables of FROM/JOIN/UPDATE/DELETE FROM
 * with their aliases, the WHERE and ON conditions joined by AND (`col = ...`, `col IN (...)`,
 * `col < ...`, `BETWEEN`, `LIKE 'prefix%'`), and ORDER BY columns. Anything else (subqueries, OR,
 * expressions over columns) is not used by the rule, as the optimizer would not use an index for it
 * either in most cases; unknown tables or columns are errors with their position.
 */
import type { Index, SchemaDocument, Table } from '../model/document';
import { displayName } from '../model/lookup';
import { newId } from '../model/ids';
import { indexName, uniqueConstraintName } from '../naming/derived-names';
import { dialectSpec } from '../dialects/dialects';
import { mysqlLexer, unquotedValue, type SqlLexer, type Token } from '../sql-lexer';
import { DEFAULT_ASSUMED_ROWS, lineColumnOf, SMALL_TABLE_ROWS, type PatternVerdict, type WorkloadAdvice } from './advice';
import { plannedRows } from './planner-stats';

interface Tok {
  text: string;
  upper: string;
  start: number;
  kind: Token['kind'];
}

function lex(sql: string, lexer: SqlLexer): Tok[] {
  const out: Tok[] = [];
  for (const t of lexer.tokens(sql)) {
    if (t.kind === 'space' || t.kind === 'comment') continue;
    const text = t.kind === 'identifier' ? unquotedValue(sql, t) : sql.slice(t.start, t.end);
    out.push({ text, upper: t.kind === 'word' ? text.toUpperCase() : text, start: t.start, kind: t.kind });
  }
  return out;
}

interface KeyList {
  name: string;
  columns: string[];
  unique: boolean;
}

/** The leftmost-prefix key lists of a table, as MySQL names them. */
export function keyListsOf(table: Table): KeyList[] {
  const out: KeyList[] = [];
  if (table.primaryKey?.columnIds.length) out.push({ name: 'PRIMARY', columns: table.primaryKey.columnIds, unique: true });
  for (const u of table.uniques) if (u.columnIds.length) out.push({ name: uniqueConstraintName(table, u), columns: u.columnIds, unique: true });
  for (const ix of table.indexes) {
    if (ix.invisible || (ix.method && ix.method !== 'btree' && ix.method !== 'hash')) continue;
    const cols: string[] = [];
    for (const p of ix.parts) {
      if (p.kind !== 'column') break;
      cols.push(p.columnId);
      if (p.length !== undefined) break; // a prefix part ends what the index can order by
    }
    if (cols.length) out.push({ name: indexName(table, ix), columns: cols, unique: ix.unique && !ix.where });
  }
  return out;
}

interface TableUse {
  tableId: string;
  alias: string;
  eq: string[];
  range: string[];
  order: { columnId: string; desc: boolean }[];
}

class PatternError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

const CLAUSE_END = new Set(['WHERE', 'GROUP', 'ORDER', 'LIMIT', 'HAVING', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'CROSS', 'STRAIGHT_JOIN', 'ON', 'USING', 'SET', 'UNION', 'FOR', 'WINDOW', 'NATURAL', 'FULL', 'OUTER']);

/** Reads the tables, conditions and ORDER BY of one pattern. */
function analyse(doc: SchemaDocument, sql: string, lexer: SqlLexer): TableUse[] {
  const toks = lex(sql, lexer);
  if (!toks.length) throw new PatternError('the pattern is empty', 1);
  const first = toks[0].upper;
  if (!['SELECT', 'UPDATE', 'DELETE', 'WITH'].includes(first)) throw new PatternError(`syntax error: a query pattern starts with SELECT, UPDATE or DELETE, not "${toks[0].text}"`, toks[0].start + 1);
  const byName = new Map<string, Table>();
  for (const t of Object.values(doc.tables)) {
    byName.set(t.name.toLowerCase(), t);
    byName.set(displayName(doc, t).toLowerCase(), t);
  }
  const uses: TableUse[] = [];
  // Table references: after FROM / JOIN / UPDATE (and DELETE FROM), at depth 0.
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (depth !== 0) continue;
    if (!(t.upper === 'FROM' || t.upper === 'JOIN' || (t.upper === 'UPDATE' && i === 0))) continue;
    let j = i + 1;
    for (;;) {
      const nameTok = toks[j];
      if (!nameTok || nameTok.text === '(') break;
      let name = nameTok.text;
      let k = j + 1;
      if (toks[k]?.text === '.' && toks[k + 1]) {
        name = `${name}.${toks[k + 1].text}`;
        k += 2;
      }
      const table = byName.get(name.toLowerCase());
      if (!table) throw new PatternError(`table "${name}" does not exist`, nameTok.start + 1);
      let alias = table.name;
      if (toks[k]?.upper === 'AS') k++;
      if (toks[k] && (toks[k].kind === 'identifier' || (toks[k].kind === 'word' && !CLAUSE_END.has(toks[k].upper)))) {
        alias = toks[k].text;
        k++;
      }
      uses.push({ tableId: table.id, alias, eq: [], range: [], order: [] });
      j = k;
      if (toks[j]?.text === ',') {
        j++;
        continue;
      }
      break;
    }
  }
  if (!uses.length) throw new PatternError('no table found (FROM, JOIN or UPDATE)', 1);

  /** The column a reference at toks[i] names: `col`, `alias.col`; undefined for anything else. */
  const columnAt = (i: number): { use: TableUse; columnId: string; next: number } | undefined => {
    const a = toks[i];
    if (!a || (a.kind !== 'word' && a.kind !== 'identifier')) return undefined;
    if (toks[i + 1]?.text === '.' && toks[i + 2]) {
      const use = uses.find((u) => u.alias.toLowerCase() === a.text.toLowerCase());
      if (!use) return undefined;
      const col = doc.tables[use.tableId].columns.find((c) => c.name.toLowerCase() === toks[i + 2].text.toLowerCase());
      if (!col) throw new PatternError(`column "${toks[i + 2].text}" does not exist in ${a.text}`, toks[i + 2].start + 1);
      return { use, columnId: col.id, next: i + 3 };
    }
    for (const use of uses) {
      const col = doc.tables[use.tableId].columns.find((c) => c.name.toLowerCase() === a.text.toLowerCase());
      if (col) return { use, columnId: col.id, next: i + 1 };
    }
    return undefined;
  };

  // Conditions: WHERE and ON, at depth 0, between ANDs.
  depth = 0;
  let inCond = false;
  let atStart = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (depth !== 0) continue;
    if (t.upper === 'WHERE' || t.upper === 'ON' || t.upper === 'AND') {
      inCond = t.upper === 'AND' ? inCond : true;
      atStart = inCond;
      continue;
    }
    if (['GROUP', 'ORDER', 'LIMIT', 'HAVING', 'JOIN', 'LEFT', 'INNER', 'RIGHT', 'OR', 'UNION'].includes(t.upper)) {
      // OR makes the whole condition unusable for the rule: forget what this WHERE gave.
      inCond = false;
      atStart = false;
      continue;
    }
    if (!inCond || !atStart) continue;
    atStart = false;
    const ref = columnAt(i);
    if (!ref) continue;
    const op = toks[ref.next];
    const op2 = toks[ref.next + 1];
    if (!op) continue;
    const other = columnAt(ref.next + (op2 && ['=', '>'].includes(op2.text) && ['<', '>', '!'].includes(op.text) ? 2 : 1));
    const list = ref.use;
    if (op.text === '=' || op.upper === 'IN' || (op.upper === 'IS' && op2?.upper === 'NULL')) {
      if (!list.eq.includes(ref.columnId)) list.eq.push(ref.columnId);
      if (op.text === '=' && other && other.use !== ref.use && !other.use.eq.includes(other.columnId)) other.use.eq.push(other.columnId);
    } else if (op.text === '<' || op.text === '>' || op.upper === 'BETWEEN' || (op.upper === 'LIKE' && op2?.kind === 'string' && !/^[%_]/.test(op2.text.slice(1)))) {
      if (!list.range.includes(ref.columnId)) list.range.push(ref.columnId);
    }
  }

  // ORDER BY at depth 0.
  depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (depth !== 0 || t.upper !== 'ORDER' || toks[i + 1]?.upper !== 'BY') continue;
    let j = i + 2;
    for (;;) {
      const ref = columnAt(j);
      if (!ref) break;
      let k = ref.next;
      let desc = false;
      if (toks[k]?.upper === 'DESC' || toks[k]?.upper === 'ASC') {
        desc = toks[k].upper === 'DESC';
        k++;
      }
      ref.use.order.push({ columnId: ref.columnId, desc });
      if (toks[k]?.text !== ',') break;
      j = k + 1;
    }
  }
  return uses;
}

interface Match {
  key: KeyList;
  eqUsed: number;
  rangeUsed: boolean;
  orderServed: boolean;
}

/** How far an index serves a table's conditions under the leftmost-prefix rule. */
export function prefixMatch(key: KeyList, use: Pick<TableUse, 'eq' | 'range' | 'order'>): Match {
  let n = 0;
  while (n < key.columns.length && use.eq.includes(key.columns[n])) n++;
  const rangeUsed = n < key.columns.length && use.range.includes(key.columns[n]);
  const rest = key.columns.slice(n);
  const orderCols = use.order.map((o) => o.columnId).filter((c) => !use.eq.includes(c));
  const orderServed = orderCols.length > 0 && orderCols.every((c, i) => rest[i] === c) && use.order.every((o) => o.desc === use.order[0].desc);
  return { key, eqUsed: n, rangeUsed, orderServed };
}

function quoted(name: string): string {
  return dialectSpec('mysql').quoteIdentifier(name);
}

/** The verdict of one pattern over the designed indexes. */
/**
 * The verdict of one pattern over the designed indexes. `lexer`: the dialect's (the review uses the
 * same rules for PostgreSQL documents as a quick approximation of the planner).
 */
export function mysqlVerdict(doc: SchemaDocument, pattern: { id: string; name: string; sql?: string }, rowsBy = plannedRows(doc), lexer: SqlLexer = mysqlLexer): PatternVerdict {
  const sql = pattern.sql ?? '';
  const base: PatternVerdict = { patternId: pattern.id, patternName: pattern.name, status: 'served', summary: '', accesses: [], sorts: [], rows: 0, cost: 0, reasons: [], assumedTables: [] };
  let uses: TableUse[];
  try {
    uses = analyse(doc, sql, lexer);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    const at = lineColumnOf(sql, e.position);
    return { ...base, status: 'error', summary: `${e.message} (line ${at.line}, column ${at.column})`, error: { message: e.message, position: e.position, ...at } };
  }
  let bad = 0;
  let good = 0;
  let sortsLeft = 0;
  for (const use of uses) {
    const table = doc.tables[use.tableId];
    const label = displayName(doc, table);
    const { rows: tableRows, declared } = rowsBy.get(use.tableId) ?? { rows: DEFAULT_ASSUMED_ROWS, declared: false };
    if (!declared && !base.assumedTables.includes(label)) base.assumedTables.push(label);
    const matches = keyListsOf(table).map((k) => prefixMatch(k, use));
    matches.sort((a, b) => b.eqUsed + Number(b.rangeUsed) - (a.eqUsed + Number(a.rangeUsed)) || Number(b.orderServed) - Number(a.orderServed) || Number(b.key.unique) - Number(a.key.unique));
    const best = matches[0];
    const usable = best && (best.eqUsed > 0 || best.rangeUsed || (best.orderServed && use.eq.length === 0 && use.range.length === 0));
    const uniqueHit = usable && best.key.unique && best.eqUsed === best.key.columns.length;
    const rows = uniqueHit ? 1 : usable ? Math.max(1, Math.round(tableRows / Math.max(1, 200 ** best.eqUsed) / (best.rangeUsed ? 3 : 1))) : tableRows;
    base.accesses.push({ tableId: use.tableId, relation: table.name, path: usable ? 'index-scan' : 'seq-scan', indexName: usable ? best.key.name : undefined, rows, tableRows });
    const needsSort = use.order.length > 0 && !(usable && best.orderServed);
    if (needsSort) base.sorts.push({ keys: use.order.map((o) => `${table.columns.find((c) => c.id === o.columnId)?.name}${o.desc ? ' DESC' : ''}`), rows, bytes: rows * 64 });
    if (tableRows < SMALL_TABLE_ROWS) {
      if (!usable) base.reasons.push(`${label} is small (${tableRows.toLocaleString('en-US')} rows): a full scan is the right plan.`);
      good++;
      continue;
    }
    if (!usable) {
      if (use.eq.length || use.range.length || use.order.length) {
        bad++;
        base.reasons.push(`no index of ${label} leads with ${[...use.eq, ...use.range].map((id) => table.columns.find((c) => c.id === id)?.name).join(', ') || 'the ORDER BY columns'}: a full scan of ${tableRows.toLocaleString('en-US')} rows.`);
      } else if (uses.length === 1) base.reasons.push(`reads all ${tableRows.toLocaleString('en-US')} rows of ${label}, as the query asks.`);
      else bad++;
    } else good++;
    if (needsSort && rows > 1000) {
      sortsLeft++;
      base.reasons.push(`filesort of ${rows.toLocaleString('en-US')} rows of ${label}.`);
    }
    if ((!usable || (needsSort && rows > 1000)) && !base.suggestion && (use.eq.length || use.range.length || use.order.length)) {
      const keys = [...use.eq, ...(use.order.length ? use.order.map((o) => o.columnId).filter((c) => !use.eq.includes(c)) : use.range.slice(0, 1))];
      const index: Index = {
        id: newId('idx'),
        parts: keys.map((columnId) => ({ kind: 'column' as const, columnId, ...(use.order.find((o) => o.columnId === columnId && o.desc) ? { order: 'desc' as const } : {}) })),
        unique: false,
        purpose: `Serves query pattern "${pattern.name}"`.slice(0, 500),
      };
      const name = indexName(table, index);
      const colSql = index.parts.map((p) => (p.kind === 'column' ? `${quoted(table.columns.find((c) => c.id === p.columnId)!.name)}${p.order === 'desc' ? ' DESC' : ''}` : '')).join(', ');
      base.suggestion = { tableId: table.id, index, createSql: `CREATE INDEX ${quoted(name)} ON ${quoted(table.name)} (${colSql});`, costWith: 0, costWithout: 0, path: 'index-scan' };
    }
  }
  base.status = bad ? (good ? 'partly' : 'not-served') : sortsLeft ? 'partly' : 'served';
  base.rows = base.accesses.at(-1)?.rows ?? 0;
  base.summary = [
    ...base.accesses.map((a) => (a.indexName ? `index ${a.indexName} on ${a.relation}` : `full scan of ${a.relation}`)),
    ...base.sorts.map((s) => `filesort of ${s.rows.toLocaleString('en-US')} rows`),
  ].join('; ');
  return base;
}

export function mysqlAdvice(doc: SchemaDocument, lexer: SqlLexer = mysqlLexer): WorkloadAdvice {
  const rowsBy = plannedRows(doc);
  return {
    dialect: 'mysql',
    method: 'leftmost-prefix rules over the designed indexes (MySQL/MariaDB optimizer)',
    assumedRows: DEFAULT_ASSUMED_ROWS,
    verdicts: doc.design.queryPatterns.filter((p) => p.sql?.trim()).map((p) => mysqlVerdict(doc, p, rowsBy, lexer)),
  };
}
