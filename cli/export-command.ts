/**
 * `draftbase export <document.json> --to postgres|mysql|mermaid|index-table [-o FILE] [options]`
 *
 * Reads a Draftbase document (a file, or `-` for standard input), renders it with the same code as
 * POST /api/render, and writes the text to FILE or standard output. Problems with the input are
 * reported as `file:line:col: message` on standard error with exit code 2; generator warnings are
 * reported the same way (with `warning:`) and do not change the exit code.
 */
import { parseArgs } from 'node:util';
import { loadDocument } from '../lib/model/migrate';
import type { Diagnostic } from '../lib/model/diagnostics';
import type { SchemaDocument } from '../lib/model/document';
import { renderFormat, renderFormats, RenderOptionsError, type RenderFormat } from '../app/api/render/render-format';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io';
import { DESIGN_EXPORT_FORMATS, isDesignExportFormat, runExportFormat } from './export-formats';
import { importPath, printImportError } from './import-command';
import { ImportError } from '../lib/importers/types';
import type { ImportSourceFormat } from '../lib/server/importers/import-source';
import { findJsonSyntaxError, offsetOfPath, positionAt } from './json-position';
import { refusingDiagnostics } from '../lib/exporters/export-notes';

const EXPORT_FORMATS: readonly string[] = [...renderFormats, ...DESIGN_EXPORT_FORMATS];
const IMPORT_FORMATS: readonly ImportSourceFormat[] = ['postgres', 'mysql', 'prisma', 'dbml', 'json', 'auto'];

export const EXPORT_USAGE = `Usage: draftbase export <document.json|schema file|folder|-> --to ${EXPORT_FORMATS.join('|')} [-o FILE]

The input is a Draftbase document (.json), or any schema the import command reads (PostgreSQL or
MySQL DDL, a Prisma schema file or folder, DBML), imported first.

Options:
  --to FORMAT        postgres | mysql (DDL), mermaid (erDiagram), index-table (Markdown),
                     markdown (DATABASE_DESIGN.md), prisma (schema.prisma), dbml
  --from FORMAT      the input's format: json | postgres | mysql | prisma | dbml | auto (default:
                     json for .json files and standard input, else detected)
  -o, --output FILE  write to FILE instead of standard output
  --dialect D        mermaid/index-table/markdown: postgres | mysql (default: the document's dialect)
  --area NAME|ID     mermaid: only this area's tables (and their direct neighbours)
  --overview         mermaid: tables and relationships only, no attributes
  --split            mermaid: overview + one diagram per area, each under --budget characters,
                     as Markdown with one \`\`\`mermaid block per diagram
  --budget N         mermaid --split: characters per diagram (default 45000)
  --target T         DDL/index-table: engine version, e.g. postgres-15, mysql-8.4, mariadb-10.11
  --drop-first       DDL: DROP ... IF EXISTS everything first (reverse dependency order)
  --schema-qualified DDL/index-table: qualify default-schema names (PostgreSQL) / keep schemas as
                     databases (MySQL)
  -h, --help         show this help

Exit status: 0 success, 2 bad input (usage, unreadable file, invalid JSON or document, or a
document the generator reports errors for), 1 unexpected failure.
`;

/** `file:line:col: ` for a document path (or the file alone when there is no text to point into). */
function locate(file: string, text: string, docPath: string | undefined): string {
  // Imported schema files have no JSON text to point into.
  if (docPath === undefined || !text) return `${file}: `;
  const { line, column } = positionAt(text, offsetOfPath(text, docPath));
  return `${file}:${line}:${column}: `;
}

function formatDiagnostic(file: string, text: string, d: Diagnostic): string {
  const where = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}: ` : locate(file, text, d.path);
  return `${where}${d.severity}: ${d.message} [${d.code}]${d.path ? ` (at ${d.path})` : ''}\n`;
}

type Parsed = { ok: true; file: string; format: RenderFormat | (typeof DESIGN_EXPORT_FORMATS)[number]; from?: ImportSourceFormat; output?: string; options: Record<string, unknown> } | { ok: false; message: string };

function parseExportArgs(args: string[], doc?: SchemaDocument): Parsed {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        from: { type: 'string' },
        output: { type: 'string', short: 'o' },
        dialect: { type: 'string' },
        area: { type: 'string' },
        overview: { type: 'boolean' },
        split: { type: 'boolean' },
        budget: { type: 'string' },
        target: { type: 'string' },
        'drop-first': { type: 'boolean' },
        'schema-qualified': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  if (positionals.length !== 1) return { ok: false, message: positionals.length ? `expected one document, got ${positionals.length}` : 'missing the document file' };
  if (!values.to) return { ok: false, message: 'missing --to' };
  if (!EXPORT_FORMATS.includes(values.to)) return { ok: false, message: `--to must be one of ${EXPORT_FORMATS.join(', ')}, got "${values.to}"` };
  const format = values.to as RenderFormat | (typeof DESIGN_EXPORT_FORMATS)[number];
  if (values.from !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(values.from)) return { ok: false, message: `--from must be one of ${IMPORT_FORMATS.join(', ')}, got "${values.from}"` };
  const from = values.from as ImportSourceFormat | undefined;
  if (isDesignExportFormat(format)) {
    const misplaced = Object.entries({ area: values.area, overview: values.overview, split: values.split, budget: values.budget, target: values.target, 'drop-first': values['drop-first'], 'schema-qualified': values['schema-qualified'] }).find(([, v]) => v !== undefined);
    if (misplaced) return { ok: false, message: `--${misplaced[0]} does not apply to --to ${format}` };
    if (values.dialect !== undefined && values.dialect !== 'postgres' && values.dialect !== 'mysql') return { ok: false, message: `--dialect must be postgres or mysql, got "${values.dialect}"` };
    return { ok: true, file: positionals[0], format, from, output: values.output, options: values.dialect ? { dialect: values.dialect } : {} };
  }

  const options: Record<string, unknown> = {};
  const mermaidOnly = { area: values.area, overview: values.overview, split: values.split, budget: values.budget };
  if (format !== 'mermaid') {
    const misplaced = Object.entries(mermaidOnly).find(([, v]) => v !== undefined);
    if (misplaced) return { ok: false, message: `--${misplaced[0]} applies to --to mermaid only` };
  }
  if (values.dialect !== undefined) {
    if (format === 'postgres' || format === 'mysql') return { ok: false, message: '--dialect applies to mermaid and index-table; DDL takes its dialect from --to' };
    options.dialect = values.dialect;
  }
  if (format === 'mermaid') {
    if (values.area !== undefined) {
      // An area may be named by id or by name (names are what users see).
      const byName = doc ? Object.values(doc.areas).filter((a) => a.name === values.area) : [];
      options.areaId = doc?.areas[values.area] ? values.area : byName.length === 1 ? byName[0].id : values.area;
    }
    if (values.overview) options.attributes = false;
    if (values.split) options.split = true;
    if (values.budget !== undefined) {
      const budget = Number(values.budget);
      if (!Number.isInteger(budget)) return { ok: false, message: `--budget must be an integer, got "${values.budget}"` };
      options.budget = budget;
    }
  }
  const ddl = format === 'postgres' || format === 'mysql';
  if (values['drop-first']) {
    if (!ddl) return { ok: false, message: '--drop-first applies to --to postgres|mysql only' };
    options.dropFirst = true;
  }
  if (values.target !== undefined || values['schema-qualified']) {
    if (format === 'mermaid') return { ok: false, message: '--target and --schema-qualified apply to DDL and index-table only' };
    if (values.target !== undefined) options.target = values.target;
    if (values['schema-qualified']) options.schemaQualified = true;
  }
  return { ok: true, file: positionals[0], format, from, output: values.output, options };
}

/** Reads and validates a Draftbase JSON document; problems are printed and give an exit code. */
async function readDocumentJson(file: string, label: string, io: CliIo): Promise<{ doc: SchemaDocument; text: string } | number> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (err) {
    io.stderr(`${label}: cannot read the document: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_BAD_INPUT;
  }
  // Editors may save a byte-order mark; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const found = findJsonSyntaxError(text);
    const { line, column } = positionAt(text, found?.offset ?? text.length);
    io.stderr(`${label}:${line}:${column}: invalid JSON: ${found?.message ?? (err instanceof Error ? err.message : String(err))}\n`);
    return EXIT_BAD_INPUT;
  }

  const parsed = loadDocument(raw);
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.stderr(`${locate(label, text, issue.path)}${issue.path}: ${issue.message}\n`);
    return EXIT_BAD_INPUT;
  }
  return { doc: parsed.document, text };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(EXPORT_USAGE);
    return EXIT_OK;
  }
  const usageError = (message: string) => {
    io.stderr(`draftbase export: ${message}\n\n${EXPORT_USAGE}`);
    return EXIT_BAD_INPUT;
  };
  // First pass validates the arguments before touching the file system.
  const first = parseExportArgs(args);
  if (!first.ok) return usageError(first.message);
  const file = first.file;
  const label = file === '-' ? '<stdin>' : file;

  // A schema file (DDL, Prisma, DBML) is imported first; JSON is read as a Draftbase document.
  const readsJson = first.from === 'json' || (first.from === undefined && (file === '-' || file.toLowerCase().endsWith('.json')));
  let doc: SchemaDocument;
  let text = '';
  if (readsJson) {
    const read = await readDocumentJson(file, label, io);
    if (typeof read === 'number') return read;
    ({ doc, text } = read);
  } else {
    try {
      const imported = await importPath(file, first.from ?? 'auto', io);
      doc = imported.document;
      io.stderr(`${label}: imported ${imported.report.format}: ${imported.report.counts.tables} tables, ${imported.report.counts.relationships} relationships; ${imported.report.skipped.length} statements skipped\n`);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      printImportError(io, label, err);
      return EXIT_BAD_INPUT;
    }
  }

  // Second pass resolves what needs the document (an area given by name).
  const second = parseExportArgs(args, doc);
  if (!second.ok) return usageError(second.message);

  if (isDesignExportFormat(second.format)) {
    const dialect = second.options.dialect as 'postgres' | 'mysql' | undefined;
    const out = runExportFormat(doc, second.format, { dialect });
    for (const d of out.diagnostics) io.stderr(formatDiagnostic(label, text, d));
    if (second.output) await io.writeText(second.output, out.text);
    else io.stdout(out.text);
    return EXIT_OK;
  }

  let result;
  try {
    result = await renderFormat(doc, second.format, second.options);
  } catch (err) {
    if (err instanceof RenderOptionsError) return usageError(err.message.replace(/^options\.(\w+)/, (_m, key: string) => `option ${key}`));
    throw err;
  }
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(label, text, d));
  // The rule POST /api/render and GET /api/projects/:id/export refuse with (lib/exporters/export-notes.ts).
  if (refusingDiagnostics(result.diagnostics).length) {
    io.stderr(`draftbase export: ${second.format} output not written: the document has errors for this target\n`);
    return EXIT_BAD_INPUT;
  }

  if (second.output) await io.writeText(second.output, result.text);
  else io.stdout(result.text);
  return EXIT_OK;
}
