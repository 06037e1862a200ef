/**
 * Compares a document with what SQLite created from its DDL (readSqliteCatalog) and lists every
 * difference as a sentence ([] when they agree). What SQLite keeps is compared exactly: tables and
 * column order, declared types (as the dialect record maps them: the type text SQLite keeps),
 * nullability, defaults, AUTOINCREMENT, generated columns (stored or virtual), collations, comments,
 * the primary key, uniques, checks (the document's, its domains' and its enums'), foreign keys with
 * columns, target, actions and DEFERRABLE, indexes (uniqueness, parts and order, expressions,
 * predicates) and views. What SQLite does not keep (an index it cannot build, a view it cannot read,
 * partitions, schemas, sequences) must have a diagnostic of the run naming it.
 */
import { dialectSpec } from '../../dialects/dialects';
import { sqliteStrictType } from '../../dialects/sqlite';
import type { DdlStatements } from '../../ddl/generate-ddl';
import type { Column, SchemaDocument, Table } from '../../model/document';
import { sequenceUsers } from '../../model/sequences';
import type { SqliteCatalog } from '../sqlite/catalog';

const spec = dialectSpec('sqlite');
const caps = spec.capabilities(spec.defaultTarget);

export interface SqliteCompareOptions {
  /** The DDL was generated with STRICT tables. */
  strictTables?: boolean;
}

const lower = (s: string) => s.toLowerCase();
const same = (a: readonly string[], b: readonly string[]) => JSON.stringify(a.map(lower)) === JSON.stringify(b.map(lower));

/** The column that is its table's rowid alias (an identity, or the owner of its sequence, that is the whole primary key). */
function rowidAlias(doc: SchemaDocument, t: Table): Column | undefined {
  const ids = t.primaryKey?.columnIds;
  if (ids?.length !== 1) return undefined;
  const c = t.columns.find((x) => x.id === ids[0]);
  if (!c || c.generated || c.arrayDims || c.type.kind !== 'scalar' || !['smallint', 'integer', 'bigint'].includes(c.type.name)) return undefined;
  return c.identity || countsBySequence(doc, c) ? c : undefined;
}

/** The column draws from a sequence it owns, or one nobody owns and only it uses (a dump without OWNED BY). */
function countsBySequence(doc: SchemaDocument, c: Column): boolean {
  if (c.default.kind !== 'sequence') return false;
  const seq = doc.sequences[c.default.sequenceId];
  if (!seq) return false;
  if (seq.ownedBy) return seq.ownedBy.columnId === c.id;
  const users = sequenceUsers(doc).get(seq.id) ?? [];
  return users.length === 1 && users[0].column.id === c.id;
}

/** The declared type the dialect record gives the column (what SQLite must show in table_xinfo). */
export function expectedSqliteType(doc: SchemaDocument, c: Column, alias: boolean, strict: boolean): string {
  let base: string;
  if (alias) base = spec.rowidAliasType!;
  else if (c.arrayDims) base = 'json';
  else if (c.type.kind === 'enum') base = 'text';
  else {
    const s = c.type.kind === 'scalar' ? c.type : doc.domains[c.type.domainId].type;
    base = s.native?.sqlite ?? spec.mapType(s, caps).sql;
  }
  return strict ? sqliteStrictType(base) : base;
}

export function compareDocumentToSqliteCatalog(doc: SchemaDocument, catalog: SqliteCatalog, run: Pick<DdlStatements, 'decisions' | 'diagnostics'>, o: SqliteCompareOptions = {}): string[] {
  const problems: string[] = [];
  const reported = (id: string) => run.diagnostics.some((d) => d.entityId === id);
  const expectedTables = Object.values(doc.tables).map((t) => t.name.toLowerCase()).sort();
  const actualTables = catalog.tables.map((t) => t.name.toLowerCase()).sort();
  if (JSON.stringify(expectedTables) !== JSON.stringify(actualTables)) problems.push(`tables: expected ${expectedTables.join(', ')}; got ${actualTables.join(', ')}`);

  for (const t of Object.values(doc.tables)) {
    const ct = catalog.tables.find((x) => lower(x.name) === lower(t.name));
    if (!ct) continue;
    compareTable(doc, t, ct, catalog, run, o, problems);
    if (t.partitioning && !run.diagnostics.some((d) => d.entityId === t.id && d.code === 'sqlite.partitioning-dropped')) problems.push(`${t.name}: partitioning left out without a diagnostic`);
  }

  const fks = Object.values(doc.relationships).filter((r) => r.enforced);
  for (const r of fks) {
    const from = doc.tables[r.fromTableId];
    const to = doc.tables[r.toTableId];
    const ct = catalog.tables.find((x) => lower(x.name) === lower(from.name));
    if (!ct) continue;
    const cols = r.columnPairs.map((p) => from.columns.find((c) => c.id === p.fromColumnId)!.name);
    const where = `foreign key ${from.name}(${cols.join(', ')})`;
    const fk = ct.foreignKeys.find((f) => same(f.columns, cols));
    if (!fk) {
      if (!reported(r.id)) problems.push(`${where}: missing, and no diagnostic says why`);
      continue;
    }
    const name = run.decisions.foreignKeys.get(r.id);
    if (name !== undefined && fk.name !== name) problems.push(`${where}: named ${JSON.stringify(fk.name)}, expected ${JSON.stringify(name)}`);
    const refCols = r.columnPairs.map((p) => to.columns.find((c) => c.id === p.toColumnId)!.name);
    if (lower(fk.refTable) !== lower(to.name)) problems.push(`${where}: references ${fk.refTable}, expected ${to.name}`);
    if (!same(fk.refColumns, refCols)) problems.push(`${where}: references (${fk.refColumns.join(', ')}), expected (${refCols.join(', ')})`);
    if (fk.onDelete !== r.onDelete) problems.push(`${where}: ON DELETE ${fk.onDelete}, expected ${r.onDelete}`);
    if (fk.onUpdate !== r.onUpdate) problems.push(`${where}: ON UPDATE ${fk.onUpdate}, expected ${r.onUpdate}`);
    if (fk.deferrable !== (r.deferrable ?? 'not deferrable')) problems.push(`${where}: ${fk.deferrable}, expected ${r.deferrable ?? 'not deferrable'}`);
    if (fk.comment !== (r.comment ?? null)) problems.push(`${where}: comment ${JSON.stringify(fk.comment)}, expected ${JSON.stringify(r.comment ?? null)}`);
  }
  const actualFks = catalog.tables.reduce((n, t) => n + t.foreignKeys.length, 0);
  const expectedFks = fks.filter((r) => catalog.tables.some((t) => lower(t.name) === lower(doc.tables[r.fromTableId].name))).length;
  if (actualFks > expectedFks) problems.push(`foreign keys: ${actualFks}, the document has ${expectedFks}`);

  for (const v of Object.values(doc.views)) {
    const cv = catalog.views.find((x) => lower(x.name) === lower(v.name));
    if (!cv && !reported(v.id)) problems.push(`view ${v.name}: missing, and no diagnostic says why`);
  }
  if (Object.keys(doc.schemas).length && !run.diagnostics.some((d) => d.code === 'sqlite.schema-dropped')) problems.push('schemas left out without a diagnostic');
  for (const s of Object.values(doc.sequences)) {
    const owner = s.ownedBy && doc.tables[s.ownedBy.tableId];
    const becameRowid = owner && rowidAlias(doc, owner)?.id === s.ownedBy?.columnId;
    if (!becameRowid && !run.diagnostics.some((d) => d.code.startsWith('sqlite.sequence') || d.code === 'sqlite.identity-dropped')) problems.push(`sequence ${s.name}: left out without a diagnostic`);
  }
  return problems;
}

function compareTable(doc: SchemaDocument, t: Table, ct: SqliteCatalog['tables'][number], catalog: SqliteCatalog, run: Pick<DdlStatements, 'decisions' | 'diagnostics'>, o: SqliteCompareOptions, problems: string[]): void {
  const name = t.name;
  const col = (id: string) => t.columns.find((c) => c.id === id)!.name;
  const reported = (id: string) => run.diagnostics.some((d) => d.entityId === id);
  if (!same(ct.columns.map((c) => c.name), t.columns.map((c) => c.name))) problems.push(`${name}: columns ${ct.columns.map((c) => c.name).join(', ')}, expected ${t.columns.map((c) => c.name).join(', ')}`);
  if ((t.comment ?? null) !== ct.comment) problems.push(`${name}: comment ${JSON.stringify(ct.comment)}, expected ${JSON.stringify(t.comment ?? null)}`);
  const facts = catalog.sqlite[ct.name];
  if (o.strictTables && !facts?.strict) problems.push(`${name}: not STRICT`);

  const alias = rowidAlias(doc, t);
  const pkIds = new Set(t.primaryKey?.columnIds ?? []);
  let expectedChecks = t.checks.filter((c) => c.expression.trim()).length;
  for (const c of t.columns) {
    const cc = ct.columns.find((x) => lower(x.name) === lower(c.name));
    if (!cc) continue;
    const where = `${name}.${c.name}`;
    const domain = c.type.kind === 'domain' ? doc.domains[c.type.domainId] : undefined;
    if (domain) expectedChecks += domain.checks.filter((k) => k.expression.trim()).length;
    if (c.type.kind === 'enum' && !c.arrayDims) expectedChecks++;
    const type = expectedSqliteType(doc, c, c === alias, !!o.strictTables);
    if (lower(cc.type) !== lower(type)) problems.push(`${where}: declared type ${cc.type}, expected ${type}`);
    const nullable = c.nullable && !pkIds.has(c.id) && !(domain && !domain.nullable);
    if (cc.nullable !== nullable) problems.push(`${where}: nullable ${cc.nullable}, expected ${nullable}`);
    const identity = c === alias ? 'auto_increment' : null;
    if (cc.identity !== identity) problems.push(`${where}: identity ${cc.identity}, expected ${identity}`);
    const value = c.default.kind === 'none' && domain ? domain.default : c.default;
    const hasDefault = value.kind !== 'none' && value.kind !== 'sequence' && !c.generated && !c.identity && !c.arrayDims;
    if (hasDefault !== (cc.default !== null)) problems.push(`${where}: default ${JSON.stringify(cc.default)}, expected ${hasDefault ? 'one' : 'none'}`);
    if (c.default.kind !== 'none' && !hasDefault && !c.identity && c !== alias && !c.generated && !reported(c.id)) problems.push(`${where}: default left out without a diagnostic`);
    if ((cc.generated?.stored ?? null) !== (c.generated ? c.generated.stored : null)) problems.push(`${where}: generated ${JSON.stringify(cc.generated)}, expected ${JSON.stringify(c.generated ?? null)}`);
    const collation = c.collation ? (spec.builtinCollations!.nearest(c.collation) ?? null) : null;
    if ((cc.collation?.toUpperCase() ?? null) !== collation) problems.push(`${where}: collation ${cc.collation}, expected ${collation}`);
    if (c.collation && !collation && !reported(c.id)) problems.push(`${where}: collation left out without a diagnostic`);
    if ((c.comment ?? null) !== cc.comment) problems.push(`${where}: comment ${JSON.stringify(cc.comment)}, expected ${JSON.stringify(c.comment ?? null)}`);
  }

  if (t.primaryKey) {
    const cols = t.primaryKey.columnIds.map(col);
    if (!ct.primaryKey) problems.push(`${name}: primary key missing`);
    else {
      if (!same(ct.primaryKey.columns, cols)) problems.push(`${name}: primary key (${ct.primaryKey.columns.join(', ')}), expected (${cols.join(', ')})`);
      const pkName = run.decisions.primaryKeys.get(t.id);
      if (pkName !== undefined && ct.primaryKey.name !== pkName) problems.push(`${name}: primary key named ${JSON.stringify(ct.primaryKey.name)}, expected ${JSON.stringify(pkName)}`);
    }
  } else if (ct.primaryKey) problems.push(`${name}: unexpected primary key`);

  // A unique on exactly the primary key's columns shares the primary key's index in SQLite (one index, same rule).
  const pkKey = JSON.stringify([...(t.primaryKey?.columnIds ?? [])].sort());
  const uniques = t.uniques.filter((u) => u.columnIds.length && JSON.stringify([...u.columnIds].sort()) !== pkKey);
  for (const u of uniques) {
    const cols = u.columnIds.map(col);
    const cu = ct.uniques.find((x) => same(x.columns, cols));
    if (!cu) problems.push(`${name}: unique (${cols.join(', ')}) missing`);
    else if (cu.name !== run.decisions.uniques.get(u.id)) problems.push(`${name}: unique (${cols.join(', ')}) named ${cu.name}, expected ${run.decisions.uniques.get(u.id)}`);
  }
  const pkNames = JSON.stringify((t.primaryKey?.columnIds ?? []).map((id) => lower(col(id))).sort());
  const actualUniques = ct.uniques.filter((u) => JSON.stringify(u.columns.map(lower).sort()) !== pkNames);
  if (actualUniques.length !== uniques.length) problems.push(`${name}: ${actualUniques.length} unique constraints, expected ${uniques.length}`);

  for (const c of t.checks) if (c.name && c.expression.trim() && !ct.checks.some((x) => x.name === c.name)) problems.push(`${name}: check ${c.name} missing`);
  if (ct.checks.length !== expectedChecks) problems.push(`${name}: ${ct.checks.length} checks, expected ${expectedChecks}`);

  for (const ix of t.indexes) {
    const decision = run.decisions.indexes.get(ix.id);
    const ci = decision ? ct.indexes.find((x) => x.name === decision.name) : undefined;
    if (!decision?.created) {
      if (ci) problems.push(`${name}: index ${decision?.name} exists although reported not created`);
      if (!reported(ix.id)) problems.push(`${name}: index ${ix.name ?? ix.id} not created, and no diagnostic says why`);
      continue;
    }
    const where = `${name}: index ${decision.name}`;
    if (!ci) {
      problems.push(`${where}: missing`);
      continue;
    }
    if (ci.unique !== ix.unique) problems.push(`${where}: unique ${ci.unique}`);
    const expectedParts = ix.parts.map((p) => (p.kind === 'column' ? `${lower(col(p.columnId))} ${p.order === 'desc' ? 'desc' : 'asc'}` : 'expression'));
    if (!ix.unique) for (const id of ix.includeColumnIds ?? []) expectedParts.push(`${lower(col(id))} asc`);
    const actualParts = ci.parts.map((p) => (p.isColumn ? `${lower(p.expression)} ${p.order}` : 'expression'));
    if (JSON.stringify(actualParts) !== JSON.stringify(expectedParts)) problems.push(`${where}: parts ${actualParts.join(', ')}, expected ${expectedParts.join(', ')}`);
    ix.parts.forEach((p, i) => {
      if (p.kind === 'expression' && !ci.parts[i]?.expression) problems.push(`${where}: expression of part ${i + 1} not read back`);
    });
    if (!!ci.predicate !== !!ix.where) problems.push(`${where}: predicate ${JSON.stringify(ci.predicate)}, expected ${ix.where ? 'one' : 'none'}`);
  }
}
