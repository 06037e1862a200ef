/**
 * Capacity: findings from the capacity plan (lib/capacity), for tables with declared volumes only.
 * A table that will be large at 5 years, or that grows as an append-only time series, gets a
 * suggested partitioning with a one-click plan; on aligned heaps (PostgreSQL), a column order that
 * wastes bytes on every row gets the order that does not.
 */
import { capacityPlan, type CapacityPlan } from '../../capacity/plan';
import { columnOrderAdvices } from '../../capacity/column-order';
import { formatBytes } from '../../capacity/format';
import { DEFAULT_PARTITIONING_THRESHOLDS, partitioningAdvice, partitioningCommand } from '../../capacity/partitioning';
import type { Command } from '../../model/commands/types';
import { volumesOf } from '../../workload/types';
import { numberOption, stringOption } from '../options';
import type { RawFinding, Rule, RuleContext } from '../types';

const GB = 1024 ** 3;

/** The plan of one review run, or undefined when no table declares volumes (nothing to size). */
function planOf(ctx: RuleContext): CapacityPlan | undefined {
  return ctx.model.memo('capacity:plan', () => {
    const volumes = ctx.model.memo('workload:volumes', () => volumesOf(ctx.doc));
    if (!Object.values(volumes).some((v) => v.declared)) return undefined;
    return capacityPlan(ctx.doc, volumes, ctx.dialect);
  });
}

/** `YYYY-MM` of the first partition, or the current month (UTC) when the option is empty. */
function startMonth(ctx: RuleContext): Date {
  const m = /^(\d{4})-(\d{2})$/.exec(stringOption(ctx, 'startMonth'));
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** InnoDB: a partitioned table can neither hold nor be the target of foreign keys. */
function fkNote(ctx: RuleContext, tableId: string): string {
  if (ctx.model.caps.foreignKeysOnPartitionedTables) return '';
  const n = ctx.model.relationships.filter((r) => r.enforced && (r.fromTableId === tableId || r.toTableId === tableId)).length;
  return n ? ` (its ${n === 1 ? 'foreign key' : `${n} foreign keys`} must then be enforced by the application: partitioned InnoDB tables cannot have any)` : '';
}

const partitioningSuggested: Rule = {
  id: 'partitioning-suggested',
  title: 'Large or time-series table without partitioning',
  category: 'performance',
  defaultSeverity: 'info',
  rationale:
    'A table of tens of gigabytes or hundreds of millions of rows makes VACUUM, index rebuilds, backups and deleting old rows slow and heavy; an append-only time series is cheapest to expire by dropping whole partitions.',
  suggestion: 'Partition by range on the creation timestamp (monthly, or daily when a month passes the partition size), or by hash on the key when there is no time column; create partitions ahead of the data.',
  fix: 'Partitions the table (range by month or day from the declared growth, or hash), adds the partition key to the primary key and unique constraints, and pre-creates the partitions.',
  sources: ['PostgreSQL manual: table partitioning (5.11)', 'MySQL manual: partitioning', 'pg_partman'],
  options: {
    gigabytesIn5y: { type: 'number', default: DEFAULT_PARTITIONING_THRESHOLDS.bytesIn5y / GB, min: 1, description: 'Table size at 5 years (GB) past which partitioning is suggested.' },
    rowsIn5y: { type: 'number', default: DEFAULT_PARTITIONING_THRESHOLDS.rowsIn5y, min: 1, description: 'Rows at 5 years past which partitioning is suggested.' },
    timeSeriesRowsPerMonth: { type: 'number', default: DEFAULT_PARTITIONING_THRESHOLDS.timeSeriesRowsPerMonth, min: 1, description: 'Monthly growth from which an append-only time series is partitioned.' },
    startMonth: { type: 'string', default: '', description: 'First month of the pre-created partitions (YYYY-MM); empty = the current month.' },
  },
  check: (ctx) => {
    const plan = planOf(ctx);
    if (!plan) return [];
    const advice = partitioningAdvice(ctx.doc, plan, {
      bytesIn5y: numberOption(ctx, 'gigabytesIn5y') * GB,
      rowsIn5y: numberOption(ctx, 'rowsIn5y'),
      timeSeriesRowsPerMonth: numberOption(ctx, 'timeSeriesRowsPerMonth'),
    });
    return advice.map((a): RawFinding => {
      const table = ctx.doc.tables[a.tableId];
      const how = a.strategy === 'range' ? `RANGE on ${a.keyColumn}, one partition per ${a.interval} (${a.preCreate} created ahead, about ${formatBytes(a.bytesPerPartition)} each)` : `HASH on ${a.keyColumn} into ${a.hashPartitions} partitions (about ${formatBytes(a.bytesPerPartition)} each)`;
      return {
        target: { kind: 'table', tableId: a.tableId },
        key: `partitioning-suggested:${a.tableId}`,
        message: `${ctx.model.tableLabel(table)}: ${a.why}; partition it by ${how}${fkNote(ctx, a.tableId)}`,
        fix: { title: `Partition ${table.name} by ${a.strategy === 'range' ? `${a.interval} on ${a.keyColumn}` : `hash of ${a.keyColumn}`}`, command: partitioningCommand(ctx.doc, a, ctx.dialect, startMonth(ctx), ctx.ids) },
      };
    });
  },
};

const columnOrderPadding: Rule = {
  id: 'column-order-padding',
  title: 'Column order wastes alignment padding',
  category: 'performance',
  defaultSeverity: 'info',
  rationale: 'PostgreSQL aligns each value to its type (8 bytes for bigint and timestamps): a boolean or integer before an 8-byte column leaves padding on every row, which adds up on large tables.',
  suggestion: 'Order columns by alignment, widest first (bigint, timestamps, then integers, then smallint and booleans), with variable-length columns last.',
  fix: 'Moves the columns into the order that removes the padding.',
  sources: ['PostgreSQL manual: database page layout (73.6)', 'EDB: "On Rocks and Sand" column tetris'],
  options: { megabytesIn5y: { type: 'number', default: 100, min: 0, description: 'Heap bytes the reordering must save at 5 years (MB) to be reported.' } },
  check: (ctx) => {
    const plan = planOf(ctx);
    if (!plan || ctx.model.spec.storage.layout.model !== 'heap') return [];
    const volumes = ctx.model.memo('workload:volumes', () => volumesOf(ctx.doc));
    const min = numberOption(ctx, 'megabytesIn5y') * 1024 ** 2;
    const out: RawFinding[] = [];
    for (const advice of columnOrderAdvices(ctx.doc, volumes, ctx.dialect, plan.tables.map((t) => t.tableId))) {
      const table = ctx.doc.tables[advice.tableId];
      if ((advice.savedBytesIn5y ?? 0) < min || (advice.savedBytesIn5y ?? 0) === 0) continue;
      const moves: Command[] = advice.order.map((columnId, toIndex) => ({ type: 'column.move', tableId: table.id, columnId, toIndex }));
      const names = advice.order.map((id) => table.columns.find((c) => c.id === id)?.name ?? id);
      out.push({
        target: { kind: 'table', tableId: table.id },
        key: `column-order-padding:${table.id}`,
        message: `${ctx.model.tableLabel(table)}: reordering the columns saves ${advice.savedBytesPerRow} bytes per row (${advice.rowBytesNow} -> ${advice.rowBytesReordered}), ${formatBytes(advice.savedBytesIn5y ?? 0)} at 5 years: ${names.join(', ')}`,
        fix: { title: `Reorder the columns of ${table.name}`, command: { type: 'batch', label: `Reorder the columns of ${table.name}`, commands: moves } },
      });
    }
    return out;
  },
};

export const capacityRules: Rule[] = [partitioningSuggested, columnOrderPadding];
