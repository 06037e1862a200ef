/**
 * Partitioning advice from the capacity plan: a table that will be large at 5 years, or that looks like
 * an append-only time series (a NOT NULL creation/occurrence timestamp, no update timestamp, high
 * growth), gets a suggested partitioning: key, strategy, interval from its growth, and the partitions
 * to pre-create. `partitioningCommand` turns it into one command (one undo step): the partition key
 * joins the primary key and unique constraints (both engines require it) and the partitions are set.
 */
import { dialectSpec } from '../dialects/dialects';
import type { Command } from '../model/commands/types';
import type { Column, Dialect, Partitioning, SchemaDocument, Table } from '../model/document';
import type { IdFactory } from '../model/ids';
import { formatBytes, formatRows } from './format';
import type { CapacityPlan, TableCapacity } from './plan';

export interface PartitioningThresholds {
  /** Heap / clustered bytes at 5 years past which a table is partitioned (default 50 GB). */
  bytesIn5y: number;
  /** Rows at 5 years past which a table is partitioned (default 100 million). */
  rowsIn5y: number;
  /** Rows per month from which an append-only time series is partitioned (default 1 million). */
  timeSeriesRowsPerMonth: number;
  /** Bytes a partition should stay under: past it, the interval shrinks from a month to a day (default 10 GB). */
  partitionBytes: number;
}

export const DEFAULT_PARTITIONING_THRESHOLDS: PartitioningThresholds = {
  bytesIn5y: 50 * 1024 ** 3,
  rowsIn5y: 100_000_000,
  timeSeriesRowsPerMonth: 1_000_000,
  partitionBytes: 10 * 1024 ** 3,
};

export interface PartitioningAdvice {
  tableId: string;
  table: string;
  reason: 'size' | 'time-series';
  /** Why, in one sentence with the figures. */
  why: string;
  strategy: 'range' | 'hash';
  keyColumnId: string;
  keyColumn: string;
  /** Range: `month` or `day`; hash: the number of partitions. */
  interval: 'month' | 'day' | undefined;
  hashPartitions: number | undefined;
  /** Range partitions to create ahead of the data (the current one and those after it). */
  preCreate: number;
  /** Expected bytes per partition (table + indexes). */
  bytesPerPartition: number;
}

const CREATED = /^(created|occurred|inserted|recorded|logged|event|happened|observed|sent|received|placed|posted|published|submitted)(_at|_on|_time|_ts|_date)?$|^(ts|timestamp|event_time|time)$/i;
const UPDATED = /^(updated|modified|changed|last_update|last_modified)(_at|_on|_time|_ts|_date)?$|^last_update$/i;
const TEMPORAL = new Set(['timestamp', 'timestamptz', 'date']);

function temporal(doc: SchemaDocument, c: Column): boolean {
  const t = c.type.kind === 'domain' ? doc.domains[c.type.domainId]?.type : c.type;
  return t?.kind === 'scalar' && TEMPORAL.has(t.name);
}

/** The column a time series is ordered by: a NOT NULL creation timestamp, when the table has no update timestamp. */
export function timeSeriesColumn(doc: SchemaDocument, table: Table): Column | undefined {
  if (table.columns.some((c) => UPDATED.test(c.name))) return undefined;
  return table.columns.find((c) => !c.nullable && temporal(doc, c) && CREATED.test(c.name));
}

const fmtGb = formatBytes;
const fmtRows = formatRows;

function adviseTable(doc: SchemaDocument, t: TableCapacity, th: PartitioningThresholds): PartitioningAdvice | undefined {
  const table = doc.tables[t.tableId];
  if (!table || table.partitioning) return undefined;
  const ts = timeSeriesColumn(doc, table);
  const big = t.tableBytesIn5y > th.bytesIn5y || t.rowsIn5y > th.rowsIn5y;
  const series = ts !== undefined && t.growthPerMonth >= th.timeSeriesRowsPerMonth;
  if (!big && !series) return undefined;
  const bytesPerRow = t.rowsIn5y > 0 ? t.totalBytesIn5y / t.rowsIn5y : 0;
  const why = series
    ? `${fmtRows(t.growthPerMonth)} rows a month, append-only by ${ts!.name} (no update timestamp): ${fmtRows(t.rowsIn5y)} rows, ${fmtGb(t.totalBytesIn5y)} at 5 years`
    : `${fmtRows(t.rowsIn5y)} rows, ${fmtGb(t.totalBytesIn5y)} (table ${fmtGb(t.tableBytesIn5y)}) at 5 years`;
  if (ts) {
    const perMonth = t.growthPerMonth * bytesPerRow;
    const interval = perMonth > th.partitionBytes ? 'day' : 'month';
    const preCreate = interval === 'day' ? 14 : 4;
    return { tableId: t.tableId, table: t.name, reason: series ? 'time-series' : 'size', why, strategy: 'range', keyColumnId: ts.id, keyColumn: ts.name, interval, hashPartitions: undefined, preCreate, bytesPerPartition: interval === 'day' ? perMonth / 30.4 : perMonth };
  }
  // No time column: hash partitions on the first primary key column, each under the partition size.
  const keyId = table.primaryKey?.columnIds[0];
  const key = keyId ? table.columns.find((c) => c.id === keyId) : undefined;
  if (!key) return undefined;
  let n = 4;
  while (n < 64 && t.totalBytesIn5y / n > th.partitionBytes) n *= 2;
  return { tableId: t.tableId, table: t.name, reason: 'size', why, strategy: 'hash', keyColumnId: key.id, keyColumn: key.name, interval: undefined, hashPartitions: n, preCreate: n, bytesPerPartition: t.totalBytesIn5y / n };
}

/** Tables that should be partitioned, by the plan's 5-year figures. */
export function partitioningAdvice(doc: SchemaDocument, plan: CapacityPlan, thresholds: Partial<PartitioningThresholds> = {}): PartitioningAdvice[] {
  const th = { ...DEFAULT_PARTITIONING_THRESHOLDS, ...thresholds };
  const out: PartitioningAdvice[] = [];
  // Not applicable where the engine has no partitioning (SQLite: one table is one B-tree).
  const spec = dialectSpec(plan.dialect);
  if (spec.capabilities(spec.defaultTarget).partitionSyntax === 'none') return out;
  for (const t of plan.tables) {
    const a = adviseTable(doc, t, th);
    if (a) out.push(a);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The partitions of the advice, from the month (or day) of `start`. */
export function suggestedPartitioning(advice: PartitioningAdvice, table: Table, dialect: Dialect, start: Date, ids: IdFactory): Partitioning {
  const caps = dialectSpec(dialect).capabilities(dialectSpec(dialect).defaultTarget);
  const key = [{ kind: 'column' as const, columnId: advice.keyColumnId }];
  if (advice.strategy === 'hash') {
    const n = advice.hashPartitions ?? 4;
    return { strategy: 'hash', key, partitions: Array.from({ length: n }, (_, i) => ({ id: ids('part'), name: `${table.name}_p${i}`, bound: { kind: 'hash' as const, modulus: n, remainder: i } })) };
  }
  const partitions: Partitioning['partitions'] = [];
  const first = advice.interval === 'day' ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())) : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  const next = (d: Date) => (advice.interval === 'day' ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
  let from = first;
  for (let i = 0; i < advice.preCreate; i++) {
    const to = next(from);
    const suffix = advice.interval === 'day' ? isoDay(from).replace(/-/g, '_') : isoDay(from).slice(0, 7).replace('-', '_');
    partitions.push({ id: ids('part'), name: `${table.name}_${suffix}`, bound: { kind: 'range', from: [`'${isoDay(from)}'`], to: [`'${isoDay(to)}'`] } });
    from = to;
  }
  // Rows older than the first partition (or a clock that runs ahead) still have a home.
  if (caps.rangeDefaultPartition) partitions.push({ id: ids('part'), name: `${table.name}_default`, bound: { kind: 'default' } });
  return { strategy: 'range', key, partitions };
}

/** One command applying the advice: the key joins the primary key and unique constraints, then the partitioning is set. */
export function partitioningCommand(doc: SchemaDocument, advice: PartitioningAdvice, dialect: Dialect, start: Date, ids: IdFactory): Command {
  const table = doc.tables[advice.tableId];
  const commands: Command[] = [];
  const k = advice.keyColumnId;
  if (table.primaryKey && !table.primaryKey.columnIds.includes(k)) {
    commands.push({ type: 'primaryKey.set', tableId: table.id, primaryKey: { ...table.primaryKey, columnIds: [...table.primaryKey.columnIds, k] } });
  }
  for (const u of table.uniques) {
    if (u.columnIds.length && !u.columnIds.includes(k)) commands.push({ type: 'unique.update', tableId: table.id, uniqueId: u.id, changes: { columnIds: [...u.columnIds, k] } });
  }
  commands.push({ type: 'table.update', tableId: table.id, changes: { partitioning: suggestedPartitioning(advice, table, dialect, start, ids) } });
  return commands.length === 1 ? commands[0] : { type: 'batch', label: `Partition ${advice.table} by ${advice.keyColumn}`, commands };
}
