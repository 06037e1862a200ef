/**
 * Reads a PostgreSQL catalog (read-only, with timeouts) and writes it back as the DDL pg_dump would
 * produce (extensions, sequences with OWNED BY, tables whose defaults call nextval...), using the
 * server's own `pg_get_*def` and `format_type`. The PostgreSQL DDL importer then turns
 * that script into a document, so a live import and an import of the same schema's DDL agree.
 */
import 'server-only';
import pg from 'pg';
import { ImportError } from '../../../importers/types';
import type { LiveTarget } from './connection-url';
import { ConnectPhaseError } from './live-errors';

export const STATEMENT_TIMEOUT_MS = 15_000;

const qi = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Schemas that are never user schemas. */
const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`;
/** Objects created by an extension (PostGIS's spatial_ref_sys...) are the extension's, not the user's. */
const NOT_EXTENSION_MEMBER = (oid: string, catalog: string) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ${oid} AND d.classid = '${catalog}'::regclass AND d.deptype = 'e')`;

export interface CatalogScript {
  sql: string;
  schemas: string[];
  tableCount: number;
}

/** pg's TLS options for a mode: verify-ca checks the chain but not the name, as libpq does. */
function tlsOptions(target: LiveTarget): pg.ClientConfig['ssl'] {
  switch (target.tls) {
    case 'disable':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, servername: target.host.replace(/^\[|\]$/g, '') };
  }
}

/**
 * Connects within `connectTimeoutMs` (name lookup, TCP, TLS, authentication). The options are
 * spelled out one by one, never a connection string, so nothing else the URL said reaches pg.
 */
async function connect(target: LiveTarget, connectTimeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({
    host: target.host.replace(/^\[|\]$/g, ''),
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database ?? target.user,
    ssl: tlsOptions(target),
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 2_000,
    application_name: 'draftbase-live-import',
  });
  // An error event on an idle client would otherwise crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new ConnectPhaseError(e);
  }
  return client;
}

export async function readPostgresCatalog(target: LiveTarget, wantedSchemas: readonly string[] | undefined, connectTimeoutMs: number): Promise<CatalogScript> {
  const client = await connect(target, connectTimeoutMs);
  try {
    await client.query(`SET statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    await client.query('SET default_transaction_read_only = on');
    await client.query('BEGIN READ ONLY');
    const script = await buildScript(client, wantedSchemas);
    await client.query('COMMIT');
    return script;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function buildScript(client: pg.Client, wantedSchemas: readonly string[] | undefined): Promise<CatalogScript> {
  const schemaRows = await client.query<{ nspname: string }>(
    `SELECT n.nspname FROM pg_namespace n WHERE ${SYSTEM_SCHEMAS} AND ${NOT_EXTENSION_MEMBER('n.oid', 'pg_namespace')}
       AND ($1::text[] IS NULL OR n.nspname = ANY($1::text[])) ORDER BY n.nspname`,
    [wantedSchemas?.length ? wantedSchemas : null],
  );
  const schemas = schemaRows.rows.map((r) => r.nspname);
  const missing = (wantedSchemas ?? []).filter((w) => !schemas.includes(w));
  if (missing.length) {
    const all = await client.query<{ nspname: string }>(`SELECT n.nspname FROM pg_namespace n WHERE ${SYSTEM_SCHEMAS} ORDER BY 1`);
    throw new ImportError(`schema${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not found; this database has: ${all.rows.map((r) => r.nspname).join(', ') || 'no user schemas'}`);
  }
  const out: string[] = [];
  for (const s of schemas) if (s !== 'public') out.push(`CREATE SCHEMA ${qi(s)};`);
  const params = [schemas];
  const comments: string[] = [];

  // Extensions are database-wide: all of them but PL/pgSQL (always there), as pg_dump writes them.
  const extensions = await client.query<{ extname: string; nspname: string; comment: string | null }>(
    `SELECT x.extname, n.nspname, obj_description(x.oid, 'pg_extension') AS comment
       FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
      WHERE x.extname <> 'plpgsql' ORDER BY x.extname`,
  );
  for (const x of extensions.rows) {
    out.push(`CREATE EXTENSION IF NOT EXISTS ${qi(x.extname)} WITH SCHEMA ${qi(x.nspname)};`);
    if (x.comment) out.push(`COMMENT ON EXTENSION ${qi(x.extname)} IS ${lit(x.comment)};`);
  }

  const enums = await client.query<{ nspname: string; typname: string; labels: string[] }>(
    `SELECT n.nspname, t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('t.oid', 'pg_type')}
      GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname`,
    params,
  );
  for (const e of enums.rows) out.push(`CREATE TYPE ${qi(e.nspname)}.${qi(e.typname)} AS ENUM (${e.labels.map(lit).join(', ')});`);

  const domains = await client.query<{ nspname: string; typname: string; base: string; notnull: boolean; def: string | null; checks: string[] | null }>(
    `SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod) AS base, t.typnotnull AS notnull, t.typdefault AS def,
            (SELECT array_agg(pg_get_constraintdef(c.oid) ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS checks
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('t.oid', 'pg_type')}
      ORDER BY n.nspname, t.typname`,
    params,
  );
  for (const d of domains.rows) {
    out.push(`CREATE DOMAIN ${qi(d.nspname)}.${qi(d.typname)} AS ${d.base}${d.def ? ` DEFAULT ${d.def}` : ''}${d.notnull ? ' NOT NULL' : ''}${(d.checks ?? []).map((c) => ` ${c}`).join('')};`);
  }

  // Sequences before the tables whose defaults call nextval(); identity columns' own are theirs.
  const sequences = await client.query<{ nspname: string; relname: string; type: string; start: string; inc: string; min: string; max: string; cache: string; cycle: boolean; owner: string | null; comment: string | null }>(
    `SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start, s.seqincrement::text AS inc,
            s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
            (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
               FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
               JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a') AS owner,
            obj_description(c.oid, 'pg_class') AS comment
       FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('c.oid', 'pg_class')}
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
      ORDER BY n.nspname, c.relname`,
    params,
  );
  const ownedBy: string[] = [];
  for (const q of sequences.rows) {
    const name = `${qi(q.nspname)}.${qi(q.relname)}`;
    out.push(`CREATE SEQUENCE ${name} AS ${q.type} START WITH ${q.start} INCREMENT BY ${q.inc} MINVALUE ${q.min} MAXVALUE ${q.max} CACHE ${q.cache}${q.cycle ? ' CYCLE' : ''};`);
    if (q.owner) ownedBy.push(`ALTER SEQUENCE ${name} OWNED BY ${q.owner};`);
    if (q.comment) comments.push(`COMMENT ON SEQUENCE ${name} IS ${lit(q.comment)};`);
  }

  out.push(...(await routineStatements(client, params)));

  const tables = await client.query<{ oid: number; nspname: string; relname: string; relkind: string; ispartition: boolean; partkey: string | null; partbound: string | null; parent: string | null; comment: string | null }>(
    `SELECT c.oid::int AS oid, n.nspname, c.relname, c.relkind::text AS relkind, c.relispartition AS ispartition,
            CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partkey,
            pg_get_expr(c.relpartbound, c.oid) AS partbound,
            (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition LIMIT 1) AS parent,
            obj_description(c.oid, 'pg_class') AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('c.oid', 'pg_class')}
      ORDER BY c.relispartition, n.nspname, c.relname`,
    params,
  );
  const oids = tables.rows.map((t) => t.oid);
  const columns = await client.query<{ relid: number; attname: string; type: string; notnull: boolean; def: string | null; identity: string; generated: string; comment: string | null }>(
    `SELECT a.attrelid::int AS relid, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity::text AS identity, a.attgenerated::text AS generated,
            col_description(a.attrelid, a.attnum) AS comment
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    [oids],
  );
  const columnsOf = new Map<number, typeof columns.rows>();
  for (const c of columns.rows) {
    const list = columnsOf.get(c.relid) ?? [];
    list.push(c);
    columnsOf.set(c.relid, list);
  }
  const nameOf = new Map(tables.rows.map((t) => [t.oid, `${qi(t.nspname)}.${qi(t.relname)}`]));
  for (const t of tables.rows) {
    const name = nameOf.get(t.oid)!;
    if (t.ispartition && t.parent) {
      out.push(`CREATE TABLE ${name} PARTITION OF ${t.parent} ${t.partbound ?? 'DEFAULT'};`);
    } else {
      const cols = (columnsOf.get(t.oid) ?? []).map((c) => {
        let line = `    ${qi(c.attname)} ${c.type}`;
        if (c.generated === 's' && c.def) line += ` GENERATED ALWAYS AS (${c.def}) STORED`;
        else if (c.def) line += ` DEFAULT ${c.def}`;
        if (c.identity === 'a') line += ' GENERATED ALWAYS AS IDENTITY';
        else if (c.identity === 'd') line += ' GENERATED BY DEFAULT AS IDENTITY';
        if (c.notnull) line += ' NOT NULL';
        return line;
      });
      out.push(`CREATE TABLE ${name} (\n${cols.join(',\n')}\n)${t.partkey ? ` PARTITION BY ${t.partkey}` : ''};`);
    }
    if (t.comment) comments.push(`COMMENT ON TABLE ${name} IS ${lit(t.comment)};`);
    for (const c of columnsOf.get(t.oid) ?? []) if (c.comment && !t.ispartition) comments.push(`COMMENT ON COLUMN ${name}.${qi(c.attname)} IS ${lit(c.comment)};`);
  }

  out.push(...ownedBy);

  // Keys, uniques and checks before foreign keys; constraints inherited by partitions are the parent's.
  const constraints = await client.query<{ relid: number; conname: string; contype: string; def: string }>(
    `SELECT con.conrelid::int AS relid, con.conname, con.contype::text AS contype, pg_get_constraintdef(con.oid) AS def
       FROM pg_constraint con
      WHERE con.conrelid = ANY($1::oid[]) AND con.contype IN ('p', 'u', 'c', 'f', 'x') AND con.conislocal
      ORDER BY CASE con.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'c' THEN 2 WHEN 'x' THEN 3 ELSE 4 END, con.conrelid, con.conname`,
    [oids],
  );
  const partitionOids = new Set(tables.rows.filter((t) => t.ispartition).map((t) => t.oid));
  for (const c of constraints.rows) {
    if (partitionOids.has(c.relid)) continue;
    out.push(`ALTER TABLE ONLY ${nameOf.get(c.relid)} ADD CONSTRAINT ${qi(c.conname)} ${c.def};`);
  }

  // Indexes not owned by a constraint; partitions' own copies of the parent's indexes are skipped.
  const indexes = await client.query<{ relid: number; def: string }>(
    `SELECT i.indrelid::int AS relid, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indrelid = ANY($1::oid[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
      ORDER BY i.indrelid, ic.relname`,
    [oids],
  );
  for (const ix of indexes.rows) if (!partitionOids.has(ix.relid)) out.push(`${ix.def};`);

  const views = await client.query<{ nspname: string; relname: string; relkind: string; def: string; comment: string | null }>(
    `SELECT n.nspname, c.relname, c.relkind::text AS relkind, pg_get_viewdef(c.oid, true) AS def, obj_description(c.oid, 'pg_class') AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('c.oid', 'pg_class')}
      ORDER BY n.nspname, c.relname`,
    params,
  );
  for (const v of views.rows) {
    const name = `${qi(v.nspname)}.${qi(v.relname)}`;
    const body = v.def.trim().replace(/;\s*$/, '');
    out.push(v.relkind === 'm' ? `CREATE MATERIALIZED VIEW ${name} AS\n${body}\nWITH NO DATA;` : `CREATE VIEW ${name} AS\n${body};`);
    if (v.comment) comments.push(`COMMENT ON ${v.relkind === 'm' ? 'MATERIALIZED VIEW' : 'VIEW'} ${name} IS ${lit(v.comment)};`);
  }
  // Triggers after their tables: the importer keeps a trigger only on a table it has read.
  const triggers = await client.query<{ def: string }>(
    `SELECT pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgrelid = ANY($1::oid[]) AND NOT c.relispartition ORDER BY c.oid, t.tgname`,
    [oids],
  );
  for (const t of triggers.rows) out.push(`${t.def};`);
  out.push(...comments);
  return { sql: `${out.join('\n\n')}\n`, schemas, tableCount: tables.rows.length };
}

/**
 * Functions and procedures as the server prints them (pg_get_functiondef), and plain aggregates
 * rebuilt from pg_aggregate (the server has no pg_get_aggregatedef): the routines a dump would carry.
 * Members of extensions are the extension's. Ordered-set and hypothetical aggregates are left out.
 */
async function routineStatements(client: pg.Client, params: unknown[]): Promise<string[]> {
  const out: string[] = [];
  const functions = await client.query<{ def: string }>(
    `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.prokind IN ('f', 'p', 'w') AND n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('p.oid', 'pg_proc')}
      ORDER BY n.nspname, p.proname, p.oid`,
    params,
  );
  for (const f of functions.rows) out.push(`${f.def.trim()};`);
  const aggregates = await client.query<{ name: string; args: string; sfunc: string; stype: string; ffunc: string | null; cfunc: string | null; init: string | null }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS name, pg_get_function_identity_arguments(p.oid) AS args,
            a.aggtransfn::regprocedure::regproc::text AS sfunc, format_type(a.aggtranstype, NULL) AS stype,
            NULLIF(a.aggfinalfn, 0)::regproc::text AS ffunc, NULLIF(a.aggcombinefn, 0)::regproc::text AS cfunc, a.agginitval AS init
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_aggregate a ON a.aggfnoid = p.oid
      WHERE p.prokind = 'a' AND a.aggkind = 'n' AND n.nspname = ANY($1::text[]) AND ${NOT_EXTENSION_MEMBER('p.oid', 'pg_proc')}
      ORDER BY n.nspname, p.proname, p.oid`,
    params,
  );
  for (const a of aggregates.rows) {
    const options = [`SFUNC = ${a.sfunc}`, `STYPE = ${a.stype}`];
    if (a.ffunc) options.push(`FINALFUNC = ${a.ffunc}`);
    if (a.cfunc) options.push(`COMBINEFUNC = ${a.cfunc}`);
    if (a.init !== null) options.push(`INITCOND = ${lit(a.init)}`);
    out.push(`CREATE AGGREGATE ${a.name}(${a.args}) (\n    ${options.join(',\n    ')}\n);`);
  }
  return out;
}
