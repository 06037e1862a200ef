/**
 * `draftbase import <file|folder|-> [--from FORMAT] [-o document.json]`
 * `draftbase import --url <connection string> [--schemas a,b] [-o document.json]`
 *
 * Imports PostgreSQL/MySQL/SQLite DDL, an SQLite database file (told by its header, read read-only
 * through its catalog), a Prisma schema (a file or a multi-file folder), DBML or a Draftbase JSON
 * document (or a live database) with the same code as POST /api/import, and writes the document
 * as JSON to FILE or standard output. The summary and diagnostics go to standard error; an input that
 * cannot be imported is reported as `file:line:column: message` plus the offending line, exit code 2.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { folderSourceNames } from '../lib/importers/folder-sources';
import { summarizeReport } from '../lib/importers/report-summary';
import { ImportError, type ImportFormat, type ImportResult, type SourceFile } from '../lib/importers/types';
import { importSource, type ImportSourceFormat } from '../lib/server/importers/import-source';
import { importLive } from '../lib/server/importers/live/import-live';
import { importSqliteFile, isSqliteDatabaseFile } from '../lib/server/importers/sqlite-file';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './io';

export const IMPORT_USAGE = `Usage: draftbase import <file|folder|-> [--from FORMAT] [-o document.json]
       draftbase import --url <postgresql://...|mysql://...> [--schemas a,b] [-o document.json]

Options:
  --from FORMAT      postgres | mysql | sqlite | prisma | dbml | json | auto (default: auto, from
                     the file extension and the text)
  -o, --output FILE  write the document JSON to FILE instead of standard output
  --url URL          read a live database's catalog (read-only); the password is never printed
  --schemas LIST     --url: comma-separated schemas/databases to read (default: all user schemas for
                     PostgreSQL, the URL's database for MySQL)
  -h, --help         show this help

A folder is read as a multi-file Prisma schema (every .prisma file in it, recursively), or else as
a folder of SQL files (every .sql file, run in name order as migration tools do: 2_x before 10_x,
Flyway's R__ files last; *.down.sql and Flyway U__ undo files left out).
An SQLite database file (app.db, told by its "SQLite format 3" header) is opened read-only and its
schema read from its catalog; nothing in it is run. Files over 200 MB are refused.
Exit status: 0 success, 2 input that cannot be imported or bad usage, 1 unexpected failure.
`;

const FORMATS: readonly ImportSourceFormat[] = ['postgres', 'mysql', 'sqlite', 'prisma', 'dbml', 'json', 'auto'];

/** Directory access, injectable for tests; the default is the real file system. */
export interface ImportCommandIo extends CliIo {
  /** Lists the files (relative paths, recursively) of `dir`, or undefined when `dir` is not a folder. */
  listFolder?(dir: string): Promise<string[] | undefined>;
}

/** The files of `dir` (relative, recursively, sorted), or undefined when it is not a folder. */
export function listFolder(dir: string, io: ImportCommandIo): Promise<string[] | undefined> {
  return (io.listFolder ?? listFolderFromDisk)(dir);
}

async function listFolderFromDisk(dir: string): Promise<string[] | undefined> {
  if (dir === '-') return undefined;
  const info = await stat(path.resolve(dir)).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  const entries = await readdir(path.resolve(dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(path.resolve(dir), path.join(e.parentPath, e.name)))
    .sort();
}

function printError(io: CliIo, label: string, e: ImportError): void {
  const file = e.file ? path.join(label, e.file) : label;
  const where = e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}: ` : `${file}: `;
  io.stderr(`${where}${e.message}\n`);
  if (e.excerpt !== undefined && e.line !== undefined) {
    io.stderr(`  ${e.line} | ${e.excerpt}\n`);
    if (e.column !== undefined) io.stderr(`  ${' '.repeat(String(e.line).length)} | ${' '.repeat(Math.max(0, e.column - 1))}^\n`);
  }
}

function printReport(io: CliIo, label: string, result: ImportResult): void {
  io.stderr(`${label}: imported ${result.report.format}: ${summarizeReport(result.report)}\n`);
  // A file of a folder is named below the folder, like the editor and the compiler messages users know.
  const fileOf = (file: string | undefined) => (file && file !== label ? path.join(label, file) : label);
  for (const s of result.report.skipped) io.stderr(`${fileOf(s.file)}:${s.line}: skipped: ${s.statement} (${s.reason})\n`);
  for (const d of result.report.diagnostics) {
    const file = fileOf(d.file);
    const where = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}: ` : `${file}: `;
    io.stderr(`${where}${d.severity}: ${d.message} [${d.code}]\n`);
  }
}

/**
 * Imports a file, a folder (a multi-file Prisma schema or SQL files) or `-` (standard input). Unreadable input
 * is an ImportError like any other, so callers (`import`, and `export` given a schema file) report it
 * the same way.
 */
export async function importPath(target: string, from: ImportSourceFormat, io: ImportCommandIo): Promise<ImportResult> {
  // A database file, not text: read through its catalog.
  if ((from === 'auto' || from === 'sqlite') && target !== '-' && (await isSqliteDatabaseFile(target))) return importSqliteFile(target);
  const files = await readSourcePath(target, io);
  const prismaFolder = files.length > 1 && files.every((f) => f.name.endsWith('.prisma'));
  return importSource(from === 'auto' && prismaFolder ? ('prisma' satisfies ImportFormat) : from, { files });
}

/** The source files of a file, a folder (its .prisma files, else its .sql files) or `-`; unreadable input is an ImportError. */
export async function readSourcePath(target: string, io: ImportCommandIo): Promise<SourceFile[]> {
  const listed = await listFolder(target, io);
  if (listed) {
    const names = folderSourceNames(listed);
    if (!names.length) throw new ImportError('a folder is imported as a multi-file Prisma schema (.prisma files) or a folder of SQL files (.sql), but it has neither');
    return Promise.all(names.map(async (name) => ({ name, content: await io.readText(path.join(target, name)) })));
  }
  try {
    return [{ name: target === '-' ? 'stdin' : path.basename(target), content: await io.readText(target) }];
  } catch (e) {
    throw new ImportError(`cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function printImportError(io: CliIo, label: string, e: ImportError): void {
  printError(io, label, e);
}

export async function importCommand(argv: string[], io: ImportCommandIo): Promise<number> {
  let values: { from?: string; output?: string; url?: string; schemas?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        output: { type: 'string', short: 'o' },
        url: { type: 'string' },
        schemas: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.stderr(`draftbase import: ${e instanceof Error ? e.message : String(e)}\n\n${IMPORT_USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (values.help) {
    io.stdout(IMPORT_USAGE);
    return EXIT_OK;
  }
  const from = (values.from ?? 'auto') as ImportSourceFormat;
  if (!FORMATS.includes(from)) {
    io.stderr(`draftbase import: --from must be one of ${FORMATS.join(', ')}\n`);
    return EXIT_BAD_INPUT;
  }
  if (values.url === undefined && positionals.length !== 1) {
    io.stderr(`draftbase import: ${positionals.length ? 'expected one file or folder' : 'missing the file or folder to import'}\n\n${IMPORT_USAGE}`);
    return EXIT_BAD_INPUT;
  }

  let label: string;
  let result: ImportResult;
  try {
    if (values.url !== undefined) {
      label = 'live database';
      const schemas = values.schemas?.split(',').map((s) => s.trim()).filter(Boolean);
      result = await importLive(values.url, { schemas });
    } else {
      label = positionals[0];
      result = await importPath(positionals[0], from, io);
    }
  } catch (e) {
    if (e instanceof ImportError) {
      printError(io, values.url !== undefined ? 'live database' : positionals[0], e);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }

  const json = `${JSON.stringify(result.document, null, 2)}\n`;
  if (values.output) await io.writeText(values.output, json);
  else io.stdout(json);
  printReport(io, label, result);
  return EXIT_OK;
}

/** The CLI entry (cli/main.ts) dispatches `import` to `run`. */
export const run = importCommand;
