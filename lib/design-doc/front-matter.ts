/**
 * The top of DATABASE_DESIGN.md that a review board reads first (issue 16): the title with the project
 * name, a metadata table (status, version, date, authors, reviewers, approval) and a table of contents
 * whose links resolve on GitHub. Plain Markdown (no HTML), so GitHub and the app render it alike.
 */
import { escapeInline, markdownTable } from '../markdown/escape';
import type { SchemaDocument } from '../model/document';
import { effectiveStatus } from '../model/design-fingerprint';
import type { DesignStatus } from '../model/governance';
import { headingLine, TEMPLATE_HEADINGS } from './template';

export interface FrontMatterOptions {
  /** The project's name, for the title. */
  projectName?: string;
  /** The named version the document was exported from. */
  versionName?: string;
  /** The export's date, YYYY-MM-DD (absent: no date line; the generator itself reads no clock). */
  date?: string;
}

const STATUS_WORD: Record<DesignStatus, string> = { draft: 'Draft', 'in-review': 'In review', approved: 'Approved' };

/**
 * GitHub's heading anchor: lower case, punctuation other than `-` and `_` dropped (letters and digits
 * of any script kept), each space a hyphen. `Backup & Recovery` → `backup--recovery`.
 */
export function githubSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The level-1 heading: the template's title, with the project's name when known. */
export function titleLine(options: FrontMatterOptions): string {
  const title = TEMPLATE_HEADINGS[0];
  const name = options.projectName?.trim();
  return name ? `${headingLine(title)}: ${escapeInline(name)}` : headingLine(title);
}

/** `2026-12-04` of an ISO timestamp; other text as written. */
function day(at: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(at) ? at.slice(0, 10) : at;
}

function people(list: readonly string[] | undefined): string {
  return list?.length ? list.join(', ') : 'not named yet';
}

export function metadataTable(doc: SchemaDocument, options: FrontMatterOptions): string {
  const g = doc.governance;
  const { status, staleApproval } = effectiveStatus(doc);
  const approval = g?.approval;
  let statusText = STATUS_WORD[status];
  if (status === 'approved' && approval) {
    statusText += ` by ${approval.reviewer} on ${day(approval.at)}${approval.versionName ? ` for version ${approval.versionName}` : ''}`;
  } else if (staleApproval && approval) {
    statusText += ` (approved by ${approval.reviewer} on ${day(approval.at)}; the design changed since, so it needs a new review)`;
  }
  const rows: [string, string][] = [['Status', statusText]];
  if (options.versionName) rows.push(['Version', options.versionName]);
  if (options.date) rows.push(['Date', options.date]);
  rows.push(['Authors', people(g?.authors)], ['Reviewers', people(g?.reviewers)]);
  return markdownTable(['Field', 'Value'], rows);
}

/** Every template heading below the title, indented by level, linked to its anchor. */
export function tableOfContents(): string {
  const lines = TEMPLATE_HEADINGS.filter((h) => h.level > 1).map((h) => `${'  '.repeat(h.level - 2)}- [${h.text}](#${githubSlug(h.text)})`);
  return ['**Contents**', '', ...lines].join('\n');
}

export function frontMatter(doc: SchemaDocument, options: FrontMatterOptions): string {
  return [metadataTable(doc, options), tableOfContents()].join('\n\n');
}
