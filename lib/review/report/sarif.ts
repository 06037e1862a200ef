/**
 * `draftbase lint --format sarif`: a SARIF 2.1.0 log (OASIS), what GitHub code scanning
 * (github/codeql-action/upload-sarif) and other CI dashboards read. One run; the driver lists every
 * rule of the catalog (id, title, rationale, suggestion, default level, category as a tag); results
 * point at the schema file with a region when the element's line is known. Waived findings are
 * results with an accepted external suppression carrying the rationale; stale waivers are notes of
 * the invocation. Validated against the schema in sarif.test.ts.
 */
import { RULES } from '../rules';
import type { Finding, LintResult, Rule, Severity, Waiver } from '../types';
import type { Locate } from './location';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Rules the run knows (default: every rule Draftbase ships). */
  rules?: readonly Rule[];
  /** The tool's version (the CLI passes its package version). */
  version?: string;
  /** The document or configuration file stale waivers are reported against. */
  documentFile?: string;
}

/** `fk-without-index` -> `FkWithoutIndex` (SARIF recommends a Pascal-case name beside the id). */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

function descriptor(rule: Rule) {
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.suggestion}${rule.sources.length ? ` (Follows: ${rule.sources.join('; ')}.)` : ''}` },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity], enabled: !rule.optIn },
    properties: { tags: [rule.category] },
  };
}

function suppression(waiver: Waiver) {
  const properties: Record<string, string> = {};
  if (waiver.author) properties.author = waiver.author;
  if (waiver.at) properties.at = waiver.at;
  return { kind: 'external' as const, status: 'accepted' as const, justification: waiver.rationale, ...(Object.keys(properties).length ? { properties } : {}) };
}

export function sarifLog(result: LintResult, locate: Locate, options: SarifOptions = {}) {
  const rules = options.rules ?? RULES;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const toResult = (f: Finding, waiver?: Waiver) => {
    const at = locate(f);
    const physicalLocation = {
      artifactLocation: { uri: at.file },
      ...(at.line !== undefined ? { region: { startLine: at.line, startColumn: at.column ?? 1 } } : {}),
    };
    return {
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation }],
      // The finding's key is built from element ids: stable across renames and runs.
      partialFingerprints: { 'draftbaseFindingKey/v1': f.key },
      ...(waiver ? { suppressions: [suppression(waiver)] } : {}),
    };
  };
  const notifications = result.staleWaivers.map((w) => ({
    level: 'note' as const,
    message: { text: `The waiver of ${w.key} (${w.ruleId}) no longer matches a finding: the design changed; remove it or waive again.` },
    ...(options.documentFile ? { locations: [{ physicalLocation: { artifactLocation: { uri: options.documentFile } } }] } : {}),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'Draftbase',
            ...(options.version ? { version: options.version } : {}),
            rules: rules.map(descriptor),
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits' as const,
        results: [...result.findings.map((f) => toResult(f)), ...result.waived.map((f) => toResult(f, f.waiver))],
      },
    ],
  };
}
