/**
 * One-line summaries of an import report, shared by the Import dialog and the CLI:
 * "41 tables, 57 relationships, 12 enums; 3 statements skipped (line 88: CREATE TRIGGER ...)".
 * Pure, so the CLI and the editor share it.
 */
import type { ImportCounts, ImportReport, SkippedStatement } from './types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;

export function summarizeCounts(c: ImportCounts): string {
  const parts = [plural(c.tables, 'table'), plural(c.columns, 'column'), plural(c.relationships, 'relationship'), plural(c.indexes, 'index')];
  if (c.enums) parts.push(plural(c.enums, 'enum'));
  if (c.views) parts.push(plural(c.views, 'view'));
  return parts.join(', ').replace(/indexs/, 'indexes');
}

export function skippedLocation(s: SkippedStatement): string {
  return `${s.file ? `${s.file} ` : ''}line ${s.line}`;
}

export function summarizeReport(report: Pick<ImportReport, 'counts' | 'skipped'>, maxSkipped = 1): string {
  const head = summarizeCounts(report.counts);
  if (!report.skipped.length) return head;
  const shown = report.skipped.slice(0, maxSkipped).map((s) => `${skippedLocation(s)}: ${s.statement}`);
  const more = report.skipped.length > maxSkipped ? ', …' : '';
  return `${head}; ${plural(report.skipped.length, 'statement')} skipped (${shown.join(', ')}${more})`;
}
