/**
 * Round-trip on MariaDB 10.11 (the MySQL-family server available here; there is no MySQL 8 server):
 * for each MySQL corpus file, the original is applied to one fresh database and Draftbase's regenerated
 * DDL (import -> document -> generateDdl target mariadb-10.11) to another; the two catalogs
 * (information_schema) are compared. Every difference must be zero or explained below.
 *
 * So that the scripts apply to the fresh test databases: the files' own database name is removed from
 * qualified names (`northwind`.`orders` -> `orders`, sakila.film -> film) in the text given to BOTH
 * sides, and CREATE/DROP DATABASE|SCHEMA, USE and the mysql client's commands (DELIMITER, source,
 * flush) are not sent. Statements are applied one by one like `mysql --force`.
 *
 * Needs DATABASE_URL_MYSQL (skips with a notice when unset, fails under CI=true).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { corpusAvailable, readCorpusFile } from '../../server/importers/test-corpus';
import { mariadbSession } from '../../server/testing/mariadb';
import { readMysqlCatalog } from '../../server/testing/mysql-catalog';
import { requireServer } from '../../server/testing/require-server';
import type { SqlClient } from '../../server/testing/sql-client';
import { diffCatalogs, type CatalogDifference } from '../../server/catalog/catalog-diff';
import { mysqlLexOptions, splitStatements } from '../sql-common/split-statements';
import { importMysql } from './import-mysql';

const NOT_SENT = /^\s*(CREATE|DROP)\s+(DATABASE|SCHEMA)\b|^\s*USE\s|^\s*(source|flush)\b/i;

async function applyScript(client: SqlClient, sql: string): Promise<string[]> {
  const split = splitStatements(sql, mysqlLexOptions);
  const errors: string[] = [];
  for (const st of split.statements) {
    const text = sql.slice(st.start, st.end);
    if (NOT_SENT.test(text)) continue;
    try {
      await client.query(text);
    } catch (e) {
      errors.push(`${text.slice(0, 80).replace(/\s+/g, ' ')}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return errors;
}

async function applyStatements(client: SqlClient, statements: string[]): Promise<string[]> {
  const errors: string[] = [];
  for (const st of statements) {
    try {
      await client.query(st);
    } catch (e) {
      errors.push(`${st.slice(0, 100).replace(/\s+/g, ' ')}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return errors;
}

function withoutDatabase(sql: string, database: string | undefined): string {
  if (!database) return sql;
  const q = database.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return sql.replace(new RegExp(`(\`${q}\`|\\b${q})\\s*\\.\\s*(?=[\`\\w])`, 'g'), '');
}

/**
 * Explained differences, by category (see lib/importers/mysql/README.md): none left. NO ACTION is
 * written out (InnoDB records an unwritten action as RESTRICT) and the indexes InnoDB creates for
 * foreign keys are in the import under InnoDB's names.
 */
const EXPLAINED: Record<string, (d: CatalogDifference) => boolean> = {};

interface Case {
  file: string;
  /** Inline SQL instead of a corpus file. */
  sql?: string;
  database?: string;
  originalErrors: RegExp[];
  regeneratedErrors: RegExp[];
  explained?: { kind: string; object: string; why: string }[];
  /** Routines (procedures, functions, triggers) the original creates: compared by the catalog diff too. */
  routines?: number;
}

/** Hand-written: MySQL features the corpus lacks or has only once. */
const KITCHEN_SINK = `
CREATE TABLE \`customers\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`email\` varchar(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT 'login',
  \`kind\` enum('person','company','it''s') NOT NULL DEFAULT 'person',
  \`flags\` set('vip','blocked') DEFAULT NULL,
  \`balance\` decimal(12,2) NOT NULL DEFAULT '0.00',
  \`bonus\` decimal(12,2) GENERATED ALWAYS AS (\`balance\` * 0.1) VIRTUAL,
  \`bio\` mediumtext,
  \`avatar\` longblob,
  \`born\` year DEFAULT NULL,
  \`active\` tinyint(1) NOT NULL DEFAULT 1,
  \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  \`updated_at\` timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`customers_email\` (\`email\`),
  KEY \`customers_bio_prefix\` (\`bio\`(32)),
  FULLTEXT KEY \`customers_bio_ft\` (\`bio\`),
  CONSTRAINT \`balance_non_negative\` CHECK (\`balance\` >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='People who buy';
CREATE TABLE \`orders\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`customer_id\` bigint unsigned NOT NULL,
  \`total\` double NOT NULL,
  PRIMARY KEY (\`id\`),
  KEY \`orders_customer\` (\`customer_id\`, \`total\` DESC),
  CONSTRAINT \`orders_customer_fk\` FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\` (\`id\`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE \`orders\` ADD COLUMN \`note\` varchar(200) NOT NULL DEFAULT '' AFTER \`total\`;
CREATE TABLE \`events\` (
  \`id\` int NOT NULL,
  \`at\` date NOT NULL,
  PRIMARY KEY (\`id\`, \`at\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
/*!50500 PARTITION BY RANGE COLUMNS(\`at\`) (PARTITION p2025 VALUES LESS THAN ('2026-01-01') ENGINE = InnoDB, PARTITION pmax VALUES LESS THAN (MAXVALUE) ENGINE = InnoDB) */;
CREATE TABLE \`by_region\` (\`id\` int NOT NULL, \`region\` int NOT NULL, PRIMARY KEY (\`id\`, \`region\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  PARTITION BY LIST COLUMNS(\`region\`) (PARTITION pa VALUES IN (1,2), PARTITION pb VALUES IN (3));
CREATE TABLE \`hashed\` (\`id\` int NOT NULL PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci PARTITION BY HASH (\`id\`) PARTITIONS 3;
CREATE INDEX \`orders_note\` ON \`orders\` (\`note\`);
CREATE TABLE \`widths\` (\`id\` int(11) unsigned NOT NULL AUTO_INCREMENT, \`code\` int(4) unsigned zerofill NOT NULL, \`big\` bigint(20) DEFAULT NULL, \`small\` smallint(3) zerofill, \`flag\` tinyint(1) NOT NULL DEFAULT 0, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX \`orders_note_prefix\` ON \`orders\` (\`note\`(20), \`total\` DESC);
CREATE TABLE \`legacy\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`code\` char(3) CHARACTER SET latin1 NOT NULL,
  \`label\` varchar(40) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT NULL,
  \`secret\` varchar(20) DEFAULT NULL INVISIBLE,
  \`qty\` int NOT NULL DEFAULT 0,
  PRIMARY KEY (\`id\`),
  KEY \`legacy_code\` (\`code\`) IGNORED,
  KEY \`legacy_label\` (\`label\`) COMMENT 'by label' IGNORED,
  CONSTRAINT \`legacy_qty\` CHECK (\`qty\` >= 0) /*!80016 NOT ENFORCED */
) ENGINE=InnoDB AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 COMMENT='Old codes';
CREATE INDEX \`legacy_qty_ix\` ON \`legacy\` (\`qty\`) IGNORED;
ALTER TABLE \`legacy\` ADD COLUMN \`note\` varchar(10) DEFAULT 'n' INVISIBLE;
CREATE TABLE \`dynamic_rows\` (\`id\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=latin1 ROW_FORMAT=DYNAMIC;
/*!50610 ALTER TABLE \`dynamic_rows\` ENGINE=InnoDB, ROW_FORMAT=REDUNDANT */;
`;

const CASES: Case[] = [
  { file: 'kitchen-sink (inline)', sql: KITCHEN_SINK, originalErrors: [], regeneratedErrors: [] },
  { file: 'chinook-mysql-schema.sql', database: 'Chinook', originalErrors: [], regeneratedErrors: [] },
  { file: 'employees-schema.sql', database: 'employees', originalErrors: [], regeneratedErrors: [] },
  { file: 'guacamole-create-schema.sql', originalErrors: [], regeneratedErrors: [] },
  { file: 'northwind-mywind.sql', database: 'northwind', originalErrors: [], regeneratedErrors: [] },
  {
    file: 'sakila-schema.sql',
    database: 'sakila',
    // 3 triggers (ins_film, upd_film, del_film), 3 procedures, 3 functions, in DELIMITER blocks: kept verbatim.
    routines: 9,
    originalErrors: [],
    regeneratedErrors: [],
    // MariaDB ignores MySQL-5.7 executable comments (/*!50705 ... */): the original has no address.location
    // and no SPATIAL index idx_location there; the import keeps both (they are real on MySQL 5.7+).
    explained: [
      { kind: 'column.order', object: 'db.address', why: 'address.location only in the import (/*!50705 ignored by MariaDB)' },
      { kind: 'index.extra', object: 'db.address', why: 'idx_location only in the import (/*!50705 ignored by MariaDB)' },
    ],
  },
];

const url = requireServer('mysql');
const hasCorpus = corpusAvailable('MySQL round-trip');

describe.skipIf(!url || !hasCorpus)('MySQL round-trip: original vs regenerated catalogs on MariaDB', () => {
  const session = url ? mariadbSession(url) : undefined;
  afterAll(() => session?.close());

  it.each(CASES)('$file', async ({ file, sql: inline, database, originalErrors, regeneratedErrors, explained = [], routines = 0 }) => {
    if (!session) return;
    const sql = inline ?? withoutDatabase(readCorpusFile(`mysql/${file}`), database);
    const a = await session.fresh();
    const errorsA = await applyScript(a, sql);

    const { document } = await importMysql(sql);
    const ddl = generateDdlStatements(document, 'mysql', { target: 'mariadb-10.11' });
    const b = await session.fresh();
    const errorsB = await applyStatements(b, ddl.statements);

    const [ca, cb] = [await readMysqlCatalog(a), await readMysqlCatalog(b)];
    // Two empty catalogs have no differences: the comparison only means something if the original created tables.
    expect(ca.tables.length, 'the original script created no tables').toBeGreaterThan(0);
    expect([ca.routines?.length, cb.routines?.length]).toEqual([routines, routines]);
    // Both databases have generated names: compare tables by name only.
    for (const t of [...ca.tables, ...cb.tables, ...ca.views, ...cb.views, ...ca.enums, ...cb.enums, ...(ca.routines ?? []), ...(cb.routines ?? [])]) t.schema = 'db';
    for (const t of [...ca.tables, ...cb.tables]) for (const f of t.foreignKeys) f.refSchema = 'db';
    const diffs = diffCatalogs(ca, cb, { normalizeExpression: (e) => e.split(`\`${a.database}\`.`).join('').split(`\`${b.database}\`.`).join('') });
    const perFile = (d: CatalogDifference) => explained.some((x) => x.kind === d.kind && x.object === d.object);
    const unexplained = diffs.filter((d) => !perFile(d) && !Object.values(EXPLAINED).some((f) => f(d)));
    const explainedCounts: Record<string, number> = {};
    for (const d of diffs) for (const [k, f] of Object.entries(EXPLAINED)) if (f(d)) explainedCounts[k] = (explainedCounts[k] ?? 0) + 1;
    for (const d of diffs) if (perFile(d)) explainedCounts[d.kind] = (explainedCounts[d.kind] ?? 0) + 1;
    if (process.env.ROUNDTRIP_VERBOSE) console.info(errorsA.join('\n'), '\n---B---\n', errorsB.join('\n'), '\n---diffs---\n', unexplained.map((d) => `[${d.kind}] ${d.message}`).join('\n'));
    console.info(
      `[roundtrip mysql] ${file}: tables ${ca.tables.length} vs ${cb.tables.length}, views ${ca.views.length} vs ${cb.views.length}, ` +
        `differences ${diffs.length} (explained ${JSON.stringify(explainedCounts)}, unexplained ${unexplained.length}); ` +
        `apply errors original ${errorsA.length}, regenerated ${errorsB.length}`,
    );
    expect(unexplained.map((d) => `[${d.kind}] ${d.message}`)).toEqual([]);
    const matchAll = (errors: string[], patterns: RegExp[]) => errors.length === patterns.length && errors.every((e, i) => patterns[i].test(e));
    expect(matchAll(errorsB, regeneratedErrors), `regenerated DDL errors:\n${errorsB.join('\n')}`).toBe(true);
    expect(matchAll(errorsA, originalErrors), `original DDL errors:\n${errorsA.join('\n')}`).toBe(true);
    expect(explained.filter((x) => !diffs.some((d) => d.kind === x.kind && d.object === x.object))).toEqual([]);
  });

  it('would catch a lost MySQL attribute: the kitchen sink without them differs on every one', async () => {
    if (!session) return;
    const { document } = await importMysql(KITCHEN_SINK);
    const legacy = Object.values(document.tables).find((t) => t.name === 'legacy')!;
    // What the import keeps (the round-trip above proves the engine reports the same).
    expect(legacy.options?.mysql).toMatchObject({ rowFormat: 'COMPRESSED', autoIncrement: 1001, keyBlockSize: 8 });
    expect(legacy.columns.filter((c) => c.charset).map((c) => `${c.name}:${c.charset}`)).toEqual(['code:latin1', 'label:latin1']);
    expect(legacy.columns.filter((c) => c.invisible).map((c) => c.name)).toEqual(['secret', 'note']);
    expect(legacy.indexes.filter((i) => i.invisible).map((i) => i.name)).toEqual(['legacy_code', 'legacy_label', 'legacy_qty_ix']);
    expect(legacy.checks.map((c) => c.enforced)).toEqual([false]);
    const stripped = structuredClone(document);
    for (const t of Object.values(stripped.tables)) {
      if (t.options?.mysql) t.options.mysql = { engine: t.options.mysql.engine, charset: t.options.mysql.charset, collation: t.options.mysql.collation };
      for (const c of t.columns) {
        delete c.charset;
        delete c.invisible;
      }
      for (const i of t.indexes) delete i.invisible;
    }
    const [a, b] = [await session.fresh(), await session.fresh()];
    expect(await applyStatements(a, generateDdlStatements(document, 'mysql', { target: 'mariadb-10.11' }).statements)).toEqual([]);
    expect(await applyStatements(b, generateDdlStatements(stripped, 'mysql', { target: 'mariadb-10.11' }).statements)).toEqual([]);
    const [ca, cb] = [await readMysqlCatalog(a), await readMysqlCatalog(b)];
    for (const t of [...ca.tables, ...cb.tables]) t.schema = 'db';
    for (const t of [...ca.tables, ...cb.tables]) for (const f of t.foreignKeys) f.refSchema = 'db';
    const kinds = diffCatalogs(ca, cb).map((d) => `${d.kind} ${d.object}`);
    expect(new Set(kinds)).toEqual(
      new Set([
        // ROW_FORMAT/KEY_BLOCK_SIZE/AUTO_INCREMENT of legacy, ROW_FORMAT of dynamic_rows.
        'table.options db.legacy',
        'table.options db.dynamic_rows',
        // label keeps its collation latin1_bin, which names the character set: only code changes.
        'column.charset db.legacy.code',
        'column.collation db.legacy.code',
        'column.invisible db.legacy.secret',
        'column.invisible db.legacy.note',
        // Three IGNORED indexes.
        'index db.legacy',
      ]),
    );
    expect(kinds.filter((k) => k === 'index db.legacy')).toHaveLength(3);
  });
});
