/**
 * `draftbase lint <schema file|folder|document.json|-> [--format text|json|sarif|github] [--fail-on LEVEL] [--config FILE]`
 *
 * The design review (lib/review) for docs-as-code in CI: reads a Draftbase document or imports a
 * schema (the same readers as `export`), runs every enabled rule, and writes the findings as text
 * (`file:line:col: severity rule-id: message`), JSON, SARIF 2.1.0 or GitHub Actions annotations.
 * Findings point at the element's declaration in the schema file (lib/review/report/source-locations)
 * or at its place in the document JSON. Exit status 1 when an open finding reaches --fail-on.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lintDocument } from '../lib/review/lint';
import { RULES, ruleById } from '../lib/review/rules';
import type { FindingTarget, ReviewConfig, Severity } from '../lib/review/types';
import { severities } from '../lib/review/types';
import { reviewConfigSchema } from '../lib/model/review-config';
import type { Dialect, SchemaDocument } from '../lib/model/document';
import { dialectSchema } from '../lib/model/document';
import { sequentialIds } from '../lib/model/ids';
import { ImportError } from '../lib/importers/types';
import { importSource, type ImportSourceFormat } from '../lib/server/importers/import-source';
import { reaches } from '../lib/review/report/problems';
import { mergeReviewConfig } from '../lib/review/report/merge-config';
import type { Locate } from '../lib/review/report/location';
import { elementPositions, positionsLocator } from '../lib/review/report/source-locations';
import { textReport } from '../lib/review/report/text';
import { githubReport } from '../lib/review/report/github';
import { jsonReport } from '../lib/review/report/json';
import { sarifLog } from '../lib/review/report/sarif';
import { LineIndex } from '../lib/importers/sql-common/positions';
import packageJson from '../package.json';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io';
import { readDocumentJson } from './export-command';
import { listFolder, printImportError, readSourcePath, type ImportCommandIo } from './import-command';
import { offsetOfPath, pathLocator, positionAt } from './json-position';
import { readJsonFile } from './read-json-file';

/** Exit status when an open finding reaches --fail-on. */
export const EXIT_FINDINGS = 1;

const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];
const INPUT_FORMATS: readonly ImportSourceFormat[] = ['postgres', 'mysql', 'prisma', 'dbml', 'json', 'auto'];

export const LINT_USAGE = `Usage: draftbase lint <schema file|folder|document.json|-> [options]

Reviews a schema design with Draftbase's rules (keys, indexes, types, naming, documentation,
security...). The input is a Draftbase document (.json) or any schema the import command reads
(PostgreSQL or MySQL DDL, a Prisma schema file or folder, DBML). A folder is one schema, as the
import command reads it: its .prisma files, else its .sql files run in name order.

Options:
  --format F         text (default): file:line:col: severity rule-id: message
                     json: the findings, waived findings, stale waivers, counts and rules
                     sarif: SARIF 2.1.0 (GitHub code scanning, upload-sarif)
                     github: GitHub Actions annotations (::error file=...,line=...::message)
  --fail-on LEVEL    error (default) | warning | info: exit 1 when an open finding is at least this
                     severe; waived findings never fail
  --config FILE      a JSON file shaped like the document's "review" field:
                     { "rules": { "rule-id": { "enabled": false, "severity": "info", "options": {} } },
                       "waivers": [ { "key": "...", "ruleId": "...", "rationale": "..." } ] }
                     its rules override the document's, its waivers are added to the document's
  --dialect D        postgres | mysql: the target the design is judged for (default: the
                     document's, or the dialect of the SQL read)
  --from FORMAT      the input's format: json | postgres | mysql | prisma | dbml | auto (default:
                     json for .json files, else detected)
  -o, --output FILE  write the report to FILE instead of standard output
  -h, --help         show this help

Exit status: 0 no finding reaches --fail-on, 1 some finding does, 2 bad input (usage, unreadable
or invalid file or configuration).
`;

interface LintArgs {
  file: string;
  format: OutputFormat;
  failOn: Severity;
  config?: string;
  dialect?: Dialect;
  from?: ImportSourceFormat;
  output?: string;
}

function parseLintArgs(args: string[]): LintArgs | { error: string } {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        dialect: { type: 'string' },
        from: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  if (positionals.length !== 1) return { error: positionals.length ? `expected one schema file, folder or document, got ${positionals.length}` : 'missing the schema file, folder or document' };
  const format = String(values.format ?? 'text');
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) return { error: `--format must be one of ${OUTPUT_FORMATS.join(', ')}, got "${format}"` };
  const failOn = String(values['fail-on'] ?? 'error');
  if (!(severities as readonly string[]).includes(failOn)) return { error: `--fail-on must be one of ${severities.join(', ')}, got "${failOn}"` };
  const dialect = values.dialect === undefined ? undefined : dialectSchema.safeParse(values.dialect);
  if (dialect && !dialect.success) return { error: `--dialect must be one of ${dialectSchema.options.join(', ')}, got "${String(values.dialect)}"` };
  const from = values.from === undefined ? undefined : String(values.from);
  if (from !== undefined && !(INPUT_FORMATS as readonly string[]).includes(from)) return { error: `--from must be one of ${INPUT_FORMATS.join(', ')}, got "${from}"` };
  return {
    file: positionals[0],
    format: format as OutputFormat,
    failOn: failOn as Severity,
    ...(typeof values.config === 'string' ? { config: values.config } : {}),
    ...(dialect?.success ? { dialect: dialect.data } : {}),
    ...(from ? { from: from as ImportSourceFormat } : {}),
    ...(typeof values.output === 'string' ? { output: values.output } : {}),
  };
}

/** A path as reports name it: relative to the working directory, `/`-separated. */
function reportPath(file: string): string {
  if (file === '-') return '<stdin>';
  const rel = path.isAbsolute(file) ? path.relative(process.cwd(), file) : path.normalize(file);
  return rel.split(path.sep).join('/').replace(/\/$/, '');
}

/** Reads and validates --config FILE; problems are printed as file:line:col and give exit 2. */
async function readConfig(file: string, io: CliIo): Promise<ReviewConfig | number> {
  const read = await readJsonFile(file, file, 'the configuration', io);
  if (typeof read === 'number') return read;
  const { raw, text } = read;
  const parsed = reviewConfigSchema.strict().safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = issue.path.join('.');
      const { line, column } = positionAt(text, offsetOfPath(text, at));
      io.stderr(`${file}:${line}:${column}: ${at || '(root)'}: ${issue.message}\n`);
    }
    return EXIT_BAD_INPUT;
  }
  for (const id of Object.keys(parsed.data.rules ?? {})) {
    if (!ruleById(id)) {
      const { line, column } = positionAt(text, offsetOfPath(text, `rules.${id}`));
      io.stderr(`${file}:${line}:${column}: warning: no rule "${id}" (known: ${RULES.map((r) => r.id).join(', ')})\n`);
    }
  }
  return parsed.data;
}

/** The document path of a target in a Draftbase JSON document (`tables.<id>.columns.<n>`). */
function documentPath(doc: SchemaDocument, target: FindingTarget): string | undefined {
  const inTable = (tableId: string, list: 'columns' | 'indexes' | 'uniques' | 'checks', id: string) => {
    const table = doc.tables[tableId];
    const i = table ? (table[list] as ReadonlyArray<{ id: string }>).findIndex((x) => x.id === id) : -1;
    return i >= 0 ? `tables.${tableId}.${list}.${i}` : `tables.${tableId}`;
  };
  switch (target.kind) {
    case 'table':
      return `tables.${target.tableId}`;
    case 'column':
      return inTable(target.tableId, 'columns', target.columnId);
    case 'index':
      return inTable(target.tableId, 'indexes', target.indexId);
    case 'unique':
      return inTable(target.tableId, 'uniques', target.uniqueId);
    case 'check':
      return inTable(target.tableId, 'checks', target.checkId);
    case 'relationship':
      return `relationships.${target.relationshipId}`;
    case 'enum':
      return `enums.${target.enumId}`;
    case 'view':
      return `views.${target.viewId}`;
    default:
      return undefined;
  }
}

function jsonLocator(doc: SchemaDocument, text: string, file: string): Locate {
  const offsetOf = pathLocator(text);
  const lines = new LineIndex(text);
  return ({ target }) => {
    const at = documentPath(doc, target);
    return at === undefined || !text ? { file } : { file, ...lines.position(offsetOf(at)) };
  };
}

interface LintInput {
  doc: SchemaDocument;
  locate: Locate;
}

async function readInput(args: LintArgs, io: ImportCommandIo): Promise<LintInput | number> {
  const label = reportPath(args.file);
  const readsJson = args.from === 'json' || (args.from === undefined && (args.file === '-' || args.file.toLowerCase().endsWith('.json')));
  if (readsJson) {
    const read = await readDocumentJson(args.file, label, io);
    if (typeof read === 'number') return read;
    return { doc: read.doc, locate: jsonLocator(read.doc, read.text, label) };
  }
  try {
    // What `import` reads: a file, or a folder of .prisma files (one schema) or of .sql files (one schema, in name order).
    const files = await readSourcePath(args.file, io);
    const folder = (await listFolder(args.file, io)) !== undefined;
    const from = args.from ?? 'auto';
    const prismaFolder = files.length > 1 && files.every((f) => f.name.endsWith('.prisma'));
    const imported = await importSource(from === 'auto' && prismaFolder ? 'prisma' : from, { files });
    const fileLabel = (name: string) => (args.file === '-' ? label : folder ? `${label}/${name.split(path.sep).join('/')}` : label);
    const positions = elementPositions(imported.document, files, imported.report.format, fileLabel);
    io.stderr(`${label}: imported ${imported.report.format}: ${imported.report.counts.tables} tables, ${imported.report.counts.relationships} relationships\n`);
    return { doc: imported.document, locate: positionsLocator(imported.document, positions, folder ? fileLabel(files[0].name) : label) };
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    printImportError(io, label, err);
    return EXIT_BAD_INPUT;
  }
}

export async function run(args: string[], io: ImportCommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(LINT_USAGE);
    return EXIT_OK;
  }
  const parsed = parseLintArgs(args);
  if ('error' in parsed) {
    io.stderr(`draftbase lint: ${parsed.error}\n\n${LINT_USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const config = parsed.config === undefined ? undefined : await readConfig(parsed.config, io);
  if (typeof config === 'number') return config;
  const input = await readInput(parsed, io);
  if (typeof input === 'number') return input;

  const result = lintDocument(input.doc, { dialect: parsed.dialect, config: mergeReviewConfig(input.doc.review, config), ids: sequentialIds() });
  const documentFile = reportPath(parsed.config ?? parsed.file);
  const report =
    parsed.format === 'text'
      ? textReport(result, input.locate, documentFile)
      : parsed.format === 'github'
        ? githubReport(result, input.locate, documentFile)
        : `${JSON.stringify(parsed.format === 'json' ? jsonReport(result, input.locate) : sarifLog(result, input.locate, { version: packageJson.version, documentFile }), null, 2)}\n`;
  if (parsed.output) await io.writeText(parsed.output, report);
  else io.stdout(report);
  return result.findings.some((f) => reaches(f.severity, parsed.failOn)) ? EXIT_FINDINGS : EXIT_OK;
}
