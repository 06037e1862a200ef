/**
 * The rules as plain data (everything but `check`), for the answers that describe them: POST /api/lint,
 * the CLI's JSON and SARIF outputs.
 */
import { RULES } from '../rules';
import type { LintResult, Rule, RuleCategory, Severity } from '../types';

export interface RuleCatalogEntry {
  id: string;
  title: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  rationale: string;
  suggestion: string;
  sources: string[];
  optIn?: boolean;
}

export function catalogEntry(rule: Rule): RuleCatalogEntry {
  const entry: RuleCatalogEntry = {
    id: rule.id,
    title: rule.title,
    category: rule.category,
    defaultSeverity: rule.defaultSeverity,
    rationale: rule.rationale,
    suggestion: rule.suggestion,
    sources: [...rule.sources],
  };
  if (rule.optIn) entry.optIn = true;
  return entry;
}

/** The rules a result names (open, waived and stale waivers), in the rule list's order. */
export function catalogFor(result: LintResult, rules: readonly Rule[] = RULES): RuleCatalogEntry[] {
  const used = new Set<string>();
  for (const f of result.findings) used.add(f.ruleId);
  for (const f of result.waived) used.add(f.ruleId);
  for (const w of result.staleWaivers) used.add(w.ruleId);
  return rules.filter((r) => used.has(r.id)).map(catalogEntry);
}
