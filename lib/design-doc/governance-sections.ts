/**
 * Decision records and risks in DATABASE_DESIGN.md (issue 16). Both sit in the Executive Summary (the
 * template has no heading of their own, and its "Key design decisions and trade-offs" bullet names the
 * place): each decision ADR-style — context, decision, the alternatives with their trade-offs,
 * consequences, status and date, the elements it concerns; then one table of risks and open
 * questions with owner and status, where open design-review findings (errors and warnings) and query
 * patterns the planner found unserved appear without anyone typing them.
 * Titles, names and owners are plain text (escaped); context, decision and consequences are the
 * architect's Markdown (embedded like a narrative: it cannot pose as a template heading).
 */
import { escapeInline, markdownTable } from '../markdown/escape';
import type { SchemaDocument } from '../model/document';
import type { Decision, ElementRef, Risk } from '../model/governance';
import { targetLabel } from '../review/report/targets';
import type { Finding } from '../review/types';
import { embedNarrative } from './narrative';
import type { DesignReview } from './review-findings';

/** Rows of automatic risks (open findings); the long tail is for `draftbase lint`. */
export const AUTOMATIC_RISK_ROWS = 30;

const STATUS_WORD: Record<Decision['status'], string> = { proposed: 'Proposed', accepted: 'Accepted', superseded: 'Superseded', rejected: 'Rejected' };

function exists(doc: SchemaDocument, ref: ElementRef): boolean {
  switch (ref.kind) {
    case 'table': return !!doc.tables[ref.id];
    case 'column': return !!doc.tables[ref.tableId ?? '']?.columns.some((c) => c.id === ref.id);
    case 'index': return !!doc.tables[ref.tableId ?? '']?.indexes.some((i) => i.id === ref.id);
    case 'relationship': return !!doc.relationships[ref.id];
    case 'area': return !!doc.areas[ref.id];
    case 'view': return !!doc.views[ref.id];
    case 'enum': return !!doc.enums[ref.id];
  }
}

/** `orders`, `orders.customer_id`, `orders → customers`, `area Billing`; `(removed)` when gone. */
export function elementLabel(doc: SchemaDocument, ref: ElementRef): string {
  if (!exists(doc, ref)) return `${ref.kind} ${ref.id} (removed)`;
  const tableId = ref.tableId ?? '';
  switch (ref.kind) {
    case 'table': return targetLabel({ kind: 'table', tableId: ref.id }, doc);
    case 'column': return targetLabel({ kind: 'column', tableId, columnId: ref.id }, doc);
    case 'index': return targetLabel({ kind: 'index', tableId, indexId: ref.id }, doc);
    case 'relationship': return targetLabel({ kind: 'relationship', relationshipId: ref.id }, doc);
    case 'view': return targetLabel({ kind: 'view', viewId: ref.id }, doc);
    case 'enum': return targetLabel({ kind: 'enum', enumId: ref.id }, doc);
    case 'area': return `area ${doc.areas[ref.id].name}`;
  }
}

function decisionBlock(doc: SchemaDocument, d: Decision, n: number): string {
  const meta = [STATUS_WORD[d.status], d.date, d.author].filter((x): x is string => !!x).map(escapeInline).join(', ');
  const parts = [`**ADR-${n}: ${escapeInline(d.title)}** (${meta})`];
  if (d.elements.length) parts.push(`_Concerns:_ ${d.elements.map((e) => escapeInline(elementLabel(doc, e))).join('; ')}.`);
  if (d.context?.trim()) parts.push(`_Context._ ${embedNarrative(d.context)}`);
  if (d.decision?.trim()) parts.push(`_Decision._ ${embedNarrative(d.decision)}`);
  if (d.alternatives.length) parts.push(markdownTable(['Alternative considered', 'Trade-offs'], d.alternatives.map((a) => [a.option, a.tradeoffs ?? ''])));
  if (d.consequences?.trim()) parts.push(`_Consequences._ ${embedNarrative(d.consequences)}`);
  if (d.waiverKey) parts.push('_Records the acceptance of a design-review finding (see the accepted risks below)._');
  return parts.join('\n\n');
}

/** The decision records, newest last as recorded; undefined when there are none. */
export function decisionsBlock(doc: SchemaDocument): string | undefined {
  const decisions = doc.governance?.decisions ?? [];
  if (!decisions.length) return undefined;
  return ['**Key design decisions and trade-offs**', ...decisions.map((d, i) => decisionBlock(doc, d, i + 1))].join('\n\n');
}

/** A query pattern the planner found unserved (the workload advisor), as a risk. */
export interface UnservedPattern {
  name: string;
  /** What the planner does instead, e.g. `sequential scan on orders (2.1 M rows)`. */
  reason: string;
}

const RISK_STATUS: Record<Risk['status'], string> = { open: 'Open', mitigating: 'Mitigating', accepted: 'Accepted', closed: 'Closed' };

function automaticFindings(review: DesignReview): Finding[] {
  return review.result.findings.filter((f) => f.severity !== 'info');
}

/** Risks and open questions: the declared ones, then the automatic ones; undefined when none. */
export function risksBlock(doc: SchemaDocument, review: DesignReview, unserved: readonly UnservedPattern[] = []): string | undefined {
  const declared = doc.governance?.risks ?? [];
  const findings = automaticFindings(review);
  if (!declared.length && !findings.length && !unserved.length) return undefined;
  const rows: string[][] = declared.map((r) => [
    r.kind === 'question' ? 'Question' : 'Risk',
    r.title + (r.detail?.trim() ? `: ${r.detail.trim()}` : ''),
    r.element ? elementLabel(doc, r.element) : '',
    r.impact ?? '',
    r.owner ?? 'unassigned',
    RISK_STATUS[r.status],
  ]);
  for (const p of unserved) rows.push(['Risk', `Query pattern "${p.name}" is not served by an index: ${p.reason}`, '', '', 'unassigned', 'Open (from the workload advisor)']);
  const shown = findings.slice(0, AUTOMATIC_RISK_ROWS);
  for (const f of shown) rows.push(['Risk', `${f.ruleId}: ${f.message}`, targetLabel(f.target, doc), f.severity === 'error' ? 'high' : 'medium', 'unassigned', 'Open (from the design review)']);
  const table = markdownTable(['Kind', 'Risk or question', 'Element', 'Impact', 'Owner', 'Status'], rows);
  const more = findings.length - shown.length;
  const tail = more > 0 ? `\n\n… and ${more} more open design-review ${more === 1 ? 'finding' : 'findings'}: run \`draftbase lint\` for the full list.` : '';
  return `**Risks and open questions**\n\n${table}${tail}`;
}
