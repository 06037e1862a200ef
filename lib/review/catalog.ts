/** The rules as the settings dialog, the CLI and the rules reference show them: data only, no checks. */
import { RULES } from './rules';
import type { Rule, RuleCatalogEntry } from './types';

export function catalogEntry(rule: Rule): RuleCatalogEntry {
  return {
    id: rule.id,
    title: rule.title,
    category: rule.category,
    defaultSeverity: rule.defaultSeverity,
    rationale: rule.rationale,
    suggestion: rule.suggestion,
    sources: [...rule.sources],
    optIn: rule.optIn ?? false,
    ...(rule.fix && { fix: rule.fix }),
    ...(rule.options && { options: Object.entries(rule.options).map(([name, spec]) => ({ name, spec })) }),
  };
}

/** Every rule Draftbase ships, in the reference's order (by category). */
export function ruleCatalog(rules: readonly Rule[] = RULES): RuleCatalogEntry[] {
  return rules.map(catalogEntry);
}
