/**
 * Every output Draftbase produces, in one registry read by POST /api/render, GET
 * /api/projects/:id/export, `draftbase export --to` and (through catalog.ts) the editor's Download
 * menu. catalog.ts says what a format is; here each id gets its options (a strict zod schema) and one
 * render function. Adding a format: an entry in catalog.ts and one renderer here.
 */
import type { PreviousVersion } from '../design-doc/migration-section';
import { commentsMarkdown } from '../comments/markdown';
import type { CommentThreadInfo } from '../comments/types';
import type { z } from 'zod';
import { generateDdl, type CommentedStatement } from '../ddl/generate-ddl';
import { generateDesignDocWithDiagnostics } from '../design-doc/generate-design-doc';
import type { WorkloadAdvice } from '../workload/advice';
import { designDocHtmlWithoutDom } from '../design-doc/html-export';
import { indexStrategy, indexStrategyMarkdown } from '../index-strategy/index-strategy';
import { heading } from '../markdown/escape';
import { generateMermaid, generateMermaidDiagrams, type MermaidDiagram } from '../mermaid/generate-mermaid';
import type { Diagnostic } from '../model/diagnostics';
import type { Dialect, SchemaDocument } from '../model/document';
import type { SqlParsers } from '../sql-parse/types';
import { exportDbml } from '../exporters/export-dbml';
import { exportPrisma } from '../exporters/export-prisma';
import { FORMAT_CATALOG, formatInfo, type FormatId, type FormatInfo } from './catalog';
import { checkTarget, ddlOptionsSchema, dialectOptionsSchema, indexTableOptionsSchema, markdownOptionsSchema, mermaidOptionsSchema, noOptionsSchema, RenderOptionsError } from './options';

export { formatIds, type FormatId } from './catalog';

export interface FormatOutput {
  text: string;
  diagnostics: Diagnostic[];
  /** DDL (and the design document's DDL block): the statements written commented out, and why. */
  commented?: CommentedStatement[];
  /** The media type of `text` as POST /api/render reports it. */
  contentType: string;
  /** Mermaid with `split`: the diagrams one by one. */
  diagrams?: MermaidDiagram[];
}

/** What a render may use beyond the document and options: the SQL parsers, loaded asynchronously by
 * the caller (lib/sql-parse/load.ts), so formats with `checksExpressions` parse every expression. */
export interface RenderContext {
  sqlParsers?: SqlParsers;
  /** The query-pattern advisor's verdicts for the design document (computed by the caller). */
  advice?: WorkloadAdvice;
  /** The named version the design document's Migration Strategy shows the migration from (picked by the caller). */
  previousVersion?: PreviousVersion;
  /** Review threads the design document appends as "Review comments" (GET /api/projects/:id/export?comments=1). */
  comments?: readonly CommentThreadInfo[];
}

/** The design document, with the review comments appended when the caller asked for them. */
function withComments(markdown: string, doc: SchemaDocument, context: RenderContext): string {
  return context.comments ? `${markdown}\n${commentsMarkdown(context.comments, doc)}` : markdown;
}

interface Renderer<S extends z.ZodType = z.ZodType> {
  options: S;
  render(doc: SchemaDocument, options: z.infer<S>, context: RenderContext): FormatOutput;
}

export interface OutputFormat extends FormatInfo, Renderer {}

/** Keeps each renderer typed by its own options schema. */
const renderer = <S extends z.ZodType>(r: Renderer<S>): Renderer => r as unknown as Renderer;

const ddl = (dialect: Dialect) =>
  renderer({
    options: ddlOptionsSchema,
    render: (doc, options, { sqlParsers }) => {
      const { sql, diagnostics, commented } = generateDdl(doc, dialect, { ...options, target: checkTarget(dialect, options.target), sqlParsers });
      return { text: sql, diagnostics, commented, contentType: 'application/sql; charset=utf-8' };
    },
  });

/** The mermaid diagrams as Markdown: a heading and a ```mermaid block each (GitHub renders them). */
function diagramsMarkdown(diagrams: MermaidDiagram[]): string {
  // Titles carry area names: escaped like any user text. The diagram text never holds a backtick.
  return diagrams.map((d) => `${heading(3, d.title)}\n\n\`\`\`mermaid\n${d.text}\`\`\`\n`).join('\n');
}

const RENDERERS: Record<FormatId, Renderer> = {
  markdown: renderer({
    options: markdownOptionsSchema,
    render: (doc, { dialect, title, versionName, date }, context) => {
      const { markdown, diagnostics, commented } = generateDesignDocWithDiagnostics(doc, { dialect: dialect ?? doc.settings.dialect, projectName: title, versionName, date, advice: context.advice, previousVersion: context.previousVersion });
      return { text: withComments(markdown, doc, context), diagnostics, commented, contentType: 'text/markdown; charset=utf-8' };
    },
  }),
  html: renderer({
    // The same document as the markdown format, front matter options included.
    options: markdownOptionsSchema,
    render: (doc, { dialect, title, versionName, date }, context) => {
      const { markdown, diagnostics, commented } = generateDesignDocWithDiagnostics(doc, { dialect: dialect ?? doc.settings.dialect, projectName: title, versionName, date, advice: context.advice, previousVersion: context.previousVersion });
      return { text: designDocHtmlWithoutDom(withComments(markdown, doc, context)), diagnostics, commented, contentType: 'text/html; charset=utf-8' };
    },
  }),
  postgres: ddl('postgres'),
  mysql: ddl('mysql'),
  sqlite: ddl('sqlite'),
  mermaid: renderer({
    options: mermaidOptionsSchema,
    render: (doc, options) => {
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
    },
  }),
  'index-table': renderer({
    options: indexTableOptionsSchema,
    render: (doc, options) => {
      const dialect = options.dialect ?? doc.settings.dialect;
      const rows = indexStrategy(doc, dialect, { target: checkTarget(dialect, options.target), schemaQualified: options.schemaQualified });
      return { text: `${indexStrategyMarkdown(rows)}\n`, diagnostics: [], contentType: 'text/markdown; charset=utf-8' };
    },
  }),
  prisma: renderer({
    options: dialectOptionsSchema,
    render: (doc, { dialect }) => ({ ...exportPrisma(doc, { dialect }), contentType: 'text/plain; charset=utf-8' }),
  }),
  dbml: renderer({
    options: dialectOptionsSchema,
    render: (doc, { dialect }) => ({ ...exportDbml(doc, { dialect }), contentType: 'text/plain; charset=utf-8' }),
  }),
  json: renderer({
    options: noOptionsSchema,
    render: (doc) => ({ text: `${JSON.stringify(doc, null, 2)}\n`, diagnostics: [], contentType: 'application/json; charset=utf-8' }),
  }),
};

/** In catalog order. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = FORMAT_CATALOG.map((info) => ({ ...info, ...RENDERERS[info.id] }));

export function outputFormat(id: string): OutputFormat | undefined {
  const info = formatInfo(id);
  return info ? OUTPUT_FORMATS.find((f) => f.id === info.id) : undefined;
}

/** The option keys a format takes (for callers that map their own flags onto options, like the CLI). */
export function optionKeys(f: OutputFormat): string[] {
  const shape = (f.options as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}
