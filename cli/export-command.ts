/**
 * `draftbase export <document.json> --to postgres|mysql|mermaid|index-table [-o FILE] [options]`
 *
 * Reads a Draftbase document (a file, or `-` for standard input), renders it with the same code as
 * POST /api/render, and writes the text to FILE or standard output. Problems with the input are
 * reported as `file:line:col: message` on standard error with exit code 2; generator warnings are
 * reported the same way (with `warning:`) and do not change the exit code.
 */
import { parseArgs } from 'node:util';
import { parseDocument } from '../lib/model/validate';
import type { Diagnostic } from '../lib/model/diagnostics';
import type { SchemaDocument } from '../lib/model/document';
import { renderFormat, renderFormats, RenderOptionsError, type RenderFormat } from '../app/api/render/render-format';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io';
import { findJsonSyntaxError, offsetOfPath, positionAt } from './json-position';

export const EXPORT_USAGE = `Usage: draftbase export <document.json|-> --to ${renderFormats.join('|')} [-o FILE]

Options:
  --to FORMAT        postgres | mysql (DDL), mermaid (erDiagram), index-table (Markdown)
  -o, --output FILE  write to FILE instead of standard output
  --dialect D        mermaid/index-table: postgres | mysql (default: the document's dialect)
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
  if (docPath === undefined) return `${file}: `;
  const { line, column } = positionAt(text, offsetOfPath(text, docPath));
  return `${file}:${line}:${column}: `;
}

function formatDiagnostic(file: string, text: string, d: Diagnostic): string {
  const where = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}: ` : locate(file, text, d.path);
  return `${where}${d.severity}: ${d.message} [${d.code}]${d.path ? ` (at ${d.path})` : ''}\n`;
}

type Parsed = { ok: true; file: string; format: RenderFormat; output?: string; options: Record<string, unknown> } | { ok: false; message: string };

function parseExportArgs(args: string[], doc?: SchemaDocument): Parsed {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
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
  if (!(renderFormats as readonly string[]).includes(values.to)) return { ok: false, message: `--to must be one of ${renderFormats.join(', ')}, got "${values.to}"` };
  const format = values.to as RenderFormat;

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
  return { ok: true, file: positionals[0], format, output: values.output, options };
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

  const parsed = parseDocument(raw);
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.stderr(`${locate(label, text, issue.path)}${issue.path}: ${issue.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const doc = parsed.document;

  // Second pass resolves what needs the document (an area given by name).
  const second = parseExportArgs(args, doc);
  if (!second.ok) return usageError(second.message);

  let result;
  try {
    result = await renderFormat(doc, second.format, second.options);
  } catch (err) {
    if (err instanceof RenderOptionsError) return usageError(err.message.replace(/^options\.(\w+)/, (_m, key: string) => `option ${key}`));
    throw err;
  }
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(label, text, d));
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    io.stderr(`draftbase export: ${second.format} output not written: the document has errors for this target\n`);
    return EXIT_BAD_INPUT;
  }

  if (second.output) await io.writeText(second.output, result.text);
  else io.stdout(result.text);
  return EXIT_OK;
}
