/**
 * Runs the design review: every enabled rule over the document, the project's severities applied,
 * waivers matched by finding key. Pure; cheap enough to run after every edit (see bench).
 */
import type { Dialect, SchemaDocument } from '../model/document';
import { newId, type IdFactory } from '../model/ids';
import { ReviewModel } from './model';
import { resolveOptions } from './options';
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
  // One model per run: every rule reads the same lookups, built on first use.
  const model = new ReviewModel(doc, dialect);
  const ids = options.ids ?? newId;
  for (const rule of options.rules ?? RULES) {
    if (!isRuleEnabled(rule, config)) continue;
    const setting = config?.rules?.[rule.id];
    const severity = setting?.severity ?? rule.defaultSeverity;
    for (const raw of rule.check({ doc, dialect, options: resolveOptions(rule, setting?.options), ids, model })) {
      all.push({ ...raw, ruleId: rule.id, severity });
    }
  }
  // Code-unit order, not localeCompare: the same on every machine, and ten times faster on 10,000 findings.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  all.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || cmp(a.ruleId, b.ruleId) || cmp(a.key, b.key));

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
