/**
 * Pasting volumes from a spreadsheet into the Workload grid: tab-separated rows (what Excel, Sheets
 * and Numbers put on the clipboard) become one `table.setVolumes` command. Pure.
 *
 * A row is `[table name,] rows now, growth per month, rows in 5 years, retention months`, from the
 * column where the paste starts. When the first cell of a row is not a number it names the table
 * (matched case-insensitively, `schema.table` or the bare name); otherwise rows apply to the grid's
 * tables in order from the focused row. A header row (no number in it) is skipped. An empty cell
 * clears the field, as it does in a spreadsheet. Rows that match no table, and cells that are not
 * numbers, are reported with their line and column and change nothing; the rest still apply.
 */
import type { TableVolume } from '../model/document';

export const WORKLOAD_FIELDS = ['rows', 'growthPerMonth', 'rowsIn5y', 'retentionMonths'] as const;
export type WorkloadField = (typeof WORKLOAD_FIELDS)[number];

export const WORKLOAD_FIELD_LABEL: Record<WorkloadField, string> = {
  rows: 'Rows now',
  growthPerMonth: 'Growth / month',
  rowsIn5y: 'Rows in 5 years',
  retentionMonths: 'Retention (months)',
};

/** A table as the grid lists it. */
export interface GridTable {
  id: string;
  /** The bare name and, when in a named schema, `schema.name`. */
  names: readonly string[];
  volume: TableVolume | undefined;
}

export interface PasteProblem {
  /** 1-based line of the pasted text. */
  line: number;
  /** 1-based cell of that line, when one cell is at fault. */
  column?: number;
  message: string;
}

export interface PastePlan {
  volumes: { tableId: string; volume: TableVolume | undefined }[];
  problems: PasteProblem[];
}

/** The most a paste may hold: well past any schema (the document caps tables lower still). */
export const PASTE_LIMITS = { chars: 2_000_000, rows: 20_000 };

/** "1,234,567", "1 234", "1.5M", "20k", "3e6" -> a number; "" -> null (clear); anything else -> undefined. */
export function parseCount(cell: string): number | null | undefined {
  const t = cell.trim().replace(/^"(.*)"$/, '$1').trim();
  if (t === '' || t === '-' || t === '—') return null;
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)\s*([kmbt])?$/i.exec(t.replace(/(\d)[,_\u00a0 '](?=\d{3}(?!\d))/g, '$1'));
  if (!m) return undefined;
  const mult = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  return Number(m[1]) * mult;
}

const INTEGER_FIELDS: ReadonlySet<WorkloadField> = new Set(['rows', 'rowsIn5y', 'retentionMonths']);

/** The stored figure for a typed or pasted number (counts rounded to whole rows and months), or what is wrong with it. */
export function fieldValue(field: WorkloadField, n: number): number | string {
  if (!Number.isFinite(n) || n > 1e15) return 'is too large (at most 10^15)';
  if (field === 'retentionMonths' && n < 1) return 'must be at least 1 month';
  if (field === 'retentionMonths' && n > 1200) return 'must be at most 1,200 months';
  return INTEGER_FIELDS.has(field) ? Math.round(n) : n;
}

/**
 * Plans the paste of `text` into `tables` (grid order); `startRow` is the focused row (for rows
 * without names) and `startField` the focused column.
 */
export function planVolumePaste(text: string, tables: readonly GridTable[], startRow = 0, startField: WorkloadField = 'rows'): PastePlan {
  const problems: PasteProblem[] = [];
  if (text.length > PASTE_LIMITS.chars) return { volumes: [], problems: [{ line: 1, message: `the pasted text is longer than ${PASTE_LIMITS.chars.toLocaleString('en-US')} characters` }] };
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  if (lines.length > PASTE_LIMITS.rows) return { volumes: [], problems: [{ line: 1, message: `the paste has ${lines.length.toLocaleString('en-US')} rows; at most ${PASTE_LIMITS.rows.toLocaleString('en-US')} at once` }] };
  const byName = new Map<string, GridTable>();
  const ambiguous = new Set<string>();
  for (const t of tables) {
    for (const n of t.names) {
      const key = n.toLowerCase();
      if (byName.has(key) && byName.get(key) !== t) ambiguous.add(key);
      byName.set(key, t);
    }
  }
  const fields = WORKLOAD_FIELDS.slice(WORKLOAD_FIELDS.indexOf(startField));
  const next = new Map<string, TableVolume>();
  let gridRow = startRow;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const cells = raw.split('\t');
    const named = parseCount(cells[0]) === undefined;
    if (named && cells.slice(1).every((c) => parseCount(c) === undefined)) {
      // A header row ("table, rows, growth..."): nothing to apply. Only reported when it is not the first line.
      if (line > 1) problems.push({ line, message: `"${cells[0].trim().slice(0, 80)}": no number in this row` });
      return;
    }
    let table: GridTable | undefined;
    if (named) {
      const name = cells[0].trim().replace(/^"(.*)"$/, '$1');
      const key = name.toLowerCase();
      if (ambiguous.has(key)) {
        problems.push({ line, column: 1, message: `"${name.slice(0, 80)}" names more than one table; write it as schema.table` });
        return;
      }
      table = byName.get(key);
      if (!table) {
        problems.push({ line, column: 1, message: `no table named "${name.slice(0, 80)}"` });
        return;
      }
    } else {
      table = tables[gridRow++];
      if (!table) {
        problems.push({ line, message: 'more rows than tables below the focused row' });
        return;
      }
    }
    const values = named ? cells.slice(1) : cells;
    const offset = named ? 2 : 1;
    if (values.length > fields.length && values.slice(fields.length).some((c) => c.trim() !== '')) {
      problems.push({ line, column: offset + fields.length, message: `more cells than the grid's ${fields.length} columns; the extra ones were ignored` });
    }
    const volume: TableVolume = { ...(next.get(table.id) ?? table.volume ?? {}) };
    let bad = false;
    values.slice(0, fields.length).forEach((cell, j) => {
      const field = fields[j];
      const n = parseCount(cell);
      if (n === undefined) {
        problems.push({ line, column: offset + j, message: `${WORKLOAD_FIELD_LABEL[field]}: "${cell.trim().slice(0, 40)}" is not a number` });
        bad = true;
        return;
      }
      if (n === null) {
        delete volume[field];
        return;
      }
      const v = fieldValue(field, n);
      if (typeof v === 'string') {
        problems.push({ line, column: offset + j, message: `${WORKLOAD_FIELD_LABEL[field]} ${v}` });
        bad = true;
        return;
      }
      volume[field] = v;
    });
    // A row with a bad cell changes nothing: half a row would be a figure nobody wrote.
    if (!bad) next.set(table.id, volume);
  });
  const volumes = [...next].map(([tableId, volume]) => ({ tableId, volume: Object.keys(volume).length ? volume : undefined }));
  return { volumes, problems };
}
