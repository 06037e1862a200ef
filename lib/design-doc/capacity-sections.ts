/**
 * The Partitioning, Backup & Recovery, Vertical Scaling and Horizontal Scaling drafts from the
 * capacity plan (lib/capacity), quoting computed sizes now and at 5 years, when at least one table
 * declares volumes. Without declared volumes `capacityDraft` returns undefined and the generic drafts
 * (drafts.ts) stay. The requirement-based sentences of those drafts (RPO, RTO, read/write ratio) are
 * kept after the figures; the generic ones are replaced.
 */
import { formatReadsPerWrite } from '../model/requirement-units';
import { capacityPlan, type CapacityPlan } from '../capacity/plan';
import { dialectSpec } from '../dialects/dialects';
import { formatBytes, formatRows } from '../capacity/format';
import { partitioningAdvice } from '../capacity/partitioning';
import { escapeInline, inlineCode, markdown, markdownTable } from '../markdown/escape';
import type { Dialect, NarrativeSectionKey, SchemaDocument } from '../model/document';
import { volumesOf } from '../workload/types';
import { draftFor } from './drafts';
import { factsOf, plural } from './facts';

const plans = new WeakMap<SchemaDocument, Map<Dialect, CapacityPlan | undefined>>();

/** The plan of a document (once per document and dialect: four sections read it), or undefined without declared volumes. */
function planOf(doc: SchemaDocument, dialect: Dialect): CapacityPlan | undefined {
  let byDialect = plans.get(doc);
  if (!byDialect) plans.set(doc, (byDialect = new Map()));
  if (!byDialect.has(dialect)) {
    const volumes = volumesOf(doc);
    byDialect.set(dialect, Object.values(volumes).some((v) => v.declared) ? capacityPlan(doc, volumes, dialect) : undefined);
  }
  return byDialect.get(dialect);
}

const code = (s: string) => markdown(inlineCode(s, { inTable: true }));

function notDeclared(plan: CapacityPlan): string | undefined {
  if (!plan.notDeclared.length) return undefined;
  const names = plan.notDeclared.slice(0, 10).map((t) => inlineCode(t.name)).join(', ');
  return `Not declared (not sized): ${names}${plan.notDeclared.length > 10 ? ` and ${plural(plan.notDeclared.length - 10, 'more table')}` : ''}.`;
}

/** The largest tables at 5 years, table + indexes. */
function largest(plan: CapacityPlan, n: number) {
  return [...plan.tables].sort((a, b) => b.totalBytesIn5y - a.totalBytesIn5y).slice(0, n);
}

function partitioning(doc: SchemaDocument, plan: CapacityPlan): string {
  const advice = partitioningAdvice(doc, plan);
  const out: string[] = [];
  if (advice.length) {
    out.push(`From the declared volumes, ${plural(advice.length, 'table')} should be partitioned (a table past 50 GB or 100 million rows at 5 years, or an append-only time series growing by a million rows a month or more):`);
    out.push(
      markdownTable(
        ['Table', 'Why', 'Partitioning', 'Per partition'],
        advice.map((a) => [code(a.table), a.why, a.strategy === 'range' ? `RANGE on ${a.keyColumn} by ${a.interval}, ${a.preCreate} created ahead` : `HASH on ${a.keyColumn}, ${a.hashPartitions} partitions`, formatBytes(a.bytesPerPartition)]),
      ),
    );
  } else {
    // The largest table not partitioned yet (those partitioned already are not advised again).
    const top = largest(plan, plan.tables.length).find((t) => !doc.tables[t.tableId]?.partitioning);
    out.push(top ? `No other table needs partitioning by the declared volumes: the largest, ${inlineCode(top.name)}, reaches ${formatBytes(top.totalBytesIn5y)} (${formatRows(top.rowsIn5y)} rows) at 5 years, under 50 GB and 100 million rows, and grows by less than a million rows a month.`.replace('No other table', factsOf(doc).partitionedTables ? 'No other table' : 'No table') : 'Every table with declared volumes is partitioned.');
  }
  if (factsOf(doc).partitionedTables > 0) out.push(draftFor('partitioning', doc) ?? '');
  return out.filter(Boolean).join('\n\n');
}

function backupRecovery(doc: SchemaDocument, dialect: Dialect, plan: CapacityPlan): string {
  const t = plan.totals;
  const log = dialectSpec(dialect).storage.logName;
  const out = [
    `A full backup holds the data and indexes: ${formatBytes(t.totalBytesNow)} now, ${formatBytes(t.totalBytesIn5y)} at 5 years. At the declared growth the ${log} adds about ${formatBytes(t.walBytesPerMonth)} a month; keeping ${plan.backup.retentionDays} days of it for point-in-time recovery, plan ${formatBytes(plan.backup.retainedBytesIn5y)} of backup storage at 5 years.`,
    `Formulas: ${escapeInline(plan.walFormula)}; ${escapeInline(plan.backupFormula)}.`,
  ];
  const requirements = draftFor('backupRecovery', doc, dialect);
  if (requirements) out.push(requirements);
  const nd = notDeclared(plan);
  if (nd) out.push(nd);
  return out.join('\n\n');
}

function verticalScaling(dialect: Dialect, plan: CapacityPlan): string {
  const storage = dialectSpec(dialect).storage;
  const t = plan.totals;
  const out = [
    markdownTable(
      ['', 'Now', 'In 5 years'],
      [
        [`Tables (${plan.engine})`, formatBytes(t.tableBytesNow), formatBytes(t.tableBytesIn5y)],
        ['Indexes', formatBytes(t.indexBytesNow), formatBytes(t.indexBytesIn5y)],
        [markdown('**Total**'), markdown(`**${formatBytes(t.totalBytesNow)}**`), markdown(`**${formatBytes(t.totalBytesIn5y)}**`)],
      ],
    ),
    `Memory: keep the indexes and the hot part of the data in the buffer cache (${storage.bufferCacheSetting}): at least ${formatBytes(t.indexBytesNow)} now and ${formatBytes(t.indexBytesIn5y)} at 5 years for the indexes alone. Storage: the 5-year total with 50 % headroom for bloat, rebuilds and temporary files, ${formatBytes(t.totalBytesIn5y * 1.5)}, plus the ${storage.logName} kept on the server.`,
  ];
  const top = largest(plan, 5);
  if (top.length) {
    out.push(
      markdownTable(
        ['Largest tables', 'Rows now', 'Rows in 5 years', 'Size now', 'Size in 5 years'],
        top.map((x) => [code(x.name), formatRows(x.rowsNow), formatRows(x.rowsIn5y), formatBytes(x.totalBytesNow), formatBytes(x.totalBytesIn5y)]),
      ),
    );
  }
  const defaulted = plan.tables.reduce((a, x) => a + x.defaultedColumns, 0);
  out.push(`Sizes assume ${plan.assumptions.filter((a) => defaulted > 0 || !a.startsWith('variable-length')).join('; ')}.${defaulted ? ` ${plural(defaulted, 'variable-length column')} ${defaulted === 1 ? 'has' : 'have'} no declared average length.` : ''}`);
  const nd = notDeclared(plan);
  if (nd) out.push(nd);
  return out.join('\n\n');
}

function horizontalScaling(doc: SchemaDocument, plan: CapacityPlan): string {
  const t = plan.totals;
  const [top] = largest(plan, 1);
  const writes = plan.tables.reduce((a, x) => a + x.growthPerMonth, 0);
  const out = [
    `At 5 years the schema holds ${formatBytes(t.totalBytesIn5y)}${top ? `, ${Math.round((100 * top.totalBytesIn5y) / Math.max(1, t.totalBytesIn5y))} % of it in ${inlineCode(top.name)} (${formatBytes(top.totalBytesIn5y)})` : ''}, with about ${formatRows(writes)} rows written a month. ${t.totalBytesIn5y < 2 * 1024 ** 4 ? 'One primary holds this comfortably: scale reads with replicas, and consider sharding only if writes outgrow one primary.' : 'This is past what one server restores and rebuilds comfortably: plan sharding (or archiving) for the largest tables, by a key their queries always carry.'}`,
  ];
  const reads = doc.design.requirements.readsPerWrite;
  if (reads !== undefined) {
    out.push(reads >= 1
      ? `Read/write ratio ${formatReadsPerWrite(reads)} (reads:writes): read replicas take the read traffic first.`
      : `Read/write ratio ${formatReadsPerWrite(reads)} (reads:writes): writes dominate, so replicas relieve little; partition or shard the write-heavy tables first.`);
  }
  return out.join('\n\n');
}

/** The section's draft from the capacity plan, or undefined when no table declares volumes (or the section has none). */
export function capacityDraft(key: NarrativeSectionKey, doc: SchemaDocument, dialect: Dialect): string | undefined {
  if (key !== 'partitioning' && key !== 'backupRecovery' && key !== 'verticalScaling' && key !== 'horizontalScaling') return undefined;
  const plan = planOf(doc, dialect);
  if (!plan || plan.tables.length === 0) return undefined;
  switch (key) {
    case 'partitioning':
      return partitioning(doc, plan);
    case 'backupRecovery':
      return backupRecovery(doc, dialect, plan);
    case 'verticalScaling':
      return verticalScaling(dialect, plan);
    case 'horizontalScaling':
      return horizontalScaling(doc, plan);
  }
}
