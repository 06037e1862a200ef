/**
 * Candidate indexes for a table a plan reads sequentially, from the plan's own conditions (the
 * planner has already resolved every column to its table): equality columns first, then one range
 * column, then the sort columns; a partial variant when the WHERE holds a constant predicate
 * (`deleted_at IS NULL`, a boolean flag); a covering variant (INCLUDE) when the scan outputs few other
 * columns. lib/server/advisor builds each on the stat-faked tables and keeps the one the planner
 * likes best. Pure.
 */
import type { Table } from '../model/document';
import { postgresLexer } from '../sql-lexer';
import type { PlanNode, ScanNode } from './plan-verdict';

export interface CandidateKey {
  columnId: string;
  order?: 'desc';
}

export interface CandidateIndex {
  tableId: string;
  keys: CandidateKey[];
  includeColumnIds: string[];
  /** Partial predicate in plain SQL over unqualified, quoted column names. */
  where?: string;
  /** The fraction of the table's rows the partial predicate keeps (for the index's size). */
  fraction: number;
  /** Short description: "(customer_id, created_at DESC) WHERE deleted_at IS NULL". */
  label: string;
}

/** Strips parentheses that wrap the whole expression. */
export function stripOuterParens(s: string): string {
  let t = s.trim();
  for (;;) {
    if (!t.startsWith('(') || !t.endsWith(')')) return t;
    let depth = 0;
    let wraps = true;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      const skipped = postgresLexer.skip(t, i);
      if (skipped > i) {
        i = skipped - 1;
        continue;
      }
      if (ch === '(') depth++;
      else if (ch === ')') {
        depth--;
        if (depth === 0 && i < t.length - 1) {
          wraps = false;
          break;
        }
      }
    }
    if (!wraps) return t;
    t = t.slice(1, -1).trim();
  }
}

/** Where `needle` occurs at parenthesis depth 0, outside string literals and quoted names (non-overlapping). */
function* topLevelMatches(s: string, needle: string): Generator<number> {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const skipped = postgresLexer.skip(s, i);
    if (skipped > i) {
      i = skipped - 1;
      continue;
    }
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && s.startsWith(needle, i)) {
      yield i;
      i += needle.length - 1;
    }
  }
}

/** Splits on a word operator (` AND `, ` OR `) at parenthesis depth 0, outside string literals. */
export function splitTopLevel(s: string, word: string): string[] {
  const needle = ` ${word} `;
  const out: string[] = [];
  let start = 0;
  for (const at of topLevelMatches(s, needle)) {
    out.push(s.slice(start, at));
    start = at + needle.length;
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function aliasToken(alias: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(alias) ? alias : `"${alias.replace(/"/g, '""')}"`;
}

/** Column names of `alias` referenced in `expr` (`o.status`, `o."Order Date"`), in order. */
export function columnsOf(expr: string, alias: string): string[] {
  const re = new RegExp(`(?<![A-Za-z0-9_$"])${escapeRe(aliasToken(alias))}\\.(?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*))`, 'g');
  const out: string[] = [];
  for (const m of expr.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  return out;
}

const OPERATORS = [' = ANY ', ' <= ', ' >= ', ' <> ', ' = ', ' < ', ' > '];

interface Conjunct {
  kind: 'eq' | 'range' | 'predicate';
  column: string;
  /** For predicates: SQL over the bare column, and the fraction of rows it keeps. */
  sql?: string;
  fraction?: number;
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** What one condition of the plan says about `alias`: an equality, a range, or a constant predicate. */
export function classifyConjunct(text: string, alias: string, nullFracOf: (column: string) => number): Conjunct | undefined {
  const c = stripOuterParens(text);
  if (splitTopLevel(c, 'OR').length > 1) return undefined;
  const cols = columnsOf(c, alias);
  if (cols.length !== 1) return undefined;
  const col = cols[0];
  const bare = c.replace(/::[a-z ]+(\[\])?/g, '');
  const nullMatch = /\bIS (NOT )?NULL$/.exec(bare);
  if (nullMatch && !bare.includes('$')) {
    const nf = nullFracOf(col);
    return nullMatch[1]
      ? { kind: 'predicate', column: col, sql: `${quoteName(col)} IS NOT NULL`, fraction: 1 - nf }
      : { kind: 'predicate', column: col, sql: `${quoteName(col)} IS NULL`, fraction: nf };
  }
  const boolMatch = /^(NOT )?\(?([^\s()]+)\)?$/.exec(stripOuterParens(bare));
  if (boolMatch && columnsOf(boolMatch[2], alias).length === 1) {
    return { kind: 'predicate', column: col, sql: `${boolMatch[1] ? 'NOT ' : ''}${quoteName(col)}`, fraction: 0.5 };
  }
  for (const op of OPERATORS) {
    const at = topLevelIndexOf(c, op);
    if (at < 0) continue;
    const left = c.slice(0, at);
    const right = c.slice(at + op.length);
    const leftHas = columnsOf(left, alias).length > 0;
    const rightHas = columnsOf(right, alias).length > 0;
    if (leftHas === rightHas) return undefined;
    // The column side must be the bare column (maybe cast): an expression needs an expression index.
    const side = stripOuterParens((leftHas ? left : right).replace(/::[a-z ]+(\[\])?/g, ''));
    if (!new RegExp(`^${escapeRe(aliasToken(alias))}\\.(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)$`).test(side)) return undefined;
    if (op === ' <> ') return undefined;
    return { kind: op === ' = ' || op === ' = ANY ' ? 'eq' : 'range', column: col };
  }
  return undefined;
}

function topLevelIndexOf(s: string, needle: string): number {
  for (const at of topLevelMatches(s, needle)) return at;
  return -1;
}

/** The sort keys of the plan that are plain columns of `alias`, when all of them are. */
function sortKeysOf(sortKeys: string[][], alias: string): { column: string; desc: boolean }[] {
  for (const keys of sortKeys) {
    const out: { column: string; desc: boolean }[] = [];
    for (const k of keys) {
      const desc = /\sDESC\b/.test(k);
      const expr = k.replace(/\s+(DESC|ASC)\b.*$/, '').replace(/\s+NULLS (FIRST|LAST)$/, '');
      const cols = columnsOf(expr, alias);
      if (cols.length !== 1 || stripOuterParens(expr).replace(/^[^.]*\./, '').includes('(')) break;
      out.push({ column: cols[0], desc });
    }
    if (out.length && out.length === keys.length) return out;
  }
  return [];
}

export interface CandidateInput {
  table: Table;
  scan: ScanNode;
  /** The Sort Key lists of every sort of the plan. */
  sortKeys: string[][];
  nullFracOf(column: string): number;
  /** How many output columns a covering index may carry. */
  maxInclude?: number;
}

/** The candidates for one sequentially scanned table, best guess first, without duplicates. */
export function candidateIndexes(input: CandidateInput): CandidateIndex[] {
  const { table, scan } = input;
  const idOf = (name: string) => table.columns.find((c) => c.name === name)?.id;
  const conds = [...splitTopLevel(stripOuterParens(scan.node.Filter ?? ''), 'AND'), ...scan.joinConds.flatMap((j) => splitTopLevel(stripOuterParens(j), 'AND'))];
  const eq: string[] = [];
  const range: string[] = [];
  const preds: { sql: string; fraction: number }[] = [];
  for (const text of conds) {
    const c = classifyConjunct(text, scan.alias, input.nullFracOf);
    if (!c) continue;
    const id = idOf(c.column);
    if (!id) continue;
    if (c.kind === 'eq' && !eq.includes(id)) eq.push(id);
    else if (c.kind === 'range' && !range.includes(id)) range.push(id);
    else if (c.kind === 'predicate' && c.sql && !preds.some((p) => p.sql === c.sql)) preds.push({ sql: c.sql, fraction: c.fraction ?? 0.5 });
  }
  const sort = sortKeysOf(input.sortKeys, scan.alias).flatMap((k) => {
    const id = idOf(k.column);
    return id ? [{ columnId: id, order: k.desc ? ('desc' as const) : undefined }] : [];
  });
  const keySets: CandidateKey[][] = [];
  const eqKeys = eq.map((columnId) => ({ columnId }));
  const rangeFirst = range.filter((r) => !eq.includes(r)).slice(0, 1).map((columnId) => ({ columnId }));
  if (eqKeys.length || rangeFirst.length) keySets.push([...eqKeys, ...rangeFirst]);
  if (sort.length) keySets.push([...eqKeys, ...sort.filter((s) => !eq.includes(s.columnId))]);
  const out: CandidateIndex[] = [];
  const seen = new Set<string>();
  const nameOf = (id: string) => table.columns.find((c) => c.id === id)?.name ?? id;
  const add = (keys: CandidateKey[], include: string[], pred?: { sql: string; fraction: number }) => {
    if (!keys.length) return;
    const label = `(${keys.map((k) => `${nameOf(k.columnId)}${k.order === 'desc' ? ' DESC' : ''}`).join(', ')})${include.length ? ` INCLUDE (${include.map(nameOf).join(', ')})` : ''}${pred ? ` WHERE ${pred.sql}` : ''}`;
    if (seen.has(label)) return;
    seen.add(label);
    out.push({ tableId: table.id, keys, includeColumnIds: include, where: pred?.sql, fraction: pred?.fraction ?? 1, label });
  };
  const allPreds = preds.length ? { sql: preds.map((p) => p.sql).join(' AND '), fraction: preds.reduce((f, p) => f * p.fraction, 1) } : undefined;
  for (const keys of keySets) {
    add(keys, []);
    if (allPreds) add(keys, [], allPreds);
  }
  // Covering: the other columns the scan outputs, when there are few.
  const outputIds = [...new Set((scan.node.Output ?? []).flatMap((o) => columnsOf(o, scan.alias)).map(idOf).filter((x): x is string => !!x))];
  for (const keys of keySets.slice(0, 1)) {
    const extra = outputIds.filter((id) => !keys.some((k) => k.columnId === id));
    if (extra.length && extra.length <= (input.maxInclude ?? 3)) {
      add(keys, extra);
      if (allPreds) add(keys, extra, allPreds);
    }
  }
  return out;
}

/** Every scan's sort keys, for candidateIndexes. */
export function sortKeyLists(root: PlanNode): string[][] {
  const out: string[][] = [];
  const walk = (n: PlanNode) => {
    if (n['Sort Key']) out.push(n['Sort Key']);
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(root);
  return out;
}
