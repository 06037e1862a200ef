/**
 * The DDL panel's diagnostics as groups: by severity (errors, warnings, notes), then by code, each with
 * its count, a readable title and what the code means. An import can yield a hundred diagnostics of
 * a handful of kinds; one line per kind with its count reads faster than a flat list.
 */
import { DDL_DIAGNOSTIC_CODES } from '@/lib/ddl/diagnostic-codes';
import type { Diagnostic, Severity } from '@/lib/model/diagnostics';
import { DIALECT_LIST } from '@/lib/dialects/dialects';

export interface DiagnosticGroup {
  /** Unique among the groups shown: severity and code (one code can come at two severities). */
  key: string;
  code: string;
  severity: Severity;
  /** `Partial index`, `Name: reserved word`. */
  title: string;
  /** The output the code is about when it is dialect-specific: `MySQL`, `PostgreSQL`. */
  dialect?: string;
  /** What the code means, from the registry (absent for a code it does not know). */
  meaning?: string;
  items: Diagnostic[];
}

export interface SeverityGroup {
  severity: Severity;
  /** `Errors`, `Warnings`, `Notes`. */
  label: string;
  count: number;
  groups: DiagnosticGroup[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_LABELS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const DIALECT_PREFIXES: Record<string, string> = Object.fromEntries(DIALECT_LIST.map((d) => [d.name, d.label]));
/** Code prefixes that name what the diagnostic is about. */
const SUBJECT_PREFIXES: Record<string, string> = {
  column: 'Column', document: 'Document', enum: 'Enum', expression: 'Expression', fk: 'Foreign key', index: 'Index',
  name: 'Name', partition: 'Partition', target: 'Target', type: 'Type', unique: 'Unique constraint', view: 'View',
};

function sentence(words: string): string {
  const text = words.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `mysql.partial-index` -> `Partial index` (MySQL); `name.reserved-word` -> `Name: reserved word`. */
export function diagnosticTitle(code: string): { title: string; dialect?: string } {
  const dot = code.indexOf('.');
  if (dot < 0) return { title: sentence(code) };
  const prefix = code.slice(0, dot);
  const rest = code.slice(dot + 1);
  const dialect = DIALECT_PREFIXES[prefix];
  if (dialect) return { title: sentence(rest), dialect };
  const subject = SUBJECT_PREFIXES[prefix];
  return { title: subject ? `${subject}: ${rest.replace(/-/g, ' ')}` : sentence(code.replace('.', ' ')) };
}

/**
 * Groups in severity order (errors first); within a severity the largest groups first, then by title.
 * Items keep the generator's order. `hideInfo` leaves the notes out (their count is still reported
 * by the caller from the full list).
 */
export function groupDiagnostics(diagnostics: readonly Diagnostic[], options: { hideInfo?: boolean } = {}): SeverityGroup[] {
  const bySeverity = new Map<Severity, Map<string, DiagnosticGroup>>();
  for (const d of diagnostics) {
    if (options.hideInfo && d.severity === 'info') continue;
    let groups = bySeverity.get(d.severity);
    if (!groups) bySeverity.set(d.severity, (groups = new Map()));
    let group = groups.get(d.code);
    if (!group) {
      const { title, dialect } = diagnosticTitle(d.code);
      group = { key: `${d.severity}:${d.code}`, code: d.code, severity: d.severity, title, items: [] };
      if (dialect) group.dialect = dialect;
      const meaning = DDL_DIAGNOSTIC_CODES[d.code]?.meaning;
      if (meaning) group.meaning = meaning;
      groups.set(d.code, group);
    }
    group.items.push(d);
  }
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const groups = bySeverity.get(severity);
    if (!groups) continue;
    const sorted = [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.title.localeCompare(b.title) || a.code.localeCompare(b.code));
    out.push({ severity, label: SEVERITY_LABELS[severity], count: sorted.reduce((n, g) => n + g.items.length, 0), groups: sorted });
  }
  return out;
}
