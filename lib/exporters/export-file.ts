/**
 * One document -> one downloadable file, shared by GET /api/projects/:id/export and the CLI
 * (cli/export-formats.ts): DATABASE_DESIGN.md, PostgreSQL/MySQL DDL, mermaid (.mmd), Prisma schema,
 * DBML and the project JSON, each with its media type and file name. Pure.
 *
 * A file whose generator reported diagnostics starts with a comment listing them (export-notes.ts):
 * what the file leaves out or changes, and what will fail, travels with the file.
 */
import { generateDdl } from '../ddl/generate-ddl';
import { generateDesignDocWithDiagnostics } from '../design-doc/generate-design-doc';
import { generateMermaid } from '../mermaid/generate-mermaid';
import type { Diagnostic } from '../model/diagnostics';
import type { Dialect, SchemaDocument } from '../model/document';
import type { SqlParsers } from '../sql-parse/types';
import { exportDbml } from './export-dbml';
import { exportPrisma } from './export-prisma';
import { diagnosticsComment, type CommentStyle } from './export-notes';

export const exportFormats = ['markdown', 'postgres', 'mysql', 'mermaid', 'prisma', 'dbml', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

/** Formats whose output depends on a dialect (the others fix it or have none). */
export const DIALECT_FORMATS: readonly ExportFormat[] = ['markdown', 'mermaid', 'prisma', 'dbml'];

export interface ExportFile {
  text: string;
  contentType: string;
  fileName: string;
  diagnostics: Diagnostic[];
}

export interface ExportFileOptions {
  /** markdown/mermaid/prisma/dbml: whose types and DDL; default the document's dialect. */
  dialect?: Dialect;
  /** Base of the file names (the project name); default "schema". */
  baseName?: string;
  /** postgres/mysql: the loaded SQL parsers, to check every expression (see DdlOptions.sqlParsers). */
  sqlParsers?: SqlParsers;
}

/** A file-name-safe base: letters, digits, dot, dash, underscore; never empty. */
export function fileBaseName(name: string | undefined): string {
  const base = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return base || 'schema';
}

/** How each format writes a comment (the diagnostics header). */
const COMMENT_STYLE: Record<ExportFormat, CommentStyle> = {
  markdown: 'html',
  postgres: 'sql',
  mysql: 'sql',
  mermaid: 'mermaid',
  prisma: 'slashes',
  dbml: 'slashes',
  json: 'none',
};

const DIALECT_LABEL = { postgres: 'PostgreSQL', mysql: 'MySQL' } as const;

/** What the diagnostics header calls the file. */
function subjectOf(format: ExportFormat, dialect: Dialect): string {
  switch (format) {
    case 'postgres':
    case 'mysql':
      return `this ${DIALECT_LABEL[format]} script`;
    case 'markdown':
      return `this design document (${DIALECT_LABEL[dialect]})`;
    case 'prisma':
      return `this Prisma schema (${DIALECT_LABEL[dialect]})`;
    case 'dbml':
      return 'this DBML file';
    default:
      return `this ${format} file`;
  }
}

export function exportFile(doc: SchemaDocument, format: ExportFormat, options: ExportFileOptions = {}): ExportFile {
  const file = exportFileBody(doc, format, options);
  const notes = diagnosticsComment(file.diagnostics, COMMENT_STYLE[format], subjectOf(format, options.dialect ?? doc.settings.dialect));
  return notes ? { ...file, text: notes + file.text } : file;
}

function exportFileBody(doc: SchemaDocument, format: ExportFormat, options: ExportFileOptions): ExportFile {
  const dialect = options.dialect ?? doc.settings.dialect;
  const base = fileBaseName(options.baseName);
  switch (format) {
    case 'markdown': {
      const { markdown, diagnostics } = generateDesignDocWithDiagnostics(doc, { dialect });
      return { text: markdown, contentType: 'text/markdown; charset=utf-8', fileName: 'DATABASE_DESIGN.md', diagnostics };
    }
    case 'postgres':
    case 'mysql': {
      const { sql, diagnostics } = generateDdl(doc, format, { sqlParsers: options.sqlParsers });
      return { text: sql, contentType: 'application/sql; charset=utf-8', fileName: `${base}.${format}.sql`, diagnostics };
    }
    case 'mermaid':
      // The whole diagram in one file (tools read .mmd files whole); the design document splits it.
      return { text: generateMermaid(doc, { dialect }), contentType: 'text/plain; charset=utf-8', fileName: `${base}.mmd`, diagnostics: [] };
    case 'prisma': {
      const { text, diagnostics } = exportPrisma(doc, { dialect });
      return { text, contentType: 'text/plain; charset=utf-8', fileName: 'schema.prisma', diagnostics };
    }
    case 'dbml': {
      const { text, diagnostics } = exportDbml(doc, { dialect });
      return { text, contentType: 'text/plain; charset=utf-8', fileName: `${base}.dbml`, diagnostics };
    }
    case 'json':
      return { text: `${JSON.stringify(doc, null, 2)}\n`, contentType: 'application/json; charset=utf-8', fileName: `${base}.draftbase.json`, diagnostics: [] };
    default: {
      const never: never = format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}

/** `attachment; filename="..."; filename*=UTF-8''...` (ASCII fallback plus the exact name). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
