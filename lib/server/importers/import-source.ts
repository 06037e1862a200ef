/**
 * The one server-side import entry point, used by POST /api/import and the CLI: a format (or 'auto')
 * and a source (text, or several files: a multi-file Prisma schema or a folder of SQL files run in name
 * order) -> ImportResult or ImportError.
 */
import 'server-only';
import { importJson } from '../../importers/json/json-import';
import { detectFormat } from '../../importers/detect-format';
import { importSqlFolder } from '../../importers/sql-common/sql-folder';
import { ImportError, type ImportFormat, type ImportResult, type SourceFile } from '../../importers/types';

export type ImportSourceFormat = ImportFormat | 'auto';
export type ImportSource = string | { files: SourceFile[] };

/** Above this a source is refused before any parser sees it (the HTTP body cap is lower). */
export const MAX_IMPORT_SOURCE_CHARS = 50 * 1024 * 1024;

// Each parser is loaded when its format is first imported: loading them all took ~2.5 s here
// (@dbml/core 1.5 s, libpg-query 0.4 s, Prisma's engine 0.4 s), paid by every compute worker.
export type SqlImportDialect = 'postgres' | 'mysql' | 'sqlite';

const SQL_IMPORTERS: Record<SqlImportDialect, (sql: string) => Promise<ImportResult>> = {
  postgres: async (sql) => (await import('../../importers/postgres/import-postgres')).importPostgres(sql),
  mysql: async (sql) => (await import('../../importers/mysql/import-mysql')).importMysql(sql),
  sqlite: async (sql) => (await import('../../importers/sqlite/import-sqlite')).importSqlite(sql),
};

export async function importSqlText(dialect: SqlImportDialect, sql: string): Promise<ImportResult> {
  return SQL_IMPORTERS[dialect](sql);
}

function sourceText(source: ImportSource): { text: string; fileNames: string[]; files: SourceFile[] } {
  if (typeof source === 'string') return { text: source, fileNames: [], files: [{ name: 'schema', content: source }] };
  return { text: source.files.map((f) => f.content).join('\n'), fileNames: source.files.map((f) => f.name), files: source.files };
}

export async function importSource(format: ImportSourceFormat, source: ImportSource): Promise<ImportResult> {
  const { text, fileNames, files } = sourceText(source);
  if (text.length > MAX_IMPORT_SOURCE_CHARS) {
    throw new ImportError(`the source is ${(text.length / 1024 / 1024).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_SOURCE_CHARS / 1024 / 1024} MB`);
  }
  const chosen: ImportFormat = format === 'auto' ? detectFormat({ text, fileNames }) : format;
  if (chosen === 'prisma') return (await import('./prisma-import')).importPrisma(typeof source === 'string' ? source : files);
  if (typeof source !== 'string' && files.length > 1) {
    if (chosen === 'postgres' || chosen === 'mysql' || chosen === 'sqlite') return importSqlFolder(files, (sql) => importSqlText(chosen, sql));
    throw new ImportError(`several files are imported together as a multi-file Prisma schema or a folder of SQL files; import ${chosen} files one at a time`);
  }
  const single = typeof source === 'string' ? source : (files[0]?.content ?? '');
  switch (chosen) {
    case 'postgres':
    case 'mysql':
    case 'sqlite':
      return importSqlText(chosen, single);
    case 'dbml':
      return (await import('./dbml-bounded')).importDbmlBounded(single);
    case 'json':
      return importJson(single);
    default: {
      const never: never = chosen;
      throw new ImportError(`unknown format ${String(never)}`);
    }
  }
}
