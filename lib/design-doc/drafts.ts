/**
 * Starting drafts for the narrative sections, derived from the model and the declared requirements.
 * `draftFor` returns undefined when there is nothing derived to say: the export then writes
 * "Not yet decided." (see generate-design-doc.ts). Drafts are Markdown; every user-provided value
 * (names, requirement notes) is escaped.
 */
import { isProtectedColumn } from '../model/classification';
import { escapeInline } from '../markdown/escape';
import type { Dialect, NarrativeSectionKey, QueryPattern, RequirementNoteKey, Requirements, SchemaDocument } from '../model/document';
import { formatDataSize, formatMinutes, formatMs, formatNumber, formatRate, formatReadsPerWrite } from '../model/requirement-units';
import { DIALECT_LABEL, factsOf, plural } from './facts';

const WORKLOAD_LABEL = { oltp: 'OLTP (transactional)', olap: 'OLAP (analytical)', htap: 'HTAP (mixed transactional and analytical)' } as const;
const CONSISTENCY_LABEL = { acid: 'ACID (strong consistency)', base: 'BASE (eventual consistency)' } as const;

/** A requirement figure as text in its unit ("20 GB", "50 ms at p99", "300 queries/s"). */
function figureText(r: Requirements, key: RequirementNoteKey): string | undefined {
  switch (key) {
    case 'dataVolumeNow': return r.dataVolumeNow && formatDataSize(r.dataVolumeNow);
    case 'dataVolume5y': return r.dataVolume5y && formatDataSize(r.dataVolume5y);
    case 'latencyTarget': return r.latencyTargetMs === undefined ? undefined : `${formatMs(r.latencyTargetMs)} at p99`;
    case 'throughputTarget': return r.throughputQps === undefined ? undefined : `${formatNumber(r.throughputQps)} queries/s`;
    case 'peakLoad': return r.peakLoadQps === undefined ? undefined : `${formatNumber(r.peakLoadQps)} queries/s`;
    case 'rpo': return r.rpoMinutes === undefined ? undefined : formatMinutes(r.rpoMinutes);
    case 'rto': return r.rtoMinutes === undefined ? undefined : formatMinutes(r.rtoMinutes);
    case 'readWriteRatio': return r.readsPerWrite === undefined ? undefined : `${formatReadsPerWrite(r.readsPerWrite)} (reads:writes)`;
    case 'concurrency': return r.concurrencyConnections === undefined ? undefined : `${formatNumber(r.concurrencyConnections)} connections`;
  }
}

/** A declared requirement as plain text: the figure, and the architect's note beside it (or the note alone). */
function requirementPlain(r: Requirements, key: RequirementNoteKey): string | undefined {
  const figure = figureText(r, key);
  const note = r.notes?.[key]?.trim() || undefined;
  return figure && note ? `${figure} (${note})` : figure ?? note;
}

/** The same as escaped Markdown, for the drafts' sentences. */
function requirementText(r: Requirements, key: RequirementNoteKey): string | undefined {
  const text = requirementPlain(r, key);
  return text === undefined ? undefined : escapeInline(text);
}

/** A query pattern's frequency or latency target as plain text (not escaped: table cells escape it), its note beside it. */
export function queryPatternFigure(q: QueryPattern, key: 'frequency' | 'latencyTarget'): string {
  const figure = key === 'frequency'
    ? q.frequencyPerSecond === undefined ? undefined : formatRate(q.frequencyPerSecond)
    : q.latencyTargetMs === undefined ? undefined : formatMs(q.latencyTargetMs);
  const note = q.notes?.[key]?.trim() || undefined;
  return (figure && note ? `${figure} (${note})` : figure ?? note) ?? '';
}

/** The declared requirements as labelled values, not escaped: table cells escape them (only those that were filled in). */
export function requirementLines(r: Requirements): [label: string, value: string][] {
  const lines: [string, string | undefined][] = [
    ['Data volume now', requirementPlain(r, 'dataVolumeNow')],
    ['Data volume in 5 years', requirementPlain(r, 'dataVolume5y')],
    ['Workload', r.workload && WORKLOAD_LABEL[r.workload]],
    ['Consistency', r.consistency && CONSISTENCY_LABEL[r.consistency]],
    ['Latency target', requirementPlain(r, 'latencyTarget')],
    ['Throughput target', requirementPlain(r, 'throughputTarget')],
    ['Read/write ratio', requirementPlain(r, 'readWriteRatio')],
    ['Peak load', requirementPlain(r, 'peakLoad')],
    ['Concurrent connections', requirementPlain(r, 'concurrency')],
    ['RPO', requirementPlain(r, 'rpo')],
    ['RTO', requirementPlain(r, 'rto')],
  ];
  return lines.filter((l): l is [string, string] => typeof l[1] === 'string' && l[1].trim() !== '');
}

function executiveSummary(doc: SchemaDocument, dialect: Dialect): string | undefined {
  const r = doc.design.requirements;
  const parts: string[] = [];
  if (r.workload) parts.push(`The system is an ${WORKLOAD_LABEL[r.workload]} workload`);
  const volumeNow = requirementText(r, 'dataVolumeNow');
  const volume5y = requirementText(r, 'dataVolume5y');
  if (volumeNow || volume5y) {
    const now = volumeNow ? `${volumeNow} of data today` : undefined;
    const later = volume5y ? `${volume5y} expected in 5 years` : undefined;
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
  const volume5y = requirementText(r, 'dataVolume5y');
  // The derived line above the draft already says that no table is partitioned.
  if (volume5y) return `With ${volume5y} expected in 5 years, review the largest, time-ordered tables for range partitioning before they outgrow routine maintenance.`;
  return undefined;
}

function queryPatterns(doc: SchemaDocument): string | undefined {
  const n = doc.design.queryPatterns.length;
  const r = doc.design.requirements;
  const latency = requirementText(r, 'latencyTarget');
  if (n === 0 && !latency) return undefined;
  const out: string[] = [];
  if (n > 0) out.push(`${plural(n, 'query pattern')} declared below; each should be served by an index of the Index Strategy.`);
  if (latency) out.push(`Target latency: ${latency}.`);
  return out.join(' ');
}

function caching(doc: SchemaDocument): string | undefined {
  const r = doc.design.requirements;
  const ratio = requirementText(r, 'readWriteRatio');
  if (!ratio && !r.workload) return undefined;
  const out: string[] = [];
  if (ratio) {
    const reads = r.readsPerWrite;
    if (reads === undefined) {
      // Only a note: which side dominates is not known, so nothing is inferred from it.
      out.push(`Declared read/write ratio: ${ratio}. Give it as a figure (reads per write) for caching advice.`);
    } else if (reads <= 1) {
      out.push(`Read/write ratio ${ratio}: writes weigh as much as reads${reads < 1 ? ' or more' : ''}, so a cache pays only for lookups read far more often than they change; invalidate on write.`);
    } else {
      out.push(`Read/write ratio ${ratio}: reads dominate; cache read-mostly lookups in the application with short TTLs and invalidate on write.`);
    }
  }
  if (r.workload === 'olap' || r.workload === 'htap') out.push('Analytical queries benefit from materialized views or summary tables refreshed on a schedule.');
  return out.join(' ');
}

function connectionManagement(doc: SchemaDocument, dialect: Dialect): string | undefined {
  const r = doc.design.requirements;
  const concurrency = r.concurrencyConnections;
  const peak = requirementText(r, 'peakLoad');
  if (concurrency === undefined && !peak) return undefined;
  const out: string[] = [];
  if (concurrency !== undefined) {
    // A pool larger than the engine can run in parallel only queues inside the engine: size it from
    // the database server's cores (the usual starting point is about 2-4 connections per core), not
    // from the number of clients, and let requests wait in the pool.
    const declared = declaredPooler(r);
    const sizing = 'size the server-side pool from the database server\'s cores (about 2 to 4 connections per core, 32 to 64 on a 16-core server), not from the number of clients, and keep it below `max_connections` with headroom for maintenance';
    out.push(declared
      ? `Expected concurrency: ${requirementText(r, 'concurrency')}. The clients' connections wait in the declared pooler (${escapeInline(declared)}): ${sizing}.`
      : `Expected concurrency: ${requirementText(r, 'concurrency')}. Across all application instances, ${sizing}; the ${formatNumber(concurrency)} concurrent requests wait in the pools. When instances multiply, ${POOLER[dialect]}.`);
  }
  if (peak) out.push(`Peak load: ${peak}; size pools and timeouts for the peak, not the average.`);
  return out.join(' ');
}

/** What to add when application instances multiply, per dialect (a pooler or proxy in front of the engine). */
const POOLER: Record<Dialect, string> = {
  postgres: 'put PgBouncer in transaction mode in front of the server',
  mysql: 'put ProxySQL (or MySQL Router) in front of the server',
  // Not applicable: SQLite is a library inside each process, with no server connections to pool.
  sqlite: 'keep one writer connection per process (SQLite has no server to pool; concurrent writers queue on the database lock) or move to a client-server engine',
};

/** How each engine recovers to a point in time. */
const POINT_IN_TIME_RECOVERY: Record<Dialect, string> = {
  postgres: 'Continuous WAL archiving with periodic base backups',
  mysql: 'Binary-log shipping with periodic full backups',
  // SQLite has no archived log of its own: point-in-time recovery needs a replicator outside the engine.
  sqlite: 'Continuous replication of the WAL file (Litestream or LiteFS) with periodic snapshots (VACUUM INTO or the backup API)',
};

const POOLER_NAME = /\b(pgbouncer|pgpool(?:-ii)?|odyssey|pgcat|supavisor|rds proxy|proxysql|mysql router|maxscale|connection pooler|pooler)\b/i;

/** A pooler the architect declared with the concurrency (or peak): its name as written. */
function declaredPooler(r: Requirements): string | undefined {
  for (const key of ['concurrency', 'peakLoad'] as const) {
    const m = POOLER_NAME.exec(r.notes?.[key] ?? '');
    if (m) return m[1];
  }
  return undefined;
}

function backupRecovery(doc: SchemaDocument, dialect: Dialect): string | undefined {
  const r = doc.design.requirements;
  const rpo = requirementText(r, 'rpo');
  const rto = requirementText(r, 'rto');
  if (!rpo && !rto) return undefined;
  const out: string[] = [];
  if (rpo) out.push(`Recovery point objective: ${rpo}. ${POINT_IN_TIME_RECOVERY[dialect]} gives point-in-time recovery within it.`);
  if (rto) out.push(`Recovery time objective: ${rto}. A restore must be rehearsed and timed against it; a standby replica that can be promoted covers short objectives.`);
  return out.join(' ');
}

function monitoring(doc: SchemaDocument): string | undefined {
  const r = doc.design.requirements;
  const latency = requirementText(r, 'latencyTarget');
  const throughput = requirementText(r, 'throughputTarget');
  if (!latency && !throughput) return undefined;
  const out: string[] = ['Key indicators and alert thresholds from the declared targets:', ''];
  if (r.latencyTargetMs !== undefined) out.push(`- query latency: alert when p99 stays above ${formatMs(r.latencyTargetMs)} for 5 minutes`);
  else if (latency) out.push(`- query latency, against the declared target (${latency})`);
  // The throughput target and the peak are what the design must sustain: a ceiling to keep headroom
  // under, never a floor (low traffic is not an incident).
  const capacity = r.peakLoadQps ?? r.throughputQps;
  if (capacity !== undefined) out.push(`- load: alert when sustained queries per second pass 80 % of the ${r.peakLoadQps !== undefined ? 'declared peak' : 'throughput target'} (${formatNumber(Math.round(capacity * 0.8))} of ${formatNumber(capacity)} queries/s): the capacity the design is sized for`);
  else if (throughput) out.push(`- load, against the declared throughput target (${throughput})`);
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
  const ratio = requirementText(r, 'readWriteRatio');
  const volume5y = requirementText(r, 'dataVolume5y');
  if (!ratio && !volume5y) return undefined;
  const out: string[] = [];
  if (ratio) out.push(`With a read/write ratio of ${ratio}, read replicas take the read traffic first; sharding is considered only when writes outgrow one primary.`);
  if (volume5y) out.push(`Expected volume in 5 years: ${volume5y}.`);
  return out.join(' ');
}

function verticalScaling(doc: SchemaDocument): string | undefined {
  const r = doc.design.requirements;
  const volumeNow = requirementText(r, 'dataVolumeNow');
  const volume5y = requirementText(r, 'dataVolume5y');
  if (!volumeNow && !volume5y) return undefined;
  const now = volumeNow ?? 'unknown';
  const later = volume5y ?? 'unknown';
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
