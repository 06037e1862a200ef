/**
 * The query-pattern advisor for PostgreSQL-dialect projects: every declared pattern planned by the
 * real planner (PGlite) against the designed schema with the declared volumes, a verdict per pattern,
 * and for a pattern not served the candidate index the planner likes best. See README.md.
 */
import 'server-only';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { dialectSpec } from '../../dialects/dialects';
import type { Index, QueryPattern, SchemaDocument } from '../../model/document';
import { displayName, schemaNameOf } from '../../model/lookup';
import { newId } from '../../model/ids';
import { indexName } from '../../naming/derived-names';
import { DEFAULT_ASSUMED_ROWS, lineColumnOf, SMALL_TABLE_ROWS, type PatternVerdict, type SuggestedIndex, type WorkloadAdvice } from '../../workload/advice';
import { candidateIndexes, sortKeyLists, type CandidateIndex } from '../../workload/candidates';
import { planSummary, scansOf, verdictOfPlan, type PlanNode } from '../../workload/plan-verdict';
import { btreePages, plannerStats, type TableStats } from '../../workload/planner-stats';
import { PglitePlanner, PlannerError, type EngineIndex, type EngineRelation } from './pglite-planner';

export interface AdviseOptions {
  /** Stop trying candidates after this many milliseconds (verdicts are still given). */
  budgetMs?: number;
  /** Reuse a started planner (tests); it is left open. */
  planner?: PglitePlanner;
  /** Candidate indexes tried per pattern at most. */
  maxCandidates?: number;
}

/** A candidate must make the pattern this much cheaper to be offered. */
const MIN_GAIN = 0.8;

function pgVersionLabel(version: string): string {
  return /PostgreSQL (\S+)/.exec(version)?.[1] ?? 'unknown';
}

interface Context {
  doc: SchemaDocument;
  planner: PglitePlanner;
  stats: Map<string, TableStats>;
  /** Doc table id by the oid of its root relation (the table, or the partitioned parent). */
  tableIdByRoot: Map<number, string>;
  /** The root relation of a doc table: where CREATE INDEX goes. */
  rootByTableId: Map<string, { oid: number; schema: string; name: string }>;
  /** The relations with storage of a doc table: itself, or its partitions (rows shared evenly). */
  storageByTableId: Map<string, EngineRelation[]>;
  /** Doc table id by `schema.name` of the table or any of its partitions. */
  tableIdByName: Map<string, string>;
  /** The Draftbase name of an engine index: a partition's index goes by its parent index's name. */
  indexNameOf: Map<string, string>;
  /** Oids of the indexes known (the schema's), to find a candidate's new ones. */
  knownIndexes: Set<number>;
}

/** Pages an index of `keyWidth` bytes per entry takes for the table's rows. */
function indexPages(stats: TableStats | undefined, keyWidth: number, fraction = 1): { pages: number; tuples: number } {
  const rows = Math.round((stats?.rows ?? DEFAULT_ASSUMED_ROWS) * fraction);
  return { pages: btreePages(rows, keyWidth), tuples: rows };
}

/** The statistics of a table (heap and columns; each partition its share) as SQL, with the files grown to match. */
function restoreTable(ctx: Context, tableId: string): string[] {
  const rels = ctx.storageByTableId.get(tableId) ?? [];
  const st = ctx.stats.get(tableId);
  if (!rels.length || !st) return [];
  const pages = Math.ceil(st.pages / rels.length);
  const rows = Math.round(st.rows / rels.length);
  const sql: string[] = [];
  for (const rel of rels) {
    ctx.planner.setFilePages(rel.file, pages);
    sql.push(ctx.planner.relationStatsSql(rel, pages, rows, pages));
    for (const c of st.columns) sql.push(ctx.planner.columnStatsSql(rel, c));
  }
  return sql;
}

/** Empties (0) or regrows the files of a table's storage. */
function setTableFiles(ctx: Context, tableId: string, grow: boolean): void {
  const rels = ctx.storageByTableId.get(tableId) ?? [];
  const pages = grow ? Math.ceil((ctx.stats.get(tableId)?.pages ?? 0) / Math.max(1, rels.length)) : 0;
  for (const rel of rels) ctx.planner.setFilePages(rel.file, pages);
}

async function restoreIndex(ctx: Context, ix: EngineIndex, tableId: string, fraction = 1): Promise<string> {
  const st = ctx.stats.get(tableId);
  // Key width from the index's columns' average widths (pg_index.indkey).
  const { rows } = await ctx.planner.db.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[]) WHERE i.indexrelid = ${ix.oid}`,
  );
  const width = rows.reduce((s, r) => s + (st?.columns.find((c) => c.name === r.attname)?.avgWidth ?? 8), 0) || 8;
  const share = ix.rootOid !== ix.oid ? Math.max(1, ctx.storageByTableId.get(tableId)?.length ?? 1) : 1;
  const { pages, tuples } = indexPages(st, width, fraction / share);
  ctx.planner.setFilePages(ix.file, pages);
  return ctx.planner.relationStatsSql(ix, pages, tuples, undefined);
}

function quoted(name: string): string {
  return dialectSpec('postgres').quoteIdentifier(name);
}

function createIndexSql(doc: SchemaDocument, tableId: string, c: CandidateIndex, name: string): string {
  const t = doc.tables[tableId];
  const schema = schemaNameOf(doc, t.schemaId);
  const colName = (id: string) => t.columns.find((x) => x.id === id)?.name ?? id;
  const keys = c.keys.map((k) => `${quoted(colName(k.columnId))}${k.order === 'desc' ? ' DESC' : ''}`).join(', ');
  const include = c.includeColumnIds.length ? ` INCLUDE (${c.includeColumnIds.map((id) => quoted(colName(id))).join(', ')})` : '';
  return `CREATE INDEX ${quoted(name)} ON ${schema ? `${quoted(schema)}.` : ''}${quoted(t.name)} (${keys})${include}${c.where ? ` WHERE ${c.where}` : ''}`;
}

function suggestionIndex(doc: SchemaDocument, pattern: QueryPattern, c: CandidateIndex): Index {
  const ix: Index = {
    id: newId('idx'),
    parts: c.keys.map((k) => ({ kind: 'column' as const, columnId: k.columnId, ...(k.order ? { order: k.order } : {}) })),
    unique: false,
    purpose: `Serves query pattern "${pattern.name}"`.slice(0, 500),
  };
  if (c.where) ix.where = c.where;
  if (c.includeColumnIds.length) ix.includeColumnIds = c.includeColumnIds;
  return ix;
}

/** Builds one candidate on the stat-faked table, plans the pattern, and rolls everything back. */
async function tryCandidate(ctx: Context, sql: string, c: CandidateIndex): Promise<{ cost: number; used: boolean; path: string } | undefined> {
  if (!ctx.rootByTableId.has(c.tableId)) return undefined;
  const name = `draftbase_advisor_candidate`;
  const db = ctx.planner.db;
  await db.exec('BEGIN');
  try {
    setTableFiles(ctx, c.tableId, false);
    await db.exec(createIndexSql(ctx.doc, c.tableId, c, name));
    const restore = restoreTable(ctx, c.tableId);
    // The candidate, and on a partitioned table one index per partition.
    const created = (await ctx.planner.relations()).indexes.filter((ix) => !ctx.knownIndexes.has(ix.oid));
    for (const ix of created) restore.push(await restoreIndex(ctx, ix, c.tableId, c.fraction));
    await ctx.planner.execAll(restore);
    const plan = await ctx.planner.explain(sql);
    const names = new Set(created.map((ix) => ix.name));
    const hit = scansOf(plan).find((s) => s.indexName?.split(' + ').some((n) => names.has(n)));
    return { cost: plan['Total Cost'] ?? Infinity, used: !!hit, path: hit?.path ?? 'seq-scan' };
  } catch {
    return undefined;
  } finally {
    await db.exec('ROLLBACK').catch(() => undefined);
    // CREATE INDEX rewrote the table's pg_class rows in place (not rolled back): restore them.
    await ctx.planner.execAll(restoreTable(ctx, c.tableId));
  }
}

async function suggest(ctx: Context, pattern: QueryPattern, plan: PlanNode, verdict: PatternVerdict, deadline: number, maxCandidates: number): Promise<SuggestedIndex | undefined> {
  const sql = pattern.sql!;
  const sortKeys = sortKeyLists(plan);
  const candidates: CandidateIndex[] = [];
  for (const scan of scansOf(plan)) {
    const tableId = ctx.tableIdByName.get(`${scan.schema ?? 'public'}.${scan.relation}`);
    const st = tableId ? ctx.stats.get(tableId) : undefined;
    if (!tableId || !st || st.rows < SMALL_TABLE_ROWS) continue;
    // A table read through an index is only a candidate when a large sort remains.
    if (scan.path !== 'seq-scan' && !verdict.sorts.some((s) => s.rows > 1000)) continue;
    const table = ctx.doc.tables[tableId];
    const nullFracOf = (name: string) => st.columns.find((c) => c.name === name)?.nullFrac ?? 0;
    for (const c of candidateIndexes({ table, scan, sortKeys, nullFracOf })) {
      // Partitions of one table give the same candidates.
      if (!candidates.some((x) => x.tableId === c.tableId && x.label === c.label)) candidates.push(c);
    }
  }
  let best: { c: CandidateIndex; cost: number; path: string } | undefined;
  for (const c of candidates.slice(0, maxCandidates)) {
    if (Date.now() > deadline) break;
    const r = await tryCandidate(ctx, sql, c);
    if (!r?.used) continue;
    if (!best || r.cost < best.cost * 0.99) best = { c, cost: r.cost, path: r.path };
  }
  if (!best || best.cost > verdict.cost * MIN_GAIN) return undefined;
  const index = suggestionIndex(ctx.doc, pattern, best.c);
  const table = ctx.doc.tables[best.c.tableId];
  return {
    tableId: best.c.tableId,
    index,
    createSql: `${createIndexSql(ctx.doc, best.c.tableId, best.c, indexName(table, index))};`,
    costWith: best.cost,
    costWithout: verdict.cost,
    path: best.path as SuggestedIndex['path'],
  };
}

/**
 * A partitioned table reads as its partitions: name each access by the table and the index by its
 * Draftbase name (the parent index), one access per table and path, rows added up.
 */
function mergePartitions(ctx: Context, verdict: PatternVerdict): void {
  const merged: PatternVerdict['accesses'] = [];
  for (const a of verdict.accesses) {
    const table = a.tableId ? ctx.doc.tables[a.tableId] : undefined;
    const indexName = a.indexName?.split(' + ').map((n) => ctx.indexNameOf.get(n) ?? n).join(' + ');
    const relation = table?.name ?? a.relation;
    const same = merged.find((m) => m.tableId === a.tableId && m.path === a.path && m.indexName === indexName && m.relation === relation);
    if (same) same.rows += a.rows;
    else merged.push({ ...a, relation, indexName });
  }
  if (merged.length === verdict.accesses.length && merged.every((m, i) => m.relation === verdict.accesses[i].relation && m.indexName === verdict.accesses[i].indexName)) return;
  verdict.accesses = merged;
  verdict.summary = planSummary(merged, verdict.sorts, verdict.rows, verdict.cost);
}

function errorVerdict(pattern: QueryPattern, message: string, position?: number): PatternVerdict {
  const at = position !== undefined && pattern.sql ? lineColumnOf(pattern.sql, position) : undefined;
  return {
    patternId: pattern.id,
    patternName: pattern.name,
    status: 'error',
    summary: at ? `${message} (line ${at.line}, column ${at.column})` : message,
    accesses: [],
    sorts: [],
    rows: 0,
    cost: 0,
    reasons: [],
    error: { message, ...(position !== undefined ? { position, ...at } : {}) },
    assumedTables: [],
  };
}

/** Verdicts for every pattern of the document (patterns without SQL are skipped). */
export async function advisePostgres(doc: SchemaDocument, options: AdviseOptions = {}): Promise<WorkloadAdvice> {
  const started = Date.now();
  const patterns = doc.design.queryPatterns.filter((p) => p.sql?.trim());
  const trace = process.env.DRAFTBASE_ADVISOR_TRACE === '1' ? (label: string) => console.log(`[advisor] ${label}: ${Date.now() - started} ms (CPU ${Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000)} ms in the process)`) : () => undefined;
  const planner = options.planner ?? (await PglitePlanner.start());
  trace('PGlite started');
  try {
    const version = pgVersionLabel((await planner.db.query<{ v: string }>('SELECT version() AS v')).rows[0].v);
    const method = `PostgreSQL ${version} planner (embedded PGlite), statistics restored from the declared volumes`;
    if (!patterns.length) return { dialect: 'postgres', method, assumedRows: DEFAULT_ASSUMED_ROWS, verdicts: [] };
    if (options.planner) await planner.reset();
    const ddl = generateDdlStatements(doc, 'postgres');
    await planner.runDdl(ddl.statements.filter((s) => !/^\s*--/.test(s) || s.includes('\n')));
    trace('schema created');
    const { tables, indexes, roots } = await planner.relations();
    const ctx: Context = {
      doc, planner, stats: plannerStats(doc),
      tableIdByRoot: new Map(), rootByTableId: new Map(), storageByTableId: new Map(), tableIdByName: new Map(), indexNameOf: new Map(),
      knownIndexes: new Set(indexes.map((ix) => ix.oid)),
    };
    const rootByName = new Map([...roots].map(([oid, r]) => [`${r.schema}.${r.name}`, { oid, ...r }]));
    for (const t of Object.values(doc.tables)) {
      const key = `${schemaNameOf(doc, t.schemaId) ?? 'public'}.${t.name}`;
      const root = rootByName.get(key);
      if (!root) continue;
      ctx.tableIdByRoot.set(root.oid, t.id);
      ctx.rootByTableId.set(t.id, root);
      ctx.tableIdByName.set(key, t.id);
    }
    for (const rel of tables) {
      const tableId = ctx.tableIdByRoot.get(rel.rootOid);
      if (!tableId) continue;
      (ctx.storageByTableId.get(tableId) ?? ctx.storageByTableId.set(tableId, []).get(tableId)!).push(rel);
      ctx.tableIdByName.set(`${rel.schema}.${rel.name}`, tableId);
    }
    const restore: string[] = [];
    for (const tableId of ctx.storageByTableId.keys()) restore.push(...restoreTable(ctx, tableId));
    const tableOfStorage = new Map(tables.map((t) => [t.oid, t.rootOid]));
    for (const ix of indexes) {
      const tableId = ctx.tableIdByRoot.get(tableOfStorage.get(ix.tableOid) ?? -1);
      if (!tableId) continue;
      const root = roots.get(ix.rootOid);
      if (root && ix.rootOid !== ix.oid) ctx.indexNameOf.set(ix.name, root.name);
      restore.push(await restoreIndex(ctx, ix, tableId, ix.partial ? 0.5 : 1));
    }
    await planner.execAll(restore);
    trace('statistics restored');
    // The budget is for trying candidates: PGlite's start and the schema are paid whatever it is.
    const deadline = Date.now() + (options.budgetMs ?? 20_000);

    const verdicts: PatternVerdict[] = [];
    for (const p of patterns) {
      let plan: PlanNode;
      try {
        plan = await planner.explain(p.sql!.trim().replace(/;\s*$/, ''));
      } catch (e) {
        verdicts.push(errorVerdict(p, e instanceof PlannerError ? e.message : String(e), e instanceof PlannerError ? e.position : undefined));
        continue;
      }
      const verdict = verdictOfPlan({
        patternId: p.id,
        patternName: p.name,
        plan,
        tableIdOf: (relation, schema) => ctx.tableIdByName.get(`${schema ?? 'public'}.${relation}`),
        rowsOf: (tableId) => (tableId ? ctx.stats.get(tableId)?.rows ?? DEFAULT_ASSUMED_ROWS : DEFAULT_ASSUMED_ROWS),
        assumed: (tableId) => !(ctx.stats.get(tableId)?.declared ?? false),
        tableName: (tableId) => displayName(doc, doc.tables[tableId]),
      });
      mergePartitions(ctx, verdict);
      if (verdict.status !== 'served') {
        const s = await suggest(ctx, { ...p, sql: p.sql!.trim().replace(/;\s*$/, '') }, plan, verdict, deadline, options.maxCandidates ?? 6);
        if (s) verdict.suggestion = s;
      }
      verdicts.push(verdict);
      trace(`pattern ${p.name} planned (${verdict.status})`);
    }
    return { dialect: 'postgres', method, assumedRows: DEFAULT_ASSUMED_ROWS, verdicts };
  } finally {
    if (!options.planner) await planner.close();
  }
}
