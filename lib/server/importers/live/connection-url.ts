/**
 * A live-import connection string: which engine, where, as whom. Only what this module understood
 * reaches a driver: the drivers get host, port, user, password, database and TLS mode as separate
 * options, never the URL, so a parameter the driver would honour (`host=/var/run/postgresql`,
 * `sslcert=/etc/passwd`, `options=-c ...`, `service=`, `passfile=`, `socketPath=`) cannot slip through.
 *
 * Rules (documented in the README, "Live import"):
 * - schemes postgres://, postgresql://, mysql://, mariadb://;
 * - TCP only: the host is a DNS name, a dotted IPv4 address or a bracketed IPv6 address, written
 *   the canonical way. Other spellings of an address (`2130706433`, `0x7f.1`, `127.1`, `0177.0.0.1`,
 *   `[::ffff:127.0.0.1]`, Unicode names) are refused with the canonical spelling to use, so the
 *   host a report names is the host connected to; `0.0.0.0`/`[::]` ("any address") are refused;
 * - query parameters: only `sslmode` (PostgreSQL values; MySQL's `ssl-mode` values are accepted too).
 *
 * The password never leaves this module in text form: messages use `describeTarget`/`redact`.
 */
import 'server-only';
import { ImportError } from '../../../importers/types';

export type LiveDialect = 'postgres' | 'mysql';

/** libpq's sslmode, reduced to what the drivers can do: no TLS, TLS unverified, TLS verified. */
export type TlsMode = 'disable' | 'require' | 'verify-ca' | 'verify-full';

export interface LiveTarget {
  dialect: LiveDialect;
  /** Canonical: lower case, IPv6 in brackets. */
  host: string;
  port: number;
  user: string;
  password: string;
  database: string | undefined;
  tls: TlsMode;
}

const PROTOCOLS: Record<string, LiveDialect> = {
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

/** Every accepted spelling of the TLS mode (libpq's and MySQL's) -> what the drivers are asked for. */
const TLS_MODES: Record<string, TlsMode> = {
  disable: 'disable',
  disabled: 'disable',
  // libpq's allow/prefer fall back to plain text when TLS fails; the drivers cannot, so they mean
  // "no TLS", which is also what a connection string without sslmode gets.
  allow: 'disable',
  prefer: 'disable',
  preferred: 'disable',
  require: 'require',
  required: 'require',
  'verify-ca': 'verify-ca',
  verify_ca: 'verify-ca',
  'verify-full': 'verify-full',
  verify_identity: 'verify-full',
};

const TLS_PARAMETERS = new Set(['sslmode', 'ssl-mode']);

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

const SHAPE = 'expected postgresql://user:password@host:port/database or mysql://user:password@host:port/database';

export function parseConnectionUrl(raw: string): LiveTarget {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ImportError(`invalid connection string: ${SHAPE}`);
  }
  const dialect = PROTOCOLS[url.protocol];
  if (!dialect) throw new ImportError(`unsupported connection string scheme "${url.protocol.replace(/:$/, '')}": use postgresql:// or mysql:// (MariaDB: mysql:// or mariadb://)`);
  if (!url.hostname) throw new ImportError(`the connection string has no host: ${SHAPE}`);
  if (url.hash) throw new ImportError('the connection string has a "#" part; a password containing "#" must be written %23');
  const host = canonicalHost(url.hostname);
  const port = url.port ? Number(url.port) : dialect === 'postgres' ? 5432 : 3306;
  if (port < 1 || port > 65535) throw new ImportError(`port ${url.port} is not a TCP port (1-65535)`);
  return {
    dialect,
    host,
    port,
    user: decode(url.username, 'user name') || (dialect === 'postgres' ? 'postgres' : 'root'),
    password: decode(url.password, 'password'),
    database: decode(url.pathname.replace(/^\//, ''), 'database name') || undefined,
    tls: tlsMode(url.searchParams),
  };
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ImportError(`the ${what} in the connection string has a malformed %-escape`);
  }
}

/** The only query parameter is the TLS mode; anything else is named and refused. */
function tlsMode(params: URLSearchParams): TlsMode {
  let mode: TlsMode = 'disable';
  const seen = new Set<string>();
  for (const [name, value] of params) {
    const key = name.toLowerCase();
    if (!TLS_PARAMETERS.has(key)) {
      throw new ImportError(`the connection string parameter "${name}" is not allowed: live import connects over TCP to the host and port of the URL and accepts only sslmode (disable, require, verify-ca, verify-full)`);
    }
    if (seen.size > 0) throw new ImportError('the connection string gives sslmode more than once');
    seen.add(key);
    const m = TLS_MODES[value.toLowerCase()];
    if (!m) throw new ImportError(`sslmode "${value}" is not one of disable, allow, prefer, require, verify-ca, verify-full`);
    mode = m;
  }
  return mode;
}

/**
 * The host as it will be connected to, or an ImportError saying how to write it. The URL parser
 * leaves the host of a postgresql:// URL as typed; resolvers accept `2130706433` and `0x7f.1` as
 * 127.0.0.1, so such spellings are compared against the WHATWG (browser) canonical form and refused
 * when they differ: one spelling per address, the one shown in every message and allowlist.
 */
export function canonicalHost(hostname: string): string {
  const typed = hostname.toLowerCase();
  if (typed.startsWith('[')) return canonicalIpv6(typed);
  let canonical: string;
  try {
    canonical = new URL(`http://${typed}`).hostname;
  } catch {
    throw new ImportError(`"${hostname}" is not a host name or an IP address`);
  }
  if (canonical !== typed) throw new ImportError(`the host "${hostname}" is written unusually; write it as ${canonical}`);
  const v4 = IPV4.exec(typed);
  if (v4) {
    if (Number(v4[1]) === 0) throw new ImportError(`${typed} is not an address to connect to ("this network"); for this machine use 127.0.0.1`);
    return typed;
  }
  if (!DNS_NAME.test(typed)) throw new ImportError(`"${hostname}" is not a host name or an IP address (TCP only: no socket paths, no trailing dot)`);
  return typed;
}

function canonicalIpv6(bracketed: string): string {
  // Already canonical (new URL compresses IPv6 for every scheme); what remains is which addresses.
  const inner = bracketed.slice(1, -1);
  if (inner === '::') throw new ImportError('[::] is not an address to connect to ("any address"); for this machine use [::1] or 127.0.0.1');
  if (/^::(ffff:)?[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(inner)) {
    throw new ImportError(`${bracketed} is an IPv4 address in IPv6 form; write the IPv4 address itself`);
  }
  return bracketed;
}

/** `host:port/database` for messages: never the password. */
export function describeTarget(t: LiveTarget): string {
  return `${t.host}:${t.port}${t.database ? `/${t.database}` : ''}`;
}

/** Removes the connection string and password from any text that might echo them (driver messages). */
export function redact(text: string, raw: string, t?: LiveTarget): string {
  let out = text.split(raw).join('[connection string]');
  const secrets = new Set<string>();
  if (t?.password) secrets.add(t.password);
  try {
    const encoded = new URL(raw.trim()).password;
    if (encoded) secrets.add(encoded);
  } catch {
    // not a URL: nothing more to take out
  }
  for (const s of secrets) out = out.split(s).join('[password]');
  return out.replace(/(postgres(?:ql)?|mysql|mariadb):\/\/[^\s'"]*/gi, '$1://[redacted]');
}
