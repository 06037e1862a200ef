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
import { scansOf, verdictOfPlan, type PlanNode } from '../../workload/plan-verdict';
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
  tableByOid: Map<number, { rel: EngineRelation; tableId: string }>;
  relByTableId: Map<string, EngineRelation>;
  tableIdByName: Map<string, string>;
  indexesByTable: Map<string, EngineIndex[]>;
}

/** Pages an index of `keyWidth` bytes per entry takes for the table's rows. */
function indexPages(stats: TableStats | undefined, keyWidth: number, fraction = 1): { pages: number; tuples: number } {
  const rows = Math.round((stats?.rows ?? DEFAULT_ASSUMED_ROWS) * fraction);
  return { pages: btreePages(rows, keyWidth), tuples: rows };
}

/** The statistics of a table (heap, columns, its indexes) as SQL, with the files grown to match. */
function restoreTable(ctx: Context, tableId: string): string[] {
  const rel = ctx.relByTableId.get(tableId);
  const st = ctx.stats.get(tableId);
  if (!rel || !st) return [];
  ctx.planner.setFilePages(rel.file, st.pages);
  const sql = [ctx.planner.relationStatsSql(rel, st.pages, st.rows, st.pages)];
  for (const c of st.columns) sql.push(ctx.planner.columnStatsSql(rel, c));
  return sql;
}

async function restoreIndex(ctx: Context, ix: EngineIndex, tableId: string, fraction = 1): Promise<string> {
  const st = ctx.stats.get(tableId);
  // Key width from the index's columns' average widths (pg_index.indkey).
  const { rows } = await ctx.planner.db.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[]) WHERE i.indexrelid = ${ix.oid}`,
  );
  const width = rows.reduce((s, r) => s + (st?.columns.find((c) => c.name === r.attname)?.avgWidth ?? 8), 0) || 8;
  const { pages, tuples } = indexPages(st, width, fraction);
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
  const rel = ctx.relByTableId.get(c.tableId);
  if (!rel) return undefined;
  const name = `draftbase_advisor_candidate`;
  const db = ctx.planner.db;
  await db.exec('BEGIN');
  try {
    ctx.planner.setFilePages(rel.file, 0);
    await db.exec(createIndexSql(ctx.doc, c.tableId, c, name));
    const restore = restoreTable(ctx, c.tableId);
    const { rows } = await db.query<{ oid: number; file: string }>(`SELECT c.oid::int AS oid, pg_relation_filepath(c.oid) AS file FROM pg_class c WHERE c.relname = '${name}' AND c.relnamespace = ${literalNamespace(rel.schema)}`);
    const ix: EngineIndex = { oid: rows[0].oid, schema: rel.schema, name, file: rows[0].file, tableOid: rel.oid, partial: !!c.where };
    restore.push(await restoreIndex(ctx, ix, c.tableId, c.fraction));
    await ctx.planner.execAll(restore);
    const plan = await ctx.planner.explain(sql);
    const scans = scansOf(plan);
    const hit = scans.find((s) => s.indexName?.split(' + ').includes(name));
    return { cost: plan['Total Cost'] ?? Infinity, used: !!hit, path: hit?.path ?? 'seq-scan' };
  } catch {
    return undefined;
  } finally {
    await db.exec('ROLLBACK').catch(() => undefined);
    // CREATE INDEX rewrote the table's pg_class row in place (not rolled back): restore it.
    ctx.planner.setFilePages(rel.file, ctx.stats.get(c.tableId)?.pages ?? 0);
    await ctx.planner.execAll(restoreTable(ctx, c.tableId));
  }
}

function literalNamespace(schema: string): string {
  return `(SELECT oid FROM pg_namespace WHERE nspname = '${schema.replace(/'/g, "''")}')`;
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
    candidates.push(...candidateIndexes({ table, scan, sortKeys, nullFracOf }));
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
    const { tables, indexes } = await planner.relations();
    const ctx: Context = {
      doc, planner, stats: plannerStats(doc),
      tableByOid: new Map(), relByTableId: new Map(), tableIdByName: new Map(), indexesByTable: new Map(),
    };
    const relByName = new Map(tables.map((t) => [`${t.schema}.${t.name}`, t]));
    for (const t of Object.values(doc.tables)) {
      const key = `${schemaNameOf(doc, t.schemaId) ?? 'public'}.${t.name}`;
      const rel = relByName.get(key);
      if (!rel) continue;
      ctx.relByTableId.set(t.id, rel);
      ctx.tableByOid.set(rel.oid, { rel, tableId: t.id });
      ctx.tableIdByName.set(key, t.id);
    }
    const restore: string[] = [];
    for (const tableId of ctx.relByTableId.keys()) restore.push(...restoreTable(ctx, tableId));
    for (const ix of indexes) {
      const owner = ctx.tableByOid.get(ix.tableOid);
      if (!owner) continue;
      (ctx.indexesByTable.get(owner.tableId) ?? ctx.indexesByTable.set(owner.tableId, []).get(owner.tableId)!).push(ix);
      restore.push(await restoreIndex(ctx, ix, owner.tableId, ix.partial ? 0.5 : 1));
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
