/**
 * What the query-pattern advisor says about each declared query pattern (issue 15): the verdicts the
 * PostgreSQL planner (lib/server/advisor) or the MySQL leftmost-prefix rules (mysql-verdict.ts) give,
 * as plain data the design document, the editor and the API share. Pure.
 */
import type { Dialect, Index } from '../model/document';

export type AccessPath = 'index-scan' | 'index-only-scan' | 'bitmap-scan' | 'seq-scan' | 'other';
export type VerdictStatus = 'served' | 'partly' | 'not-served' | 'error';

/** How one table of the pattern is read. */
export interface TableAccess {
  tableId?: string;
  /** The relation as the plan names it. */
  relation: string;
  path: AccessPath;
  /** The Draftbase name of the index used (primary key and unique constraints included). */
  indexName?: string;
  /** Rows the plan expects this scan to return. */
  rows: number;
  /** Rows in the table as the planner saw them. */
  tableRows: number;
  /** The filter applied to rows the access path did not narrow (`(status = $1)`), as the plan prints it. */
  filter?: string;
}

export interface SortStep {
  keys: string[];
  rows: number;
  /** Estimated bytes sorted (rows x width). */
  bytes: number;
}

/** A candidate index as a model index (ready for `index.add`) and the SQL that builds it. */
export interface SuggestedIndex {
  tableId: string;
  index: Index;
  createSql: string;
  /** The pattern's estimated cost with the index, and without (the planner's units). */
  costWith: number;
  costWithout: number;
  /** How the plan reads the table with it. */
  path: AccessPath;
}

export interface PatternVerdict {
  patternId: string;
  patternName: string;
  status: VerdictStatus;
  /** One line: "Index Scan on orders using orders_customer_id_idx; 12 rows, cost 8.4". */
  summary: string;
  accesses: TableAccess[];
  sorts: SortStep[];
  rows: number;
  cost: number;
  /** Why the status (one short sentence per reason). */
  reasons: string[];
  suggestion?: SuggestedIndex;
  /** Bad SQL: the engine's message and the 1-based character position in the pattern's SQL. */
  error?: { message: string; position?: number; line?: number; column?: number };
  /** Tables the pattern reads that declare no volume: the planner assumed `assumedRows` rows. */
  assumedTables: string[];
}

export interface WorkloadAdvice {
  dialect: Dialect;
  /** How the verdicts were found (`PostgreSQL 18.x planner (PGlite)`, `leftmost-prefix rules`). */
  method: string;
  /** Rows assumed for tables without declared volumes. */
  assumedRows: number;
  verdicts: PatternVerdict[];
}

/** Rows the advisor assumes for a table that declares no volume (said in every verdict that uses one). */
export const DEFAULT_ASSUMED_ROWS = 1000;

/** Below this many rows a sequential scan is the right plan: no index is suggested. */
export const SMALL_TABLE_ROWS = 10_000;

/** A sort of more rows than this is worth avoiding with index order. */
export const LARGE_SORT_ROWS = 1_000;

export const STATUS_LABEL: Record<VerdictStatus, string> = {
  served: 'served',
  partly: 'partly served',
  'not-served': 'not served',
  error: 'error',
};

/** Index names (Draftbase names) each pattern's plan uses, by index name: what the Purpose column cites. */
export function patternsByIndex(advice: WorkloadAdvice | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of advice?.verdicts ?? []) {
    for (const a of v.accesses) {
      if (!a.indexName || !a.tableId) continue;
      const key = `${a.tableId}\u0000${a.indexName}`;
      const list = out.get(key) ?? [];
      if (!list.includes(v.patternName)) list.push(v.patternName);
      out.set(key, list);
    }
  }
  return out;
}

/** Line and column (1-based) of a 1-based character position in `text`. */
export function lineColumnOf(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
