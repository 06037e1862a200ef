/**
 * Compares a document with what an engine created (a CatalogSnapshot) and lists every difference
 * as a sentence. Used by the DDL engine tests ("the catalog is what the document says") and reusable
 * for importer round-trips. Returns [] when they agree; tests assert `toEqual([])` so a failure
 * prints the whole list.
 *
 * It checks structure, not spelling: tables (schema + name), column order, nullability, identity,
 * generated columns, comments, primary keys, uniques (+ NULLS NOT DISTINCT), named checks, foreign
 * keys with columns, target and actions, indexes (uniqueness, method, column parts and order,
 * predicate presence, INCLUDE), partitions, enums, views, sequences (every option, OWNED BY, the
 * defaults drawing from them) and extensions. Native type names are engine-specific:
 * assert those with a type table in the test.
 */
import type { Dialect, ReferentialAction, SchemaDocument, Table } from '../../model/document';
import { ownedSequenceOf, settingsOf } from '../../model/sequences';
import type { CatalogSnapshot, CatalogTable } from './catalog-types';

export interface CompareOptions {
  dialect: Dialect;
  /** MySQL: the database every schema was flattened into. PostgreSQL: the default schema (`public`). */
  defaultSchema: string;
  /** Ids of indexes, checks, relationships, partitions and views the generator reported as skipped. */
  skipped?: ReadonlySet<string>;
  /** Whether NULLS NOT DISTINCT is expected to survive (PostgreSQL 15+). */
  nullsNotDistinct?: boolean;
  /**
   * MySQL output for MariaDB: a sequence no column's AUTO_INCREMENT stands for is a CREATE SEQUENCE,
   * and the columns drawing from it default to `nextval(db.seq)`.
   */
  standaloneSequences?: boolean;
}

const PG_METHOD: Record<string, string> = { spatial: 'gist' };
const MYSQL_METHOD: Record<string, string> = { hash: 'btree', brin: 'btree' };

export function compareDocumentToCatalog(doc: SchemaDocument, catalog: CatalogSnapshot, o: CompareOptions): string[] {
  const problems: string[] = [];
  const skipped = o.skipped ?? new Set<string>();
  const mysql = o.dialect === 'mysql';
  const schemaOf = (schemaId: string | undefined) => (mysql || !schemaId ? o.defaultSchema : doc.schemas[schemaId].name);
  const action = (a: ReferentialAction): ReferentialAction => {
    if (mysql && a === 'set default') a = 'no action';
    return a;
  };

  const expectedTables = Object.values(doc.tables).map((t) => `${schemaOf(t.schemaId)}.${t.name}`).sort();
  const actualTables = catalog.tables.map((t) => `${t.schema}.${t.name}`).sort();
  if (JSON.stringify(expectedTables) !== JSON.stringify(actualTables)) problems.push(`tables: expected ${expectedTables.join(', ')}; got ${actualTables.join(', ')}`);

  for (const t of Object.values(doc.tables)) {
    const ct = catalog.tables.find((x) => x.name === t.name && x.schema === schemaOf(t.schemaId));
    if (!ct) continue;
    compareTable(doc, t, ct, o, skipped, action, problems);
  }

  for (const r of Object.values(doc.relationships)) {
    if (!r.enforced || skipped.has(r.id)) continue;
    const from = doc.tables[r.fromTableId];
    const to = doc.tables[r.toTableId];
    const ct = catalog.tables.find((x) => x.name === from.name && x.schema === schemaOf(from.schemaId));
    if (!ct) continue;
    const cols = r.columnPairs.map((p) => from.columns.find((c) => c.id === p.fromColumnId)!.name);
    const fk = ct.foreignKeys.find((f) => JSON.stringify(f.columns) === JSON.stringify(cols));
    const where = `foreign key ${from.name}(${cols.join(', ')})`;
    if (!fk) {
      problems.push(`${where}: missing`);
      continue;
    }
    if (r.name && fk.name !== r.name) problems.push(`${where}: name ${fk.name}, expected ${r.name}`);
    const refCols = r.columnPairs.map((p) => to.columns.find((c) => c.id === p.toColumnId)!.name);
    if (fk.refTable !== to.name || fk.refSchema !== schemaOf(to.schemaId)) problems.push(`${where}: references ${fk.refSchema}.${fk.refTable}, expected ${schemaOf(to.schemaId)}.${to.name}`);
    if (JSON.stringify(fk.refColumns) !== JSON.stringify(refCols)) problems.push(`${where}: references (${fk.refColumns.join(', ')}), expected (${refCols.join(', ')})`);
    if (fk.onDelete !== action(r.onDelete)) problems.push(`${where}: ON DELETE ${fk.onDelete}, expected ${action(r.onDelete)}`);
    if (fk.onUpdate !== action(r.onUpdate)) problems.push(`${where}: ON UPDATE ${fk.onUpdate}, expected ${action(r.onUpdate)}`);
    if (!mysql && (r.deferrable ?? 'not deferrable') !== fk.deferrable) problems.push(`${where}: ${fk.deferrable}, expected ${r.deferrable ?? 'not deferrable'}`);
    if (!mysql && (r.comment ?? null) !== fk.comment) problems.push(`${where}: comment ${JSON.stringify(fk.comment)}, expected ${JSON.stringify(r.comment ?? null)}`);
  }
  const expectedFkCount = Object.values(doc.relationships).filter((r) => r.enforced && !skipped.has(r.id)).length;
  const actualFkCount = catalog.tables.reduce((n, t) => n + t.foreignKeys.length, 0);
  if (expectedFkCount !== actualFkCount) problems.push(`foreign keys: expected ${expectedFkCount}, got ${actualFkCount}`);

  if (!mysql) {
    for (const e of Object.values(doc.enums)) {
      const ce = catalog.enums.find((x) => x.name === e.name && x.schema === schemaOf(e.schemaId));
      if (!ce) problems.push(`enum ${e.name}: missing`);
      else if (JSON.stringify(ce.values) !== JSON.stringify(e.values)) problems.push(`enum ${e.name}: values ${JSON.stringify(ce.values)}, expected ${JSON.stringify(e.values)}`);
    }
    for (const d of Object.values(doc.domains)) {
      const cd = catalog.domains.find((x) => x.name === d.name && x.schema === schemaOf(d.schemaId));
      if (!cd) problems.push(`domain ${d.name}: missing`);
      else {
        if (cd.nullable !== d.nullable) problems.push(`domain ${d.name}: nullable ${cd.nullable}`);
        const names = d.checks.flatMap((c) => (c.name ? [c.name] : []));
        for (const n of names) if (!cd.checks.some((c) => c.name === n)) problems.push(`domain ${d.name}: check ${n} missing`);
      }
    }
  }
  if (!mysql) compareSequencesAndExtensions(doc, catalog, schemaOf, problems);
  else if (o.standaloneSequences) compareStandaloneSequences(doc, catalog, o.defaultSchema, problems);
  for (const v of Object.values(doc.views)) {
    if (v.dialect !== o.dialect || skipped.has(v.id)) continue;
    const cv = catalog.views.find((x) => x.name === v.name && x.schema === schemaOf(v.schemaId));
    if (!cv) problems.push(`view ${v.name}: missing`);
    else if (!mysql && cv.materialized !== v.materialized) problems.push(`view ${v.name}: materialized ${cv.materialized}`);
  }
  return problems;
}

function compareSequencesAndExtensions(doc: SchemaDocument, catalog: CatalogSnapshot, schemaOf: (id: string | undefined) => string, problems: string[]): void {
  for (const q of Object.values(doc.sequences)) {
    const cq = catalog.sequences.find((x) => x.name === q.name && x.schema === schemaOf(q.schemaId));
    if (!cq) {
      problems.push(`sequence ${q.name}: missing`);
      continue;
    }
    const s = settingsOf(q);
    const owner = q.ownedBy ? doc.tables[q.ownedBy.tableId] : undefined;
    const ownerColumn = owner?.columns.find((c) => c.id === q.ownedBy?.columnId);
    const expected = {
      type: q.dataType, start: String(s.start), increment: String(s.increment), min: String(s.min), max: String(s.max), cache: String(s.cache), cycle: s.cycle,
      ownedBy: owner && ownerColumn ? `${schemaOf(owner.schemaId)}.${owner.name}.${ownerColumn.name}` : null,
      comment: q.comment ?? null,
    };
    for (const [k, v] of Object.entries(expected)) {
      const actual = cq[k as keyof typeof expected];
      if (actual !== v) problems.push(`sequence ${q.name}: ${k} ${JSON.stringify(actual)}, expected ${JSON.stringify(v)}`);
    }
  }
  if (catalog.sequences.length !== Object.keys(doc.sequences).length) problems.push(`sequences: expected ${Object.keys(doc.sequences).length}, got ${catalog.sequences.length}`);
  for (const x of Object.values(doc.extensions)) {
    const cx = catalog.extensions.find((e) => e.name === x.name);
    if (!cx) problems.push(`extension ${x.name}: missing`);
    else {
      if (cx.schema !== schemaOf(x.schemaId)) problems.push(`extension ${x.name}: schema ${cx.schema}, expected ${schemaOf(x.schemaId)}`);
      if (x.version !== undefined && cx.version !== x.version) problems.push(`extension ${x.name}: version ${cx.version}, expected ${x.version}`);
      if (x.comment !== undefined && cx.comment !== x.comment) problems.push(`extension ${x.name}: comment ${JSON.stringify(cx.comment)}, expected ${JSON.stringify(x.comment)}`);
    }
  }
}

/** Sequences AUTO_INCREMENT stands for on MySQL: owned by a column that draws from them. */
function autoIncrementSequences(doc: SchemaDocument): Set<string> {
  const out = new Set<string>();
  for (const t of Object.values(doc.tables)) {
    for (const c of t.columns) if (c.default.kind === 'sequence' && !c.identity && ownedSequenceOf(doc, t, c)) out.add(c.default.sequenceId);
  }
  return out;
}

/** MariaDB: each other sequence exists, with the options the document sets. */
function compareStandaloneSequences(doc: SchemaDocument, catalog: CatalogSnapshot, database: string, problems: string[]): void {
  const mapped = autoIncrementSequences(doc);
  const expected = Object.values(doc.sequences).filter((q) => !mapped.has(q.id));
  for (const q of expected) {
    const cq = catalog.sequences.find((x) => x.name === q.name && x.schema === database);
    if (!cq) {
      problems.push(`sequence ${q.name}: missing`);
      continue;
    }
    const given = { start: q.start, increment: q.increment, min: q.min, max: q.max, cache: q.cache };
    for (const [k, v] of Object.entries(given)) if (v !== undefined && cq[k as keyof typeof given] !== String(v)) problems.push(`sequence ${q.name}: ${k} ${cq[k as keyof typeof given]}, expected ${v}`);
    if (cq.cycle !== (q.cycle ?? false)) problems.push(`sequence ${q.name}: cycle ${cq.cycle}`);
  }
  if (catalog.sequences.length !== expected.length) problems.push(`sequences: expected ${expected.length}, got ${catalog.sequences.length}`);
}

/** `nextval('audit.event_ids'::regclass)` as PostgreSQL prints it (schema shown outside the search path, public). */
function nextvalText(doc: SchemaDocument, sequenceId: string, schemaOf: (id: string | undefined) => string): string {
  const q = doc.sequences[sequenceId];
  const schema = schemaOf(q.schemaId);
  return `nextval('${schema === 'public' ? q.name : `${schema}.${q.name}`}'::regclass)`;
}

function compareTable(
  doc: SchemaDocument,
  t: Table,
  ct: CatalogTable,
  o: CompareOptions,
  skipped: ReadonlySet<string>,
  _action: (a: ReferentialAction) => ReferentialAction,
  problems: string[],
): void {
  const mysql = o.dialect === 'mysql';
  const name = t.name;
  const col = (id: string) => t.columns.find((c) => c.id === id)!.name;
  const expectedCols = t.columns.map((c) => c.name);
  const actualCols = ct.columns.map((c) => c.name);
  if (JSON.stringify(expectedCols) !== JSON.stringify(actualCols)) problems.push(`${name}: columns ${actualCols.join(', ')}, expected ${expectedCols.join(', ')}`);
  if ((t.comment ?? null) !== ct.comment) problems.push(`${name}: comment ${JSON.stringify(ct.comment)}, expected ${JSON.stringify(t.comment ?? null)}`);

  const pkIds = new Set(t.primaryKey?.columnIds ?? []);
  for (const c of t.columns) {
    const cc = ct.columns.find((x) => x.name === c.name);
    if (!cc) continue;
    const where = `${name}.${c.name}`;
    const domain = c.type.kind === 'domain' && mysql ? doc.domains[c.type.domainId] : undefined;
    const nullable = c.nullable && !pkIds.has(c.id) && !(domain && !domain.nullable);
    if (cc.nullable !== nullable) problems.push(`${where}: nullable ${cc.nullable}, expected ${nullable}`);
    // MySQL: a column that owns its sequence is AUTO_INCREMENT; another sequence default is left out.
    const sequenceDefault = c.default.kind === 'sequence' ? c.default.sequenceId : undefined;
    const autoIncrement = mysql && sequenceDefault !== undefined && !c.identity && ownedSequenceOf(doc, t, c) !== undefined;
    const identity = c.identity ? (mysql ? 'auto_increment' : c.identity.always ? 'always' : 'by default') : autoIncrement ? 'auto_increment' : null;
    if (cc.identity !== identity) problems.push(`${where}: identity ${cc.identity}, expected ${identity}`);
    if (!mysql && sequenceDefault !== undefined && !c.identity) {
      const expected = nextvalText(doc, sequenceDefault, (id) => (id ? doc.schemas[id].name : o.defaultSchema));
      if (cc.default !== expected) problems.push(`${where}: default ${JSON.stringify(cc.default)}, expected ${JSON.stringify(expected)}`);
    }
    // MariaDB: a column drawing from a sequence written as its own (not AUTO_INCREMENT) keeps the default.
    const standaloneDefault = mysql && o.standaloneSequences && sequenceDefault !== undefined && !c.identity && !autoIncrementSequences(doc).has(sequenceDefault);
    if (standaloneDefault) {
      const expected = `nextval(\`${o.defaultSchema}\`.\`${doc.sequences[sequenceDefault].name}\`)`;
      if (cc.default !== expected) problems.push(`${where}: default ${JSON.stringify(cc.default)}, expected ${JSON.stringify(expected)}`);
    }
    const generated = c.generated ? (mysql ? c.generated.stored : true) : null;
    if ((cc.generated?.stored ?? null) !== generated) problems.push(`${where}: generated ${JSON.stringify(cc.generated)}, expected stored=${generated}`);
    if ((c.comment ?? null) !== cc.comment) problems.push(`${where}: comment ${JSON.stringify(cc.comment)}, expected ${JSON.stringify(c.comment ?? null)}`);
    const hasDefault = c.default.kind !== 'none' && !c.generated && !c.identity && (!(mysql && sequenceDefault !== undefined) || standaloneDefault);
    const catalogHasDefault = cc.default !== null && !(mysql && cc.default === 'NULL');
    if (hasDefault !== catalogHasDefault) problems.push(`${where}: default ${JSON.stringify(cc.default)}, expected ${hasDefault ? 'one' : 'none'}`);
    if (mysql && c.onUpdateCurrentTimestamp && !cc.onUpdate) problems.push(`${where}: ON UPDATE missing`);
  }

  if (t.primaryKey) {
    const cols = t.primaryKey.columnIds.map(col);
    if (!ct.primaryKey) problems.push(`${name}: primary key missing`);
    else {
      if (JSON.stringify(ct.primaryKey.columns) !== JSON.stringify(cols)) problems.push(`${name}: primary key (${ct.primaryKey.columns.join(', ')}), expected (${cols.join(', ')})`);
      if (!mysql && t.primaryKey.name && ct.primaryKey.name !== t.primaryKey.name) problems.push(`${name}: primary key named ${ct.primaryKey.name}, expected ${t.primaryKey.name}`);
    }
  } else if (ct.primaryKey) problems.push(`${name}: unexpected primary key`);

  for (const u of t.uniques) {
    const cols = u.columnIds.map(col);
    const cu = ct.uniques.find((x) => JSON.stringify(x.columns) === JSON.stringify(cols));
    if (!cu) {
      problems.push(`${name}: unique (${cols.join(', ')}) missing`);
      continue;
    }
    if (u.name && cu.name !== u.name) problems.push(`${name}: unique (${cols.join(', ')}) named ${cu.name}, expected ${u.name}`);
    if (!mysql && cu.nullsNotDistinct !== (!!u.nullsNotDistinct && !!o.nullsNotDistinct)) problems.push(`${name}: unique ${cu.name} nullsNotDistinct ${cu.nullsNotDistinct}`);
  }

  for (const c of t.checks) {
    if (skipped.has(c.id)) {
      if (c.name && ct.checks.some((x) => x.name === c.name)) problems.push(`${name}: check ${c.name} exists although reported skipped`);
      continue;
    }
    if (c.name ? !ct.checks.some((x) => x.name === c.name) : ct.checks.length === 0) problems.push(`${name}: check ${c.name ?? c.expression} missing`);
  }

  for (const ix of t.indexes) {
    const ci = ct.indexes.find((x) => x.name === ix.name);
    if (skipped.has(ix.id)) {
      if (ci) problems.push(`${name}: index ${ix.name} exists although reported skipped`);
      continue;
    }
    if (!ci) {
      problems.push(`${name}: index ${ix.name} missing`);
      continue;
    }
    const where = `${name}: index ${ix.name}`;
    const method = ix.method ?? 'btree';
    const expectedMethod = (mysql ? MYSQL_METHOD[method] : PG_METHOD[method]) ?? method;
    if (ci.method !== expectedMethod) problems.push(`${where}: method ${ci.method}, expected ${expectedMethod}`);
    if (ci.unique !== ix.unique) problems.push(`${where}: unique ${ci.unique}`);
    const include = (ix.includeColumnIds ?? []).map(col);
    const expectedParts = ix.parts.map((p) => (p.kind === 'column' ? `${col(p.columnId)} ${p.order === 'desc' && !(mysql && (method === 'fulltext' || method === 'spatial')) ? 'desc' : 'asc'}` : 'expression'));
    if (mysql && !ix.unique) expectedParts.push(...include.map((c) => `${c} asc`));
    const actualParts = ci.parts.map((p) => (p.isColumn ? `${p.expression} ${p.order}` : 'expression'));
    if (JSON.stringify(actualParts) !== JSON.stringify(expectedParts)) problems.push(`${where}: parts ${actualParts.join(', ')}, expected ${expectedParts.join(', ')}`);
    if (!mysql) {
      if (!!ci.predicate !== !!ix.where) problems.push(`${where}: predicate ${JSON.stringify(ci.predicate)}, expected ${ix.where ? 'one' : 'none'}`);
      if (JSON.stringify(ci.include) !== JSON.stringify(include)) problems.push(`${where}: include ${ci.include.join(', ')}, expected ${include.join(', ')}`);
      ix.parts.forEach((p, i) => {
        if (p.nulls && ci.parts[i]?.nulls !== p.nulls) problems.push(`${where}: part ${i + 1} nulls ${ci.parts[i]?.nulls}, expected ${p.nulls}`);
        if (p.opclass && ci.parts[i]?.opclass !== p.opclass) problems.push(`${where}: part ${i + 1} opclass ${ci.parts[i]?.opclass}, expected ${p.opclass}`);
      });
    } else {
      ix.parts.forEach((p, i) => {
        if (p.kind === 'column' && p.length !== undefined && ci.parts[i]?.length !== p.length) problems.push(`${where}: part ${i + 1} prefix ${ci.parts[i]?.length}, expected ${p.length}`);
      });
    }
  }

  if (t.partitioning) {
    if (!ct.partitioning) problems.push(`${name}: not partitioned`);
    else {
      if (!ct.partitioning.strategy.startsWith(t.partitioning.strategy) && !(t.partitioning.strategy === 'hash' && ct.partitioning.strategy === 'key')) problems.push(`${name}: partitioned by ${ct.partitioning.strategy}, expected ${t.partitioning.strategy}`);
      const expected = t.partitioning.partitions.filter((p) => !skipped.has(p.id)).map((p) => p.name).sort();
      const actual = ct.partitioning.partitions.map((p) => p.name).sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${name}: partitions ${actual.join(', ')}, expected ${expected.join(', ')}`);
    }
  } else if (ct.partitioning) problems.push(`${name}: unexpectedly partitioned`);
}
