/**
 * Runs the design review: every enabled rule over the document, the project's severities applied,
 * waivers matched by finding key. Pure; cheap enough to run after every edit (see bench).
 */
import type { Dialect, SchemaDocument } from '../model/document';
import { newId, type IdFactory } from '../model/ids';
import { RULES } from './rules';
import { severities, type Finding, type LintResult, type ReviewConfig, type Rule, type Severity, type WaivedFinding } from './types';

export interface LintOptions {
  /** The dialect to judge for; defaults to the document's. */
  dialect?: Dialect;
  /** Overrides the document's own `review` configuration (the CLI's --config). */
  config?: ReviewConfig;
  /** The rule set; defaults to every rule Draftbase ships. */
  rules?: readonly Rule[];
  /** Ids for the elements fixes create; defaults to random ids. */
  ids?: IdFactory;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function isRuleEnabled(rule: Rule, config: ReviewConfig | undefined): boolean {
  return config?.rules?.[rule.id]?.enabled ?? !rule.optIn;
}

export function lintDocument(doc: SchemaDocument, options: LintOptions = {}): LintResult {
  const config = options.config ?? doc.review;
  const dialect = options.dialect ?? doc.settings.dialect;
  const all: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    if (!isRuleEnabled(rule, config)) continue;
    const setting = config?.rules?.[rule.id];
    const severity = setting?.severity ?? rule.defaultSeverity;
    for (const raw of rule.check({ doc, dialect, options: setting?.options ?? {}, ids: options.ids ?? newId })) {
      all.push({ ...raw, ruleId: rule.id, severity });
    }
  }
  all.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || a.ruleId.localeCompare(b.ruleId) || a.key.localeCompare(b.key));

  const waivers = new Map((config?.waivers ?? []).map((w) => [w.key, w]));
  const findings: Finding[] = [];
  const waived: WaivedFinding[] = [];
  const used = new Set<string>();
  for (const f of all) {
    const waiver = waivers.get(f.key);
    if (waiver) {
      waived.push({ ...f, waiver });
      used.add(f.key);
    } else {
      findings.push(f);
    }
  }
  const counts = Object.fromEntries(severities.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  const staleWaivers = [...waivers.values()].filter((w) => !used.has(w.key));
  return { findings, waived, staleWaivers, counts };
}
