/**
 * Driver errors -> messages a user can act on, without the password or the connection string.
 */
import { ImportError } from '../../../importers/types';
import { describeTarget, redact, type LiveTarget } from './connection-url';

export type LiveFailure = 'cannot-connect' | 'authentication' | 'permission' | 'no-database' | 'timeout' | 'other';

export class LiveImportError extends ImportError {
  constructor(
    readonly failure: LiveFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LiveImportError';
  }
}

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT']);

export function mapLiveError(err: unknown, target: LiveTarget, raw: string): LiveImportError {
  if (err instanceof LiveImportError) return err;
  const e: DriverError = typeof err === 'object' && err !== null ? (err as DriverError) : { message: String(err) };
  const code = e.code ?? '';
  const message = redact(e.message ?? String(err), raw, target);
  const where = `${target.host}:${target.port}`;
  if (CONNECT_CODES.has(code) || /timeout|timed out|connect ETIMEDOUT|Connection terminated/i.test(message) && !/statement timeout|canceling statement/i.test(message)) {
    return new LiveImportError('cannot-connect', `cannot connect to ${where} (${code || message})`);
  }
  if (code === '28P01' || code === '28000' || code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_NOT_SUPPORTED_AUTH_MODE' || /password authentication failed|Access denied for user/i.test(message)) {
    return new LiveImportError('authentication', `authentication failed for user "${target.user}" at ${where}`);
  }
  if (code === '3D000' || code === 'ER_BAD_DB_ERROR') {
    return new LiveImportError('no-database', `database "${target.database ?? ''}" does not exist at ${where}`);
  }
  if (code === '42501' || code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_TABLEACCESS_DENIED_ERROR' || code === 'ER_SPECIFIC_ACCESS_DENIED_ERROR') {
    return new LiveImportError('permission', `no permission to read the catalog of ${describeTarget(target)} as "${target.user}": ${message}`);
  }
  if (code === '57014' || code === 'ER_QUERY_TIMEOUT' || code === 'ER_STATEMENT_TIMEOUT' || /max_(execution|statement)_time/i.test(message)) {
    return new LiveImportError('timeout', `reading the catalog of ${describeTarget(target)} took too long and was cancelled`);
  }
  return new LiveImportError('other', `live import from ${describeTarget(target)} failed: ${message}`);
}
