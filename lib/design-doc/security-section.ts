/**
 * The Security section's derived part (issue 16): every classified column that needs protection
 * (confidential, personal data, special category / secrets) with how it is protected — encryption,
 * masking in non-production copies, the role allowed to read it, retention. What the architect has
 * not decided says so, so a reviewer sees the gaps rather than a reassuring sentence.
 */
import { CLASSIFICATION_LABELS, isProtectedColumn } from '../model/classification';
import type { ColumnProtection, SchemaDocument } from '../model/document';
import { displayName } from '../model/lookup';
import { inlineCode, markdown, markdownTable } from '../markdown/escape';

const ENCRYPTION: Record<NonNullable<ColumnProtection['encryption']>, string> = { 'at-rest': 'at rest (storage)', column: 'column-level' };
const MASKING: Record<NonNullable<ColumnProtection['masking']>, string> = {
  redact: 'redacted',
  partial: 'partially masked',
  hash: 'hashed',
  fake: 'replaced with fake data',
  null: 'emptied (NULL)',
};
const UNDECIDED = 'not decided';

export interface ClassifiedColumn {
  table: string;
  column: string;
  classification: string;
  protection: ColumnProtection;
}

export function classifiedColumns(doc: SchemaDocument): ClassifiedColumn[] {
  const out: ClassifiedColumn[] = [];
  for (const t of Object.values(doc.tables)) {
    for (const c of t.columns) {
      if (!isProtectedColumn(c)) continue;
      out.push({ table: displayName(doc, t), column: c.name, classification: CLASSIFICATION_LABELS[c.classification!], protection: c.protection ?? {} });
    }
  }
  return out;
}

function months(n: number | undefined): string {
  if (n === undefined) return UNDECIDED;
  return n % 12 === 0 ? `${n / 12} year${n === 12 ? '' : 's'}` : `${n} month${n === 1 ? '' : 's'}`;
}

/** The classified columns and their protection; undefined when no column is classified as protected. */
export function classifiedColumnsBlock(doc: SchemaDocument): string | undefined {
  const rows = classifiedColumns(doc);
  if (!rows.length) return undefined;
  const table = markdownTable(
    ['Column', 'Classification', 'Encryption', 'Masking in non-production copies', 'Access', 'Retention'],
    rows.map((r) => [
      markdown(inlineCode(`${r.table}.${r.column}`, { inTable: true })),
      r.classification,
      r.protection.encryption ? ENCRYPTION[r.protection.encryption] : UNDECIDED,
      r.protection.masking ? MASKING[r.protection.masking] : UNDECIDED,
      r.protection.accessRole ?? UNDECIDED,
      months(r.protection.retentionMonths),
    ]),
  );
  const open = rows.filter((r) => !r.protection.encryption || !r.protection.masking || !r.protection.accessRole).length;
  const gaps = open ? `\n\n${open} of ${rows.length} classified column${rows.length === 1 ? '' : 's'} ${open === 1 ? 'has' : 'have'} protection not decided yet.` : '';
  return `**Classified data** (${rows.length} column${rows.length === 1 ? '' : 's'})\n\n${table}${gaps}`;
}

/** Backup & Recovery: classified columns with a retention shorter than backups may be kept. */
export function retentionNote(doc: SchemaDocument): string | undefined {
  const kept = classifiedColumns(doc).filter((r) => r.protection.retentionMonths !== undefined);
  if (!kept.length) return undefined;
  const shortest = Math.min(...kept.map((r) => r.protection.retentionMonths!));
  return `Retention: ${kept.length} classified column${kept.length === 1 ? '' : 's'} must be deleted or anonymised after a set time (the shortest: ${months(shortest)}). Backups must expire within that time, or a restore must re-apply the deletions before the data is used.`;
}
