/**
 * One schema document -> one text output, shared by POST /api/render and `draftbase export`:
 * PostgreSQL DDL, MySQL DDL, a mermaid ERD, or the index strategy table (Markdown). Pure: no I/O.
 *
 * Options are validated per format (unknown keys rejected, so a typo is an error, not a silent
 * default). Generator diagnostics come back as they are; callers decide that `error` ones fail.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../../lib/model/diagnostics';
import { dialectSchema, type Dialect, type SchemaDocument } from '../../../lib/model/document';
import { dialectSpec } from '../../../lib/dialects/dialects';
import type { DdlTarget } from '../../../lib/dialects/types';
import { generateMermaid, generateMermaidDiagrams, type MermaidDiagram } from '../../../lib/mermaid/generate-mermaid';
import { indexStrategy, indexStrategyMarkdown } from '../../../lib/index-strategy/index-strategy';
import { heading } from '../../../lib/markdown/escape';

export const renderFormats = ['postgres', 'mysql', 'mermaid', 'index-table'] as const;
export const renderFormatSchema = z.enum(renderFormats);
export type RenderFormat = z.infer<typeof renderFormatSchema>;

export const mermaidRenderOptionsSchema = z.strictObject({
  /** Only this area's tables (plus the tables they relate to, without attributes). */
  areaId: z.string().min(1).optional(),
  /** false = tables and relationships only. */
  attributes: z.boolean().optional(),
  /** Native types of this dialect; default the document's. */
  dialect: dialectSchema.optional(),
  /** Split into diagrams under `budget` characters (overview + per area); text is then Markdown. */
  split: z.boolean().optional(),
  budget: z.number().int().min(2_000).max(1_000_000).optional(),
});

export const indexTableRenderOptionsSchema = z.strictObject({
  /** Which engine's index names and capabilities; default the document's dialect. */
  dialect: dialectSchema.optional(),
  /** Engine version (as for DDL), e.g. `mariadb-10.11`. */
  target: z.string().optional(),
  schemaQualified: z.boolean().optional(),
});

/** A target must belong to the dialect: `mariadb-10.11` for mysql, `postgres-13`..`17` for postgres. */
function checkTarget(dialect: Dialect, target: string | undefined): DdlTarget | undefined {
  if (target === undefined) return undefined;
  const spec = dialectSpec(dialect);
  const known = spec.targets.find((t) => t === target);
  if (!known) throw new RenderOptionsError(`options.target: "${target}" is not a ${spec.label} target (${spec.targets.join(', ')})`, 'options.target');
  return known;
}

/** generateDdl's options (DdlOptions); the target is checked against the dialect's list below. */
export const ddlRenderOptionsSchema = z.strictObject({
  /** DROP ... IF EXISTS for everything first, in reverse dependency order. */
  dropFirst: z.boolean().optional(),
  /** Qualify default-schema names (PostgreSQL) / keep schemas as databases (MySQL). */
  schemaQualified: z.boolean().optional(),
  /** Engine version, e.g. `postgres-15`, `mysql-8.4`, `mariadb-10.11`. */
  target: z.string().optional(),
});

export interface RenderResult {
  text: string;
  diagnostics: Diagnostic[];
  /** With mermaid `split`: the diagrams one by one. */
  diagrams?: MermaidDiagram[];
  /** The media type of `text`. */
  contentType: string;
}

/** Options that do not fit the format: a caller error (HTTP 400, CLI exit 2). */
export class RenderOptionsError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'RenderOptionsError';
  }
}

function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['options', ...issue.path.map(String)].join('.');
    throw new RenderOptionsError(`${path}: ${issue.message}`, path);
  }
  return parsed.data;
}

/** The mermaid diagrams as Markdown: a heading and a ```mermaid block each (GitHub renders them). */
function diagramsMarkdown(diagrams: MermaidDiagram[]): string {
  // Titles carry area names: escaped like any user text. The diagram text never holds a backtick.
  return diagrams.map((d) => `${heading(3, d.title)}\n\n\`\`\`mermaid\n${d.text}\`\`\`\n`).join('\n');
}

export async function renderFormat(doc: SchemaDocument, format: RenderFormat, rawOptions?: unknown): Promise<RenderResult> {
  switch (format) {
    case 'postgres':
    case 'mysql': {
      const options = parseOptions(ddlRenderOptionsSchema, rawOptions);
      // Loaded on demand: mermaid and index-table renders never pay for the DDL generator.
      const { generateDdl } = await import('../../../lib/ddl/generate-ddl');
      // Every expression and view body is parsed (expression.syntax / expression.unknown-column).
      const { loadSqlParsers } = await import('../../../lib/sql-parse/load');
      const sqlParsers = await loadSqlParsers();
      const { sql, diagnostics } = generateDdl(doc, format, { ...options, target: checkTarget(format, options.target), sqlParsers });
      return { text: sql, diagnostics, contentType: 'application/sql; charset=utf-8' };
    }
    case 'mermaid': {
      const options = parseOptions(mermaidRenderOptionsSchema, rawOptions);
      if (options.areaId !== undefined && !doc.areas[options.areaId]) {
        throw new RenderOptionsError(`options.areaId: unknown area id "${options.areaId}"`, 'options.areaId');
      }
      if (options.split) {
        if (options.areaId !== undefined || options.attributes === false) {
          throw new RenderOptionsError('options.split: cannot be combined with areaId or attributes: false', 'options.split');
        }
        const diagrams = generateMermaidDiagrams(doc, { budget: options.budget, dialect: options.dialect });
        return { text: diagramsMarkdown(diagrams), diagrams, diagnostics: [], contentType: 'text/markdown; charset=utf-8' };
      }
      const text = generateMermaid(doc, { areaId: options.areaId, attributes: options.attributes, dialect: options.dialect });
      return { text, diagnostics: [], contentType: 'text/vnd.mermaid; charset=utf-8' };
    }
    case 'index-table': {
      const options = parseOptions(indexTableRenderOptionsSchema, rawOptions);
      const dialect = options.dialect ?? doc.settings.dialect;
      const rows = indexStrategy(doc, dialect, { target: checkTarget(dialect, options.target), schemaQualified: options.schemaQualified });
      return { text: `${indexStrategyMarkdown(rows)}\n`, diagnostics: [], contentType: 'text/markdown; charset=utf-8' };
    }
    default: {
      const unreachable: never = format;
      throw new Error(`unknown format ${String(unreachable)}`);
    }
  }
}
