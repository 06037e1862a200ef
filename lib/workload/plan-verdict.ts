/**
 * Reading a PostgreSQL EXPLAIN (FORMAT JSON, VERBOSE) plan into a verdict: how each table is read,
 * what is sorted, and whether the pattern is served by the designed indexes. Pure: the plan is data
 * (lib/server/advisor asks PGlite for it).
 */
import {
  LARGE_SORT_ROWS, SMALL_TABLE_ROWS,
  type AccessPath, type PatternVerdict, type SortStep, type TableAccess, type VerdictStatus,
} from './advice';

/** One node of EXPLAIN's JSON output (the fields read here). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Schema?: string;
  Alias?: string;
  'Index Name'?: string;
  'Plan Rows'?: number;
  'Plan Width'?: number;
  'Total Cost'?: number;
  Filter?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  'Hash Cond'?: string;
  'Merge Cond'?: string;
  'Join Filter'?: string;
  'Sort Key'?: string[];
  'Presorted Key'?: string[];
  Output?: string[];
  Plans?: PlanNode[];
}

/** A scan of the plan, with the join conditions above it that mention its alias. */
export interface ScanNode {
  node: PlanNode;
  path: AccessPath;
  relation: string;
  schema?: string;
  alias: string;
  indexName?: string;
  /** Hash/Merge conditions and join filters of the joins above the scan. */
  joinConds: string[];
}

const PATH_OF: Record<string, AccessPath> = {
  'Seq Scan': 'seq-scan',
  'Index Scan': 'index-scan',
  'Index Only Scan': 'index-only-scan',
  'Bitmap Heap Scan': 'bitmap-scan',
};

export const PATH_LABEL: Record<AccessPath, string> = {
  'seq-scan': 'Seq Scan',
  'index-scan': 'Index Scan',
  'index-only-scan': 'Index Only Scan',
  'bitmap-scan': 'Bitmap Heap Scan',
  other: 'Scan',
};

function bitmapIndexNames(node: PlanNode): string[] {
  const out: string[] = [];
  const walk = (n: PlanNode) => {
    if (n['Node Type'] === 'Bitmap Index Scan' && n['Index Name']) out.push(n['Index Name']);
    for (const c of n.Plans ?? []) walk(c);
  };
  for (const c of node.Plans ?? []) walk(c);
  return out;
}

/** Every table scan of the plan, outermost first. */
export function scansOf(root: PlanNode): ScanNode[] {
  const out: ScanNode[] = [];
  const walk = (n: PlanNode, conds: string[]) => {
    const here = [...conds];
    for (const k of ['Hash Cond', 'Merge Cond', 'Join Filter'] as const) if (n[k]) here.push(n[k]!);
    const path = PATH_OF[n['Node Type']];
    if (path && n['Relation Name']) {
      const indexName = path === 'bitmap-scan' ? bitmapIndexNames(n).join(' + ') || undefined : n['Index Name'];
      out.push({ node: n, path, relation: n['Relation Name'], schema: n.Schema, alias: n.Alias ?? n['Relation Name'], indexName, joinConds: here });
    }
    for (const c of n.Plans ?? []) walk(c, here);
  };
  walk(root, []);
  return out;
}

export function sortsOf(root: PlanNode): SortStep[] {
  const out: SortStep[] = [];
  const walk = (n: PlanNode) => {
    if ((n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort') && n['Sort Key']) {
      const rows = n['Plan Rows'] ?? 0;
      out.push({ keys: n['Sort Key'], rows, bytes: rows * (n['Plan Width'] ?? 0) });
    }
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(root);
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export interface VerdictInput {
  patternId: string;
  patternName: string;
  plan: PlanNode;
  /** Table id of a relation of the plan (schema may be absent). */
  tableIdOf(relation: string, schema: string | undefined): string | undefined;
  /** Rows of a table as the planner was told. */
  rowsOf(tableId: string | undefined): number;
  /** Table ids whose rows were assumed, not declared. */
  assumed(tableId: string): boolean;
  /** Display name of a table id. */
  tableName(tableId: string): string;
}

/** The verdict of a plan: served when every large table is read through an index and nothing large is sorted. */
export function verdictOfPlan(input: VerdictInput): PatternVerdict {
  const scans = scansOf(input.plan);
  const sorts = sortsOf(input.plan);
  const accesses: TableAccess[] = scans.map((s) => {
    const tableId = input.tableIdOf(s.relation, s.schema);
    return {
      tableId,
      relation: s.relation,
      path: s.path,
      indexName: s.indexName,
      rows: s.node['Plan Rows'] ?? 0,
      tableRows: input.rowsOf(tableId),
      filter: s.node.Filter,
    };
  });
  const reasons: string[] = [];
  let badScans = 0;
  let indexed = 0;
  for (const [i, a] of accesses.entries()) {
    if (a.path !== 'seq-scan') {
      indexed++;
      continue;
    }
    const label = a.tableId ? input.tableName(a.tableId) : a.relation;
    if (a.tableRows < SMALL_TABLE_ROWS) {
      reasons.push(`${label} is small (${formatCount(a.tableRows)} rows): a sequential scan is the right plan.`);
      continue;
    }
    // A whole-table read the pattern asks for (no filter, no join): nothing an index could save.
    if (!a.filter && scans.length === 1 && scans[i].joinConds.length === 0) {
      reasons.push(`reads all ${formatCount(a.tableRows)} rows of ${label}, as the query asks.`);
      continue;
    }
    badScans++;
    reasons.push(`reads all ${formatCount(a.tableRows)} rows of ${label} (sequential scan${a.filter ? ` filtering ${a.filter}` : ''}) to return ${formatCount(a.rows)}.`);
  }
  let bigSorts = 0;
  for (const s of sorts) {
    if (s.rows <= LARGE_SORT_ROWS) continue;
    bigSorts++;
    reasons.push(`sorts ${formatCount(s.rows)} rows (${formatBytes(s.bytes)}) by ${s.keys.join(', ')}.`);
  }
  const status: VerdictStatus = badScans ? (indexed ? 'partly' : 'not-served') : bigSorts ? 'partly' : 'served';
  const root = input.plan;
  const assumedTables = [...new Set(accesses.flatMap((a) => (a.tableId && input.assumed(a.tableId) ? [input.tableName(a.tableId)] : [])))];
  return {
    patternId: input.patternId,
    patternName: input.patternName,
    status,
    summary: planSummary(accesses, sorts, root['Plan Rows'] ?? 0, root['Total Cost'] ?? 0),
    accesses,
    sorts,
    rows: root['Plan Rows'] ?? 0,
    cost: root['Total Cost'] ?? 0,
    reasons,
    assumedTables,
  };
}

/** "Index Scan on orders using orders_customer_id_idx; Sort of 120 rows; 12 rows, cost 8.42". */
export function planSummary(accesses: TableAccess[], sorts: SortStep[], rows: number, cost: number): string {
  const parts = accesses.map((a) => `${PATH_LABEL[a.path]} on ${a.relation}${a.indexName ? ` using ${a.indexName}` : ''}`);
  for (const s of sorts) parts.push(`Sort of ${formatCount(s.rows)} rows (${formatBytes(s.bytes)})`);
  parts.push(`${formatCount(rows)} rows, cost ${cost.toFixed(2)}`);
  return parts.join('; ');
}
