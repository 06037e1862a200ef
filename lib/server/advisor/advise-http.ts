/**
 * POST /api/advise's shapes: `{ document, budgetMs? }` → the WorkloadAdvice of the document's dialect
 * (PostgreSQL: the planner in PGlite; MySQL: leftmost-prefix rules over the designed indexes).
 */
import 'server-only';
import { z } from 'zod';
import type { Dialect, SchemaDocument } from '../../model/document';
import type { WorkloadAdvice } from '../../workload/advice';
import { mysqlAdvice } from '../../workload/mysql-verdict';
import { sqliteLexer } from '../../sql-lexer';

/** Patterns one request may ask about, and the SQL length of each (the document caps it too). */
export const MAX_ADVISE_PATTERNS = 100;

export const adviseRequestSchema = z.strictObject({
  document: z.unknown().refine((v) => v !== undefined, 'a schema document is required'),
  /** Time for trying candidate indexes, in ms (verdicts are always given). */
  budgetMs: z.number().int().min(100).max(25_000).optional(),
});

/**
 * One planner per process (a compute worker runs one task at a time), started on the first request
 * and reset between documents: PGlite's start (2-4 s) is paid once, not per request.
 */
let shared: Promise<import('./pglite-planner').PglitePlanner> | undefined;

async function sharedPlanner() {
  const { PglitePlanner } = await import('./pglite-planner');
  shared ??= PglitePlanner.start().then((p) => {
    process.once('exit', () => p.removeDataDir());
    return p;
  });
  return shared;
}

/** The verdicts for `dialect` (default the document's): the planner for PostgreSQL, the prefix rules for MySQL. */
export async function adviseDocument(doc: SchemaDocument, budgetMs: number | undefined, dialect: Dialect = doc.settings.dialect): Promise<WorkloadAdvice> {
  return ADVISORS[dialect](doc, budgetMs);
}

/** Who judges a dialect's patterns: a record over every dialect, so a new one must name its advisor. */
const ADVISORS: Record<Dialect, (doc: SchemaDocument, budgetMs: number | undefined) => Promise<WorkloadAdvice>> = {
  postgres: plannerAdvice,
  mysql: async (doc) => mysqlAdvice(doc),
  // SQLite's planner uses a B-tree index by the same leftmost-prefix rule (equality columns, then one
  // range, then ORDER BY). Not compared with EXPLAIN QUERY PLAN yet.
  sqlite: async (doc) => ({
    ...mysqlAdvice(doc, sqliteLexer),
    dialect: 'sqlite',
    method: 'leftmost-prefix rules over the designed indexes (SQLite query planner; not yet compared with EXPLAIN QUERY PLAN)',
  }),
};

async function plannerAdvice(doc: SchemaDocument, budgetMs: number | undefined): Promise<WorkloadAdvice> {
  const { advisePostgres } = await import('./advise');
  const planner = await sharedPlanner();
  try {
    return await advisePostgres(doc, { budgetMs: budgetMs ?? 15_000, planner });
  } catch (e) {
    // A planner in an unknown state is not reused.
    shared = undefined;
    await planner.close().catch(() => undefined);
    throw e;
  }
}
