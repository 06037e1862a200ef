/**
 * The document limits: each one accepts a document exactly at it and refuses one past it with the
 * path of what is too large; real schemas (the largest corpus file, the 5,000-table benchmark
 * schema) stay far below them.
 */
import { describe, expect, it } from 'vitest';
import { syntheticDocument } from '../../bench/synthetic';
import { importPostgres } from '../importers/postgres/import-postgres';
import { corpusAvailable, readCorpusFile } from '../server/importers/test-corpus';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from './build';
import type { SchemaDocument } from './document';
import { emptyDocument } from './empty';
import { DOCUMENT_LIMITS as L, limitIssues, type DocumentLimits } from './limits';
import { parseDocument } from './validate';

const col = (i: number) => makeColumn({ id: `c${i}`, name: `c${i}`, type: scalar('integer') });
const table = (id: string, columns = 1) => makeTable({ id, name: id, columns: Array.from({ length: columns }, (_, i) => col(i)) });
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** A document with `n` of something, and the path a limit issue must name. */
const cases: Array<[keyof DocumentLimits, (n: number) => SchemaDocument, string]> = [
  ['tables', (n) => documentOf({ tables: times(n, (i) => table(`t${i}`)) }), 'tables'],
  ['columnsPerTable', (n) => documentOf({ tables: [table('t', n)] }), 'tables.t.columns'],
  ['columns', (n) => documentOf({ tables: times(Math.ceil(n / 1000), (i) => table(`t${i}`, Math.min(1000, n - i * 1000))) }), 'tables'],
  ['uniquesPerTable', (n) => documentOf({ tables: [{ ...table('t'), uniques: times(n, (i) => ({ id: `u${i}`, columnIds: ['c0'] })) }] }), 'tables.t.uniques'],
  ['checksPerTable', (n) => documentOf({ tables: [{ ...table('t'), checks: times(n, (i) => ({ id: `k${i}`, expression: 'c0 > 0' })) }] }), 'tables.t.checks'],
  ['indexesPerTable', (n) => documentOf({ tables: [{ ...table('t'), indexes: times(n, (i) => makeIndex({ id: `i${i}`, name: `i${i}`, parts: [{ kind: 'column', columnId: 'c0' }] })) }] }), 'tables.t.indexes'],
  ['keyColumns', (n) => documentOf({ tables: [{ ...table('t', n), primaryKey: { columnIds: times(n, (i) => `c${i}`) } }] }), 'tables.t.primaryKey.columnIds'],
  [
    'relationships',
    (n) => {
      const t = { ...table('t'), primaryKey: { columnIds: ['c0'] } };
      return documentOf({ tables: [t], relationships: times(n, (i) => makeRelationship({ id: `r${i}`, fromTableId: 't', toTableId: 't', columnPairs: [{ fromColumnId: 'c0', toColumnId: 'c0' }] })) });
    },
    'relationships',
  ],
  ['enumValues', (n) => documentOf({ enums: [{ id: 'e', name: 'e', values: times(n, (i) => `v${i}`) }] }), 'enums.e.values'],
  ['enums', (n) => documentOf({ enums: times(n, (i) => ({ id: `e${i}`, name: `e${i}`, values: ['a'] })) }), 'enums'],
  ['views', (n) => documentOf({ views: times(n, (i) => ({ id: `v${i}`, name: `v${i}`, sql: 'SELECT 1', dialect: 'postgres' as const, materialized: false })) }), 'views'],
  ['sequences', (n) => documentOf({ sequences: times(n, (i) => ({ id: `q${i}`, name: `q${i}`, dataType: 'bigint' as const })) }), 'sequences'],
  ['extensions', (n) => documentOf({ extensions: times(n, (i) => ({ id: `x${i}`, name: `x${i}` })) }), 'extensions'],
  ['routines', (n) => documentOf({ routines: times(n, (i) => ({ id: `r${i}`, kind: 'function' as const, name: `f${i}`, dialect: 'postgres' as const, sql: 'CREATE FUNCTION f() ...' })) }), 'routines'],
  // Characters in all: n split over 1,000,000-character statements (the per-statement length).
  ['routineText', (n) => documentOf({ routines: times(Math.ceil(n / 1_000_000), (i) => ({ id: `r${i}`, kind: 'function' as const, name: `f${i}`, dialect: 'postgres' as const, sql: 'x'.repeat(Math.min(1_000_000, n - i * 1_000_000)) })) }), 'routines'],
  ['schemas', (n) => documentOf({ schemas: times(n, (i) => ({ id: `s${i}`, name: `s${i}` })) }), 'schemas'],
  ['areas', (n) => documentOf({ areas: times(n, (i) => ({ id: `a${i}`, name: `a${i}`, color: '#000000', tableIds: [] })) }), 'areas'],
  ['notes', (n) => documentOf({ notes: times(n, (i) => ({ id: `n${i}`, text: 'x', color: '#000000' })) }), 'notes'],
  [
    'partitionsPerTable',
    (n) => {
      const t = table('t');
      t.partitioning = { strategy: 'hash', key: [{ kind: 'column', columnId: 'c0' }], partitions: times(n, (i) => ({ id: `p${i}`, name: `p${i}`, bound: { kind: 'hash' as const, modulus: n, remainder: i } })) };
      return documentOf({ tables: [t] });
    },
    'tables.t.partitioning.partitions',
  ],
  [
    'queryPatterns',
    (n) => {
      const doc = emptyDocument();
      doc.design.queryPatterns = times(n, (i) => ({ id: `q${i}`, name: `q${i}` }));
      return doc;
    },
    'design.queryPatterns',
  ],
];

describe('document limits', () => {
  it.each(cases)('%s: accepted at the limit, refused one past it with the path', (key, make, path) => {
    const limit = L[key];
    expect(limitIssues(make(limit))).toEqual([]);
    const over = limitIssues(make(limit + 1));
    expect(over[0]).toMatchObject({ path });
    expect(over[0].message).toContain(`Draftbase accepts at most ${limit.toLocaleString('en-US')} (document limit ${key})`);
  });

  it('parseDocument refuses a document over a limit with the path and the limit, before checking integrity', () => {
    const doc = documentOf({ tables: [table('orders', L.columnsPerTable + 1)] });
    const r = parseDocument(JSON.parse(JSON.stringify(doc)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { path: 'tables.orders.columns', message: `table "orders" has 4,097 columns; Draftbase accepts at most 4,096 (document limit columnsPerTable)` },
    ]);
  });

  it('lengths are limits too (checked by the shape): a name over nameLength names its path', () => {
    const doc = documentOf({ tables: [table('t')] });
    doc.tables.t.columns[0].name = 'x'.repeat(L.nameLength + 1);
    const r = parseDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].path).toBe('tables.t.columns.0.name');
    doc.tables.t.columns[0].name = 'x'.repeat(L.nameLength);
    expect(parseDocument(doc).ok).toBe(true);
  });

  it('the 5,000-table benchmark document and the largest corpus schema are far below every limit', async () => {
    expect(parseDocument(JSON.parse(JSON.stringify(syntheticDocument({ tables: 5000 })))).ok).toBe(true);
    if (!corpusAvailable('document limits over the corpus')) return;
    const { document } = await importPostgres(readCorpusFile('postgres/openstreetmap-structure.sql'));
    expect(limitIssues(document)).toEqual([]);
    expect(parseDocument(JSON.parse(JSON.stringify(document))).ok).toBe(true);
  });
});
