/**
 * `draftbase diff --format sarif`: the migration safety lint as a SARIF 2.1.0 log, in the same shape
 * as `draftbase lint --format sarif` (lib/review/report/sarif.ts): one run, the driver lists every
 * migration rule (id, title, the squawk / Atlas / Bytebase rules it follows as help), each finding a
 * result with its level, a message that carries the safer way, the schema file it was computed for
 * as location (with the element as a logical location), and the locks and lock-time estimate as
 * properties. Validated against the SARIF schema in sarif.test.ts.
 */
import { formatDuration, type MigrationFinding, type MigrationLintResult } from './lint';
import { MIGRATION_RULES, type LintSeverity, type MigrationRule } from './rules';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<LintSeverity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface MigrationSarifOptions {
  /** The file the migration was computed for (the newer side), as the results' location. */
  file: string;
  /** The tool's version. */
  version?: string;
  rules?: readonly MigrationRule[];
}

/** `add-column-not-null` -> `AddColumnNotNull` (SARIF recommends a Pascal-case name beside the id). */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

function descriptor(rule: MigrationRule) {
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    help: { text: rule.sources.length ? `Follows: ${rule.sources.join('; ')}.` : rule.title },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['migration'] },
  };
}

function message(f: MigrationFinding): string {
  const est = f.estimate?.now ?? f.estimate?.in5y;
  const lock = est ? ` Lock could last ${formatDuration(est.seconds)} at ${est.rows.toLocaleString('en-US')} ${est.basis} (assumed: ${est.assumption}).` : '';
  return `Step ${f.stepIndex + 1}: ${f.message}${lock} Safer: ${f.safer}`;
}

export function migrationSarifLog(result: MigrationLintResult, options: MigrationSarifOptions) {
  const rules = options.rules ?? MIGRATION_RULES;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: { driver: { name: 'Draftbase migration lint', ...(options.version ? { version: options.version } : {}), rules: rules.map(descriptor) } },
        invocations: [{ executionSuccessful: true }],
        columnKind: 'utf16CodeUnits' as const,
        results: result.findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: message(f) },
          locations: [{
            physicalLocation: { artifactLocation: { uri: options.file } },
            logicalLocations: [{ name: f.step.element.name, kind: f.step.element.kind === 'table' ? 'type' : 'member' }],
          }],
          // Element ids and the step's kind: stable across renames and reruns.
          partialFingerprints: { 'draftbaseMigrationFinding/v1': `${f.rule}:${f.step.kind}:${f.step.element.id}` },
          properties: { step: f.stepIndex + 1, kind: f.step.kind, sql: f.step.sql, safer: f.safer, locks: f.locks, ...(f.estimate ? { estimate: f.estimate } : {}), sources: [...f.sources] },
        })),
      },
    ],
  };
}
