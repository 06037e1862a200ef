/**
 * Starting drafts for the narrative sections, derived from the model and the declared requirements.
 * `draftFor` returns undefined when there is nothing derived to say: the export then writes
 * "Not yet decided." (see generate-design-doc.ts). Drafts are Markdown; every user-provided value
 * (names, requirement texts) is escaped.
 */
import { isProtectedColumn } from '../model/classification';
import { escapeInline } from '../markdown/escape';
import type { Dialect, NarrativeSectionKey, Requirements, SchemaDocument } from '../model/document';
import { DIALECT_LABEL, factsOf, plural } from './facts';

const WORKLOAD_LABEL = { oltp: 'OLTP (transactional)', olap: 'OLAP (analytical)', htap: 'HTAP (mixed transactional and analytical)' } as const;
const CONSISTENCY_LABEL = { acid: 'ACID (strong consistency)', base: 'BASE (eventual consistency)' } as const;

/** The declared requirements as labelled, escaped values (only those that were filled in). */
export function requirementLines(r: Requirements): [label: string, value: string][] {
  const lines: [string, string | undefined][] = [
    ['Data volume now', r.dataVolumeNow],
    ['Data volume in 5 years', r.dataVolume5y],
    ['Workload', r.workload && WORKLOAD_LABEL[r.workload]],
    ['Consistency', r.consistency && CONSISTENCY_LABEL[r.consistency]],
    ['Latency target', r.latencyTarget],
    ['Throughput target', r.throughputTarget],
    ['Read/write ratio', r.readWriteRatio],
    ['Peak load', r.peakLoad],
    ['Concurrent connections', r.concurrency],
    ['RPO', r.rpo],
    ['RTO', r.rto],
  ];
  return lines.filter((l): l is [string, string] => typeof l[1] === 'string' && l[1].trim() !== '').map(([k, v]) => [k, v.trim()]);
}

const v = (text: string) => escapeInline(text.trim());
const filled = (text: string | undefined): text is string => typeof text === 'string' && text.trim() !== '';

/** The first integer in a free-text value ("about 200 connections" -> 200). */
function firstNumber(text: string | undefined): number | undefined {
  const m = text?.replace(/[,_](?=\d{3})/g, '').match(/\d+(\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

function executiveSummary(doc: SchemaDocument, dialect: Dialect): string | undefined {
  const r = doc.design.requirements;
  const parts: string[] = [];
  if (r.workload) parts.push(`The system is an ${WORKLOAD_LABEL[r.workload]} workload`);
  if (filled(r.dataVolumeNow) || filled(r.dataVolume5y)) {
    const now = filled(r.dataVolumeNow) ? `${v(r.dataVolumeNow)} of data today` : undefined;
    const later = filled(r.dataVolume5y) ? `${v(r.dataVolume5y)} expected in 5 years` : undefined;
    parts.push([now, later].filter(Boolean).join(', growing to '));
  }
  if (r.consistency) parts.push(`it requires ${CONSISTENCY_LABEL[r.consistency]}`);
  if (parts.length === 0 && Object.keys(doc.tables).length === 0) return undefined;
  const out: string[] = [];
  if (parts.length) out.push(`${parts.join('; ')}.`);
  if (Object.keys(doc.tables).length > 0) {
    out.push(`${DIALECT_LABEL[dialect]} is the target engine${r.consistency === 'acid' || r.workload === 'oltp' ? ': a relational engine with transactions and enforced foreign keys fits the declared requirements' : ''}.`);
  }
  return out.join(' ');
}

function partitioning(doc: SchemaDocument): string | undefined {
  const { partitionedTables } = factsOf(doc);
  const r = doc.design.requirements;
  if (partitionedTables > 0) {
    return `Partitions are created and detached by a scheduled job ahead of need; old partitions are archived or dropped according to the retention policy.`;
  }
  if (filled(r.dataVolume5y)) return `No table is partitioned yet. With ${v(r.dataVolume5y)} expected in 5 years, review the largest, time-ordered tables for range partitioning before they outgrow routine maintenance.`;
  return undefined;
}

function queryPatterns(doc: SchemaDocument): string | undefined {
  const n = doc.design.queryPatterns.length;
  const r = doc.design.requirements;
  if (n === 0 && !filled(r.latencyTarget)) return undefined;
  const out: string[] = [];
  if (n > 0) out.push(`${plural(n, 'query pattern')} declared below; each should be served by an index of the Index Strategy.`);
  if (filled(r.latencyTarget)) out.push(`Target latency: ${v(r.latencyTarget)}.`);
  return out.join(' ');
}

function caching(doc: SchemaDocument): string | undefined {
  const r = doc.design.requirements;
  if (!filled(r.readWriteRatio) && !r.workload) return undefined;
  const out: string[] = [];
  if (filled(r.readWriteRatio)) out.push(`Read/write ratio ${v(r.readWriteRatio)}: reads dominate when the first figure is larger; cache read-mostly lookups in the application with short TTLs and invalidate on write.`);
  if (r.workload === 'olap' || r.workload === 'htap') out.push('Analytical queries benefit from materialized views or summary tables refreshed on a schedule.');
  return out.join(' ');
}

function connectionManagement(doc: SchemaDocument, dialect: Dialect): string | undefined {
  const r = doc.design.requirements;
  const concurrency = firstNumber(r.concurrency);
  if (concurrency === undefined && !filled(r.peakLoad)) return undefined;
  const out: string[] = [];
  if (concurrency !== undefined) {
    // A pool larger than the engine can run in parallel only queues inside the engine; the usual
    // starting point is (cores x 2) + spindles per server, so size the pool well below the
    // application's concurrency and let requests wait in the pool.
    const pool = Math.max(5, Math.min(100, Math.ceil(concurrency / 4)));
    out.push(`Expected concurrency: ${v(r.concurrency ?? '')}. Start with a pool of about ${pool} connections per application instance (a quarter of the concurrency, between 5 and 100), and keep the total across instances below the server's \`max_connections\` with headroom for maintenance${dialect === 'postgres' ? '; put PgBouncer in transaction mode in front when instances multiply' : ''}.`);
  }
  if (filled(r.peakLoad)) out.push(`Peak load: ${v(r.peakLoad)}; size pools and timeouts for the peak, not the average.`);
  return out.join(' ');
}

function backupRecovery(doc: SchemaDocument, dialect: Dialect): string | undefined {
  const r = doc.design.requirements;
  if (!filled(r.rpo) && !filled(r.rto)) return undefined;
  const out: string[] = [];
  if (filled(r.rpo)) out.push(`Recovery point objective: ${v(r.rpo)}. ${dialect === 'postgres' ? 'Continuous WAL archiving with periodic base backups' : 'Binary-log shipping with periodic full backups'} gives point-in-time recovery within it.`);
  if (filled(r.rto)) out.push(`Recovery time objective: ${v(r.rto)}. A restore must be rehearsed and timed against it; a standby replica that can be promoted covers short objectives.`);
  return out.join(' ');
}

function monitoring(doc: SchemaDocument): string | undefined {
  const r = doc.design.requirements;
  if (!filled(r.latencyTarget) && !filled(r.throughputTarget)) return undefined;
  const out: string[] = ['Key indicators and alert thresholds from the declared targets:', ''];
  if (filled(r.latencyTarget)) out.push(`- query latency, alert when above ${v(r.latencyTarget)}`);
  if (filled(r.throughputTarget)) out.push(`- throughput, alert when below ${v(r.throughputTarget)}`);
  out.push('- connections in use, replication lag, disk usage, long-running transactions');
  return out.join('\n');
}

/** The classified columns are listed above the draft (security-section.ts); the draft says what to do with them. */
function security(doc: SchemaDocument): string | undefined {
  let sensitive = 0;
  for (const t of Object.values(doc.tables)) for (const c of t.columns) if (isProtectedColumn(c)) sensitive++;
  if (sensitive === 0) return undefined;
  const [what, it] = sensitive === 1 ? ['classified column', 'it'] : [`${sensitive} classified columns`, 'them'];
  return `Restrict the ${what} above to the roles that need ${it}, encrypt ${it} at rest, mask ${it} in non-production copies and log access to ${it}.`;
}

function horizontalScaling(doc: SchemaDocument): string | undefined {
  const r = doc.design.requirements;
  if (!filled(r.readWriteRatio) && !filled(r.dataVolume5y)) return undefined;
  const out: string[] = [];
  if (filled(r.readWriteRatio)) out.push(`With a read/write ratio of ${v(r.readWriteRatio)}, read replicas take the read traffic first; sharding is considered only when writes outgrow one primary.`);
  if (filled(r.dataVolume5y)) out.push(`Expected volume in 5 years: ${v(r.dataVolume5y)}.`);
  return out.join(' ');
}

function verticalScaling(doc: SchemaDocument): string | undefined {
  const r = doc.design.requirements;
  if (!filled(r.dataVolumeNow) && !filled(r.dataVolume5y)) return undefined;
  const now = filled(r.dataVolumeNow) ? v(r.dataVolumeNow) : 'unknown';
  const later = filled(r.dataVolume5y) ? v(r.dataVolume5y) : 'unknown';
  return `Growth projection: ${now} today, ${later} in 5 years. Size memory for the working set (hot tables and their indexes) and storage for the 5-year volume plus indexes and backups.`;
}

/** The derived draft of a narrative section, or undefined when the model says nothing about it. */
export function draftFor(section: NarrativeSectionKey, doc: SchemaDocument, dialect: Dialect = doc.settings.dialect): string | undefined {
  switch (section) {
    case 'executiveSummary':
      return executiveSummary(doc, dialect);
    case 'partitioning':
      return partitioning(doc);
    case 'queryPatterns':
      return queryPatterns(doc);
    case 'caching':
      return caching(doc);
    case 'connectionManagement':
      return connectionManagement(doc, dialect);
    case 'backupRecovery':
      return backupRecovery(doc, dialect);
    case 'monitoring':
      return monitoring(doc);
    case 'security':
      return security(doc);
    case 'horizontalScaling':
      return horizontalScaling(doc);
    case 'verticalScaling':
      return verticalScaling(doc);
    // Derived sections (their content is generated) and sections whose draft needs the
    // architect's decisions: no draft.
    case 'conceptualModel':
    case 'logicalDesign':
    case 'schemaDesign':
    case 'indexStrategy':
    case 'migrationStrategy':
    case 'dataIntegrity':
      return undefined;
    default: {
      const never: never = section;
      throw new Error(`unknown section ${String(never)}`);
    }
  }
}
