/**
 * `draftbase export <document.json|schema file> --to FORMAT [-o FILE] [options]`, FORMAT from lib/formats/registry.ts
 *
 * Reads a Draftbase document (a file, or `-` for standard input), renders it with the same code as
 * POST /api/render and writes it as GET /api/projects/:id/export does (a header comment lists what the
 * output leaves out or changes) to FILE or standard output. Problems with the input are
 * reported as `file:line:col: message` on standard error with exit code 2. Generator diagnostics are
 * reported the same way (`error:`, `warning:`); warnings do not change the exit code, errors give 3:
 * the file is written, with each statement the target would reject commented out (`--strict`: exit 2
 * and nothing written, as before output never refused).
 */
import { parseArgs } from 'node:util';
import { loadDocument } from '../lib/model/migrate';
import type { Diagnostic } from '../lib/model/diagnostics';
import type { SchemaDocument } from '../lib/model/document';
import { RenderOptionsError } from '../lib/formats/options';
import { formatIds, optionKeys, outputFormat } from '../lib/formats/registry';
import { exportFile } from '../lib/formats/files';
import { renderContextFor } from '../lib/formats/render';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_WRITTEN_WITH_ERRORS, type CliIo } from './io';
import { importPath, printImportError } from './import-command';
import { ImportError } from '../lib/importers/types';
import type { ImportSourceFormat } from '../lib/server/importers/import-source';
import { offsetOfPath, positionAt } from './json-position';
import { readJsonFile } from './read-json-file';
import { errorsOf, strictRefusal } from '../lib/exporters/export-notes';

const EXPORT_FORMATS = formatIds;
const IMPORT_FORMATS: readonly ImportSourceFormat[] = ['postgres', 'mysql', 'prisma', 'dbml', 'json', 'auto'];

export const EXPORT_USAGE = `Usage: draftbase export <document.json|schema file|folder|-> --to ${EXPORT_FORMATS.join('|')} [-o FILE]

The input is a Draftbase document (.json), or any schema the import command reads (PostgreSQL or
MySQL DDL, a Prisma schema file or folder, DBML), imported first.

Options:
  --to FORMAT        postgres | mysql (DDL), mermaid (erDiagram), index-table (Markdown),
                     markdown (DATABASE_DESIGN.md), html (the same as one HTML file, raw
                     HTML escaped, diagrams as mermaid source: the app's Design doc tab draws
                     them), prisma (schema.prisma), dbml, json (the
                     document, upgraded to this version)
  --from FORMAT      the input's format: json | postgres | mysql | prisma | dbml | auto (default:
                     json for .json files and standard input, else detected)
  -o, --output FILE  write to FILE instead of standard output
  --dialect D        every format but DDL and json: postgres | mysql (default: the document's dialect)
  --area NAME|ID     mermaid: only this area's tables (and their direct neighbours)
  --overview         mermaid: tables and relationships only, no attributes
  --split            mermaid: overview + one diagram per area, each under --budget characters,
                     as Markdown with one \`\`\`mermaid block per diagram
  --budget N         mermaid --split: characters per diagram (default 45000)
  --target T         DDL/index-table: engine version, e.g. postgres-15, mysql-8.4, mariadb-10.11
  --drop-first       DDL: DROP ... IF EXISTS everything first (reverse dependency order)
  --schema-qualified DDL/index-table: qualify default-schema names (PostgreSQL) / keep schemas as
                     databases (MySQL)
  --title NAME       markdown, html: the project's name, in the document's title
  --version-name V   markdown, html: the named version the document is exported from (front matter)
  --date YYYY-MM-DD  markdown, html: the export's date in the front matter (\`today\` for today's date)
  --since FILE       markdown, html: a Draftbase document (an earlier named version); Migration
                     Strategy shows the migration from it with its safety lint
  --since-name NAME  --since: that version's name (default: FILE's name without .json)
  --strict           write nothing when the generator reports errors (exit 2) instead of writing
                     the statements the target would reject commented out (exit 3)
  -h, --help         show this help

Diagnostics go to standard error as FILE:LINE:COL: SEVERITY: MESSAGE [CODE]. An error means the
target would reject a statement: the output is still written, with that statement (and those that
need it) commented out and the error above it; everything else applies.

Exit status: 0 success, 3 written with errors (statements commented out; see standard error),
2 bad input (usage, unreadable file, invalid JSON or document; with --strict, an output with
errors, not written), 1 unexpected failure.
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

type Parsed = { ok: true; file: string; format: string; from?: ImportSourceFormat; output?: string; strict: boolean; options: Record<string, unknown>; since?: { file: string; name: string } } | { ok: false; message: string };

type FlagValues = Record<string, string | boolean | undefined>;

/**
 * Each option flag and the registry option it sets (lib/formats/options.ts); whether a format takes
 * it is read from the format's options schema, so a new format or option needs no change here.
 */
const OPTION_FLAGS: ReadonlyArray<{ flag: string; key: string; value: (raw: string | boolean, doc?: SchemaDocument) => unknown | { error: string } }> = [
  { flag: 'dialect', key: 'dialect', value: (v) => v },
  {
    flag: 'area',
    key: 'areaId',
    // An area may be named by id or by name (names are what users see).
    value: (v, doc) => {
      const byName = doc ? Object.values(doc.areas).filter((a) => a.name === v) : [];
      return doc?.areas[String(v)] ? v : byName.length === 1 ? byName[0].id : v;
    },
  },
  { flag: 'overview', key: 'attributes', value: () => false },
  { flag: 'split', key: 'split', value: () => true },
  { flag: 'budget', key: 'budget', value: (v) => (Number.isInteger(Number(v)) ? Number(v) : { error: `--budget must be an integer, got "${String(v)}"` }) },
  { flag: 'target', key: 'target', value: (v) => v },
  { flag: 'drop-first', key: 'dropFirst', value: () => true },
  { flag: 'schema-qualified', key: 'schemaQualified', value: () => true },
  { flag: 'title', key: 'title', value: (v) => v },
  { flag: 'version-name', key: 'versionName', value: (v) => v },
  { flag: 'date', key: 'date', value: (v) => (v === 'today' ? new Date().toISOString().slice(0, 10) : v) },
];

function parseExportArgs(args: string[], doc?: SchemaDocument): Parsed {
  let values: FlagValues;
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
        title: { type: 'string' },
        'version-name': { type: 'string' },
        date: { type: 'string' },
        since: { type: 'string' },
        'since-name': { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  if (positionals.length !== 1) return { ok: false, message: positionals.length ? `expected one document, got ${positionals.length}` : 'missing the document file' };
  const to = values.to;
  if (typeof to !== 'string') return { ok: false, message: 'missing --to' };
  const format = outputFormat(to);
  if (!format) return { ok: false, message: `--to must be one of ${EXPORT_FORMATS.join(', ')}, got "${to}"` };
  const from = values.from;
  if (from !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(String(from))) return { ok: false, message: `--from must be one of ${IMPORT_FORMATS.join(', ')}, got "${String(from)}"` };

  const accepted = optionKeys(format);
  const options: Record<string, unknown> = {};
  for (const { flag, key, value } of OPTION_FLAGS) {
    const raw = values[flag];
    if (raw === undefined) continue;
    if (!accepted.includes(key)) {
      if (flag === 'dialect' && format.fixedDialect) return { ok: false, message: `--dialect does not apply to --to ${to}: DDL takes its dialect from --to` };
      const takes = OPTION_FLAGS.filter((o) => accepted.includes(o.key)).map((o) => `--${o.flag}`);
      return { ok: false, message: `--${flag} does not apply to --to ${to}${takes.length ? ` (it takes ${takes.join(', ')})` : ''}` };
    }
    const v = value(raw, doc);
    if (v && typeof v === 'object' && 'error' in v) return { ok: false, message: String(v.error) };
    options[key] = v;
  }
  let since: { file: string; name: string } | undefined;
  if (typeof values.since === 'string') {
    if (to !== 'markdown') return { ok: false, message: `--since does not apply to --to ${to} (the design document's Migration Strategy reads it)` };
    since = { file: values.since, name: typeof values['since-name'] === 'string' ? values['since-name'] : values.since.split(/[\\/]/).pop()!.replace(/\.json$/i, '') };
  } else if (values['since-name'] !== undefined) return { ok: false, message: '--since-name goes with --since' };
  return { ok: true, file: positionals[0], format: to, from: from as ImportSourceFormat | undefined, output: typeof values.output === 'string' ? values.output : undefined, strict: values.strict === true, options, ...(since ? { since } : {}) };
}

/** Reads and validates a Draftbase JSON document; problems are printed and give an exit code. */
export async function readDocumentJson(file: string, label: string, io: CliIo): Promise<{ doc: SchemaDocument; text: string } | number> {
  const read = await readJsonFile(file, label, 'the document', io);
  if (typeof read === 'number') return read;
  const { raw, text } = read;

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

  let previousVersion;
  if (second.since) {
    const read = await readDocumentJson(second.since.file, second.since.file, io);
    if (typeof read === 'number') return read;
    previousVersion = { name: second.since.name, document: read.doc };
  }

  let result;
  try {
    result = exportFile(doc, second.format, { options: second.options, ...(await renderContextFor(second.format)), ...(previousVersion ? { previousVersion } : {}) });
  } catch (err) {
    if (err instanceof RenderOptionsError) return usageError(err.message.replace(/^options\.(\w+)/, (_m, key: string) => `option ${key}`));
    throw err;
  }
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(label, text, d));
  const errors = errorsOf(result.diagnostics);
  if (errors.length && second.strict) {
    io.stderr(`draftbase export: ${strictRefusal(second.format, errors)}\n`);
    return EXIT_BAD_INPUT;
  }

  if (second.output) await io.writeText(second.output, result.text);
  else io.stdout(result.text);
  if (!errors.length) return EXIT_OK;
  const commented = result.commentedOut ? `: ${result.commentedOut} statement${result.commentedOut === 1 ? ' is' : 's are'} commented out, the target would reject ${result.commentedOut === 1 ? 'it' : 'them'}` : '';
  io.stderr(`draftbase export: ${second.format} output written with ${errors.length} error${errors.length === 1 ? '' : 's'}${commented} (--strict writes nothing instead)\n`);
  return EXIT_WRITTEN_WITH_ERRORS;
}
