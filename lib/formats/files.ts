/**
 * A registry format as a downloadable file (GET /api/projects/:id/export, `draftbase export -o`, the
 * Download menu): its name, media type, and the text with a header comment listing the generator's
 * diagnostics (export-notes.ts), so what the file leaves out or changes travels with it, and the
 * number of statements it writes commented out. Pure.
 */
import type { CommentThreadInfo } from '../comments/types';
import type { PreviousVersion } from '../design-doc/migration-section';
import type { WorkloadAdvice } from '../workload/advice';
import type { Diagnostic } from '../model/diagnostics';
import type { Dialect, SchemaDocument } from '../model/document';
import type { SqlParsers } from '../sql-parse/types';
import { diagnosticsComment } from '../exporters/export-notes';
import { fileBaseName } from './catalog';
import { parseOptions } from './options';

export { fileBaseName } from './catalog';
import { requireFormat } from './render';

export interface ExportFile {
  text: string;
  contentType: string;
  fileName: string;
  diagnostics: Diagnostic[];
  /** How many statements are written commented out (the target would reject them). */
  commentedOut: number;
}

export interface ExportFileOptions {
  /** Formats written for a dialect: whose types and DDL; default the document's dialect. */
  dialect?: Dialect;
  /** Base of the file names (the project name); default "schema". */
  baseName?: string;
  /** The format's own options (checked against its schema; `dialect` above wins). */
  options?: Record<string, unknown>;
  /** Formats with `checksExpressions`: the loaded SQL parsers (see RenderContext). */
  sqlParsers?: SqlParsers;
  /** The design document: the query-pattern verdicts computed beforehand (see RenderContext). */
  advice?: WorkloadAdvice;
  /** The design document: the named version its Migration Strategy shows the migration from (see RenderContext). */
  previousVersion?: PreviousVersion;
  /** The design document: review threads to append as its "Review comments" section (see RenderContext). */
  comments?: readonly CommentThreadInfo[];
}

export function exportFile(doc: SchemaDocument, formatId: string, options: ExportFileOptions = {}): ExportFile {
  const f = requireFormat(formatId);
  const chosen = options.dialect ?? (options.options?.dialect as Dialect | undefined);
  const dialect = chosen ?? f.fixedDialect ?? doc.settings.dialect;
  const out = f.render(doc, parseOptions(f.options, { ...options.options, ...(f.dialectual ? { dialect } : {}) }), { sqlParsers: options.sqlParsers, advice: options.advice, previousVersion: options.previousVersion, comments: options.comments });
  const notes = diagnosticsComment(out.diagnostics, f.file.comment, f.file.subject(dialect));
  return { text: notes ? notes + out.text : out.text, contentType: f.file.contentType, fileName: f.file.name(fileBaseName(options.baseName)), diagnostics: out.diagnostics, commentedOut: out.commented?.length ?? 0 };
}

/** `attachment; filename="..."; filename*=UTF-8''...` (ASCII fallback plus the exact name). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
