/**
 * Editing a rule's project setting (the Rules dialog): the setting to store is what differs from the
 * rule's defaults, and nothing when nothing does, so a document only records decisions.
 */
import type { RuleSetting } from '../model/review-config';
import type { Rule } from './types';

export function settingFor(rule: Rule, current: RuleSetting | undefined, change: Partial<RuleSetting>): RuleSetting | undefined {
  const next: RuleSetting = { ...current, ...change };
  if (next.enabled === !rule.optIn) delete next.enabled;
  if (next.severity === rule.defaultSeverity) delete next.severity;
  return Object.keys(next).length ? next : undefined;
}
