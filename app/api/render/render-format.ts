/**
 * One schema document -> one text output, shared by POST /api/render and `draftbase export`:
 * PostgreSQL DDL, MySQL DDL, a mermaid ERD, or the index strategy table (Markdown). Pure: no I/O.
 *
 * Options are validated per format (unknown keys rejected, so a typo is an error, not a silent
 * default). Generator diagnostics come back as they are; callers decide that `error` ones fail.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../../lib/model/diagnostics';
import { dialectSchema, type SchemaDocument } from '../../../lib/model/document';
import { generateMermaid, generateMermaidDiagrams, type MermaidDiagram } from '../../../lib/mermaid/generate-mermaid';
import { indexStrategy, indexStrategyMarkdown } from '../../../lib/index-strategy/index-strategy';

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
  /** Which engine's implicit index names and capabilities; default the document's dialect. */
  dialect: dialectSchema.optional(),
});

/** DDL options go to generateDdl as they are; it owns their meaning and reports what it ignores. */
export const ddlRenderOptionsSchema = z.record(z.string(), z.unknown());

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
  return diagrams.map((d) => `### ${d.title.replace(/[\r\n]+/g, ' ')}\n\n\`\`\`mermaid\n${d.text}\`\`\`\n`).join('\n');
}

export async function renderFormat(doc: SchemaDocument, format: RenderFormat, rawOptions?: unknown): Promise<RenderResult> {
  switch (format) {
    case 'postgres':
    case 'mysql': {
      const options = parseOptions(ddlRenderOptionsSchema, rawOptions);
      // Loaded on demand: mermaid and index-table renders never pay for the DDL generator.
      const { generateDdl } = await import('../../../lib/ddl/generate-ddl');
      const { sql, diagnostics } = generateDdl(doc, format, options as Parameters<typeof generateDdl>[2]);
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
      const rows = indexStrategy(doc, options.dialect ?? doc.settings.dialect);
      return { text: `${indexStrategyMarkdown(rows)}\n`, diagnostics: [], contentType: 'text/markdown; charset=utf-8' };
    }
    default: {
      const unreachable: never = format;
      throw new Error(`unknown format ${String(unreachable)}`);
    }
  }
}
