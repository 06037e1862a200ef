/**
 * The CLI side of the design-document exports: `--to markdown|prisma|dbml` for `draftbase export`.
 * The export command (cli/export-command.ts, owned by the CLI engineer) calls `runExportFormat` for
 * these formats; the text is the same as GET /api/projects/:id/export (lib/exporters/export-file.ts).
 */
import type { Dialect, SchemaDocument } from '../lib/model/document';
import { exportFile, type ExportFile } from '../lib/exporters/export-file';

/** The formats this module adds to `draftbase export --to`. */
export const DESIGN_EXPORT_FORMATS = ['markdown', 'prisma', 'dbml'] as const;
export type DesignExportFormat = (typeof DESIGN_EXPORT_FORMATS)[number];

export function isDesignExportFormat(value: string): value is DesignExportFormat {
  return (DESIGN_EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Renders a validated document as Markdown (DATABASE_DESIGN.md), a Prisma schema or DBML, in
 * `dialect` (default the document's). Diagnostics are warnings/infos about what a format cannot say.
 */
export function runExportFormat(doc: SchemaDocument, format: DesignExportFormat, options: { dialect?: Dialect } = {}): Pick<ExportFile, 'text' | 'diagnostics'> {
  const { text, diagnostics } = exportFile(doc, format, { dialect: options.dialect });
  return { text, diagnostics };
}
