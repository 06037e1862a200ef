/**
 * Where a finding points in the files the user gave: the schema file (and the line of the element's
 * CREATE TABLE or column, when known) or the document. The CLI builds a Locate from the source
 * (source-locations.ts) or from the document JSON; the report formats only read it.
 */
import type { Finding } from '../types';

export interface SourceLocation {
  /** Relative to the working directory, `/`-separated (what SARIF's artifactLocation.uri wants). */
  file: string;
  /** 1-based; absent when the element cannot be placed in the file. */
  line?: number;
  column?: number;
}

/** Where a finding points (by its target; a report over several files knows each finding's file). */
export type Locate = (finding: Finding) => SourceLocation;

/** `file:line:col` or `file` alone. */
export function locationText(at: SourceLocation): string {
  return at.line !== undefined ? `${at.file}:${at.line}:${at.column ?? 1}` : at.file;
}

/** A message on one line: the report formats are line-based. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
