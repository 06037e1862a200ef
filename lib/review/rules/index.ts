/** Every rule Draftbase ships, in the order the documentation lists them (by category). */
import type { Rule } from '../types';
import { integrityRules } from './integrity';
import { indexingRules } from './indexing';

export const RULES: readonly Rule[] = [...integrityRules, ...indexingRules];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
