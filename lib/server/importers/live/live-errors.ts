/**
 * Driver errors -> messages a user can act on, without the password or the connection string.
 *
 * Until a database server of the right kind has answered, every failure is the same "cannot connect
 * to host:port", after the same time (import-live.ts pads it to the connect budget): a closed port,
 * a filtered one, an HTTP server, a MariaDB server asked for PostgreSQL, an unknown name all look
 * alike, so live import cannot be used as a port scanner. Only a real server of the asked kind gets
 * a specific message (authentication, database, TLS), as a database client would show.
 */
import 'server-only';
import { ImportError } from '../../../importers/types';
import { describeTarget, redact, type LiveTarget } from './connection-url';

export type LiveFailure = 'cannot-connect' | 'not-allowed' | 'tls' | 'authentication' | 'permission' | 'no-database' | 'timeout' | 'other';

export class LiveImportError extends ImportError {
  constructor(
    readonly failure: LiveFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LiveImportError';
  }
}

/** A failure while connecting (before the session was ready); `cause` is the driver's error. */
export class ConnectPhaseError extends Error {
  constructor(readonly cause: unknown) {
    super('connect failed');
    this.name = 'ConnectPhaseError';
  }
}

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
  /** pg: set on errors the PostgreSQL server sent (ErrorResponse). */
  severity?: string;
  /** mysql2: set on errors the MySQL/MariaDB server sent (ERR packet). */
  sqlState?: string;
}

const ENGINE = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB' } as const;

/** The one message for every connect failure that did not come from a real server. */
export function cannotConnect(target: LiveTarget): LiveImportError {
  return new LiveImportError('cannot-connect', `cannot connect to ${target.host}:${target.port}: no ${ENGINE[target.dialect]} server answered there (check the host, the port and any firewall)`);
}

function asDriverError(err: unknown): DriverError {
  return typeof err === 'object' && err !== null ? (err as DriverError) : { message: String(err) };
}

/** An error the database server itself reported (so a server of the asked kind is there). */
function fromServer(e: DriverError): boolean {
  return (typeof e.severity === 'string' && /^[0-9A-Z]{5}$/.test(e.code ?? '')) || (typeof e.sqlState === 'string' && typeof e.errno === 'number' && /^ER_/.test(e.code ?? ''));
}

/** TLS refused or not trusted: only a server of the asked kind gets this far (it answered the TLS request). */
const TLS_REFUSED = /^(The server does not support SSL connections|Server does not support secure connection)/;
const TLS_UNTRUSTED = /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID)$/;

const LOST = new Set(['ECONNRESET', 'EPIPE', 'PROTOCOL_CONNECTION_LOST']);

export function mapLiveError(err: unknown, target: LiveTarget, raw: string): LiveImportError {
  if (err instanceof LiveImportError) return err;
  const where = `${target.host}:${target.port}`;
  if (err instanceof ConnectPhaseError) {
    const e = asDriverError(err.cause);
    if (TLS_REFUSED.test(e.message ?? '') || e.code === 'HANDSHAKE_NO_SSL_SUPPORT') {
      return new LiveImportError('tls', `the server at ${where} does not accept TLS connections (sslmode=${target.tls}); use sslmode=disable to connect without TLS`);
    }
    if (TLS_UNTRUSTED.test(e.code ?? '')) {
      return new LiveImportError('tls', `the TLS certificate of the server at ${where} is not trusted (${e.code}); use sslmode=require to encrypt without verifying it`);
    }
    if (!fromServer(e)) return cannotConnect(target);
    return mapServerError(e, target, raw);
  }
  return mapServerError(asDriverError(err), target, raw);
}

function mapServerError(e: DriverError, target: LiveTarget, raw: string): LiveImportError {
  const code = e.code ?? '';
  const message = redact(e.message ?? String(e), raw, target);
  const where = `${target.host}:${target.port}`;
  if (code === '28P01' || code === '28000' || code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_NOT_SUPPORTED_AUTH_MODE' || /password authentication failed|Access denied for user/i.test(message)) {
    return new LiveImportError('authentication', `authentication failed for user "${target.user}" at ${where}`);
  }
  if (code === '3D000' || code === 'ER_BAD_DB_ERROR') {
    return new LiveImportError('no-database', `database "${target.database ?? ''}" does not exist at ${where}`);
  }
  if (code === '42501' || code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_TABLEACCESS_DENIED_ERROR' || code === 'ER_SPECIFIC_ACCESS_DENIED_ERROR') {
    return new LiveImportError('permission', `no permission to read the catalog of ${describeTarget(target)} as "${target.user}": ${message}`);
  }
  if (code === '57014' || code === 'ER_QUERY_TIMEOUT' || code === 'ER_STATEMENT_TIMEOUT' || /max_(execution|statement)_time|Query read timeout/i.test(message)) {
    return new LiveImportError('timeout', `reading the catalog of ${describeTarget(target)} took too long and was cancelled`);
  }
  // The session was up and then broke (the server went away, the network dropped).
  if (LOST.has(code) || /Connection terminated/i.test(message)) {
    return new LiveImportError('other', `the connection to ${where} was lost while reading the catalog`);
  }
  return new LiveImportError('other', `live import from ${describeTarget(target)} failed: ${message}`);
}
