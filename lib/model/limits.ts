/**
 * Document-shape limits, as data: the largest document Draftbase accepts at any boundary (API bodies,
 * stored projects, imports, files opened by the CLI or the editor). `parseDocument` reports the first
 * limit a document passes as an issue with its path (HTTP 400 at the API).
 *
 * Why limits at all: every generator, importer and exporter is linear (or n log n) in these sizes,
 * but a small request may still describe a very large document, and each export runs the whole of
 * it. The figures sit far above real schemas (the largest corpus schema has ~70 tables and ~30
 * columns per table; the synthetic benchmark 5,000 tables), and at or above what the engines
 * themselves allow where they have a limit (PostgreSQL: 1,600 columns, 32 key columns; MySQL: 4,096
 * columns, 16 key columns, 8,192 partitions, 65,535 enum values), so a real schema never meets them.
 *
 * Change a figure here and everything follows: the zod shape (lib/model/document.ts) reads the
 * lengths, `limitIssues` the counts, and lib/README.md lists them.
 */
import type { SchemaDocument } from './document';
import { indexName } from '../naming/derived-names';

export const DOCUMENT_LIMITS = {
  // ---- lengths (characters), checked by the zod shape
  /** Any name: table, column, constraint, index, enum, schema, view, area, partition. */
  nameLength: 256,
  /** A comment on any element, an index's purpose. */
  commentLength: 10_000,
  /** An SQL fragment: default or generated expression, check, index expression or predicate, view body. */
  expressionLength: 1_000_000,
  /** A literal default value. */
  literalLength: 100_000,
  /** One enum value. */
  enumValueLength: 1_000,
  /** A note on the canvas. */
  noteLength: 100_000,
  /** One narrative section of the design document. */
  narrativeLength: 200_000,
  /** One routine's CREATE statement (function, procedure, trigger...): real bodies run to some 100 kB. */
  routineLength: 1_000_000,

  // ---- counts, checked by limitIssues
  tables: 10_000,
  /** Columns of one table (MySQL's hard limit; PostgreSQL allows 1,600, InnoDB 1,017). */
  columnsPerTable: 4_096,
  /** Columns of all tables together. */
  columns: 250_000,
  /** Unique constraints of one table. */
  uniquesPerTable: 4_096,
  /** Check constraints of one table or domain. */
  checksPerTable: 4_096,
  /** Indexes of one table. */
  indexesPerTable: 4_096,
  /** Unique constraints, checks and indexes of all tables together. */
  constraints: 250_000,
  /** Columns of one key, unique, index (parts and INCLUDE), foreign key or partition key (PostgreSQL: 32, MySQL: 16). */
  keyColumns: 64,
  relationships: 100_000,
  /** Partitions of one table (MySQL's limit). */
  partitionsPerTable: 8_192,
  /** Values of one partition bound (a LIST partition's values). */
  partitionValues: 10_000,
  enums: 10_000,
  /** Values of one enum. */
  enumValues: 10_000,
  domains: 10_000,
  views: 10_000,
  /** Sequences (serial columns own one each). */
  sequences: 10_000,
  /** PostgreSQL extensions (a server offers about fifty). */
  extensions: 1_000,
  /** Functions, procedures, aggregates, triggers and events. */
  routines: 10_000,
  /** Characters of all routines' statements together. */
  routineText: 20_000_000,
  schemas: 1_000,
  areas: 1_000,
  notes: 10_000,
  queryPatterns: 1_000,
} as const;

/**
 * The time one render, import or export may take (milliseconds): the server's default
 * (DRAFTBASE_COMPUTE_BUDGET_MS overrides it) and the editor's DDL worker's budget.
 */
export const COMPUTE_BUDGET_MS = 30_000;

export type DocumentLimits = { readonly [K in keyof typeof DOCUMENT_LIMITS]: number };
type LimitKey = keyof DocumentLimits;

export interface LimitIssue {
  /** Dotted path into the document, as DocumentIssue. */
  path: string;
  message: string;
}

/** 12345 -> `12,345` (no locale data needed). */
const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The limits a (shape-valid) document passes, at most `max` issues. Linear in the document's size:
 * counts only, no lookups.
 */
export function limitIssues(doc: SchemaDocument, limits: DocumentLimits = DOCUMENT_LIMITS, max = 20): LimitIssue[] {
  const issues: LimitIssue[] = [];
  /** `what` reads "<subject> has N <things>" for the count N. */
  const over = (count: number, key: LimitKey, path: string, what: (n: string) => string) => {
    const limit = limits[key];
    if (count > limit && issues.length < max) issues.push({ path, message: `${what(fmt(count))}; Draftbase accepts at most ${fmt(limit)} (document limit ${key})` });
  };
  const q = JSON.stringify;

  const tables = Object.values(doc.tables);
  over(tables.length, 'tables', 'tables', (n) => `the document has ${n} tables`);
  let columns = 0;
  let constraints = 0;
  for (const t of tables) {
    const base = `tables.${t.id}`;
    columns += t.columns.length;
    constraints += t.uniques.length + t.checks.length + t.indexes.length;
    over(t.columns.length, 'columnsPerTable', `${base}.columns`, (n) => `table ${q(t.name)} has ${n} columns`);
    over(t.uniques.length, 'uniquesPerTable', `${base}.uniques`, (n) => `table ${q(t.name)} has ${n} unique constraints`);
    over(t.checks.length, 'checksPerTable', `${base}.checks`, (n) => `table ${q(t.name)} has ${n} check constraints`);
    over(t.indexes.length, 'indexesPerTable', `${base}.indexes`, (n) => `table ${q(t.name)} has ${n} indexes`);
    if (t.primaryKey) over(t.primaryKey.columnIds.length, 'keyColumns', `${base}.primaryKey.columnIds`, (n) => `the primary key of ${q(t.name)} has ${n} columns`);
    t.uniques.forEach((u, i) => over(u.columnIds.length, 'keyColumns', `${base}.uniques.${i}.columnIds`, (n) => `a unique constraint of ${q(t.name)} has ${n} columns`));
    t.indexes.forEach((ix, i) => {
      over(ix.parts.length, 'keyColumns', `${base}.indexes.${i}.parts`, (n) => `index ${q(indexName(t, ix))} has ${n} parts`);
      over(ix.includeColumnIds?.length ?? 0, 'keyColumns', `${base}.indexes.${i}.includeColumnIds`, (n) => `index ${q(indexName(t, ix))} includes ${n} columns`);
    });
    const p = t.partitioning;
    if (p) {
      over(p.key.length, 'keyColumns', `${base}.partitioning.key`, (n) => `the partition key of ${q(t.name)} has ${n} parts`);
      over(p.partitions.length, 'partitionsPerTable', `${base}.partitioning.partitions`, (n) => `table ${q(t.name)} has ${n} partitions`);
      p.partitions.forEach((part, i) => {
        const b = part.bound;
        const values = b.kind === 'list' ? b.values.length : b.kind === 'range' ? Math.max(b.from.length, b.to.length) : 0;
        over(values, 'partitionValues', `${base}.partitioning.partitions.${i}.bound`, (n) => `partition ${q(part.name)} has ${n} bound values`);
      });
    }
  }
  over(columns, 'columns', 'tables', (n) => `the tables have ${n} columns in all`);
  over(constraints, 'constraints', 'tables', (n) => `the tables have ${n} unique constraints, checks and indexes in all`);

  const relationships = Object.values(doc.relationships);
  over(relationships.length, 'relationships', 'relationships', (n) => `the document has ${n} relationships`);
  for (const r of relationships) over(r.columnPairs.length, 'keyColumns', `relationships.${r.id}.columnPairs`, (n) => `a relationship pairs ${n} columns`);

  const enums = Object.values(doc.enums);
  over(enums.length, 'enums', 'enums', (n) => `the document has ${n} enums`);
  for (const e of enums) over(e.values.length, 'enumValues', `enums.${e.id}.values`, (n) => `enum ${q(e.name)} has ${n} values`);
  const domains = Object.values(doc.domains);
  over(domains.length, 'domains', 'domains', (n) => `the document has ${n} domains`);
  for (const d of domains) over(d.checks.length, 'checksPerTable', `domains.${d.id}.checks`, (n) => `domain ${q(d.name)} has ${n} check constraints`);
  over(Object.keys(doc.views).length, 'views', 'views', (n) => `the document has ${n} views`);
  over(Object.keys(doc.sequences).length, 'sequences', 'sequences', (n) => `the document has ${n} sequences`);
  const routines = Object.values(doc.routines ?? {});
  over(routines.length, 'routines', 'routines', (n) => `the document has ${n} routines`);
  let routineText = 0;
  for (const r of routines) routineText += r.sql.length;
  over(routineText, 'routineText', 'routines', (n) => `the routines' statements have ${n} characters in all`);
  over(Object.keys(doc.extensions).length, 'extensions', 'extensions', (n) => `the document has ${n} extensions`);
  over(Object.keys(doc.schemas).length, 'schemas', 'schemas', (n) => `the document has ${n} schemas`);
  over(Object.keys(doc.areas).length, 'areas', 'areas', (n) => `the document has ${n} areas`);
  for (const a of Object.values(doc.areas)) over(a.tableIds.length, 'tables', `areas.${a.id}.tableIds`, (n) => `area ${q(a.name)} lists ${n} tables`);
  over(Object.keys(doc.notes).length, 'notes', 'notes', (n) => `the document has ${n} notes`);
  over(doc.design.queryPatterns.length, 'queryPatterns', 'design.queryPatterns', (n) => `the design lists ${n} query patterns`);
  // Layout entries for elements that do not exist cost memory and time too.
  over(Object.keys(doc.layout.tables).length, 'tables', 'layout.tables', (n) => `the layout places ${n} tables`);
  over(Object.keys(doc.layout.notes).length, 'notes', 'layout.notes', (n) => `the layout places ${n} notes`);
  return issues;
}
