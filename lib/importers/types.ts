/**
 * The one contract every importer follows: source text in, a document plus a per-statement report out.
 * Partial results are the norm (a trigger we cannot model is reported as skipped); only input we
 * cannot read at all raises an ImportError, with a position the user can go to.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { SchemaDocument } from '../model/document';

export type ImportFormat = 'postgres' | 'mysql' | 'sqlite' | 'prisma' | 'dbml' | 'json';

export interface SourceFile {
  name: string;
  content: string;
}

export interface ImportCounts {
  tables: number;
  columns: number;
  relationships: number;
  indexes: number;
  enums: number;
  views: number;
}

export interface SkippedStatement {
  /** 1-based line where the statement starts (in `file` when the source had several files). */
  line: number;
  /** The statement, shortened to one line of at most ~120 characters. */
  statement: string;
  reason: string;
  file?: string;
}

export interface ImportReport {
  format: ImportFormat;
  counts: ImportCounts;
  skipped: SkippedStatement[];
  diagnostics: Diagnostic[];
}

export interface ImportResult {
  document: SchemaDocument;
  report: ImportReport;
}

/** Input that cannot be imported at all. Line and column are 1-based. */
export class ImportError extends Error {
  readonly line?: number;
  readonly column?: number;
  /** The offending source text (a line or two), for display. */
  readonly excerpt?: string;
  readonly file?: string;

  constructor(message: string, at: { line?: number; column?: number; excerpt?: string; file?: string } = {}) {
    super(message);
    this.name = 'ImportError';
    this.line = at.line;
    this.column = at.column;
    this.excerpt = at.excerpt;
    this.file = at.file;
  }
}

/** Counts of a document, used for the import preview and by tests. */
export function countDocument(doc: SchemaDocument): ImportCounts {
  const tables = Object.values(doc.tables);
  return {
    tables: tables.length,
    columns: tables.reduce((n, t) => n + t.columns.length, 0),
    relationships: Object.keys(doc.relationships).length,
    indexes: tables.reduce((n, t) => n + t.indexes.length, 0),
    enums: Object.keys(doc.enums).length,
    views: Object.keys(doc.views).length,
  };
}

/** 1-based line and column of a character offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The source line at a 1-based line number, trimmed to a readable length. */
export function lineExcerpt(text: string, line: number, max = 200): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  const raw = text.slice(start, nl < 0 ? text.length : nl);
  return raw.length > max ? `${raw.slice(0, max)}…` : raw;
}
