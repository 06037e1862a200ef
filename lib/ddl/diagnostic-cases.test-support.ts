/**
 * One small document per diagnostic code generateDdl can return (DDL_DIAGNOSTIC_CODES), that triggers
 * it: diagnostics.test.ts checks each code is triggered with the severity the registry promises, and
 * lib/server/testing/diagnostic-severities.engines.test.ts that every warning's and note's script
 * applies on the engines. Test support: call loadCaseParsers() before the cases run.
 */
import { loadSqlParsers } from '../sql-parse/load';
import type { Column, Dialect, Index, SchemaDocument, Table } from '../model/document';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import type { DdlOptions } from './generate-ddl';

const ids = sequentialIds();
const col = (name: string, extra: Partial<Column> = {}): Column => makeColumn({ name, type: scalar('integer'), nullable: true, ...extra }, ids);
const ix = (name: string, column: Column, extra: Partial<Index> = {}): Index => makeIndex({ name, parts: [{ kind: 'column', columnId: column.id }], ...extra }, ids);

/** A table `t` with an integer primary key `id` and the given extra columns. */
function table(name: string, columns: Column[] = [], extra: Partial<Table> = {}): Table {
  const id = col('id', { nullable: false });
  return makeTable({ name, columns: [id, ...columns], primaryKey: { columnIds: [id.id] }, ...extra }, ids);
}
const one = (t: Table, more: Parameters<typeof documentOf>[0] = {}) => documentOf({ tables: [t], ...more });

function parentChild(onDelete: 'set null' | 'set default' | 'cascade' = 'cascade', childNullable = true, extra: Record<string, unknown> = {}) {
  const parent = table('parent');
  const ref = col('parent_id', { nullable: childNullable });
  const child = table('child', [ref]);
  const rel = makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: ref.id, toColumnId: parent.columns[0].id }], onDelete, ...extra }, ids);
  return { parent, child, ref, rel, doc: documentOf({ tables: [parent, child], relationships: [rel] }) };
}

function partitioned(strategy: 'range' | 'list' | 'hash', bounds: NonNullable<Table['partitioning']>['partitions'], keyInPk = true, keyType = scalar('integer')): SchemaDocument {
  const k = col('k', { nullable: false, type: keyType });
  const id = col('id', { nullable: false });
  const t = makeTable({ name: 'p', columns: [id, k], primaryKey: { columnIds: keyInPk ? [id.id, k.id] : [id.id] }, partitioning: { strategy, key: [{ kind: 'column', columnId: k.id }], partitions: bounds } }, ids);
  return one(t);
}

export type DiagnosticCase = [code: string, dialect: Dialect, make: () => SchemaDocument, options?: DdlOptions];

/** The options of the cases that need the SQL parsers (expression.* codes): filled by loadCaseParsers. */
const withParsers: DdlOptions = {};

/** Loads the SQL parsers the expression cases need; call it in beforeAll. */
export async function loadCaseParsers(): Promise<void> {
  withParsers.sqlParsers = await loadSqlParsers();
}

export const DIAGNOSTIC_CASES: DiagnosticCase[] = [
  ['document.invalid', 'postgres', () => {
    const { doc, rel } = parentChild();
    doc.relationships[rel.id].toTableId = 'missing';
    return doc;
  }],
  ['expression.cross-dialect', 'mysql', () => one(table('t', [col('n', { default: { kind: 'expression', sql: "nextval('t_n_seq'::regclass)" } })]))],
  ['postgres.name-made-unique', 'postgres', () => {
    // MySQL imports: index names are per table there, per schema in PostgreSQL.
    const a = table('a', [col('city')]);
    const b = table('b', [col('city')]);
    a.indexes.push(ix('city', a.columns[1]));
    b.indexes.push(ix('city', b.columns[1]));
    return documentOf({ tables: [a, b] });
  }],
  ['mysql.foreign-key-type-mismatch', 'mysql', () => {
    const parent = makeTable({ name: 'parent', columns: [col('id', { type: scalar('bigint'), nullable: false })] }, ids);
    parent.primaryKey = { columnIds: [parent.columns[0].id] };
    const ref = col('parent_id');
    const child = table('child', [ref]);
    return documentOf({ tables: [parent, child], relationships: [makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: ref.id, toColumnId: parent.columns[0].id }] }, ids)] });
  }],
  ['target.unknown', 'postgres', () => one(table('t')), { target: 'mysql-8.0' }],
  ['name.too-long', 'postgres', () => one(table('é'.repeat(32)))],
  ['name.too-long', 'mysql', () => one(table('x'.repeat(65)))],
  ['name.invalid', 'mysql', () => one(table('rocket 🚀'))],
  ['index.no-columns', 'postgres', () => one(table('t', [], { indexes: [makeIndex({ parts: [] }, ids)] }))],
  ['unique.no-columns', 'mysql', () => one(table('t', [], { uniques: [{ id: 'u_empty', columnIds: [] }] }))],
  ['name.duplicate', 'postgres', () => documentOf({ tables: [table('same'), table('same')] })],
  ['mysql.table-file-name-too-long', 'mysql', () => one(table('表'.repeat(60)))],
  ['name.reserved-word', 'mysql', () => one(table('order'))],
  ['name.derived-shortened', 'postgres', () => one(table('t'.repeat(60)))],
  ['type.native-fallback', 'mysql', () => one(table('t', [col('r', { type: scalar('varchar', { length: 9, native: { postgres: 'int4range' } }) })]))],
  ['postgres.type-approximated', 'postgres', () => one(table('t', [col('y', { type: scalar('year') })]))],
  ['postgres.unsigned-dropped', 'postgres', () => one(table('t', [col('u', { type: scalar('integer', { unsigned: true }) })]))],
  ['postgres.requires-postgis', 'postgres', () => one(table('t', [col('g', { type: scalar('geometry') })]))],
  ['mysql.type-approximated', 'mysql', () => one(table('t', [col('u', { type: scalar('uuid') })]))],
  ['mysql.varchar-length-defaulted', 'mysql', () => one(table('t', [col('v', { type: scalar('varchar') })]))],
  ['mysql.array-as-json', 'mysql', () => one(table('t', [col('a', { arrayDims: 1 })]))],
  ['mysql.domain-inlined', 'mysql', () => {
    const d = { id: 'd1', name: 'positive', type: scalar('integer'), nullable: false, default: { kind: 'none' as const }, checks: [{ id: 'k1', expression: 'VALUE > 0' }] };
    return one(table('t', [col('n', { type: { kind: 'domain', domainId: 'd1' } })]), { domains: [d] });
  }],
  ['postgres.collation-dropped', 'postgres', () => one(table('t', [col('c', { type: scalar('text'), collation: 'utf8mb4_bin' })]))],
  ['mysql.collation-dropped', 'mysql', () => one(table('t', [col('c', { type: scalar('text'), collation: 'C' })]))],
  ['postgres.virtual-generated-as-stored', 'postgres', () => one(table('t', [col('g', { generated: { expression: 'id * 2', stored: false } })]))],
  ['column.generated-default-ignored', 'postgres', () => one(table('t', [col('g', { generated: { expression: 'id * 2', stored: true }, default: { kind: 'literal', value: 1 } })]))],
  ['column.generated-identity', 'postgres', () => one(table('t', [col('g', { generated: { expression: 'id * 2', stored: true }, identity: { always: true } })]))],
  ['column.identity-default-ignored', 'postgres', () => one(table('t', [col('g', { nullable: false, identity: { always: false }, default: { kind: 'literal', value: 1 } })]))],
  ['column.identity-type', 'postgres', () => one(table('t', [col('g', { type: scalar('text'), nullable: false, identity: { always: true } })]))],
  ['enum.duplicate-value', 'mysql', () => one(table('t'), { enums: [{ id: 'e1', name: 'e', values: ['a', 'A'] }] })],
  ['postgres.enum-label-too-long', 'postgres', () => one(table('t'), { enums: [{ id: 'e1', name: 'e', values: ['é'.repeat(32)] }] })],
  ['postgres.on-update-dropped', 'postgres', () => one(table('t', [col('u', { type: scalar('timestamp'), onUpdateCurrentTimestamp: true })]))],
  ['mysql.on-update-dropped', 'mysql', () => one(table('t', [col('u', { type: scalar('date'), onUpdateCurrentTimestamp: true })]))],
  ['mysql.identity-always', 'mysql', () => {
    const id = col('id', { nullable: false, identity: { always: true } });
    return one(makeTable({ name: 't', columns: [id], primaryKey: { columnIds: [id.id] } }, ids));
  }],
  ['mysql.identity-increment-dropped', 'mysql', () => {
    const id = col('id', { nullable: false, identity: { always: false, increment: 5 } });
    return one(makeTable({ name: 't', columns: [id], primaryKey: { columnIds: [id.id] } }, ids));
  }],
  ['mysql.auto-increment-multiple', 'mysql', () => {
    const a = col('a', { nullable: false, identity: { always: false } });
    const b = col('b', { nullable: false, identity: { always: false } });
    return one(makeTable({ name: 't', columns: [a, b], primaryKey: { columnIds: [a.id] } }, ids));
  }],
  ['mysql.auto-increment-not-key', 'mysql', () => one(table('t', [col('n', { nullable: false, identity: { always: false } })]))],
  ['mysql.comment-truncated', 'mysql', () => one(table('t', [col('c', { comment: 'x'.repeat(1025) })]))],
  ['mysql.comment-dropped', 'mysql', () => one(table('t'), { enums: [{ id: 'e1', name: 'e', values: ['a'], comment: 'an enum' }] })],
  ['mysql.primary-key-name-ignored', 'mysql', () => {
    const id = col('id', { nullable: false });
    return one(makeTable({ name: 't', columns: [id], primaryKey: { name: 'pk_t', columnIds: [id.id] } }, ids));
  }],
  ['postgres.nulls-not-distinct-dropped', 'postgres', () => {
    const c = col('c');
    return one(table('t', [c], { uniques: [{ id: 'u1', columnIds: [c.id], nullsNotDistinct: true }] }));
  }, { target: 'postgres-14' }],
  ['mysql.nulls-not-distinct-dropped', 'mysql', () => {
    const c = col('c');
    return one(table('t', [c], { uniques: [{ id: 'u1', columnIds: [c.id], nullsNotDistinct: true }] }));
  }],
  ['mysql.key-needs-prefix-length', 'mysql', () => {
    const c = col('c', { type: scalar('blob') });
    return one(table('t', [c], { uniques: [{ id: 'u1', columnIds: [c.id] }] }));
  }],
  ['mysql.text-key-as-varchar', 'mysql', () => {
    const c = col('c', { type: scalar('text') });
    return one(table('t', [c], { uniques: [{ id: 'u1', columnIds: [c.id] }] }));
  }],
  ['mysql.prefix-length-dropped', 'mysql', () => {
    const c = col('c', { type: scalar('text') });
    return one(table('t', [c], { uniques: [{ id: 'u1', columnIds: [c.id] }], indexes: [makeIndex({ name: 'p', parts: [{ kind: 'column', columnId: c.id, length: 255 }] }, ids)] }));
  }],
  ['mysql.array-default-dropped', 'mysql', () => one(table('t', [col('tags', { type: scalar('text'), arrayDims: 1, default: { kind: 'expression', sql: "ARRAY['a']" } })]))],
  ['mysql.check-skipped', 'mysql', () => {
    const { doc, child, ref } = parentChild('cascade');
    doc.tables[child.id].checks.push({ id: 'k1', name: 'positive_parent', expression: `${ref.name} > 0` });
    return doc;
  }],
  ['mysql.table-without-columns', 'mysql', () => one(makeTable({ name: 'empty' }, ids))],
  ['mysql.table-option-invalid', 'mysql', () => one(table('t', [], { options: { mysql: { engine: 'InnoDB; DROP TABLE x' } } }))],
  ['mysql.schema-flattened', 'mysql', () => one(table('t', [], { schemaId: 's1' }), { schemas: [{ id: 's1', name: 'sales' }] })],
  ['fk.not-enforced', 'postgres', () => parentChild('cascade', true, { enforced: false }).doc],
  ['fk.cycle', 'postgres', () => {
    const a = table('a', [col('b_id')]);
    const b = table('b', [col('a_id')]);
    return documentOf({
      tables: [a, b],
      relationships: [
        makeRelationship({ fromTableId: a.id, toTableId: b.id, columnPairs: [{ fromColumnId: a.columns[1].id, toColumnId: b.columns[0].id }] }, ids),
        makeRelationship({ fromTableId: b.id, toTableId: a.id, columnPairs: [{ fromColumnId: b.columns[1].id, toColumnId: a.columns[0].id }] }, ids),
      ],
    });
  }],
  ['fk.parent-key-not-unique', 'postgres', () => {
    const parent = table('parent', [col('code')]);
    const child = table('child', [col('parent_code')]);
    return documentOf({ tables: [parent, child], relationships: [makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: child.columns[1].id, toColumnId: parent.columns[1].id }] }, ids)] });
  }],
  ['fk.parent-key-not-unique', 'mysql', () => {
    const parent = table('parent', [col('code')]);
    parent.indexes.push(ix('parent_code', parent.columns[1]));
    const child = table('child', [col('parent_code')]);
    return documentOf({ tables: [parent, child], relationships: [makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: child.columns[1].id, toColumnId: parent.columns[1].id }] }, ids)] });
  }],
  ['mysql.foreign-key-parent-index', 'mysql', () => {
    const parent = table('parent', [col('code')]);
    const child = table('child', [col('parent_code')]);
    return documentOf({ tables: [parent, child], relationships: [makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: child.columns[1].id, toColumnId: parent.columns[1].id }] }, ids)] });
  }],
  ['fk.after-index', 'postgres', () => {
    const parent = table('parent', [col('code')]);
    parent.indexes.push(ix('parent_code', parent.columns[1], { unique: true }));
    const child = table('child', [col('parent_code')]);
    return documentOf({ tables: [parent, child], relationships: [makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: child.columns[1].id, toColumnId: parent.columns[1].id }] }, ids)] });
  }],
  ['dependency.commented-out', 'mysql', () => {
    // An AUTO_INCREMENT column that leads no key: the table is rejected, and its index with it.
    const t = table('t', [col('n', { nullable: false, identity: { always: false } }), col('c')]);
    t.indexes.push(ix('t_c', t.columns[2]));
    return one(t);
  }],
  ['fk.set-null-on-not-null', 'mysql', () => parentChild('set null', false).doc],
  ['fk.set-null-fails-at-runtime', 'postgres', () => parentChild('set null', false).doc],
  ['mysql.foreign-key-collation-mismatch', 'mysql', () => {
    const code = col('code', { type: scalar('varchar', { length: 9 }), nullable: false });
    const parent = makeTable({ name: 'parent', columns: [code], primaryKey: { columnIds: [code.id] }, options: { mysql: { collation: 'utf8mb4_bin' } } }, ids);
    const ref = col('parent_code', { type: scalar('varchar', { length: 9 }) });
    const child = table('child', [ref]);
    return documentOf({ tables: [parent, child], relationships: [makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: ref.id, toColumnId: code.id }] }, ids)] });
  }],
  ['mysql.cross-database-reference', 'mysql', () => {
    const { doc, child } = parentChild();
    doc.schemas.s1 = { id: 's1', name: 'sales' };
    doc.tables[child.id].schemaId = 's1';
    return doc;
  }, { schemaQualified: true }],
  ['mysql.set-default-action', 'mysql', () => parentChild('set default').doc],
  ['mysql.deferrable-dropped', 'mysql', () => parentChild('cascade', true, { deferrable: 'deferrable initially deferred' }).doc],
  ['mysql.foreign-key-on-partitioned-table', 'mysql', () => {
    const { doc, parent } = parentChild();
    doc.tables[parent.id].partitioning = { strategy: 'hash', key: [{ kind: 'column', columnId: parent.columns[0].id }], partitions: [] };
    return doc;
  }],
  ['postgres.fulltext-index-skipped', 'postgres', () => { const c = col('c', { type: scalar('text') }); return one(table('t', [c], { indexes: [ix('ft', c, { method: 'fulltext' })] })); }],
  ['postgres.spatial-as-gist', 'postgres', () => { const c = col('c', { type: scalar('geometry') }); return one(table('t', [c], { indexes: [ix('sp', c, { method: 'spatial' })] })); }],
  ['postgres.unique-method', 'postgres', () => { const c = col('c'); return one(table('t', [c], { indexes: [ix('h', c, { method: 'hash', unique: true })] })); }],
  ['postgres.prefix-length-dropped', 'postgres', () => {
    const c = col('c', { type: scalar('text') });
    return one(table('t', [c], { indexes: [makeIndex({ name: 'p', parts: [{ kind: 'column', columnId: c.id, length: 10 }] }, ids)] }));
  }],
  ['postgres.index-order-dropped', 'postgres', () => {
    const c = col('c', { type: scalar('jsonb') });
    return one(table('t', [c], { indexes: [makeIndex({ name: 'g', method: 'gin', parts: [{ kind: 'column', columnId: c.id, order: 'desc' }] }, ids)] }));
  }],
  ['postgres.include-dropped', 'postgres', () => { const c = col('c'); const d = col('d'); return one(table('t', [c, d], { indexes: [ix('h', c, { method: 'hash', includeColumnIds: [d.id] })] })); }],
  ['mysql.index-method-unsupported', 'mysql', () => { const c = col('c'); return one(table('t', [c], { indexes: [ix('g', c, { method: 'gin' })] })); }],
  ['mysql.index-on-partitioned-table', 'mysql', () => {
    const doc = partitioned('hash', []);
    const t = Object.values(doc.tables)[0];
    const c = col('body', { type: scalar('text') });
    t.columns.push(c);
    t.indexes.push(ix('ft', c, { method: 'fulltext' }));
    return doc;
  }],
  ['mysql.hash-index-as-btree', 'mysql', () => { const c = col('c'); return one(table('t', [c], { indexes: [ix('h', c, { method: 'hash' })] })); }],
  ['mysql.partial-index', 'mysql', () => { const c = col('c'); return one(table('t', [c], { indexes: [ix('w', c, { where: 'c > 0' })] })); }],
  ['mysql.expression-index-unsupported', 'mysql', () => one(table('t', [], { indexes: [makeIndex({ name: 'e', parts: [{ kind: 'expression', sql: 'id * 2' }] }, ids)] })), { target: 'mariadb-10.11' }],
  ['mysql.include-as-key-columns', 'mysql', () => { const c = col('c'); const d = col('d'); return one(table('t', [c, d], { indexes: [ix('i', c, { includeColumnIds: [d.id] })] })); }],
  ['mysql.include-dropped', 'mysql', () => { const c = col('c'); const d = col('d'); return one(table('t', [c, d], { indexes: [ix('i', c, { unique: true, includeColumnIds: [d.id] })] })); }],
  ['mysql.nulls-order-dropped', 'mysql', () => {
    const c = col('c');
    return one(table('t', [c], { indexes: [makeIndex({ name: 'n', parts: [{ kind: 'column', columnId: c.id, nulls: 'first' }] }, ids)] }));
  }],
  ['mysql.opclass-dropped', 'mysql', () => {
    const c = col('c', { type: scalar('varchar', { length: 9 }) });
    return one(table('t', [c], { indexes: [makeIndex({ name: 'o', parts: [{ kind: 'column', columnId: c.id, opclass: 'text_pattern_ops' }] }, ids)] }));
  }],
  ['partition.key-not-in-unique', 'postgres', () => partitioned('hash', [], false)],
  ['partition.key-not-in-unique', 'mysql', () => {
    const doc = partitioned('hash', []);
    const t = Object.values(doc.tables)[0];
    t.indexes.push(ix('u', t.columns[0], { unique: true }));
    return doc;
  }],
  ['partition.bound-mismatch', 'postgres', () => partitioned('hash', [{ id: 'pp1', name: 'p_1', bound: { kind: 'list', values: ['1'] } }])],
  ['mysql.partition-key', 'mysql', () => {
    const doc = partitioned('range', []);
    const t = Object.values(doc.tables)[0];
    t.partitioning!.key.push({ kind: 'expression', sql: 'id % 2' });
    return doc;
  }],
  ['mysql.range-default-as-maxvalue', 'mysql', () => partitioned('range', [{ id: 'pp1', name: 'p_low', bound: { kind: 'range', from: ['MINVALUE'], to: ['10'] } }, { id: 'pp2', name: 'p_rest', bound: { kind: 'default' } }])],
  ['mysql.list-default-partition', 'mysql', () => partitioned('list', [{ id: 'pp1', name: 'p_a', bound: { kind: 'list', values: ['1'] } }, { id: 'pp2', name: 'p_rest', bound: { kind: 'default' } }]), { target: 'mysql-8.0' }],
  ['mysql.hash-partition-modulus', 'mysql', () => partitioned('hash', [{ id: 'pp1', name: 'p_0', bound: { kind: 'hash', modulus: 4, remainder: 0 } }])],
  ['view.dialect-mismatch', 'postgres', () => one(table('t'), { views: [{ id: 'v1', name: 'v', dialect: 'mysql', materialized: false, sql: 'SELECT 1' }] })],
  ['postgres.mysql-attributes-ignored', 'postgres', () => one(table('t', [col('n', { invisible: true, charset: 'latin1', type: scalar('varchar', { length: 4 }) })], { options: { mysql: { rowFormat: 'COMPRESSED' } } }))],
  ['check.not-enforced-enforced', 'mysql', () => one(table('t', [], { checks: [{ id: 'k1', name: 'k', expression: 'id > 0', enforced: false }] })), { target: 'mariadb-10.11' }],
  ['expression.translated', 'mysql', () => one(table('t', [col('n', { default: { kind: 'expression', sql: "length('abc')" } })])), withParsers],
  ['mysql.materialized-view', 'mysql', () => one(table('t'), { views: [{ id: 'v1', name: 'v', dialect: 'mysql', materialized: true, sql: 'SELECT 1' }] })],
  ['check.empty', 'postgres', () => one(table('t', [], { checks: [{ id: 'k1', expression: '' }] }))],
  ['expression.syntax', 'postgres', () => one(table('t', [], { checks: [{ id: 'k1', expression: 'id > > 0' }] })), withParsers],
  ['expression.syntax-unverified', 'mysql', () => one(table('t', [], { checks: [{ id: 'k1', expression: 'id > > 0' }] }), { dialect: 'mysql' }), withParsers],
  ['expression.unknown-column', 'postgres', () => one(table('t', [], { checks: [{ id: 'k1', expression: 'quantity > 0' }] })), withParsers],
  ['expression.ambiguous-column', 'postgres', () => documentOf({ tables: [table('a', [col('n')]), table('b', [col('n')])], views: [{ id: 'v1', name: 'v', dialect: 'postgres', materialized: false, sql: 'SELECT n FROM a, b' }] }), withParsers],
  ['extension.missing', 'postgres', () => {
    const t = table('t', [col('name', { type: scalar('text') })]);
    t.indexes.push(ix('t_name_trgm', t.columns[1], { method: 'gin', parts: [{ kind: 'column', columnId: t.columns[1].id, opclass: 'gin_trgm_ops' }] }));
    return one(t);
  }],
  ['sequence.invalid', 'postgres', () => documentOf({ sequences: [{ id: 'q1', name: 'q', dataType: 'integer', start: 5, min: 10 }] })],
  ['sequence.owner-schema', 'postgres', () => {
    const t = table('t');
    return one(t, { schemas: [{ id: 's1', name: 'other' }], sequences: [{ id: 'q1', name: 'q', schemaId: 's1', dataType: 'integer', ownedBy: { tableId: t.id, columnId: t.columns[0].id } }] });
  }],
  ['mysql.extension-dropped', 'mysql', () => documentOf({ extensions: [{ id: 'x1', name: 'pg_trgm' }] })],
  ['mysql.extension-built-in', 'mysql', () => documentOf({ extensions: [{ id: 'x1', name: 'uuid-ossp' }] })],
  ['mysql.sequence-dropped', 'mysql', () => documentOf({ sequences: [{ id: 'q1', name: 'q', dataType: 'bigint' }] })],
  ['routine.other-dialect', 'mysql', () => documentOf({ tables: [table('t')], routines: [{ id: 'r1', kind: 'function', name: 'one', dialect: 'postgres', sql: 'CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$' }] })],
  ['mysql.sequence-default-dropped', 'mysql', () => one(table('t', [col('n', { default: { kind: 'sequence', sequenceId: 'q1' } }), col('m', { default: { kind: 'sequence', sequenceId: 'q1' } })]), { sequences: [{ id: 'q1', name: 'q', dataType: 'bigint' }] })],
  ...SQLITE_CASES(),
  ['mysql.sequence-options-dropped', 'mysql', () => {
    const t = table('t');
    t.columns[0].default = { kind: 'sequence', sequenceId: 'q1' };
    return one(t, { sequences: [{ id: 'q1', name: 't_id_seq', dataType: 'integer', cache: 20, cycle: true, ownedBy: { tableId: t.id, columnId: t.columns[0].id } }] });
  }],
];


/** The cases of SQLite's own codes (and generic ones only SQLite's output carries). */
function SQLITE_CASES(): DiagnosticCase[] {
  const identityKey = (extra: Partial<Column>, type = scalar('bigint')) => {
    const id = col('id', { nullable: false, type, identity: { always: false }, ...extra });
    return one(makeTable({ name: 't', columns: [id], primaryKey: { columnIds: [id.id] } }, ids));
  };
  return [
    ['name.invalid', 'sqlite', () => one(table('sqlite_things'))],
    ['table.strict-unsupported', 'sqlite', () => one(table('t')), { strictTables: true, target: 'sqlite-3.35' }],
    ['table.without-rowid-unsupported', 'postgres', () => one(table('t')), { withoutRowid: true }],
    ['sqlite.type-approximated', 'sqlite', () => one(table('t', [col('u', { type: scalar('uuid') })]))],
    ['sqlite.unsigned-dropped', 'sqlite', () => one(table('t', [col('n', { type: scalar('integer', { unsigned: true }) })]))],
    ['sqlite.array-as-json', 'sqlite', () => one(table('t', [col('tags', { type: scalar('text'), arrayDims: 1 })]))],
    ['sqlite.array-default-dropped', 'sqlite', () => one(table('t', [col('tags', { type: scalar('text'), arrayDims: 1, default: { kind: 'expression', sql: "ARRAY['a']" } })]))],
    ['sqlite.domain-inlined', 'sqlite', () => {
      const d = { id: 'd1', name: 'positive', type: scalar('integer'), nullable: false, default: { kind: 'none' as const }, checks: [{ id: 'k1', expression: 'VALUE > 0' }] };
      return one(table('t', [col('n', { type: { kind: 'domain', domainId: 'd1' } })]), { domains: [d] });
    }],
    ['sqlite.collation-dropped', 'sqlite', () => one(table('t', [col('c', { type: scalar('text'), collation: 'und-x-icu' })]))],
    ['sqlite.collation-approximated', 'sqlite', () => one(table('t', [col('c', { type: scalar('text'), collation: 'utf8mb4_general_ci' })]))],
    ['sqlite.comment-dropped', 'sqlite', () => documentOf({ enums: [{ id: 'e1', name: 'mood', values: ['ok'], comment: 'how it went' }] })],
    ['sqlite.comments-as-sql-comments', 'sqlite', () => one(table('t', [], { comment: 'a table' }))],
    ['sqlite.extension-dropped', 'sqlite', () => documentOf({ extensions: [{ id: 'x1', name: 'pg_trgm' }] })],
    ['sqlite.extension-built-in', 'sqlite', () => documentOf({ extensions: [{ id: 'x1', name: 'citext' }] })],
    ['sqlite.rowid-alias', 'sqlite', () => identityKey({})],
    ['sqlite.identity-dropped', 'sqlite', () => one(table('t', [col('n', { identity: { always: false } })]))],
    ['sqlite.identity-always', 'sqlite', () => identityKey({ identity: { always: true } }, scalar('integer'))],
    ['sqlite.identity-increment-dropped', 'sqlite', () => identityKey({ identity: { always: false, increment: 5 } }, scalar('integer'))],
    ['sqlite.identity-start-dropped', 'sqlite', () => identityKey({ identity: { always: false, start: 100 } }, scalar('integer'))],
    ['sqlite.index-method-skipped', 'sqlite', () => {
      const t = table('t', [col('doc', { type: scalar('jsonb') })]);
      t.indexes.push(ix('t_doc', t.columns[1], { method: 'gin' }));
      return one(t);
    }],
    ['sqlite.index-method-as-btree', 'sqlite', () => {
      const t = table('t', [col('n')]);
      t.indexes.push(ix('t_n', t.columns[1], { method: 'hash' }));
      return one(t);
    }],
    ['sqlite.index-options-dropped', 'sqlite', () => {
      const t = table('t', [col('n')]);
      t.indexes.push(ix('t_n', t.columns[1], { parts: [{ kind: 'column', columnId: t.columns[1].id, nulls: 'last' }] }));
      return one(t);
    }],
    ['sqlite.include-as-key-columns', 'sqlite', () => {
      const t = table('t', [col('a'), col('b')]);
      t.indexes.push(ix('t_a', t.columns[1], { includeColumnIds: [t.columns[2].id] }));
      return one(t);
    }],
    ['sqlite.materialized-view', 'sqlite', () => one(table('t'), { views: [{ id: 'v1', name: 'v', dialect: 'sqlite', materialized: true, sql: 'SELECT 1' }] })],
    ['sqlite.mysql-attributes-ignored', 'sqlite', () => one(table('t', [col('n', { invisible: true })]))],
    ['sqlite.nulls-not-distinct-dropped', 'sqlite', () => {
      const c = col('c');
      return one(table('t', [c], { uniques: [{ id: 'u1', columnIds: [c.id], nullsNotDistinct: true }] }));
    }],
    ['sqlite.on-update-dropped', 'sqlite', () => one(table('t', [col('u', { type: scalar('timestamp'), onUpdateCurrentTimestamp: true })]))],
    ['sqlite.partitioning-dropped', 'sqlite', () => partitioned('range', [{ id: 'pp1', name: 'p1', bound: { kind: 'range', from: ['1'], to: ['10'] } }])],
    ['sqlite.schema-dropped', 'sqlite', () => one(table('t', [], { schemaId: 's1' }), { schemas: [{ id: 's1', name: 'sales' }] })],
    ['sqlite.sequence-dropped', 'sqlite', () => documentOf({ sequences: [{ id: 'q1', name: 'q', dataType: 'bigint' }] })],
    ['sqlite.sequence-default-dropped', 'sqlite', () => one(table('t', [col('n', { default: { kind: 'sequence', sequenceId: 'q1' } }), col('m', { default: { kind: 'sequence', sequenceId: 'q1' } })]), { sequences: [{ id: 'q1', name: 'q', dataType: 'bigint' }] })],
    ['sqlite.sequence-options-dropped', 'sqlite', () => {
      const t = table('t');
      t.columns[0].default = { kind: 'sequence', sequenceId: 'q1' };
      return one(t, { sequences: [{ id: 'q1', name: 't_id_seq', dataType: 'integer', cache: 20, cycle: true, ownedBy: { tableId: t.id, columnId: t.columns[0].id } }] });
    }],
    ['sqlite.strict-types', 'sqlite', () => one(table('t', [col('c', { type: scalar('varchar', { length: 9 }) })])), { strictTables: true }],
    ['sqlite.without-rowid-skipped', 'sqlite', () => one(makeTable({ name: 'heap', columns: [col('n')] }, ids)), { withoutRowid: true }],
    ['sqlite.fk-cycle-inline', 'sqlite', () => {
      const a = table('a', [col('b_id')]);
      const b = table('b', [col('a_id')]);
      return documentOf({
        tables: [a, b],
        relationships: [
          makeRelationship({ fromTableId: a.id, toTableId: b.id, columnPairs: [{ fromColumnId: a.columns[1].id, toColumnId: b.columns[0].id }] }, ids),
          makeRelationship({ fromTableId: b.id, toTableId: a.id, columnPairs: [{ fromColumnId: b.columns[1].id, toColumnId: a.columns[0].id }] }, ids),
        ],
      });
    }],
    ['sqlite.table-without-columns', 'sqlite', () => one(makeTable({ name: 'empty' }, ids))],
  ];
}
