/**
 * `draftbase lint --format json`: the LintResult as POST /api/lint answers it, each finding with its
 * location in the input, plus the catalog entries of the rules it names.
 */
import type { Finding, LintResult, Rule } from '../types';
import { catalogFor, type RuleCatalogEntry } from './catalog';
import type { Locate, SourceLocation } from './location';

export type LocatedFinding<F extends Finding = Finding> = F & { location: SourceLocation };

export interface JsonReport extends Omit<LintResult, 'findings' | 'waived'> {
  findings: LocatedFinding[];
  waived: LocatedFinding<LintResult['waived'][number]>[];
  rules: RuleCatalogEntry[];
}

export function jsonReport(result: LintResult, locate: Locate, rules?: readonly Rule[]): JsonReport {
  return {
    findings: result.findings.map((f) => ({ ...f, location: locate(f) })),
    waived: result.waived.map((f) => ({ ...f, location: locate(f) })),
    staleWaivers: result.staleWaivers,
    counts: result.counts,
    rules: catalogFor(result, rules),
  };
}
