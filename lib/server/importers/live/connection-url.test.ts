import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../importers/types';
import { parseConnectionUrl } from './connection-url';
import { importLive } from './import-live';
import { LiveImportError } from './live-errors';
import { assertTargetAllowed, liveImportHostAllowlist } from './live-import-policy';

function refusal(url: string): string {
  try {
    parseConnectionUrl(url);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${url}`);
}

describe('query parameters: only sslmode', () => {
  it.each([
    // libpq would connect over the unix socket while the report says 127.0.0.1:5432.
    ['postgresql://u@127.0.0.1:5432/db?host=/var/run/postgresql', 'host'],
    ['postgresql://u@127.0.0.1:5432/db?hostaddr=10.0.0.1', 'hostaddr'],
    ['postgresql://u@127.0.0.1:5432/db?port=1', 'port'],
    // A file probe: the server would open whatever file it is told to.
    ['postgresql://u@127.0.0.1:5432/db?sslcert=/nonexistent/file&sslmode=require', 'sslcert'],
    ['postgresql://u@127.0.0.1:5432/db?sslmode=require&sslkey=/etc/ssl/private/key.pem', 'sslkey'],
    ['postgresql://u@127.0.0.1:5432/db?sslrootcert=/etc/passwd', 'sslrootcert'],
    ['postgresql://u@127.0.0.1:5432/db?sslcrl=/x', 'sslcrl'],
    ['postgresql://u@127.0.0.1:5432/db?sslpassword=x', 'sslpassword'],
    ['postgresql://u@127.0.0.1:5432/db?options=-c%20default_transaction_read_only%3Doff', 'options'],
    ['postgresql://u@127.0.0.1:5432/db?service=prod', 'service'],
    ['postgresql://u@127.0.0.1:5432/db?passfile=/root/.pgpass', 'passfile'],
    ['postgresql://u@127.0.0.1:5432/db?application_name=x', 'application_name'],
    ['postgresql://u@127.0.0.1:5432/db?connect_timeout=600', 'connect_timeout'],
    ['postgresql://u@127.0.0.1:5432/db?ssl=true', 'ssl'],
    ['postgresql://u@127.0.0.1:5432/db?SSLCERT=/x', 'SSLCERT'],
    ['mysql://root@127.0.0.1:3306/db?socketPath=/run/mysqld/mysqld.sock', 'socketPath'],
    ['mysql://root@127.0.0.1:3306/db?localInfile=true', 'localInfile'],
    ['mysql://root@127.0.0.1:3306/db?multipleStatements=true', 'multipleStatements'],
    ['mariadb://root@127.0.0.1:3306/db?flags=LOCAL_FILES', 'flags'],
  ])('%s: "%s" is refused by name', (url, parameter) => {
    expect(refusal(url)).toMatch(new RegExp(`^the connection string parameter "${parameter}" is not allowed: .*accepts only sslmode`));
  });

  it('the sslcert file probe never reaches a driver: no ENOENT, no file name, no connection attempt', async () => {
    const started = performance.now();
    const err = await importLive('postgresql://u@127.0.0.1:5432/db?sslcert=/nonexistent/file&sslmode=require').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).not.toMatch(/ENOENT|nonexistent/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it.each([
    ['postgresql://u@h/db', 'disable'],
    ['postgresql://u@h/db?sslmode=prefer', 'disable'],
    ['postgresql://u@h/db?sslmode=require', 'require'],
    ['postgresql://u@h/db?sslmode=verify-ca', 'verify-ca'],
    ['postgresql://u@h/db?sslmode=verify-full', 'verify-full'],
    ['mysql://u@h/db?ssl-mode=REQUIRED', 'require'],
    ['mysql://u@h/db?ssl-mode=VERIFY_IDENTITY', 'verify-full'],
  ])('%s -> TLS %s', (url, tls) => {
    expect(parseConnectionUrl(url).tls).toBe(tls);
  });

  it.each([
    ['postgresql://u@h/db?sslmode=bogus', /sslmode "bogus" is not one of/],
    ['postgresql://u@h/db?sslmode=require&sslmode=disable', /more than once/],
    ['postgresql://u:p@h/db#ss', /"#"/],
    ['postgresql://u@h:0/db', /port 0 is not a TCP port/],
  ])('%s is refused', (url, message) => {
    expect(refusal(url)).toMatch(message);
  });
});

describe('hosts: TCP, one spelling per address', () => {
  it.each([
    // Other spellings of 127.0.0.1, which resolvers accept: refused with the canonical spelling.
    ['2130706433', /write it as 127\.0\.0\.1$/],
    ['0x7f.1', /write it as 127\.0\.0\.1$/],
    ['0x7f.0.0.1', /write it as 127\.0\.0\.1$/],
    ['127.1', /write it as 127\.0\.0\.1$/],
    ['0177.0.0.1', /write it as 127\.0\.0\.1$/],
    ['%6cocalhost', /write it as localhost$/],
    ['bücher.example', /write it as xn--bcher-kva\.example$/],
    ['[::ffff:127.0.0.1]', /IPv4 address in IPv6 form/],
    ['[::127.0.0.1]', /IPv4 address in IPv6 form/],
    // "Any address": connects to this machine on Linux.
    ['0.0.0.0', /not an address to connect to/],
    ['0.1.2.3', /not an address to connect to/],
    ['[::]', /not an address to connect to/],
    ['256.0.0.1', /not a host name or an IP address/],
    ['1.2.3.4.5', /not a host name or an IP address/],
    ['localhost.', /not a host name or an IP address .*trailing dot/],
    ['a..b', /not a host name or an IP address/],
  ])('%s is refused', (host, message) => {
    expect(refusal(`postgresql://u@${host}:5432/db`)).toMatch(message);
  });

  it.each([
    ['postgresql://u@[fe80::1%25eth0]:5432/db', /invalid connection string/],
    // A socket path can only be given as a parameter (refused above) or percent-encoded as the host.
    ['postgresql://u@%2Fvar%2Frun%2Fpostgresql/db', /not a host name or an IP address|write it as/],
  ])('%s is refused', (url, message) => {
    expect(refusal(url)).toMatch(message);
  });

  it.each([
    ['postgresql://u@LocalHost/db', 'localhost', 5432],
    ['postgresql://u@DB.Example.com:6543/db', 'db.example.com', 6543],
    ['postgresql://u@[0:0:0:0:0:0:0:1]:5433/db', '[::1]', 5433],
    ['postgresql://u@[fd00::7]/db', '[fd00::7]', 5432],
    ['mysql://u@db_1/db', 'db_1', 3306],
    ['mariadb://u@10.0.0.5:3307/db', '10.0.0.5', 3307],
  ])('%s -> %s:%s', (url, host, port) => {
    expect(parseConnectionUrl(url)).toMatchObject({ host, port });
  });
});

describe('DRAFTBASE_LIVE_IMPORT_HOSTS: the operator says which databases live import may reach', () => {
  const env = { DRAFTBASE_LIVE_IMPORT_HOSTS: 'db.internal:5432, 10.0.0.7 [FD00::7]:3306' };

  it.each([
    ['postgresql://u@db.internal:5432/x', true],
    ['postgresql://u@DB.internal/x', true],
    ['postgresql://u@db.internal:5433/x', false],
    ['mysql://u@10.0.0.7:3306/x', true],
    ['postgresql://u@10.0.0.7:6000/x', true],
    ['mysql://u@[fd00::7]:3306/x', true],
    ['mysql://u@[fd00::7]:3307/x', false],
    ['postgresql://u@127.0.0.1:5432/x', false],
    ['postgresql://u@localhost:5432/x', false],
  ])('%s allowed: %s', (url, allowed) => {
    const check = () => assertTargetAllowed(parseConnectionUrl(url), env);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(/^live import may not connect to .* \(DRAFTBASE_LIVE_IMPORT_HOSTS\)$/);
  });

  it('unset: any host; a malformed entry is a configuration error', () => {
    expect(liveImportHostAllowlist({})).toBeUndefined();
    expect(() => assertTargetAllowed(parseConnectionUrl('postgresql://u@anywhere.example/x'), {})).not.toThrow();
    expect(() => liveImportHostAllowlist({ DRAFTBASE_LIVE_IMPORT_HOSTS: 'postgresql://db.internal' })).toThrow(/"postgresql:\/\/db.internal" is not host or host:port/);
    expect(() => liveImportHostAllowlist({ DRAFTBASE_LIVE_IMPORT_HOSTS: '0x7f.1' })).toThrow(/is not host or host:port/);
  });

  it('importLive refuses a host outside the list before connecting', async () => {
    const started = performance.now();
    const err = await importLive('postgresql://u@127.0.0.1:1/x', { env, connectTimeoutMs: 3_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveImportError);
    expect((err as LiveImportError).failure).toBe('not-allowed');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
