/**
 * An embedded PostgreSQL (PGlite) that plans queries against a designed schema as if its tables held
 * the declared rows. See README.md beside this file for the method and its limits.
 *
 * The planner reads a table's row count from pg_class (restored with pg_restore_relation_stats) but
 * scales it by the relation file's ACTUAL size in pages (an empty file reads as an empty table). So
 * PGlite runs on a data directory on disk (Node's file system through Emscripten's NODEFS) and every
 * relation file is grown to its estimated size as a sparse file: no bytes written, nothing ever read
 * (the planner only asks for the length). Building an index would read the sparse heap page by page,
 * so a candidate index is built on a heap truncated to zero for the moment, then the heap is grown
 * back, and its statistics restored (CREATE INDEX rewrites them in place, outside the transaction).
 */
import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { PAGE_BYTES, type ColumnStats } from '../../workload/planner-stats';
import type { PlanNode } from '../../workload/plan-verdict';

const EXTENSIONS: Extensions = { btree_gin, btree_gist, citext, cube, hstore, ltree, pg_trgm, pgcrypto, uuid_ossp };
/** PostgreSQL splits relation files at 1 GB (RELSEG_SIZE pages). */
const SEGMENT_PAGES = 131072;

export interface EngineRelation {
  oid: number;
  schema: string;
  name: string;
  /** Path of the main fork under the data directory. */
  file: string;
  /** The partitioned table (or index) this one is a partition of, at the top; its own oid otherwise. */
  rootOid: number;
}

export interface EngineIndex extends EngineRelation {
  tableOid: number;
  partial: boolean;
}

/**
 * Where the throwaway data directory goes: DRAFTBASE_ADVISOR_DIR, else /dev/shm when it exists (RAM:
 * PGlite writes ~40 MB of catalog files at start, and sparse files cost nothing there either), else
 * the system's temporary directory.
 */
function scratchRoot(): string {
  const configured = process.env.DRAFTBASE_ADVISOR_DIR;
  if (configured) return configured;
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export class PlannerError extends Error {
  constructor(message: string, readonly position?: number) {
    super(message);
  }
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export class PglitePlanner {
  private constructor(readonly db: PGlite, readonly dataDir: string) {}

  static async start(): Promise<PglitePlanner> {
    const dataDir = fs.mkdtempSync(path.join(scratchRoot(), 'draftbase-advisor-'));
    try {
      const db = await PGlite.create({ dataDir, extensions: EXTENSIONS });
      // Plans a reader can follow: no parallel workers, no JIT; and a bound on any one planning.
      await db.exec("SET max_parallel_workers_per_gather = 0; SET jit = off; SET statement_timeout = '10s';");
      return new PglitePlanner(db, dataDir);
    } catch (e) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  }

  /** Removes the data directory (synchronously: also from a process `exit` handler). */
  removeDataDir(): void {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      fs.rmSync(this.dataDir, { recursive: true, force: true });
    }
  }

  /** Drops every user schema (a planner reused between documents, as the tests do). */
  async reset(): Promise<void> {
    await this.db.exec(`DO $reset$
DECLARE s record;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname);
  END LOOP;
END
$reset$;
CREATE SCHEMA public;
SET search_path TO public;`);
  }

  /** Runs DDL: the whole script at once, else statement by statement (the failures listed). */
  async runDdl(statements: string[]): Promise<{ failed: { statement: string; message: string }[] }> {
    try {
      await this.db.exec(`BEGIN;\n${statements.join(';\n')};\nCOMMIT;`);
      return { failed: [] };
    } catch {
      await this.db.exec('ROLLBACK').catch(() => undefined);
    }
    const failed: { statement: string; message: string }[] = [];
    for (const s of statements) {
      try {
        await this.db.exec(s);
      } catch (e) {
        failed.push({ statement: s, message: (e as Error).message });
      }
    }
    return { failed };
  }

  /**
   * The user relations: `tables` and `indexes` that have storage (plain tables, partitions, their
   * indexes), each with the oid of its partition root (itself when not a partition), and `roots`:
   * partitioned tables and indexes (no storage), by oid, for names.
   */
  async relations(): Promise<{ tables: EngineRelation[]; indexes: EngineIndex[]; roots: Map<number, { schema: string; name: string }> }> {
    const rows = (
      await this.db.query<{ oid: number; schema: string; name: string; kind: string; file: string | null; tableoid: number | null; partial: boolean | null; root: number | null }>(`
        SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
               pg_relation_filepath(c.oid) AS file, i.indrelid::int AS tableoid, (i.indpred IS NOT NULL) AS partial,
               pg_partition_root(c.oid)::oid::int AS root
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_index i ON i.indexrelid = c.oid
        WHERE c.relkind IN ('r', 'i', 'p', 'I') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`)
    ).rows;
    const tables: EngineRelation[] = [];
    const indexes: EngineIndex[] = [];
    const roots = new Map<number, { schema: string; name: string }>();
    for (const r of rows) {
      const rootOid = r.root ?? r.oid;
      if (r.kind === 'p' || r.kind === 'I') roots.set(r.oid, { schema: r.schema, name: r.name });
      if (!r.file) continue;
      if (rootOid === r.oid) roots.set(r.oid, { schema: r.schema, name: r.name });
      if (r.kind === 'r') tables.push({ oid: r.oid, schema: r.schema, name: r.name, file: r.file, rootOid });
      else if (r.kind === 'i') indexes.push({ oid: r.oid, schema: r.schema, name: r.name, file: r.file, rootOid, tableOid: r.tableoid ?? 0, partial: !!r.partial });
    }
    return { tables, indexes, roots };
  }

  /** Makes a relation file `pages` long (sparse), segment by segment; 0 empties it. */
  setFilePages(file: string, pages: number): void {
    const base = path.join(this.dataDir, file);
    let rest = pages;
    let seg = 0;
    do {
      const f = seg ? `${base}.${seg}` : base;
      const n = Math.max(0, Math.min(rest, SEGMENT_PAGES));
      if (n > 0 || seg === 0) {
        fs.closeSync(fs.openSync(f, 'a'));
        fs.truncateSync(f, n * PAGE_BYTES);
      }
      rest -= n;
      seg++;
    } while (rest > 0);
    // Segments past the new end are removed (a file emptied for an index build).
    for (let s = seg; fs.existsSync(`${base}.${s}`); s++) fs.rmSync(`${base}.${s}`);
  }

  /** The SQL that restores a relation's statistics (pg_class). */
  relationStatsSql(rel: Pick<EngineRelation, 'schema' | 'name'>, pages: number, tuples: number, allVisible: number | undefined): string {
    return `SELECT pg_restore_relation_stats('schemaname', ${literal(rel.schema)}, 'relname', ${literal(rel.name)}, 'relpages', ${Math.max(0, Math.min(pages, 2 ** 31 - 1))}::integer, 'reltuples', ${tuples}::real${allVisible !== undefined ? `, 'relallvisible', ${Math.min(allVisible, 2 ** 31 - 1)}::integer` : ''})`;
  }

  /** The SQL that restores a column's statistics (pg_statistic). */
  columnStatsSql(rel: Pick<EngineRelation, 'schema' | 'name'>, c: ColumnStats): string {
    const parts = [
      `'schemaname', ${literal(rel.schema)}`, `'relname', ${literal(rel.name)}`, `'attname', ${literal(c.name)}`, `'inherited', false`,
      `'null_frac', ${c.nullFrac}::real`, `'avg_width', ${Math.min(c.avgWidth, 2 ** 31 - 1)}::integer`,
      `'n_distinct', ${c.nDistinct ?? 0}::real`,
    ];
    if (c.correlation !== undefined) parts.push(`'correlation', ${c.correlation}::real`);
    return `SELECT pg_restore_attribute_stats(${parts.join(', ')})`;
  }

  async execAll(sql: string[]): Promise<void> {
    // Batches keep one round trip per ~200 statements; a warning (unknown column) is not an error.
    for (let i = 0; i < sql.length; i += 200) await this.db.exec(sql.slice(i, i + 200).join(';\n'));
  }

  /**
   * EXPLAIN of one statement, never run, with `$n` parameters planned generically. The extended
   * protocol's Parse (describeQuery) refuses a string of several statements; the plan itself comes
   * from the simple protocol, where GENERIC_PLAN keeps `$n` unbound (bound NULLs would fold
   * `col = $1` to false). Errors carry the position in `sql` (1-based).
   */
  async explain(sql: string): Promise<PlanNode> {
    const prefix = 'EXPLAIN (GENERIC_PLAN, VERBOSE, FORMAT JSON) ';
    try {
      await this.db.describeQuery(prefix + sql);
      const res = await this.db.exec(prefix + sql);
      const raw = res[0]?.rows[0]?.['QUERY PLAN'];
      const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
      return parsed[0].Plan;
    } catch (e) {
      const err = e as Error & { position?: string };
      const pos = err.position ? Number(err.position) - prefix.length : undefined;
      throw new PlannerError(err.message, pos !== undefined && pos > 0 ? pos : undefined);
    }
  }
}
