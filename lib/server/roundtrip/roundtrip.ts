/**
 * The round-trip check users run on their own dumps (`npm run roundtrip`) and the tests run on the
 * corpus: the original script is applied to one fresh database and Draftbase's regenerated DDL
 * (import -> document -> generateDdl for the server's version) to another; the two catalogs are read
 * back and every difference listed. Zero differences means the design Draftbase holds recreates the
 * database exactly.
 */
import 'server-only';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import type { Diagnostic } from '../../model/diagnostics';
import type { Dialect, SchemaDocument } from '../../model/document';
import type { DdlTarget } from '../../dialects/types';
import { DIALECTS } from '../../dialects/dialects';
import type { SourceFile } from '../../importers/types';
import { diffCatalogs, type CatalogDifference } from '../catalog/catalog-diff';
import { importSource, type ImportSourceFormat } from '../importers/import-source';
import { planSqlFolder } from '../../importers/sql-common/sql-folder';
import { databasesOfScript, withoutDatabaseQualifiers } from './own-database';
import type { CatalogSnapshot } from '../testing/catalog-types';
import { mariadbSession } from '../testing/mariadb';
import { readMysqlCatalog } from '../testing/mysql-catalog';
import { readPgCatalog } from '../testing/pg-catalog';
import { pgServerSession, type EngineSession } from '../testing/pg-engines';
import type { SqlClient } from '../testing/sql-client';
import { applyEach, applyScript, type ApplyFailure } from './apply-script';

export interface RoundtripInput {
  dialect: Dialect;
  /** One file, or the files of a folder (run in name order, like the import). */
  files: SourceFile[];
  /** Server URL (postgresql://… or mysql://…); a fresh database is created for each side and dropped. */
  url: string;
  /** The DDL target; default: the one matching the server's version. */
  target?: DdlTarget;
}

export interface RoundtripResult {
  dialect: Dialect;
  target: DdlTarget;
  serverVersion: string;
  tables: { original: number; regenerated: number };
  /** Statements of the original that the server rejected (both sides should fail alike). */
  originalFailures: ApplyFailure[];
  /** Statements of the regenerated DDL that the server rejected. */
  regeneratedFailures: ApplyFailure[];
  differences: CatalogDifference[];
  /** What the generator reported (commented-out statements, notes). */
  diagnostics: Diagnostic[];
  document: SchemaDocument;
}

interface EngineRules {
  /** The importer that reads this engine's scripts. */
  importFormat: ImportSourceFormat;
  session(url: string): EngineSession;
  versionQuery: string;
  /** The target for a server version string (`15.20 (Debian 15.20-0+deb12u1)`, `10.11.19-MariaDB`). */
  targetFor(version: string): DdlTarget;
  readCatalog(client: SqlClient): Promise<CatalogSnapshot>;
  /**
   * Makes the two catalogs comparable: the two scratch databases have different names, which MySQL
   * shows as the schema of every table and inside expressions.
   */
  comparable(a: CatalogSnapshot, b: CatalogSnapshot, databases: [string | undefined, string | undefined]): { normalizeExpression?: (e: string) => string };
  /** Makes the user's files run in the scratch database (own-database.ts). */
  prepare?(files: SourceFile[]): SourceFile[];
}

function closestTarget(targets: readonly DdlTarget[], wanted: DdlTarget): DdlTarget {
  return targets.includes(wanted) ? wanted : targets[targets.length - 1];
}

/** The engines a round-trip runs on (SQLite's, through its own importer, is not wired in yet). */
const ENGINES: Partial<Record<Dialect, EngineRules>> = {
  postgres: {
    importFormat: 'postgres',
    session: pgServerSession,
    versionQuery: "SELECT current_setting('server_version') AS version",
    targetFor(version) {
      const major = Number(/^\d+/.exec(version)?.[0] ?? 0);
      const targets = DIALECTS.postgres.targets;
      const fit = targets.filter((t) => Number(t.split('-')[1]) <= major);
      return fit.at(-1) ?? targets[0];
    },
    readCatalog: (client) => readPgCatalog(client),
    comparable: () => ({}),
  },
  mysql: {
    importFormat: 'mysql',
    session: mariadbSession,
    versionQuery: 'SELECT VERSION() AS version',
    targetFor(version) {
      const targets = DIALECTS.mysql.targets;
      if (/mariadb/i.test(version)) return closestTarget(targets, 'mariadb-10.11');
      const [, major, minor] = /^(\d+)\.(\d+)/.exec(version) ?? [];
      return closestTarget(targets, Number(major) > 8 || (Number(major) === 8 && Number(minor) >= 4) ? 'mysql-8.4' : 'mysql-8.0');
    },
    readCatalog: (client) => readMysqlCatalog(client),
    prepare(files) {
      const databases = new Set(files.flatMap((f) => [...databasesOfScript(f.content)]));
      return files.map((f) => ({ ...f, content: withoutDatabaseQualifiers(f.content, databases) }));
    },
    comparable(a, b, [dbA, dbB]) {
      for (const t of [...a.tables, ...b.tables, ...a.views, ...b.views, ...a.enums, ...b.enums, ...(a.routines ?? []), ...(b.routines ?? [])]) t.schema = 'db';
      for (const t of [...a.tables, ...b.tables]) for (const f of t.foreignKeys) f.refSchema = 'db';
      return { normalizeExpression: (e) => e.split(`\`${dbA}\`.`).join('').split(`\`${dbB}\`.`).join('') };
    },
  },
};

export async function runRoundtrip(input: RoundtripInput): Promise<RoundtripResult> {
  const engine = ENGINES[input.dialect];
  if (!engine) throw new Error(`round-trip against ${input.dialect} is not available yet`);
  const session = engine.session(input.url);
  try {
    const original = await session.fresh();
    const [versionRow] = await original.query<{ version: string }>(engine.versionQuery);
    const serverVersion = String(versionRow?.version ?? '');
    const target = input.target ?? engine.targetFor(serverVersion);

    const files = engine.prepare?.(input.files) ?? input.files;
    // The original runs as its tool would run the folder: the same files in the same order as the import.
    const ordered = files.length > 1 ? planSqlFolder(files).files : files;
    const originalFailures = await applyScript(original, input.dialect, ordered.map((f) => `${f.content}\n;\n`).join(''));

    const { document } = await importSource(engine.importFormat, files.length === 1 ? files[0].content : { files });
    const ddl = generateDdlStatements(document, input.dialect, { target });
    const regenerated = await session.fresh();
    const regeneratedFailures = await applyEach(regenerated, ddl.statements);

    const [a, b] = [await engine.readCatalog(original), await engine.readCatalog(regenerated)];
    const options = engine.comparable(a, b, [original.database, regenerated.database]);
    return {
      dialect: input.dialect,
      target,
      serverVersion,
      tables: { original: a.tables.length, regenerated: b.tables.length },
      originalFailures,
      regeneratedFailures,
      differences: diffCatalogs(a, b, options),
      diagnostics: ddl.diagnostics,
      document,
    };
  } finally {
    await session.close();
  }
}
