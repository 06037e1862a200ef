/** Every rule Draftbase ships, in the order the documentation lists them (by category). */
import type { Rule } from '../types';
import { capacityRules } from './capacity';
import { documentationRules } from './documentation';
import { indexingRules } from './indexing';
import { columnIntegrityRules } from './integrity-columns';
import { integrityRules } from './integrity';
import { namingRules } from './naming';
import { performanceRules } from './performance';
import { securityRules } from './security';
import { typeRules } from './types';
import { workloadRules } from './workload';

export const RULES: readonly Rule[] = [
  ...integrityRules, ...columnIntegrityRules, ...indexingRules, ...workloadRules, ...typeRules, ...namingRules, ...documentationRules, ...securityRules, ...performanceRules, ...capacityRules,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
