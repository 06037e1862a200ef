/**
 * Live import: a PostgreSQL or MySQL/MariaDB connection string -> document. The catalog is read with
 * read-only sessions and timeouts, written back as DDL by the server itself, and imported by the same
 * DDL importers as a pasted script. The connection string is never stored, logged or echoed.
 */
import type { ImportResult } from '../../../importers/types';
import { describeTarget, parseConnectionUrl } from './connection-url';
import { mapLiveError } from './live-errors';
import { readMysqlCatalog } from './mysql-catalog';
import { readPostgresCatalog } from './postgres-catalog';
import { importSqlText } from '../import-source';

export interface LiveImportOptions {
  schemas?: readonly string[];
}

export async function importLive(url: string, options: LiveImportOptions = {}): Promise<ImportResult> {
  const target = parseConnectionUrl(url);
  let script: { sql: string; schemas: string[]; tableCount: number };
  try {
    script = target.dialect === 'postgres' ? await readPostgresCatalog(target, options.schemas) : await readMysqlCatalog(target, options.schemas);
  } catch (e) {
    if (e instanceof Error && e.name === 'ImportError') throw e;
    throw mapLiveError(e, target, url);
  }
  const result = await importSqlText(target.dialect, script.sql);
  const source = `catalog of ${describeTarget(target)}`;
  result.report.skipped = result.report.skipped.map((s) => ({ ...s, file: source }));
  result.report.diagnostics.unshift({
    severity: 'info',
    code: 'live.read',
    message: `read ${script.tableCount} tables from ${describeTarget(target)} (schemas: ${script.schemas.join(', ') || 'none'})`,
  });
  return result;
}
