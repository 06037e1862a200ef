import http from 'node:http';
import net from 'node:net';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../../ddl/generate-ddl';
import type { SchemaDocument } from '../../../model/document';
import { parseDocument } from '../../../model/validate';
import { corpusAvailable, readCorpusFile } from '../test-corpus';
import { requireServer } from '../../testing/require-server';
import { importSqlText } from '../import-source';
import { parseConnectionUrl, redact } from './connection-url';
import { liveImportAllowed } from './live-import-policy';
import { LiveImportError } from './live-errors';
import { importLive } from './import-live';

/**
 * MySQL/MariaDB store BOOLEAN as tinyint(1), so the catalog (SHOW CREATE TABLE) says tinyint(1) where
 * the DDL said BOOLEAN: the same column, compared as boolean.
 */
function typeName(t: SchemaDocument['tables'][string]['columns'][number]['type']): string {
  if (t.kind !== 'scalar') return t.kind;
  if (t.name === 'smallint' && /^tinyint\(1\)$/i.test(t.native?.mysql ?? '')) return 'boolean';
  return t.name;
}

/** A comparable summary: table -> column name/type/nullability, FKs by names, index names, enums. */
function summary(doc: SchemaDocument) {
  const tables = Object.values(doc.tables);
  const tname = (id: string) => doc.tables[id]?.name ?? id;
  const cname = (tid: string, cid: string) => doc.tables[tid]?.columns.find((c) => c.id === cid)?.name ?? cid;
  return {
    tables: tables.map((t) => t.name).sort(),
    columns: tables
      .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}:${typeName(c.type)}:${c.nullable ? 'null' : 'notnull'}`))
      .sort(),
    primaryKeys: tables.map((t) => `${t.name}(${(t.primaryKey?.columnIds ?? []).map((id) => cname(t.id, id)).join(',')})`).sort(),
    foreignKeys: Object.values(doc.relationships)
      .map((r) => `${tname(r.fromTableId)}(${r.columnPairs.map((p) => cname(r.fromTableId, p.fromColumnId)).join(',')})->${tname(r.toTableId)}(${r.columnPairs.map((p) => cname(r.toTableId, p.toColumnId)).join(',')}) ${r.onDelete}`)
      .sort(),
    enums: Object.values(doc.enums).map((e) => `${e.name}:${e.values.join('|')}`).sort(),
  };
}

describe('connection strings and the gate', () => {
  it('redacts the password and the URL from any text', () => {
    const raw = 'postgresql://alice:s3cr%40t@db.example:6543/app';
    const t = parseConnectionUrl(raw);
    expect([t.dialect, t.host, t.port, t.user, t.database]).toEqual(['postgres', 'db.example', 6543, 'alice', 'app']);
    const text = `failed for ${raw} with password s3cr@t (s3cr%40t)`;
    const out = redact(text, raw, t);
    expect(out).not.toMatch(/s3cr/);
    expect(out).toContain('[connection string]');
  });

  it.each([
    [{}, true],
    [{ DATABASE_URL: 'file:./dev.db' }, true],
    [{ DATABASE_URL: 'postgresql://x@y/z' }, false],
    [{ DATABASE_URL: 'postgresql://x@y/z', DRAFTBASE_ALLOW_LIVE_IMPORT: '1' }, true],
    [{ DRAFTBASE_ALLOW_LIVE_IMPORT: 'false' }, false],
  ])('liveImportAllowed(%o) = %s', (env, allowed) => {
    expect(liveImportAllowed(env)).toBe(allowed);
  });

  it.each([
    ['not a url', /invalid connection string/],
    ['sqlserver://h/db', /unsupported connection string scheme "sqlserver"/],
  ])('rejects %s', async (url, message) => {
    await expect(importLive(url)).rejects.toThrow(message);
  });

  it('cannot connect: a closed port gives "cannot connect to host:port" without the password', async () => {
    const err = await importLive('postgresql://u:topsecret@127.0.0.1:1/db', { connectTimeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveImportError);
    expect((err as LiveImportError).message).toMatch(/^cannot connect to 127\.0\.0\.1:1: /);
    expect((err as LiveImportError).message).not.toMatch(/topsecret/);
  });
});

/**
 * Live import must not be a port scanner: whatever listens on a port that is not a database of the
 * asked kind, the answer is the same text after the same time (the connect budget).
 */
describe('connect failures look alike', () => {
  const BUDGET_MS = 1_000;
  const servers: net.Server[] = [];
  const ports: Record<string, number | undefined> = {};

  async function listen(server: net.Server): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as net.AddressInfo).port;
  }

  beforeAll(async () => {
    // A port nothing listens on: bound, then released.
    const closed = net.createServer();
    ports.closed = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    servers.pop();
    ports.http = await listen(http.createServer((_req, res) => res.end('<html>hello</html>')));
    // Accepts and never says a word (a filtered port, or a protocol that waits for the client).
    ports.silent = await listen(net.createServer(() => undefined));
    const pg = process.env.DATABASE_URL_PG && new URL(process.env.DATABASE_URL_PG);
    const my = process.env.DATABASE_URL_MYSQL && new URL(process.env.DATABASE_URL_MYSQL);
    ports.postgresServer = pg && pg.hostname === '127.0.0.1' ? Number(pg.port || 5432) : undefined;
    ports.mariadbServer = my && my.hostname === '127.0.0.1' ? Number(my.port || 3306) : undefined;
  });
  afterAll(() => {
    for (const s of servers) s.close();
  });

  /** The other engine's server is one of the "not what was asked" ports. */
  it.each([
    ['postgresql', ['closed', 'http', 'silent', 'mariadbServer'], 'PostgreSQL'],
    ['mysql', ['closed', 'http', 'silent', 'postgresServer'], 'MySQL/MariaDB'],
  ] as const)('%s:// to a closed port, an HTTP server, a silent port and the other engine: one message, one time', async (scheme, kinds, engine) => {
    requireServer(scheme === 'postgresql' ? 'mysql' : 'pg');
    const seen: { kind: string; ms: number; text: string }[] = [];
    for (const kind of kinds) {
      const port = ports[kind];
      if (port === undefined) continue; // the other engine's server is not configured (skipped locally, required in CI)
      const started = performance.now();
      const err = await importLive(`${scheme}://root:pw@127.0.0.1:${port}/test`, { connectTimeoutMs: BUDGET_MS }).catch((e: unknown) => e);
      const ms = performance.now() - started;
      expect(err, kind).toBeInstanceOf(LiveImportError);
      expect((err as LiveImportError).failure, kind).toBe('cannot-connect');
      seen.push({ kind, ms, text: (err as Error).message.replace(`:${port}:`, ':PORT:') });
    }
    console.log(`[measure] ${scheme}:// connect failures: ${seen.map((s) => `${s.kind} ${Math.round(s.ms)} ms`).join(', ')}`);
    expect(new Set(seen.map((s) => s.text))).toEqual(new Set([`cannot connect to 127.0.0.1:PORT: no ${engine} server answered there (check the host, the port and any firewall)`]));
    // Never sooner than the budget (a refused port would otherwise answer in a millisecond); the
    // upper bound is generous for a loaded machine.
    for (const s of seen) expect(s.ms, s.kind).toBeGreaterThanOrEqual(BUDGET_MS - 5);
    for (const s of seen) expect(s.ms, s.kind).toBeLessThan(BUDGET_MS + 2_000);
  });
});

const pgUrl = requireServer('pg');
describe.skipIf(!pgUrl || !corpusAvailable('live PostgreSQL import'))('live PostgreSQL import', () => {
  const base = `draftbase_live_${process.pid}`;
  let admin: pg.Client;
  const created: string[] = [];

  /** A fresh database holding one corpus schema; returns its URL. */
  async function databaseWith(file: string, extra = ''): Promise<string> {
    const name = `${base}_${created.length}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    created.push(name);
    const u = new URL(pgUrl!);
    u.pathname = `/${name}`;
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    await c.query(readCorpusFile(file));
    if (extra) await c.query(extra);
    await c.end();
    return u.toString();
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
  });
  afterAll(async () => {
    for (const name of created) await admin?.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin?.end();
  });

  it.each([
    ['postgres/guacamole-create-schema.sql', 23],
    ['postgres/northwind-schema.sql', 14],
    // 15 tables + 7 partitions, which the document keeps under their parent's `partitioning`.
    ['postgres/pagila-schema-2024-pg12dump.sql', 15],
  ])('%s: live import equals importing its DDL (tables, columns, types, keys, FKs, enums)', async (file, tables) => {
    const url = await databaseWith(file);
    const t = Date.now();
    const live = await importLive(url, { schemas: ['public'] });
    console.log(`[measure] live PostgreSQL import of ${file}: ${Date.now() - t} ms, ${live.report.counts.tables} tables`);
    expect(parseDocument(live.document).ok).toBe(true);
    const fromDdl = await importSqlText('postgres', readCorpusFile(file));
    expect(live.report.counts.tables).toBe(tables);
    expect(summary(live.document)).toEqual(summary(fromDdl.document));
    expect(live.report.counts).toEqual(fromDdl.report.counts);
  });

  it('extensions and sequences (serial, shared, every option, OWNED BY) come back as importing their DDL gives them', async () => {
    const ddl = `CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
      CREATE SCHEMA app;
      CREATE SEQUENCE app.shared AS integer START WITH 50 INCREMENT BY 5 MINVALUE 10 MAXVALUE 100000 CACHE 3 CYCLE;
      COMMENT ON SEQUENCE app.shared IS 'one id space';
      CREATE TABLE app.a (id serial PRIMARY KEY, n integer DEFAULT nextval('app.shared'::regclass), name text);
      CREATE TABLE public.b (id bigserial, n integer DEFAULT nextval('app.shared'::regclass), g integer GENERATED ALWAYS AS IDENTITY);
      CREATE INDEX a_name_trgm ON app.a USING gin (name gin_trgm_ops);`;
    const url = await databaseWith('postgres/northwind-schema.sql', ddl);
    const live = await importLive(url, { schemas: ['app', 'public'] });
    const fromDdl = await importSqlText('postgres', `${readCorpusFile('postgres/northwind-schema.sql')}\n${ddl}`);
    const shape = (doc: SchemaDocument) => ({
      // (The live import also reads the extension's own comment, as pg_dump writes it.)
      extensions: Object.values(doc.extensions).map((x) => ({ name: x.name, schema: x.schemaId })),
      sequences: Object.values(doc.sequences).map(({ schemaId, ownedBy, ...q }) => ({ ...q, id: undefined, schema: schemaId && doc.schemas[schemaId].name, owner: ownedBy && `${doc.tables[ownedBy.tableId].name}.${doc.tables[ownedBy.tableId].columns.find((c) => c.id === ownedBy.columnId)?.name}` }))
        .sort((x, y) => x.name.localeCompare(y.name)),
      defaults: Object.values(doc.tables).flatMap((t) => t.columns.filter((c) => c.default.kind === 'sequence' || c.identity).map((c) => `${t.name}.${c.name}:${c.default.kind === 'sequence' ? doc.sequences[c.default.sequenceId].name : 'identity'}`)).sort(),
    });
    expect(shape(live.document)).toEqual(shape(fromDdl.document));
    expect(shape(live.document).sequences.map((q) => `${q.name}:${q.owner ?? '-'}`)).toEqual(['a_id_seq:a.id', 'b_id_seq:b.id', 'shared:-']);
    expect(shape(live.document).extensions.map((x) => x.name)).toEqual(['pg_trgm']);
  });

  it('pagila: functions, the aggregate and triggers come back as routines, as importing the dump gives them', async () => {
    const file = 'postgres/pagila-schema-2024-pg12dump.sql';
    const url = await databaseWith(file);
    const live = await importLive(url, { schemas: ['public'] });
    const fromDdl = await importSqlText('postgres', readCorpusFile(file));
    const shape = (doc: SchemaDocument) =>
      Object.values(doc.routines ?? {}).map((r) => `${r.kind} ${r.name}${r.tableId ? ` on ${doc.tables[r.tableId].name}` : ''}`).sort();
    expect(shape(live.document)).toEqual(shape(fromDdl.document));
    expect(shape(live.document)).toHaveLength(25);
    // The server's rendering (CREATE OR REPLACE FUNCTION ...) applies as the dump's text does.
    const group = Object.values(live.document.routines ?? {}).find((r) => r.kind === 'aggregate')!;
    expect(group.sql).toMatch(/^CREATE AGGREGATE public\.group_concat\(text\) \(\n    SFUNC = _group_concat,\n    STYPE = text\n\)$/);
  });

  it('reads every user schema when none is named; comments and namespaces survive', async () => {
    const url = await databaseWith('postgres/guacamole-create-schema.sql', `CREATE SCHEMA other; CREATE TABLE other.t (id int PRIMARY KEY); COMMENT ON TABLE other.t IS 'elsewhere'`);
    const live = await importLive(url);
    expect(live.report.counts.tables).toBe(24);
    const other = Object.values(live.document.tables).find((t) => t.name === 't')!;
    expect(live.document.schemas[other.schemaId!].name).toBe('other');
    expect(other.comment).toBe('elsewhere');
  });

  it('authentication failure names the user, not the password', async () => {
    await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'draftbase_nologin') THEN CREATE ROLE draftbase_nologin NOLOGIN; END IF; END $$`);
    const u = new URL(pgUrl!);
    u.username = 'draftbase_nologin';
    u.password = 'pw123secret';
    const err = await importLive(u.toString()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveImportError);
    expect((err as LiveImportError).failure).toBe('authentication');
    expect((err as LiveImportError).message).toMatch(/draftbase_nologin/);
    expect((err as LiveImportError).message).not.toMatch(/pw123secret/);
  });

  it('no permission: a role that may not connect gets "no permission", not a stack trace', async () => {
    const url = await databaseWith('postgres/northwind-schema.sql');
    const db = new URL(url).pathname.slice(1);
    await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'draftbase_noperm') THEN CREATE ROLE draftbase_noperm LOGIN; END IF; END $$`);
    await admin.query(`REVOKE CONNECT ON DATABASE ${db} FROM PUBLIC`);
    const u = new URL(url);
    u.username = 'draftbase_noperm';
    const err = await importLive(u.toString()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveImportError);
    expect((err as LiveImportError).failure).toBe('permission');
    expect((err as LiveImportError).message).toMatch(/^no permission to read the catalog of [^/ ]+:\d+\/draftbase_live_\d+_\d+ as "draftbase_noperm"/);
  });

  it('a missing database is named', async () => {
    const u = new URL(pgUrl!);
    u.pathname = '/draftbase_no_such_db';
    await expect(importLive(u.toString())).rejects.toThrow(/database "draftbase_no_such_db" does not exist/);
  });
});

const myUrl = requireServer('mysql');
describe.skipIf(!myUrl || !corpusAvailable('live MySQL import'))('live MySQL/MariaDB import', () => {
  const dbName = `draftbase_live_${process.pid}`;
  let admin: mysql.Connection;
  let dbUrl: string;
  const ddl = () => readCorpusFile('mysql/guacamole-create-schema.sql');

  beforeAll(async () => {
    const u = new URL(myUrl!);
    admin = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), multipleStatements: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}; CREATE DATABASE ${dbName}; USE ${dbName};`);
    await admin.query(ddl());
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
  });
  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin?.end();
  });

  it('guacamole: live import equals importing its DDL (tables, columns, keys, FKs)', async () => {
    const t = Date.now();
    const live = await importLive(dbUrl);
    console.log(`[measure] live MariaDB import of guacamole: ${Date.now() - t} ms, ${live.report.counts.tables} tables`);
    expect(parseDocument(live.document).ok).toBe(true);
    expect(live.report.counts.tables).toBe(23);
    const fromDdl = await importSqlText('mysql', ddl());
    const a = summary(live.document);
    const b = summary(fromDdl.document);
    expect(a.tables).toEqual(b.tables);
    expect(a.primaryKeys).toEqual(b.primaryKeys);
    expect(a.foreignKeys).toEqual(b.foreignKeys);
    expect(a.columns).toEqual(b.columns);
  });

  it('sakila: procedures, functions and triggers come back as routines, as importing the file gives them', async () => {
    const name = `${dbName}_sakila`;
    const file = readCorpusFile('mysql/sakila-schema.sql').replace(/\bsakila\s*\.\s*(?=[`\w])/g, '');
    const { document } = await importSqlText('mysql', file);
    const u = new URL(myUrl!);
    const conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), multipleStatements: false });
    try {
      await conn.query(`DROP DATABASE IF EXISTS ${name}`);
      await conn.query(`CREATE DATABASE ${name}`);
      await conn.query(`USE ${name}`);
      // The regenerated statements (one by one: the routines need no DELIMITER here).
      for (const st of generateDdlStatements(document, 'mysql', { target: 'mariadb-10.11' }).statements) await conn.query(st);
      u.pathname = `/${name}`;
      const live = await importLive(u.toString());
      const shape = (doc: SchemaDocument) => Object.values(doc.routines ?? {}).map((r) => `${r.kind} ${r.name}${r.tableId ? ` on ${doc.tables[r.tableId].name}` : ''}`).sort();
      expect(shape(live.document)).toEqual(shape(document));
      expect(shape(live.document)).toHaveLength(9);
    } finally {
      await conn.query(`DROP DATABASE IF EXISTS ${name}`);
      await conn.end();
    }
  });

  it('authentication failure names the user, not the password', async () => {
    const u = new URL(dbUrl);
    u.username = 'draftbase_nobody';
    u.password = 'pw456secret';
    const err = await importLive(u.toString()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveImportError);
    expect((err as LiveImportError).failure).toBe('authentication');
    expect((err as LiveImportError).message).not.toMatch(/pw456secret/);
  });
});
