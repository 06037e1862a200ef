/**
 * The Problems panel's pure half: findings filtered (severities, text), grouped by rule or by table,
 * and the per-table summary the canvas draws as a marker. Everything is computed once per lint
 * result, so a 5,000-table canvas pays for it once per edit, not once per node.
 */
import type { SchemaDocument } from '../../model/document';
import { displayName } from '../../model/lookup';
import { ruleById } from '../rules';
import type { Finding, Rule, Severity } from '../types';
import { targetLabel, targetTableId } from './targets';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The more severe of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/** True when `severity` is at least as severe as `level` (an error reaches `warning`). */
export function reaches(severity: Severity, level: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[level];
}

export interface FindingFilter {
  /** Severities shown; all when absent. */
  severities?: ReadonlySet<Severity>;
  /** Words that must all occur (case-insensitive) in the message, rule id or title, or the element's name. */
  text?: string;
}

export function filterFindings<F extends Finding>(findings: readonly F[], doc: SchemaDocument, filter: FindingFilter, rules: (id: string) => Rule | undefined = ruleById): F[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return findings.filter((f) => {
    if (filter.severities && !filter.severities.has(f.severity)) return false;
    if (!words.length) return true;
    const hay = `${f.message}\n${f.ruleId}\n${rules(f.ruleId)?.title ?? ''}\n${targetLabel(f.target, doc)}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export type GroupBy = 'rule' | 'table';

export interface FindingGroup<F extends Finding = Finding> {
  /** Rule id, table id, or OTHER_GROUP for findings on no table. */
  key: string;
  title: string;
  /** The rule's id when grouped by rule (shown beside the title). */
  ruleId?: string;
  worst: Severity;
  items: F[];
}

/** The group of findings that belong to no table (enums, views, the schema as a whole). */
export const OTHER_GROUP = '(other)';

/**
 * Groups in reading order: the worst severity first, then the largest, then by title. Items keep
 * the engine's order (most severe first, then by rule and key).
 */
export function groupFindings<F extends Finding>(findings: readonly F[], doc: SchemaDocument, by: GroupBy, rules: (id: string) => Rule | undefined = ruleById): FindingGroup<F>[] {
  const groups = new Map<string, FindingGroup<F>>();
  for (const f of findings) {
    let key: string;
    let title: string;
    if (by === 'rule') {
      key = f.ruleId;
      title = rules(f.ruleId)?.title ?? f.ruleId;
    } else {
      const tableId = targetTableId(f.target, doc);
      const table = tableId ? doc.tables[tableId] : undefined;
      key = table ? table.id : OTHER_GROUP;
      title = table ? displayName(doc, table) : 'Enums, views and the schema';
    }
    let g = groups.get(key);
    if (!g) {
      g = { key, title, worst: f.severity, items: [] };
      if (by === 'rule') g.ruleId = f.ruleId;
      groups.set(key, g);
    }
    g.worst = worse(g.worst, f.severity);
    g.items.push(f);
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst] || b.items.length - a.items.length || a.title.localeCompare(b.title) || a.key.localeCompare(b.key),
  );
}

/** What the canvas draws on a table that has open findings. */
export interface TableMarker {
  count: number;
  worst: Severity;
  /** The tooltip: the count, then the first few messages. */
  title: string;
}

const MARKER_MESSAGES = 5;

/** One marker per table with open findings; tables without findings have none. */
export function tableMarkers(findings: readonly Finding[], doc: SchemaDocument): Map<string, TableMarker> {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = targetTableId(f.target, doc);
    if (!id || !doc.tables[id]) continue;
    let list = byTable.get(id);
    if (!list) byTable.set(id, (list = []));
    list.push(f);
  }
  const out = new Map<string, TableMarker>();
  for (const [id, list] of byTable) {
    let worst: Severity = 'info';
    for (const f of list) worst = worse(worst, f.severity);
    const lines = list.slice(0, MARKER_MESSAGES).map((f) => `${f.severity}: ${f.message}`);
    if (list.length > MARKER_MESSAGES) lines.push(`… and ${list.length - MARKER_MESSAGES} more`);
    out.set(id, { count: list.length, worst, title: `${countText(list.length, 'design review finding')}\n${lines.join('\n')}` });
  }
  return out;
}

export function countText(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}

/** `1 error, 2 warnings, 1 note` (zero counts left out), or `no findings`. */
export function summarizeCounts(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => countText(counts[s], s === 'info' ? 'note' : s));
  return parts.length ? parts.join(', ') : 'no findings';
}
