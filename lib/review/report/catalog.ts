/** The catalog entries (lib/review/catalog.ts) of the rules a result names: POST /api/lint and `draftbase lint --format json`. */
import { catalogEntry } from '../catalog';
import { RULES } from '../rules';
import type { LintResult, Rule, RuleCatalogEntry } from '../types';

export type { RuleCatalogEntry };

/** The rules a result names (open, waived and stale waivers), in the rule list's order. */
export function catalogFor(result: LintResult, rules: readonly Rule[] = RULES): RuleCatalogEntry[] {
  const used = new Set<string>();
  for (const f of result.findings) used.add(f.ruleId);
  for (const f of result.waived) used.add(f.ruleId);
  for (const w of result.staleWaivers) used.add(w.ruleId);
  return rules.filter((r) => used.has(r.id)).map(catalogEntry);
}
