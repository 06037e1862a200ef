/**
 * The Query Patterns section's verdict block (issue 15): each pattern with its verdict, the index that
 * serves it by name, a plan summary, and for a pattern not served the suggested CREATE INDEX; what the
 * planner assumed for tables without declared volumes. The verdicts are computed beforehand by the
 * caller (the advisor needs an engine; the generator stays pure) and passed in DesignDocOptions.advice.
 */
import { escapeInline, markdownTable } from '../markdown/escape';
import type { SchemaDocument } from '../model/document';
import { STATUS_LABEL, type WorkloadAdvice } from '../workload/advice';
import { fencedBlock } from './fence';
import type { UnservedPattern } from './governance-sections';

export function queryPatternVerdicts(doc: SchemaDocument, advice: WorkloadAdvice): string {
  if (!advice.verdicts.length) return '';
  const rows = advice.verdicts.map((v) => {
    const index = [...new Set(v.accesses.flatMap((a) => (a.indexName ? [a.indexName] : [])))].join(', ') || '—';
    return [v.patternName, STATUS_LABEL[v.status], v.status === 'error' ? '—' : index, v.summary];
  });
  const parts = [`**Verdicts** (${escapeInline(advice.method)}):`, markdownTable(['Query', 'Verdict', 'Served by', 'Plan'], rows)];
  const assumed = [...new Set(advice.verdicts.flatMap((v) => v.assumedTables))];
  if (assumed.length) parts.push(`Tables without declared volumes were planned as ${advice.assumedRows.toLocaleString('en-US')} rows each: ${assumed.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ')}.`);
  for (const v of advice.verdicts) {
    if (v.status === 'served') continue;
    const why = v.reasons.length ? ` ${v.reasons.map((r) => escapeInline(r)).join(' ')}` : '';
    if (v.suggestion) parts.push(`**${escapeInline(v.patternName)}** is ${STATUS_LABEL[v.status]}:${why} Suggested index:\n\n${fencedBlock('sql', v.suggestion.createSql)}`);
    else if (v.error) parts.push(`**${escapeInline(v.patternName)}** could not be planned: ${escapeInline(v.summary)}.`);
    else parts.push(`**${escapeInline(v.patternName)}** is ${STATUS_LABEL[v.status]}:${why}`);
  }
  void doc;
  return parts.join('\n\n');
}

/** The patterns the advisor found not (or partly) served, for the risks list: what the plan does instead. */
export function unservedPatternsOf(advice: WorkloadAdvice | undefined): UnservedPattern[] {
  return (advice?.verdicts ?? [])
    .filter((v) => v.status === 'not-served' || v.status === 'partly')
    .map((v) => ({ name: v.patternName, reason: v.reasons.find((r) => !r.includes('is small')) ?? v.summary }));
}
