/**
 * The one server-side import entry point, used by POST /api/import and the CLI: a format (or 'auto')
 * and a source (text, or several files for a multi-file Prisma schema) -> ImportResult or ImportError.
 */
import { importDbml } from '../../importers/dbml/dbml-import';
import { importJson } from '../../importers/json/json-import';
import { importPostgres } from '../../importers/postgres/import-postgres';
import { ImportError, type ImportFormat, type ImportResult, type SourceFile } from '../../importers/types';
import { importPrisma } from './prisma-import';

export type ImportSourceFormat = ImportFormat | 'auto';
export type ImportSource = string | { files: SourceFile[] };

/** Above this a source is refused before any parser sees it (the HTTP body cap is lower). */
export const MAX_IMPORT_SOURCE_CHARS = 50 * 1024 * 1024;

export async function importSqlText(dialect: 'postgres' | 'mysql', sql: string): Promise<ImportResult> {
  if (dialect === 'postgres') return importPostgres(sql);
  throw new ImportError('the MySQL importer is not available in this build');
}

function sourceText(source: ImportSource): { text: string; fileNames: string[]; files: SourceFile[] } {
  if (typeof source === 'string') return { text: source, fileNames: [], files: [{ name: 'schema', content: source }] };
  return { text: source.files.map((f) => f.content).join('\n'), fileNames: source.files.map((f) => f.name), files: source.files };
}

/** A conservative guess from file names first, then from the text. */
export function guessFormat(text: string, fileNames: readonly string[]): ImportFormat {
  const ext = (n: string) => n.toLowerCase().split('.').pop() ?? '';
  const exts = new Set(fileNames.map(ext));
  if (exts.has('prisma')) return 'prisma';
  if (exts.has('dbml')) return 'dbml';
  if (exts.has('json')) return 'json';
  const head = text.slice(0, 200_000);
  if (/^\s*[{[]/.test(head) && /"format"\s*:\s*"draftbase"/.test(head)) return 'json';
  if (/^\s*(model|datasource|generator)\s+\w+\s*\{/m.test(head)) return 'prisma';
  if (/^\s*(Table|Ref|Enum|Project|TableGroup)\s+[\w"`.]+[^\n]*\{/im.test(head) || /^\s*Ref\s*\w*\s*:/m.test(head)) return 'dbml';
  if (/`|ENGINE\s*=|AUTO_INCREMENT|\bUNSIGNED\b/i.test(head)) return 'mysql';
  return 'postgres';
}

export async function importSource(format: ImportSourceFormat, source: ImportSource): Promise<ImportResult> {
  const { text, fileNames, files } = sourceText(source);
  if (text.length > MAX_IMPORT_SOURCE_CHARS) {
    throw new ImportError(`the source is ${(text.length / 1024 / 1024).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_SOURCE_CHARS / 1024 / 1024} MB`);
  }
  const chosen: ImportFormat = format === 'auto' ? guessFormat(text, fileNames) : format;
  if (chosen === 'prisma') return importPrisma(typeof source === 'string' ? source : files);
  if (typeof source !== 'string' && files.length > 1) {
    throw new ImportError(`several files can only be imported together as a multi-file Prisma schema; import ${chosen} files one at a time`);
  }
  const single = typeof source === 'string' ? source : (files[0]?.content ?? '');
  switch (chosen) {
    case 'postgres':
    case 'mysql':
      return importSqlText(chosen, single);
    case 'dbml':
      return importDbml(single);
    case 'json':
      return importJson(single);
    default: {
      const never: never = chosen;
      throw new ImportError(`unknown format ${String(never)}`);
    }
  }
}
