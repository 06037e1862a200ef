/**
 * `draftbase diff <from> <to> [--to postgres|mysql] [--format sql|text|json] [--exit-code] [-o FILE]`
 *
 * What changed between two versions of a schema, and the migration from one to the other with its
 * safety lint (lib/evolution). Each side is a Draftbase document (.json) or any schema the import
 * command reads. Two documents of one project share ids and are matched by id (a rename is a
 * rename); otherwise tables and columns are matched by name. `--exit-code` exits 1 when the two
 * differ: CI can fail when the design and the repository's schema file drift apart.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DIALECTS } from '../lib/dialects/dialects';
import type { DdlTarget } from '../lib/dialects/types';
import type { DiffEntry, DocumentDiff } from '../lib/evolution/diff';
import { phaseScript, planExpandContract } from '../lib/evolution/expand-contract';
import { checkVersion, FOLDER_TOOLS, migrationFolder, type FolderTool, type MigrationFile } from '../lib/evolution/folders';
import { formatLintText, lintMigration, lintSteps } from '../lib/evolution/lint/lint';
import { migrationSarifLog } from '../lib/evolution/lint/sarif';
import { alignByName } from '../lib/evolution/match-by-name';
import { migrationScript, planMigration } from '../lib/evolution/plan';
import { ImportError } from '../lib/importers/types';
import { loadDocument } from '../lib/model/migrate';
import { readStoredDocument, type StoredDocument } from './project-store';
import type { Dialect, SchemaDocument } from '../lib/model/document';
import { dialectSchema } from '../lib/model/document';
import { importSource } from '../lib/server/importers/import-source';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io';
import { readDocumentJson } from './export-command';
import { printImportError, readSourcePath, type ImportCommandIo } from './import-command';

/** Exit status of --exit-code when the two versions differ. */
export const EXIT_DIFFERENT = 1;

const FORMATS = ['sql', 'text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const MATCHES = ['auto', 'ids', 'names'] as const;
const ALL_TARGETS: readonly DdlTarget[] = Object.values(DIALECTS).flatMap((d) => d.targets);

export const DIFF_USAGE = `Usage: draftbase diff <from> <to> [options]

Compares two versions of a schema and writes the migration from <from> to <to>. Each side is a
Draftbase document (.json), any schema file the import command reads (PostgreSQL or MySQL DDL,
Prisma, DBML), or a stored project: project:<id> (its current state) or project:<id>@<versionId>
(a named version), read from the Draftbase database at DATABASE_URL (SQLite by default, or
PostgreSQL); \`-\` reads one side from standard input.

Options:
  --to D             postgres | mysql: the dialect of the migration (default: <to>'s document dialect)
  --target T         a target version (${ALL_TARGETS.join(', ')})
  --format F         sql (default): the up migration script
                     text: the changes, then the migration's safety lint
                     json: { diff, up, down, lint }
                     sarif: the up script's safety lint as SARIF 2.1.0 (GitHub code scanning)
  --folder TOOL      flyway | golang-migrate: write the migration as that tool's files into the
                     folder given by -o (Flyway V<n>__<name>.sql; golang-migrate <n>_<name>.up.sql
                     and .down.sql)
  --version V        with --folder: the migration's version (default 1)
  --name NAME        with --folder: what it does (sanitized into the file names; default migration)
  --expand-contract  renames, type changes: the expand, switch and contract phases, one script each
                     (to -o DIR as 1_expand.sql, 2_switch.sql, 3_contract.sql, else all to stdout)
  --down             with --format sql: the down script instead (to -> from)
  --concurrently     PostgreSQL: CREATE / DROP INDEX CONCURRENTLY on tables that exist
  --match M          auto (default) | ids | names: how elements of the two sides are matched; auto
                     matches by id when both sides are documents of one project, else by name
  --exit-code        exit 1 when the two versions differ (0 when they create the same database)
  -o, --output FILE  write to FILE instead of standard output
  -h, --help         show this help

Exit status: 0 done (and, with --exit-code, no difference), 1 the versions differ (--exit-code),
2 bad input.
`;

interface DiffArgs {
  from: string;
  to: string;
  dialect?: Dialect;
  target?: DdlTarget;
  format: Format;
  down: boolean;
  concurrently: boolean;
  match: (typeof MATCHES)[number];
  exitCode: boolean;
  output?: string;
  folder?: FolderTool;
  version?: string;
  name?: string;
  expandContract: boolean;
}

/** What `diff` needs beyond reading and writing files: making the folder of --folder / --expand-contract. */
export interface DiffCommandIo extends ImportCommandIo {
  makeFolder?(dir: string): Promise<void>;
  /** A stored project's document (`project:<id>`) or named version's (`project:<id>@<version>`); default: the app's database at DATABASE_URL. */
  readStoredDocument?(projectId: string, versionId: string | undefined): Promise<StoredDocument | undefined>;
}

/** `project:<id>` or `project:<id>@<versionId>`. */
const PROJECT_SIDE = /^project:([^@\s]+)(?:@(\S+))?$/;

function parse(args: string[]): DiffArgs | { error: string } {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        target: { type: 'string' },
        format: { type: 'string' },
        down: { type: 'boolean' },
        concurrently: { type: 'boolean' },
        match: { type: 'string' },
        'exit-code': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        folder: { type: 'string' },
        version: { type: 'string' },
        name: { type: 'string' },
        'expand-contract': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  if (positionals.length !== 2) return { error: `expected two versions (<from> <to>), got ${positionals.length}` };
  const format = String(values.format ?? 'sql');
  if (!(FORMATS as readonly string[]).includes(format)) return { error: `--format must be one of ${FORMATS.join(', ')}, got "${format}"` };
  const dialect = values.to === undefined ? undefined : dialectSchema.safeParse(values.to);
  if (dialect && !dialect.success) return { error: `--to must be one of ${dialectSchema.options.join(', ')}, got "${String(values.to)}"` };
  const match = String(values.match ?? 'auto');
  if (!(MATCHES as readonly string[]).includes(match)) return { error: `--match must be one of ${MATCHES.join(', ')}, got "${match}"` };
  const target = values.target === undefined ? undefined : String(values.target);
  if (target !== undefined && !ALL_TARGETS.includes(target as DdlTarget)) return { error: `--target must be one of ${ALL_TARGETS.join(', ')}, got "${target}"` };
  const folder = values.folder === undefined ? undefined : String(values.folder);
  if (folder !== undefined && !(FOLDER_TOOLS as readonly string[]).includes(folder)) return { error: `--folder must be one of ${FOLDER_TOOLS.join(', ')}, got "${folder}"` };
  if (folder && typeof values.output !== 'string') return { error: '--folder needs -o DIR: the folder to write the files into' };
  if (folder && values['expand-contract']) return { error: '--folder and --expand-contract cannot be combined' };
  if (typeof values.version === 'string') {
    if (!folder) return { error: '--version goes with --folder' };
    const bad = checkVersion(folder as FolderTool, values.version);
    if (bad) return { error: `--version: ${bad}` };
  }
  return {
    from: positionals[0],
    to: positionals[1],
    format: format as Format,
    down: values.down === true,
    concurrently: values.concurrently === true,
    match: match as DiffArgs['match'],
    exitCode: values['exit-code'] === true,
    expandContract: values['expand-contract'] === true,
    ...(folder ? { folder: folder as FolderTool } : {}),
    ...(typeof values.version === 'string' ? { version: values.version } : {}),
    ...(typeof values.name === 'string' ? { name: values.name } : {}),
    ...(dialect?.success ? { dialect: dialect.data } : {}),
    ...(target ? { target: target as DdlTarget } : {}),
    ...(typeof values.output === 'string' ? { output: values.output } : {}),
  };
}

/** One side: a document (ids of a project) or an imported schema (fresh ids). */
async function readSide(file: string, io: DiffCommandIo): Promise<{ doc: SchemaDocument; document: boolean } | number> {
  const label = file === '-' ? '<stdin>' : file;
  const stored = PROJECT_SIDE.exec(file);
  if (stored) {
    let found: StoredDocument | undefined;
    try {
      found = await (io.readStoredDocument ?? readStoredDocument)(stored[1], stored[2]);
    } catch (err) {
      io.stderr(`${label}: cannot read the Draftbase database: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (!found) {
      io.stderr(`${label}: no such ${stored[2] ? 'version of the project' : 'project'} in the Draftbase database at DATABASE_URL\n`);
      return EXIT_BAD_INPUT;
    }
    // Through the one gate, like any document file.
    const parsed = loadDocument(JSON.parse(found.documentJson));
    if (!parsed.ok) {
      io.stderr(`${label} (${found.label}): the stored document cannot be read: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}\n`);
      return EXIT_BAD_INPUT;
    }
    return { doc: parsed.document, document: true };
  }
  if (file.toLowerCase().endsWith('.json')) {
    const read = await readDocumentJson(file, label, io);
    return typeof read === 'number' ? read : { doc: read.doc, document: true };
  }
  try {
    const files = await readSourcePath(file, io);
    const prismaFolder = files.length > 1 && files.every((f) => f.name.endsWith('.prisma'));
    const imported = await importSource(prismaFolder ? 'prisma' : 'auto', { files });
    io.stderr(`${label}: imported ${imported.report.format}: ${imported.report.counts.tables} tables\n`);
    return { doc: imported.document, document: false };
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    printImportError(io, label, err);
    return EXIT_BAD_INPUT;
  }
}

/** `+ table "orders"`, `~ column "orders.status": type text -> varchar(20)`, `- index "ix"`. */
export function diffText(diff: DocumentDiff): string {
  if (diff.identical) return 'No differences.\n';
  const sign = { added: '+', removed: '-', changed: '~' } as const;
  const value = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
  const lines = diff.entries.map((e: DiffEntry) => {
    let line = `${sign[e.change]} ${e.kind} "${e.name}"`;
    if (e.renamed) line += ` (renamed from "${e.renamed.from}")`;
    if (e.moved) line += ' (moved)';
    const fields = e.fields.filter((f) => f.field !== 'name');
    if (e.enumValues) line += `: values${e.enumValues.added.length ? ` +${e.enumValues.added.join(',')}` : ''}${e.enumValues.removed.length ? ` -${e.enumValues.removed.join(',')}` : ''}${e.enumValues.reordered ? ' reordered' : ''}`;
    else if (fields.length) line += `: ${fields.map((f) => `${f.field} ${value(f.old)} -> ${value(f.new)}`).join('; ')}`;
    return line;
  });
  return `${lines.join('\n')}\n`;
}

/** Writes files into `dir` (made first), and says so on standard error. */
async function writeFolder(dir: string, files: readonly MigrationFile[], io: DiffCommandIo): Promise<void> {
  await (io.makeFolder ?? ((d: string) => mkdir(path.resolve(d), { recursive: true }).then(() => undefined)))(dir);
  for (const f of files) await io.writeText(path.join(dir, f.name), f.content);
  io.stderr(`wrote ${files.map((f) => path.join(dir, f.name)).join(', ')}\n`);
}

export async function run(args: string[], io: DiffCommandIo & CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(DIFF_USAGE);
    return EXIT_OK;
  }
  const parsed = parse(args);
  if ('error' in parsed) {
    io.stderr(`draftbase diff: ${parsed.error}\n\n${DIFF_USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const a = await readSide(parsed.from, io);
  if (typeof a === 'number') return a;
  const b = await readSide(parsed.to, io);
  if (typeof b === 'number') return b;
  const sharesIds = a.document && b.document && Object.keys(b.doc.tables).some((id) => a.doc.tables[id]);
  const byName = parsed.match === 'names' || (parsed.match === 'auto' && !sharesIds);
  const from = a.doc;
  const to = byName ? alignByName(a.doc, b.doc) : b.doc;
  const dialect = parsed.dialect ?? to.settings.dialect;
  const plan = planMigration(from, to, dialect, { target: parsed.target, concurrentIndexes: parsed.concurrently });
  const name = path.basename(parsed.to);
  const status = parsed.exitCode && !plan.diff.identical ? EXIT_DIFFERENT : EXIT_OK;
  if (parsed.folder) {
    await writeFolder(parsed.output!, migrationFolder(parsed.folder, plan, { version: parsed.version, name: parsed.name }), io);
    return status;
  }
  if (parsed.expandContract) {
    let phased;
    try {
      phased = planExpandContract(from, to, dialect, { target: parsed.target, concurrentIndexes: parsed.concurrently });
    } catch (err) {
      io.stderr(`draftbase diff: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (!phased.transforms.length) io.stderr('draftbase diff: no rename or type change to expand and contract: the contract phase holds the whole migration\n');
    const files = phased.phases.map((p, i) => ({ name: `${i + 1}_${p.name}.sql`, content: phaseScript(phased, p) }));
    if (parsed.output) await writeFolder(parsed.output, files, io);
    else io.stdout(files.map((f) => f.content).join('\n'));
    return status;
  }
  let out: string;
  if (parsed.format === 'sarif') {
    out = `${JSON.stringify(migrationSarifLog(lintMigration(plan, from), { file: parsed.to === '-' ? 'stdin' : parsed.to.split(path.sep).join('/') }), null, 2)}\n`;
  } else if (parsed.format === 'sql') {
    out = parsed.down ? migrationScript(plan, plan.down, { direction: 'down' }) : migrationScript(plan, plan.up);
  } else if (parsed.format === 'text') {
    const lint = lintMigration(plan, from);
    out = `${byName ? 'Matched by name.\n' : ''}${diffText(plan.diff)}\n${formatLintText(lint, name)}`;
  } else {
    out = `${JSON.stringify({ matchedBy: byName ? 'names' : 'ids', dialect, label: plan.label, diff: plan.diff, up: plan.up, down: plan.down, lint: { up: lintMigration(plan, from), down: lintSteps(plan, plan.down, to) } }, null, 2)}\n`;
  }
  if (parsed.output) await io.writeText(parsed.output, out);
  else io.stdout(out);
  return status;
}
