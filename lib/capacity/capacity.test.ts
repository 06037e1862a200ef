import { describe, expect, it } from 'vitest';
import { innodbDecimalBytes, innodbStorage, parseNativeType, postgresStorage, type ClusteredLayout, type HeapLayout } from '../dialects/storage';
import { DIALECTS } from '../dialects/dialects';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../model/build';
import { applyCommand } from '../model/commands/apply';
import type { Column, LogicalTypeName, ScalarType, Table, TableVolume } from '../model/document';
import { sequentialIds } from '../model/ids';
import { loadDocument } from '../model/migrate';
import { volumesOf } from '../workload/types';
import type { SizedColumn } from './columns';
import { alignedOrder, columnOrderAdvice } from './column-order';
import { formatBytes } from './format';
import { btreePages, heapPages, heapRow } from './heap';
import { segmentPages } from './innodb';
import { partitioningAdvice, partitioningCommand } from './partitioning';
import { capacityPlan } from './plan';

const pg = postgresStorage.layout as HeapLayout;
const innodb = innodbStorage.layout as ClusteredLayout;

describe('storage facts per dialect', () => {
  it('every dialect has storage facts', () => {
    for (const spec of Object.values(DIALECTS)) expect(spec.storage.layout.pageBytes).toBeGreaterThan(0);
  });

  // [native type, kind, bytes or default average, alignment]
  const PG: [string, 'fixed' | 'variable', number, number][] = [
    ['smallint', 'fixed', 2, 2], ['integer', 'fixed', 4, 4], ['bigint', 'fixed', 8, 8], ['real', 'fixed', 4, 4],
    ['double precision', 'fixed', 8, 8], ['boolean', 'fixed', 1, 1], ['uuid', 'fixed', 16, 1], ['date', 'fixed', 4, 4],
    ['time(3)', 'fixed', 8, 8], ['time with time zone', 'fixed', 12, 8], ['timestamp(6)', 'fixed', 8, 8],
    ['timestamp(3) with time zone', 'fixed', 8, 8], ['interval', 'fixed', 16, 8], ['money', 'fixed', 8, 8], ['macaddr', 'fixed', 6, 4],
    ['text', 'variable', 32, 4], ['varchar(200)', 'variable', 64, 4], ['varchar(20)', 'variable', 10, 4], ['char(8)', 'variable', 8, 4],
    ['numeric(12,2)', 'variable', 10, 2], ['numeric', 'variable', 8, 2], ['jsonb', 'variable', 256, 4], ['bytea', 'variable', 256, 4],
    ['inet', 'variable', 6, 4], ['text[]', 'variable', 64, 8], ['tsvector', 'variable', 128, 4], ['public.citext', 'variable', 32, 4],
  ];
  it.each(PG)('PostgreSQL %s', (sql, kind, bytes, align) => {
    const s = postgresStorage.typeStorage(sql);
    expect(s.kind).toBe(kind);
    expect(s.kind === 'fixed' ? s.bytes : s.avg).toBe(bytes);
    expect(s.align).toBe(align);
  });

  const MY: [string, 'fixed' | 'variable', number][] = [
    ['tinyint(1)', 'fixed', 1], ['smallint', 'fixed', 2], ['mediumint', 'fixed', 3], ['int', 'fixed', 4], ['int unsigned', 'fixed', 4], ['bigint(20)', 'fixed', 8],
    ['float', 'fixed', 4], ['double', 'fixed', 8], ['decimal(10,2)', 'fixed', 5], ['decimal(19,4)', 'fixed', 9], ['date', 'fixed', 3], ['year', 'fixed', 1],
    ['time(3)', 'fixed', 5], ['datetime', 'fixed', 5], ['datetime(6)', 'fixed', 8], ['timestamp(3)', 'fixed', 6], ['char(8)', 'fixed', 8], ['binary(16)', 'fixed', 16],
    ['uuid', 'fixed', 16], ['bit(8)', 'fixed', 1], ['varchar(100)', 'variable', 50], ['varchar(255)', 'variable', 64], ['longtext', 'variable', 32], ['json', 'variable', 256],
    ['longblob', 'variable', 256],
  ];
  it.each(MY)('InnoDB %s', (sql, kind, bytes) => {
    const s = innodbStorage.typeStorage(sql);
    expect(s.kind).toBe(kind);
    expect(s.kind === 'fixed' ? s.bytes : s.avg).toBe(bytes);
  });

  it('InnoDB DECIMAL bytes follow the 9-digits-in-4-bytes packing', () => {
    expect([[10, 0], [10, 2], [18, 9], [19, 4], [65, 30], [1, 0]].map(([p, s]) => innodbDecimalBytes(p, s))).toEqual([5, 5, 8, 9, 30, 1]);
  });

  it('parses native type texts', () => {
    expect(parseNativeType('timestamp(3) with time zone')).toEqual({ base: 'timestamp with time zone', args: [3], array: false });
    expect(parseNativeType('numeric(12, 2)')).toEqual({ base: 'numeric', args: [12, 2], array: false });
    expect(parseNativeType('int(10) unsigned zerofill').base).toBe('int');
    expect(parseNativeType('text[][]').array).toBe(true);
  });
});

let n = 0;
const sized = (sql: string, avg?: number, nullable = false): SizedColumn => {
  const storage = postgresStorage.typeStorage(sql);
  const column: Column = makeColumn({ id: `c${n++}`, name: `c${n}`, nullable });
  return { column, nativeSql: sql, storage, avgBytes: storage.kind === 'fixed' ? storage.bytes : (avg ?? storage.avg), avgSource: 'default', nullable, distinct: undefined };
};

describe('PostgreSQL tuple arithmetic', () => {
  // [columns, tuple bytes incl. the 4-byte line pointer, padding]
  const CASES: [string, SizedColumn[], number, number][] = [
    ['int + bigint: 4 bytes of padding before the bigint', [sized('integer'), sized('bigint')], 24 + 16 + 4, 5],
    ['bigint + int: MAXALIGN pads the end', [sized('bigint'), sized('integer')], 24 + 16 + 4, 5],
    ['bool, bigint, bool, bigint', [sized('boolean'), sized('bigint'), sized('boolean'), sized('bigint')], 24 + 32 + 4, 15],
    ['short text: 1-byte header, no alignment', [sized('integer'), sized('text', 20)], 24 + 32 + 4, 8],
    ['long text (200 bytes): 4-byte header, int alignment', [sized('boolean'), sized('text', 200)], 24 + 208 + 4, 4],
    ['uuid packs after a boolean (char alignment)', [sized('boolean'), sized('uuid')], 24 + 24 + 4, 8],
  ];
  it.each(CASES)('%s', (_name, cols, total, padding) => {
    const row = heapRow(pg, cols);
    expect(row.totalBytes).toBe(total);
    expect(row.paddingBytes).toBe(padding);
  });

  it('TOAST moves the largest value out of line past 2032 bytes (incompressible assumption)', () => {
    const row = heapRow(pg, [sized('bigint'), sized('text', 5000)]);
    expect(row.outOfLineBytes).toBe(5000);
    expect(row.totalBytes).toBe(24 + 8 + 18 + 6 + 4); // pointer inline, MAXALIGNed
    expect(row.toastPagesPerRow).toBe(3 / 4);
  });

  // Pinned from capacity.engines.test.ts (pg_relation_size after REINDEX, 100,000 rows).
  it('heap and B-tree pages match the engine on measured shapes', () => {
    const salaries = [sized('integer'), sized('integer'), sized('date'), sized('date')];
    expect(heapPages(pg, heapRow(pg, salaries), 100_000).main * 8192).toBe(Math.round(4.23 * 1024 * 1024 / 8192) * 8192);
    const int = [sized('integer')];
    expect(btreePages(pg, int, [4], 100_000, { unique: true, distinct: undefined }).pages).toBe(275); // engine: 276 pages (2.16 MB)
  });

  it('deduplicates low-cardinality B-tree keys (posting lists)', () => {
    const flag = sized('boolean');
    const plain = btreePages(pg, [flag], [1], 100_000, { unique: false, distinct: undefined });
    const dedup = btreePages(pg, [flag], [1], 100_000, { unique: false, distinct: 2 });
    expect(dedup.deduplicated).toBe(true);
    expect(dedup.pages).toBeLessThan(plain.pages / 2);
    expect(dedup.pages).toBe(86); // engine: 0.68 MB
  });
});

describe('InnoDB segments', () => {
  // [used pages, allocated pages]: measured mysql.innodb_index_stats leaf pages and size on MariaDB 10.11.
  it.each([[10, 10], [32, 32], [84, 96], [90, 160], [214, 288], [405, 480], [650, 800]])('%i used pages allocate %i', (used, allocated) => {
    expect(segmentPages(innodb, used)).toBe(allocated);
  });
});

const ids = sequentialIds();
function table(name: string, cols: [string, LogicalTypeName | ScalarType, boolean?][], volume?: TableVolume, pk = [cols[0][0]]): Table {
  const columns = cols.map(([c, t, nullable]) => makeColumn({ id: `${name}.${c}`, name: c, type: typeof t === 'string' ? scalar(t) : t, nullable: nullable ?? false }, ids));
  return makeTable({ id: name, name, columns, primaryKey: { columnIds: pk.map((c) => `${name}.${c}`) }, volume }, ids);
}

describe('capacityPlan', () => {
  const users = table('users', [['id', 'bigint'], ['email', scalar('varchar', { length: 200 })], ['created_at', 'timestamptz']], { rows: 1_000_000, growthPerMonth: 50_000, avgLength: { 'users.email': 40 } });
  const events = table('events', [['id', 'bigint'], ['user_id', 'bigint'], ['kind', 'text'], ['occurred_at', 'timestamptz']], { rows: 10_000_000, growthPerMonth: 5_000_000 });
  const notes = table('notes', [['id', 'bigint'], ['body', 'text']]);
  events.indexes.push(makeIndex({ id: 'events_user', parts: [{ kind: 'column', columnId: 'events.user_id' }] }, ids), makeIndex({ id: 'events_kind_gin', method: 'gin', parts: [{ kind: 'column', columnId: 'events.kind' }] }, ids));
  const doc = documentOf({ tables: [users, events, notes], relationships: [makeRelationship({ id: 'r1', fromTableId: 'events', toTableId: 'users', columnPairs: [{ fromColumnId: 'events.user_id', toColumnId: 'users.id' }] }, ids)] });

  for (const dialect of ['postgres', 'mysql'] as const) {
    it(`sizes declared tables and lists the others as not declared (${dialect})`, () => {
      const plan = capacityPlan(doc, volumesOf(doc), dialect);
      expect(plan.notDeclared.map((t) => t.name)).toEqual(['notes']);
      const u = plan.tables.find((t) => t.name === 'users')!;
      expect(u.rowsIn5y).toBe(4_000_000);
      expect(u.tableBytesIn5y).toBeGreaterThan(u.tableBytesNow * 3.5);
      expect(u.tableBytesNow).toBeGreaterThan(1_000_000 * 60);
      expect(u.tableBytesNow).toBeLessThan(1_000_000 * 120);
      expect(plan.totals.totalBytesNow).toBe(plan.tables.reduce((a, t) => a + t.totalBytesNow, 0));
      expect(plan.totals.walBytesPerMonth).toBeGreaterThan(0);
      expect(plan.backup.retainedBytesIn5y).toBeGreaterThan(plan.totals.totalBytesIn5y);
    });
  }

  it('marks non-B-tree indexes approximate and the FK index deduplicated by the parent row count', () => {
    const plan = capacityPlan(doc, volumesOf(doc), 'postgres');
    const e = plan.tables.find((t) => t.name === 'events')!;
    expect(e.indexes.map((i) => [i.source, i.method, i.approximate])).toEqual([['primary-key', 'btree', false], ['index', 'btree', false], ['index', 'gin', true]]);
    // 10 events per user: posting lists make the user_id index smaller than the primary key's.
    expect(e.indexes[1].bytesNow).toBeLessThan(e.indexes[0].bytesNow);
  });

  it('InnoDB: the primary key is the table, secondary indexes carry it, an FK without an index gets one', () => {
    const bare = structuredClone(doc);
    bare.tables.events.indexes = [];
    const plan = capacityPlan(bare, volumesOf(bare), 'mysql');
    const e = plan.tables.find((t) => t.name === 'events')!;
    expect(e.indexes.map((i) => i.source)).toEqual(['foreign-key']);
    expect(e.row.headerBytes).toBe(5 + 6 + 7);
  });

  it('formats bytes', () => {
    expect([0, 1023, 1024, 1536, 10 * 1024 ** 2, 123.4 * 1024 ** 3].map(formatBytes)).toEqual(['0 bytes', '1023 bytes', '1.00 KB', '1.50 KB', '10.0 MB', '123 GB']);
  });
});

describe('partitioning advice', () => {
  const mk = () => {
    const events = table('events', [['id', 'bigint'], ['payload', 'jsonb'], ['occurred_at', 'timestamptz']], { rows: 10_000_000, growthPerMonth: 5_000_000 });
    const big = table('ledger', [['id', 'bigint'], ['memo', 'text'], ['updated_at', 'timestamptz']], { rows: 200_000_000 });
    const small = table('tags', [['id', 'bigint'], ['created_at', 'timestamptz']], { rows: 1000, growthPerMonth: 10 });
    const logged = table('audit', [['id', 'bigint'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], { rows: 1000, growthPerMonth: 1_500_000 });
    events.uniques.push({ id: 'events_id_payload', columnIds: ['events.id'] });
    return documentOf({ tables: [events, big, small, logged] });
  };

  it('suggests range partitions for append-only time series and hash partitions for large tables without a time column', () => {
    const doc = mk();
    const advice = partitioningAdvice(doc, capacityPlan(doc, volumesOf(doc), 'postgres'));
    expect(advice.map((a) => [a.table, a.reason, a.strategy, a.keyColumn, a.interval ?? a.hashPartitions])).toEqual([
      ['events', 'time-series', 'range', 'occurred_at', 'month'],
      ['ledger', 'size', 'hash', 'id', 4],
    ]);
  });

  it('the interval shrinks to a day when a month would pass the partition size', () => {
    const doc = mk();
    const [events] = partitioningAdvice(doc, capacityPlan(doc, volumesOf(doc), 'postgres'), { partitionBytes: 100 * 1024 ** 2 });
    expect(events.interval).toBe('day');
    expect(events.preCreate).toBe(14);
  });

  for (const dialect of ['postgres', 'mysql'] as const) {
    it(`the one-click command partitions the table with the key in its keys (${dialect})`, () => {
      const doc = { ...mk(), settings: { dialect } };
      const [advice] = partitioningAdvice(doc, capacityPlan(doc, volumesOf(doc), dialect));
      const { doc: after } = applyCommand(doc, partitioningCommand(doc, advice, dialect, new Date(Date.UTC(2026, 11, 4)), sequentialIds()));
      expect(loadDocument(after).ok).toBe(true);
      const t = after.tables.events;
      expect(t.primaryKey?.columnIds).toEqual(['events.id', 'events.occurred_at']);
      expect(t.uniques[0].columnIds).toEqual(['events.id', 'events.occurred_at']);
      expect(t.partitioning?.partitions.map((p) => p.name)).toEqual(['events_2026_12', 'events_2027_01', 'events_2027_02', 'events_2027_03', ...(dialect === 'postgres' ? ['events_default'] : [])]);
      expect(partitioningAdvice(after, capacityPlan(after, volumesOf(after), dialect))).toHaveLength(1); // ledger only
    });
  }
});

describe('column order advice (PostgreSQL)', () => {
  const t = table('t', [['flag', 'boolean'], ['id', 'bigint'], ['note', 'text'], ['active', 'boolean'], ['amount', 'bigint']], { rows: 1_000_000 });
  const doc = documentOf({ tables: [t] });

  it('orders by alignment, widest first, variable-length last', () => {
    const advice = columnOrderAdvice(doc, t, volumesOf(doc), 'postgres')!;
    expect(advice.order.map((id) => id.split('.')[1])).toEqual(['id', 'amount', 'flag', 'active', 'note']);
    expect(advice.savedBytesPerRow).toBe(8);
    expect(advice.savedBytesIn5y).toBeGreaterThan(0);
  });

  it('says nothing when the order is already tight or the engine does not align (InnoDB)', () => {
    const tight = table('u', [['id', 'bigint'], ['n', 'integer'], ['m', 'integer']]);
    const d2 = documentOf({ tables: [tight] });
    expect(columnOrderAdvice(d2, tight, volumesOf(d2), 'postgres')).toBeUndefined();
    expect(columnOrderAdvice(doc, t, volumesOf(doc), 'mysql')).toBeUndefined();
  });

  it('alignedOrder keeps ties in their order', () => {
    expect(alignedOrder([sized('integer'), sized('text'), sized('integer')]).map((c) => c.nativeSql)).toEqual(['integer', 'integer', 'text']);
  });
});
