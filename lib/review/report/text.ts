/**
 * `draftbase lint --format text`: one line per open finding, as compilers and linters write them
 * (`file:line:col: severity rule-id: message`, editors and terminals make them links), then the
 * stale waivers as notes and a summary line.
 */
import type { LintResult } from '../types';
import { locationText, oneLine, type Locate } from './location';
import { countText, summarizeCounts } from './problems';

export function textReport(result: LintResult, locate: Locate, documentFile: string): string {
  const lines = result.findings.map((f) => `${locationText(locate(f))}: ${f.severity} ${f.ruleId}: ${oneLine(f.message)}`);
  for (const w of result.staleWaivers) {
    lines.push(`${documentFile}: info ${w.ruleId}: the waiver of ${oneLine(w.key)} no longer matches a finding (the design changed); remove it or waive again`);
  }
  const waived = result.waived.length ? `; ${countText(result.waived.length, 'finding')} waived` : '';
  lines.push(`${summarizeCounts(result.counts)}${waived}`);
  return `${lines.join('\n')}\n`;
}
