/**
 * Deterministic synthetic schema documents for benchmarks (and large-input tests): N tables of ~15
 * columns each, with foreign keys to earlier tables, unique constraints, B-tree/composite/partial
 * indexes, enum columns and areas of 25 tables. The same options always give the same document
 * (seeded PRNG, sequential ids), so figures from different runs and machines are comparable.
 */
import type { Column, Dialect, EnumType, Relationship, SchemaDocument, Table } from '../lib/model/document';
import { documentOf, enumType, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../lib/model/build';
import { sequentialIds } from '../lib/model/ids';
import { mulberry32 as prng } from '../lib/random/mulberry32';

export interface SyntheticOptions {
  tables: number;
  /** Columns per table, at least 8 (id, 2 FKs, enum, timestamps...). Default 15. */
  columnsPerTable?: number;
  seed?: number;
  /** Group tables into areas of this many (0 = no areas). Default 25. */
  areaSize?: number;
  dialect?: Dialect;
}


const NOUNS = ['account', 'order', 'invoice', 'product', 'customer', 'shipment', 'payment', 'review', 'category', 'warehouse', 'supplier', 'ticket', 'session', 'event', 'address', 'coupon'];

export function syntheticDocument(options: SyntheticOptions): SchemaDocument {
  const { tables: count, columnsPerTable = 15, seed = 42, areaSize = 25, dialect = 'postgres' } = options;
  if (columnsPerTable < 8) throw new Error('columnsPerTable must be at least 8');
  const rand = prng(seed);
  const ids = sequentialIds();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];

  const enums: EnumType[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(count / 20)); i++) {
    enums.push({ id: ids('enum'), name: `status_${i + 1}`, values: ['draft', 'active', 'suspended', 'archived'] });
  }

  const tables: Table[] = [];
  const relationships: Relationship[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${pick(NOUNS)}_${i + 1}`;
    const id = ids('col');
    const columns: Column[] = [
      makeColumn({ id, name: 'id', type: scalar('bigint'), nullable: false, identity: { always: false } }, ids),
    ];
    // Up to two foreign keys to earlier tables (the first table has none).
    const parents = i === 0 ? [] : [Math.floor(rand() * i), ...(i > 1 && rand() < 0.5 ? [Math.floor(rand() * i)] : [])];
    const fkColumns = parents.map((p, k) =>
      makeColumn({ name: `${tables[p].name}_id${k ? `_${k + 1}` : ''}`, type: scalar('bigint'), nullable: k > 0 }, ids),
    );
    columns.push(...fkColumns);
    const code = makeColumn({ name: 'code', type: scalar('varchar', { length: 64 }), nullable: false }, ids);
    const status = makeColumn({ name: 'status', type: enumType(pick(enums).id), nullable: false, default: { kind: 'literal', value: 'draft' } }, ids);
    const created = makeColumn({ name: 'created_at', type: scalar('timestamptz'), nullable: false, default: { kind: 'builtin', name: 'current_timestamp' } }, ids);
    columns.push(code, status, created);
    const fillers = [
      () => makeColumn({ name: 'title', type: scalar('varchar', { length: 255 }), nullable: false }, ids),
      () => makeColumn({ name: 'description', type: scalar('text'), comment: 'Free text shown to customers' }, ids),
      () => makeColumn({ name: 'amount', type: scalar('decimal', { precision: 12, scale: 2 }), nullable: false, default: { kind: 'literal', value: 0 } }, ids),
      () => makeColumn({ name: 'quantity', type: scalar('integer'), nullable: false, default: { kind: 'literal', value: 1 } }, ids),
      () => makeColumn({ name: 'is_active', type: scalar('boolean'), nullable: false, default: { kind: 'literal', value: true } }, ids),
      () => makeColumn({ name: 'external_ref', type: scalar('uuid') }, ids),
      () => makeColumn({ name: 'metadata', type: scalar('jsonb') }, ids),
      () => makeColumn({ name: 'updated_at', type: scalar('timestamptz') }, ids),
      () => makeColumn({ name: 'email', type: scalar('varchar', { length: 320 }), classification: 'personal' }, ids),
      () => makeColumn({ name: 'score', type: scalar('double') }, ids),
    ];
    for (let k = 0; columns.length < columnsPerTable; k++) {
      const column = fillers[k % fillers.length]();
      columns.push(k >= fillers.length ? { ...column, name: `${column.name}_${Math.floor(k / fillers.length) + 1}` } : column);
    }

    const table = makeTable(
      {
        name,
        comment: `Synthetic table ${i + 1}`,
        columns,
        primaryKey: { columnIds: [id] },
        uniques: [{ id: ids('uq'), columnIds: [code.id] }],
        indexes: [
          ...fkColumns.map((c) => makeIndex({ name: `${name}_${c.name}_idx`, parts: [{ kind: 'column', columnId: c.id }] }, ids)),
          makeIndex({ name: `${name}_status_created_idx`, parts: [{ kind: 'column', columnId: status.id }, { kind: 'column', columnId: created.id, order: 'desc' }] }, ids),
          ...(i % 10 === 0
            ? [makeIndex({ name: `${name}_active_code_idx`, parts: [{ kind: 'column', columnId: code.id }], where: "status = 'active'", purpose: 'Active rows by code' }, ids)]
            : []),
        ],
      },
      ids,
    );
    tables.push(table);
    parents.forEach((p, k) => {
      relationships.push(
        makeRelationship(
          {
            fromTableId: table.id,
            toTableId: tables[p].id,
            columnPairs: [{ fromColumnId: fkColumns[k].id, toColumnId: tables[p].primaryKey!.columnIds[0] }],
            onDelete: k === 0 ? 'cascade' : 'set null',
          },
          ids,
        ),
      );
    });
  }

  const areas =
    areaSize > 0
      ? Array.from({ length: Math.ceil(count / areaSize) }, (_, a) => ({
          id: ids('area'),
          name: `Context ${a + 1}`,
          color: '#1e90ff',
          tableIds: tables.slice(a * areaSize, (a + 1) * areaSize).map((t) => t.id),
        }))
      : [];

  return documentOf({ dialect, tables, relationships, enums, areas });
}
