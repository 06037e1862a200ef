/**
 * MySQL's `PARTITION BY ...` table clause (node-sql-parser rejects it) read into the document's
 * partitioning: RANGE / LIST (with or without COLUMNS), HASH / KEY (with PARTITIONS n or a list).
 * RANGE partitions only state an upper bound (`VALUES LESS THAN`); the lower bound is the previous
 * partition's (MINVALUE for the first), which is what the range means.
 */
import type { PartitionBound, Partitioning, Table } from '../../model/document';
import type { IdFactory } from '../../model/ids';
import { mysqlLexer } from '../../sql-lexer';

export type PartitionParse = { ok: true; partitioning: Partitioning; notes: string[] } | { ok: false; reason: string };

/** The comma-separated items outside parentheses, quotes and comments, trimmed (a trailing empty one dropped). */
function splitTopLevel(text: string): string[] {
  const items = mysqlLexer.splitTopLevel(text).map((s) => text.slice(s.start, s.end).trim());
  if (items[items.length - 1] === '') items.pop();
  return items;
}

/** The text inside the parentheses opening at `open`, and the index after the closing one. */
function balanced(text: string, open: number): { inner: string; end: number } | undefined {
  const close = mysqlLexer.matchingParen(text, open);
  return close === undefined ? undefined : { inner: text.slice(open + 1, close), end: close + 1 };
}

const unquote = (s: string) => (s.startsWith('`') && s.endsWith('`') ? s.slice(1, -1).replace(/``/g, '`') : s);

export function parseMysqlPartitionClause(clause: string, table: Table, ids: IdFactory, fold: (s: string) => string): PartitionParse {
  const notes: string[] = [];
  const head = /^\s*partition\s+by\s+(linear\s+)?(hash|key|range|list)\b\s*(?:algorithm\s*=\s*\d+\s*)?(columns\b\s*)?/i.exec(clause);
  if (!head) return { ok: false, reason: 'the PARTITION BY clause could not be read' };
  if (head[1]) notes.push('LINEAR partitioning is imported as plain partitioning');
  const method = head[2].toLowerCase();
  const byColumns = Boolean(head[3]) || method === 'key';
  let pos = head[0].length;
  if (clause[pos] !== '(') return { ok: false, reason: 'the partition key could not be read' };
  const keyText = balanced(clause, pos);
  if (!keyText) return { ok: false, reason: 'the partition key has unbalanced parentheses' };
  pos = keyText.end;

  const columnOf = (expr: string) => {
    const name = unquote(expr.trim());
    return table.columns.find((c) => fold(c.name) === fold(name));
  };
  const key: Partitioning['key'] = [];
  for (const part of byColumns ? splitTopLevel(keyText.inner) : [keyText.inner.trim()]) {
    const col = columnOf(part);
    if (col) key.push({ kind: 'column', columnId: col.id });
    else if (byColumns) return { ok: false, reason: `partition key column "${part}" does not exist` };
    else key.push({ kind: 'expression', sql: part });
  }
  if (key.length === 0) {
    // KEY () partitions by the primary key.
    for (const id of table.primaryKey?.columnIds ?? []) key.push({ kind: 'column', columnId: id });
    if (key.length === 0) return { ok: false, reason: 'the partition key is empty' };
  }

  const rest = clause.slice(pos);
  const count = /^\s*partitions\s+(\d+)/i.exec(rest);
  const after = count ? rest.slice(count[0].length) : rest;
  if (/^\s*subpartition\s+by\b/i.test(after)) return { ok: false, reason: 'subpartitioned tables are not imported' };
  const listStart = after.indexOf('(');
  const defs = listStart >= 0 ? balanced(after, listStart) : undefined;

  const strategy: Partitioning['strategy'] = method === 'range' ? 'range' : method === 'list' ? 'list' : 'hash';
  const partitions: Partitioning['partitions'] = [];
  if (defs) {
    const list = splitTopLevel(defs.inner);
    let previous: string[] | undefined;
    for (const [i, def] of list.entries()) {
      const m = /^partition\s+(`(?:[^`]|``)+`|[\w$]+)\s*(?:values\s+(less\s+than|in)\s*(maxvalue\b|\())?/i.exec(def);
      if (!m) return { ok: false, reason: `partition definition "${def.slice(0, 40)}" could not be read` };
      const name = unquote(m[1]);
      let values: string[] | undefined;
      if (m[3] && m[3] !== '(') values = ['MAXVALUE'];
      else if (m[3] === '(') {
        const v = balanced(def, m.index + m[0].length - 1);
        if (!v) return { ok: false, reason: `partition "${name}" has unbalanced parentheses` };
        values = splitTopLevel(v.inner);
      }
      let bound: PartitionBound;
      if (strategy === 'range') {
        if (!values || !/less/i.test(m[2] ?? '')) return { ok: false, reason: `range partition "${name}" has no VALUES LESS THAN` };
        bound = { kind: 'range', from: previous ?? values.map(() => 'MINVALUE'), to: values };
        previous = values;
      } else if (strategy === 'list') {
        if (!values || values.length === 0) return { ok: false, reason: `list partition "${name}" has no VALUES IN` };
        bound = { kind: 'list', values };
      } else bound = { kind: 'hash', modulus: list.length, remainder: i };
      partitions.push({ id: ids('part'), name, bound });
    }
  } else if (strategy === 'hash') {
    // `PARTITIONS n` without a list: MySQL names them p0 .. p(n-1).
    const n = count ? Number(count[1]) : 1;
    for (let i = 0; i < n; i++) partitions.push({ id: ids('part'), name: `p${i}`, bound: { kind: 'hash', modulus: n, remainder: i } });
  } else return { ok: false, reason: `${method.toUpperCase()} partitioning without partition definitions` };

  return { ok: true, partitioning: { strategy, key, partitions }, notes };
}
