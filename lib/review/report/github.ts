/**
 * `draftbase lint --format github`: GitHub Actions workflow commands, which the runner turns into
 * annotations on the pull request's files
 * (`::error file=schema.sql,line=3,col=1,title=no-primary-key::orders has no primary key`).
 *
 * Escaping as the runner decodes it (actions/toolkit, command.ts): in the message `%`, CR and LF;
 * in property values also `:` and `,`, which would end the value.
 */
import type { LintResult, Severity } from '../types';
import type { Locate, SourceLocation } from './location';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function properties(at: SourceLocation, title: string): string {
  const props = [`file=${escapeProperty(at.file)}`];
  if (at.line !== undefined) props.push(`line=${at.line}`, `col=${at.column ?? 1}`);
  props.push(`title=${escapeProperty(title)}`);
  return props.join(',');
}

export function githubReport(result: LintResult, locate: Locate, documentFile: string): string {
  const lines = result.findings.map((f) => `::${COMMAND[f.severity]} ${properties(locate(f), f.ruleId)}::${escapeData(f.message)}`);
  for (const w of result.staleWaivers) {
    lines.push(`::notice ${properties({ file: documentFile }, `${w.ruleId} (stale waiver)`)}::${escapeData(`the waiver of ${w.key} no longer matches a finding; remove it or waive again`)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
