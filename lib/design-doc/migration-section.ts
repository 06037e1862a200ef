/**
 * Migration Strategy: the migration from the last named version (issue 17). Given the version the
 * design is compared with, the section shows what changed (counts), the up script for the document's
 * dialect (fenced, as `draftbase diff` writes it) and the migration safety lint of each step: rule,
 * the lock on this dialect, the risk (with the lock time at the declared volume when known) and the
 * safer alternative. Pure: the caller picks the version (the export route: the newest named version
 * older than the exported state).
 */
import type { Dialect, SchemaDocument } from '../model/document';
import { formatDuration, lintMigration, lockText } from '../evolution/lint/lint';
import { dialectSpec } from '../dialects/dialects';
import { migrationScript, planMigration } from '../evolution/plan';
import { inlineCode, markdown, markdownTable } from '../markdown/escape';
import { fencedBlock } from './fence';

export interface PreviousVersion {
  name: string;
  document: SchemaDocument;
}

/** At most this many lint rows (the script is complete; the table points at the worst first). */
const MAX_ROWS = 50;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function migrationFromVersion(previous: PreviousVersion, doc: SchemaDocument, dialect: Dialect): string {
  const plan = planMigration(previous.document, doc, dialect);
  const name = inlineCode(previous.name);
  if (plan.diff.identical) return `**Migration from version ${name}.** The schema has not changed since that version: nothing to migrate.`;
  const changes = (['added', 'changed', 'removed'] as const)
    .map((change) => [change, Object.values(plan.diff.counts).reduce((n, byChange) => n + (byChange[change] ?? 0), 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([change, n]) => `${n} ${change}`)
    .join(', ');
  const lossy = plan.up.filter((s) => s.destructive && !s.commented).length;
  const intro = `**Migration from version ${name}.** ${changes} (elements of the schema); ${plan.up.length} step${plan.up.length === 1 ? '' : 's'} for ${plan.label}${lossy ? `, ${lossy} of them losing data (back it up first)` : ''}. The up script, as \`draftbase diff\` writes it:`;
  const lint = lintMigration(plan, previous.document);
  const sorted = [...lint.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.stepIndex - b.stepIndex);
  const rows = sorted.slice(0, MAX_ROWS).map((f) => {
    const est = f.estimate?.now ?? f.estimate?.in5y;
    const risk = `${f.severity}: ${f.message}${est ? ` Lock could last ${formatDuration(est.seconds)} at ${est.rows.toLocaleString('en-US')} ${est.basis}.` : ''}`;
    return [String(f.stepIndex + 1), markdown(inlineCode(f.rule, { inTable: true })), lockText(dialectSpec(dialect).migration.locks[f.step.kind]), risk, f.safer];
  });
  const c = lint.counts;
  const lintText = lint.findings.length
    ? [`**Migration safety lint**: ${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)${sorted.length > MAX_ROWS ? ` (the first ${MAX_ROWS} shown, errors first)` : ''}.`, '', markdownTable(['Step', 'Rule', `Lock (${plan.label})`, 'Risk', 'Safer alternative'], rows)].join('\n')
    : '**Migration safety lint**: no findings.';
  return [intro, fencedBlock('sql', migrationScript(plan, plan.up)), lintText].join('\n\n');
}
