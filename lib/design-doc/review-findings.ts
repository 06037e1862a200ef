/**
 * The design review (lib/review) in DATABASE_DESIGN.md, where a reviewer looks for it: the Executive
 * Summary counts the open findings and lists the accepted risks (waivers, with their rationale) as the
 * key trade-offs; each open finding sits in the section of its category (indexing under Index
 * Strategy, integrity under Data Integrity, security under Security; types, naming and documentation
 * under Logical Design, performance under Query Patterns). No heading is added: the template's stay.
 */
import { inlineCode, markdown, markdownTable, tableCell } from '../markdown/escape';
import type { Dialect, NarrativeSectionKey, SchemaDocument } from '../model/document';
import { sequentialIds } from '../model/ids';
import { lintDocument } from '../review/lint';
import { ruleById } from '../review/rules';
import { countText, summarizeCounts } from '../review/report/problems';
import { targetLabel } from '../review/report/targets';
import type { Finding, LintResult, RuleCategory, WaivedFinding } from '../review/types';
import { SECTION_TITLES } from './template';

/** The section each category's findings go to. */
export const REVIEW_SECTION: Record<RuleCategory, NarrativeSectionKey> = {
  integrity: 'dataIntegrity',
  indexing: 'indexStrategy',
  security: 'security',
  types: 'logicalDesign',
  naming: 'logicalDesign',
  documentation: 'logicalDesign',
  performance: 'queryPatterns',
};

/** Rows per section; a large schema's long tail is for `draftbase lint`. */
export const REVIEW_ROWS_PER_SECTION = 50;

export interface DesignReview {
  result: LintResult;
  open: Map<NarrativeSectionKey, Finding[]>;
  waived: Map<NarrativeSectionKey, WaivedFinding[]>;
}

function sectionOf(f: Finding): NarrativeSectionKey {
  const rule = ruleById(f.ruleId);
  return rule ? REVIEW_SECTION[rule.category] : 'executiveSummary';
}

function bySection<F extends Finding>(findings: readonly F[]): Map<NarrativeSectionKey, F[]> {
  const out = new Map<NarrativeSectionKey, F[]>();
  for (const f of findings) {
    const key = sectionOf(f);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(f);
  }
  return out;
}

/** The review the document is exported with, judged for the export's dialect. */
export function designReview(doc: SchemaDocument, dialect: Dialect): DesignReview {
  const result = lintDocument(doc, { dialect, ids: sequentialIds() });
  return { result, open: bySection(result.findings), waived: bySection(result.waived) };
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** `fk-without-index` Foreign key without a supporting index: the id as code, the title as text. */
function ruleCell(ruleId: string) {
  const title = ruleById(ruleId)?.title;
  return markdown(`${inlineCode(ruleId, { inTable: true })}${title ? ` ${tableCell(title)}` : ''}`);
}

/** `2025-01-02` of an ISO timestamp; other text as written. */
function day(at: string | undefined): string | undefined {
  if (!at) return undefined;
  return /^\d{4}-\d{2}-\d{2}T/.test(at) ? at.slice(0, 10) : at;
}

/** The sections that hold open findings, as a reader's list: `Index Strategy and Data Integrity`. */
function sectionList(keys: readonly NarrativeSectionKey[]): string {
  const names = keys.map((k) => SECTION_TITLES[k]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Executive Summary: the counts, where the findings are, and the accepted risks with their rationale. */
export function reviewSummary(review: DesignReview, doc: SchemaDocument): string {
  const { result } = review;
  const open = result.findings.length;
  const where = [...review.open.keys()].filter((k) => k !== 'executiveSummary');
  const accepted = result.waived.length ? `; ${countText(result.waived.length, 'accepted risk')} below` : '';
  const parts = [
    open
      ? `**Design review:** ${summarizeCounts(result.counts)} open${where.length ? `, listed under ${sectionList(where)}` : ''}${accepted}.`
      : `**Design review:** no open findings${accepted}.`,
  ];
  const elsewhere = review.open.get('executiveSummary');
  if (elsewhere?.length) parts.push(findingsTable(elsewhere, doc));
  if (result.waived.length) {
    const rows = result.waived.map((f) => {
      const by = [f.waiver.author, day(f.waiver.at)].filter((x): x is string => !!x).join(', ');
      return [ruleCell(f.ruleId), `${targetLabel(f.target, doc)}: ${f.message}`, f.waiver.rationale, by];
    });
    parts.push(['**Key decisions and trade-offs: accepted risks**', '', markdownTable(['Rule', 'Finding', 'Rationale', 'Accepted by'], rows)].join('\n'));
  }
  if (result.staleWaivers.length) {
    const list = result.staleWaivers.map((w) => `${inlineCode(w.ruleId)} (${inlineCode(w.key)})`).join(', ');
    parts.push(`Waivers whose finding no longer occurs (the design changed since): ${list}.`);
  }
  return parts.join('\n\n');
}

function findingsTable(findings: readonly Finding[], doc: SchemaDocument): string {
  const shown = findings.slice(0, REVIEW_ROWS_PER_SECTION);
  const rows = shown.map((f) => [SEVERITY_WORD[f.severity], ruleCell(f.ruleId), targetLabel(f.target, doc), f.message]);
  const table = markdownTable(['Severity', 'Rule', 'Element', 'Finding'], rows);
  const more = findings.length - shown.length;
  return more > 0 ? `${table}\n\n… and ${countText(more, 'more finding')}: run \`draftbase lint\` for the full list.` : table;
}

/** A section's open findings (and a pointer to its accepted risks), or undefined when it has none. */
export function reviewSectionBlock(review: DesignReview, key: NarrativeSectionKey, doc: SchemaDocument): string | undefined {
  const open = review.open.get(key) ?? [];
  const waived = review.waived.get(key) ?? [];
  if (!open.length && !waived.length) return undefined;
  const parts = [`**Design review findings** (${open.length ? summarizeCounts(countsOf(open)) : 'none open'})`];
  if (open.length) parts.push(findingsTable(open, doc));
  if (waived.length) parts.push(`${countText(waived.length, 'finding')} of this kind ${waived.length === 1 ? 'is' : 'are'} accepted as a risk: see the [Executive Summary](#executive-summary).`);
  return parts.join('\n\n');
}

function countsOf(findings: readonly Finding[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
