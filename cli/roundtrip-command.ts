/**
 * `draftbase roundtrip <file|folder>... [--dialect postgres|mysql] [--target T] [--url URL]`
 *
 * Applies each original script and Draftbase's regenerated DDL to two fresh databases on the server
 * (PostgreSQL from DATABASE_URL_PG, MariaDB/MySQL from DATABASE_URL_MYSQL, or --url) and prints the
 * catalog differences. Exit 0 when every input round-trips with no difference, 1 when one differs,
 * 2 on bad input (unreadable file, no server configured).
 */
import { parseArgs } from 'node:util';
import { detectFormat } from '../lib/importers/detect-format';
import { ImportError, type SourceFile } from '../lib/importers/types';
import type { Dialect } from '../lib/model/document';
import { DIALECTS } from '../lib/dialects/dialects';
import type { DdlTarget } from '../lib/dialects/types';
import { runRoundtrip, type RoundtripResult } from '../lib/server/roundtrip/roundtrip';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliIo } from './io';
import { printImportError, readSourcePath, type ImportCommandIo } from './import-command';

export const ROUNDTRIP_USAGE = `Usage: draftbase roundtrip <file|folder>... [--dialect postgres|mysql] [--target TARGET] [--url URL]

Checks that Draftbase recreates a database exactly: the original script and the DDL Draftbase
regenerates from it are applied to two fresh databases on the server, and the two catalogs are
compared (tables, columns, defaults, keys, checks, foreign keys, indexes, partitions, views, enums,
domains, sequences and extensions where the engine has them). The databases are dropped afterwards.

  --dialect   postgres or mysql (default: detected from the file)
  --target    DDL target, e.g. postgres-15 or mariadb-10.11 (default: the server's version)
  --url       server URL (default: DATABASE_URL_PG for postgres, DATABASE_URL_MYSQL for mysql)
  --verbose   list every difference and failing statement (default: the first 20 of each)

A folder is one schema: its .sql files run in name order (see \`draftbase import --help\`).
Exit status: 0 no differences, 1 differences found, 2 bad input or no server.
`;

/** The dialects a round-trip runs on, and the server each reads its URL from (SQLite's round-trip is not wired in yet). */
const URL_ENV: Partial<Record<Dialect, string>> = { postgres: 'DATABASE_URL_PG', mysql: 'DATABASE_URL_MYSQL' };
const DIALECT_NAMES = Object.keys(URL_ENV) as Dialect[];

function detectDialect(files: SourceFile[]): Dialect | undefined {
  const format = detectFormat({ text: files.map((f) => f.content).join('\n'), fileNames: files.map((f) => f.name) });
  return (DIALECT_NAMES as string[]).includes(format) ? (format as Dialect) : undefined;
}

function printResult(io: CliIo, label: string, r: RoundtripResult, verbose: boolean): void {
  const limit = verbose ? Infinity : 20;
  const list = <T>(title: string, xs: T[], line: (x: T) => string) => {
    if (!xs.length) return;
    io.stdout(`  ${title} (${xs.length}):\n`);
    for (const x of xs.slice(0, limit)) io.stdout(`    ${line(x)}\n`);
    if (xs.length > limit) io.stdout(`    … ${xs.length - limit} more (--verbose lists all)\n`);
  };
  io.stdout(
    `${label}: ${r.dialect} on ${r.serverVersion} (DDL target ${r.target}): tables ${r.tables.original} vs ${r.tables.regenerated}, ` +
      `${r.differences.length === 0 ? 'no catalog differences' : `${r.differences.length} catalog difference${r.differences.length === 1 ? '' : 's'}`}\n`,
  );
  list('original statements the server rejected', r.originalFailures, (f) => `${f.statement}: ${f.error}`);
  list('regenerated statements the server rejected', r.regeneratedFailures, (f) => `${f.statement}: ${f.error}`);
  list('differences', r.differences, (d) => `[${d.kind}] ${d.message}`);
  list('generator notes', r.diagnostics.filter((d) => d.severity !== 'info'), (d) => `${d.severity} ${d.code}: ${d.message}`);
}

export async function run(argv: string[], io: ImportCommandIo): Promise<number> {
  let values: { dialect?: string; target?: string; url?: string; verbose?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dialect: { type: 'string' },
        target: { type: 'string' },
        url: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    io.stderr(`draftbase roundtrip: ${e instanceof Error ? e.message : String(e)}\n\n${ROUNDTRIP_USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (values.help) {
    io.stdout(ROUNDTRIP_USAGE);
    return EXIT_OK;
  }
  if (!positionals.length) {
    io.stderr(`draftbase roundtrip: missing the file or folder to check\n\n${ROUNDTRIP_USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (values.dialect !== undefined && !(DIALECT_NAMES as string[]).includes(values.dialect)) {
    io.stderr(`draftbase roundtrip: --dialect must be one of ${DIALECT_NAMES.join(', ')}\n`);
    return EXIT_BAD_INPUT;
  }

  let worst = EXIT_OK;
  for (const target of positionals) {
    let files: SourceFile[];
    try {
      files = await readSourcePath(target, io);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      printImportError(io, target, e);
      return EXIT_BAD_INPUT;
    }
    const dialect = (values.dialect as Dialect | undefined) ?? detectDialect(files);
    if (!dialect) {
      io.stderr(`${target}: cannot tell whether this is PostgreSQL or MySQL; pass --dialect\n`);
      return EXIT_BAD_INPUT;
    }
    const ddlTarget = values.target as DdlTarget | undefined;
    if (ddlTarget !== undefined && !DIALECTS[dialect].targets.includes(ddlTarget)) {
      io.stderr(`draftbase roundtrip: --target must be one of ${DIALECTS[dialect].targets.join(', ')} for ${dialect}\n`);
      return EXIT_BAD_INPUT;
    }
    const urlEnv = URL_ENV[dialect] ?? 'DATABASE_URL';
    const url = values.url ?? process.env[urlEnv];
    if (!url) {
      io.stderr(`draftbase roundtrip: no ${dialect} server: set ${urlEnv} or pass --url\n`);
      return EXIT_BAD_INPUT;
    }
    let result: RoundtripResult;
    try {
      result = await runRoundtrip({ dialect, files, url, target: ddlTarget });
    } catch (e) {
      if (e instanceof ImportError) {
        printImportError(io, target, e);
        return EXIT_BAD_INPUT;
      }
      io.stderr(`${target}: the round-trip could not run: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_FAILURE;
    }
    printResult(io, target, result, values.verbose === true);
    if (result.differences.length || result.regeneratedFailures.length > result.originalFailures.length) worst = EXIT_FAILURE;
  }
  return worst;
}
