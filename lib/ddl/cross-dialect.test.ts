/**
 * One diagnostic per decision: an expression of a document designed for PostgreSQL that the MySQL
 * output drops (a partial index's predicate, a skipped index or check, a default the column cannot
 * have) is reported once, as dropped, and is not also listed as "copied verbatim". What the output
 * does copy is listed.
 */
import { describe, expect, it } from 'vitest';
import type { Column, Index, SchemaDocument, Table } from '../model/document';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import { generateDdl, type DdlOptions } from './generate-ddl';

const ids = sequentialIds();
const col = (name: string, extra: Partial<Column> = {}): Column => makeColumn({ name, type: scalar('integer'), nullable: true, ...extra }, ids);
const ix = (name: string, column: Column, extra: Partial<Index> = {}): Index => makeIndex({ name, parts: [{ kind: 'column', columnId: column.id }], ...extra }, ids);

function table(name: string, columns: Column[] = [], extra: Partial<Table> = {}): Table {
  const id = col('id', { nullable: false });
  return makeTable({ name, columns: [id, ...columns], primaryKey: { columnIds: [id.id] }, ...extra }, ids);
}

/** A PostgreSQL document with `status` and one element built by `extra`. */
function shop(extra: (orders: Table, status: Column) => void): SchemaDocument {
  const status = col('status', { type: scalar('text') });
  const orders = table('orders', [status]);
  extra(orders, status);
  return documentOf({ dialect: 'postgres', tables: [orders] });
}

const expression = (sql: string) => ({ kind: 'expression' as const, sql });

type Case = [what: string, make: () => SchemaDocument, dropCode: string, copied: string | undefined, options?: DdlOptions];

const CASES: Case[] = [
  ['a partial index: the predicate is left out', () => shop((t, s) => t.indexes.push(ix('orders_open_idx', s, { where: "status = 'open'" }))), 'mysql.partial-index', undefined],
  ['a partial UNIQUE index: skipped', () => shop((t, s) => t.indexes.push(ix('orders_open_key', s, { unique: true, where: "status = 'open'" }))), 'mysql.partial-index', undefined],
  ['an expression index on MariaDB: skipped', () => shop((t) => t.indexes.push(makeIndex({ name: 'orders_lower_idx', parts: [expression('lower(status)')] }, ids))), 'mysql.expression-index-unsupported', undefined, { target: 'mariadb-10.11' }],
  ['a GIN expression index: skipped', () => shop((t) => t.indexes.push(makeIndex({ name: 'orders_gin_idx', method: 'gin', parts: [expression('to_tsvector(status)')] }, ids))), 'mysql.index-method-unsupported', undefined],
  ['a check on an AUTO_INCREMENT column: skipped', () => shop((t) => {
    t.columns[0].identity = { always: false };
    t.checks.push({ id: 'chk_pos', name: 'orders_id_positive', expression: 'id > 0' });
  }), 'mysql.check-skipped', undefined, { target: 'mysql-8.0' }],
  ['a generated column\'s default: left out', () => shop((t) => t.columns.push(col('n', { generated: { expression: 'id * 2', stored: true }, default: expression('now()') }))), 'column.generated-default-ignored', 'generated orders.n'],
  ['an identity column\'s default: left out', () => shop((t) => {
    t.columns[0].identity = { always: false };
    t.columns[0].default = expression("nextval('orders_id_seq')");
  }), 'column.identity-default-ignored', undefined],
  ['an array column\'s default: left out', () => shop((t) => t.columns.push(col('tags', { type: scalar('text'), arrayDims: 1, default: expression("'{}'::text[]") }))), 'mysql.array-default-dropped', undefined],
  ['a mixed partition key: not partitioned', () => shop((t) => {
    t.partitioning = { strategy: 'hash', key: [{ kind: 'column', columnId: t.columns[0].id }, expression('id % 2')], partitions: [] };
  }), 'mysql.partition-key', undefined],
];

describe('PostgreSQL expressions in MySQL DDL', () => {
  it.each(CASES)('%s: one diagnostic for the drop, none for a copy', (_what, make, dropCode, copied, options) => {
    const { diagnostics } = generateDdl(make(), 'mysql', options);
    expect(diagnostics.filter((d) => d.code === dropCode)).toHaveLength(1);
    const crossDialect = diagnostics.filter((d) => d.code === 'expression.cross-dialect');
    if (copied === undefined) expect(crossDialect, JSON.stringify(crossDialect)).toEqual([]);
    else {
      expect(crossDialect).toHaveLength(1);
      expect(crossDialect[0].message).toContain(`1 SQL expression(s)`);
      expect(crossDialect[0].message).toContain(copied);
    }
  });

  it('lists what the output copies: defaults, checks, expression parts of a built index', () => {
    const doc = shop((t, s) => {
      s.default = expression("'new'");
      t.checks.push({ id: 'chk_status', name: 'orders_status_known', expression: "status <> ''" });
      // Built on MySQL 8 without its predicate: the expression part is copied, the predicate is not.
      t.indexes.push(makeIndex({ name: 'orders_lower_idx', parts: [expression('lower(status)')], where: 'id > 0' }, ids));
    });
    const { diagnostics } = generateDdl(doc, 'mysql');
    const crossDialect = diagnostics.filter((d) => d.code === 'expression.cross-dialect');
    expect(crossDialect).toHaveLength(1);
    expect(crossDialect[0].message).toContain('3 SQL expression(s)');
    for (const place of ['default of orders.status', 'check orders_status_known on orders', 'index orders_lower_idx']) expect(crossDialect[0].message).toContain(place);
    expect(diagnostics.filter((d) => d.code === 'mysql.partial-index')).toHaveLength(1);
  });

  it('says nothing when the document is in the output\'s dialect', () => {
    const doc = shop((t, s) => t.indexes.push(ix('orders_open_idx', s, { where: "status = 'open'" })));
    expect(generateDdl(doc, 'postgres').diagnostics).toEqual([]);
  });
});
