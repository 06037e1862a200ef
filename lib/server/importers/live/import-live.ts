/**
 * Live import: a PostgreSQL or MySQL/MariaDB connection string -> document. The catalog is read with
 * read-only sessions and timeouts, written back as DDL by the server itself, and imported by the same
 * DDL importers as a pasted script. The connection string is never stored, logged or echoed.
 */
import 'server-only';
import type { ImportResult } from '../../../importers/types';
import { describeTarget, parseConnectionUrl } from './connection-url';
import { mapLiveError } from './live-errors';
import { assertTargetAllowed } from './live-import-policy';
import { readMysqlCatalog } from './mysql-catalog';
import { readPostgresCatalog } from './postgres-catalog';
import { importSqlText } from '../import-source';

export interface LiveImportOptions {
  schemas?: readonly string[];
  /**
   * How long connecting may take, and how long every "cannot connect" answer takes: a refused port
   * answers no sooner than a silent one (tests pass a short budget).
   */
  connectTimeoutMs?: number;
  env?: Record<string, string | undefined>;
}

/** Name lookup, TCP, TLS and authentication together; a slow cloud database wakes up within it. */
export const CONNECT_BUDGET_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function importLive(url: string, options: LiveImportOptions = {}): Promise<ImportResult> {
  const target = parseConnectionUrl(url);
  assertTargetAllowed(target, options.env);
  const budget = options.connectTimeoutMs ?? CONNECT_BUDGET_MS;
  const started = performance.now();
  let script: { sql: string; schemas: string[]; tableCount: number };
  try {
    script = target.dialect === 'postgres' ? await readPostgresCatalog(target, options.schemas, budget) : await readMysqlCatalog(target, options.schemas, budget);
  } catch (e) {
    if (e instanceof Error && e.name === 'ImportError') throw e;
    const mapped = mapLiveError(e, target, url);
    if (mapped.failure === 'cannot-connect') await sleep(started + budget - performance.now());
    throw mapped;
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
