/**
 * The kitchen sink on real engines: its PostgreSQL DDL applies on PGlite (every run) and on the
 * PostgreSQL server, its MySQL DDL on MariaDB (when DATABASE_URL_PG / DATABASE_URL_MYSQL are set;
 * required under CI=true). Then the engine's catalog must be what the document says
 * (compareDocumentToCatalog), native types and defaults must match the type tables below, and what
 * was left out must be exactly what the diagnostics reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitchenSinkDocument } from '../../model/fixtures/kitchen-sink';
import type { Diagnostic } from '../../model/diagnostics';
import { catalogColumn, catalogTable, type CatalogSnapshot } from './catalog-types';
import { compareDocumentToCatalog } from './document-catalog';
import { mariadbSession } from './mariadb';
import { readMysqlCatalog } from './mysql-catalog';
import { readPgCatalog } from './pg-catalog';
import { pgliteSession, pgServerSession, type EngineSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements, type SqlClient } from './sql-client';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { POSTGRES_TARGETS } from '../../dialects/postgres';

/** [table, column, PostgreSQL format_type, MariaDB COLUMN_TYPE] */
const TYPES: [string, string, string, string][] = [
  ['type_zoo', 'c_smallint', 'smallint', 'smallint(6)'],
  ['type_zoo', 'c_integer_unsigned', 'integer', 'int(10) unsigned'],
  ['type_zoo', 'c_bigint', 'bigint', 'bigint(20)'],
  ['type_zoo', 'c_decimal', 'numeric(10,3)', 'decimal(10,3)'],
  ['type_zoo', 'c_real', 'real', 'float'],
  ['type_zoo', 'c_double', 'double precision', 'double'],
  ['type_zoo', 'c_boolean', 'boolean', 'tinyint(1)'],
  ['type_zoo', 'c_char', 'character(8)', 'char(8)'],
  ['type_zoo', 'c_varchar', 'character varying(100)', 'varchar(100)'],
  ['type_zoo', 'c_text', 'text', 'longtext'],
  ['type_zoo', 'c_uuid', 'uuid', 'uuid'],
  ['type_zoo', 'c_date', 'date', 'date'],
  ['type_zoo', 'c_time', 'time(3) without time zone', 'time(3)'],
  ['type_zoo', 'c_timetz', 'time with time zone', 'time'],
  ['type_zoo', 'c_timestamp', 'timestamp(6) without time zone', 'datetime(6)'],
  ['type_zoo', 'c_timestamptz', 'timestamp with time zone', 'datetime'],
  ['type_zoo', 'c_interval', 'interval', 'varchar(64)'],
  ['type_zoo', 'c_year', 'smallint', 'year(4)'],
  // MariaDB: JSON is LONGTEXT with a json_valid() check.
  ['type_zoo', 'c_json', 'json', 'longtext'],
  ['type_zoo', 'c_jsonb', 'jsonb', 'longtext'],
  ['type_zoo', 'c_binary', 'bytea', 'binary(16)'],
  ['type_zoo', 'c_varbinary', 'bytea', 'varbinary(64)'],
  ['type_zoo', 'c_blob', 'bytea', 'longblob'],
  ['type_zoo', 'c_inet', 'inet', 'varchar(43)'],
  ['type_zoo', 'c_cidr', 'cidr', 'varchar(43)'],
  ['type_zoo', 'c_macaddr', 'macaddr', 'varchar(17)'],
  ['type_zoo', 'c_bit', 'bit(8)', 'bit(8)'],
  ['type_zoo', 'c_varbit', 'bit varying(16)', 'bit(16)'],
  ['type_zoo', 'c_xml', 'xml', 'longtext'],
  ['type_zoo', 'c_money', 'money', 'decimal(19,4)'],
  ['type_zoo', 'c_tsvector', 'tsvector', 'longtext'],
  ['type_zoo', 'c_geometry', 'point', 'geometry'],
  ['type_zoo', 'c_range', 'int4range', 'varchar(64)'],
  ['type_zoo', 'c_int_array', 'integer[]', 'longtext'],
  ['type_zoo', 'c_text_matrix', 'text[]', 'longtext'],
  ['customers', 'email', 'email_address', 'varchar(320)'],
  ['customers', 'tier', 'customer_tier', "enum('free','pro','enterprise')"],
  ['customers', 'created_at', 'timestamp(3) with time zone', 'datetime(3)'],
  ['orders', 'status', 'sales.order_status', "enum('pending','paid','shipped','cancelled')"],
];

/** [table, column, PostgreSQL default, MariaDB default] */
const DEFAULTS: [string, string, string, string][] = [
  ['customers', 'tier', "'free'::customer_tier", "'free'"],
  ['customers', 'public_id', 'gen_random_uuid()', 'uuid()'],
  ['customers', 'balance', '0', '0.00'],
  ['customers', 'is_active', 'true', '1'],
  ['customers', 'profile', "'{}'::jsonb", "'{}'"],
  ['customers', 'created_at', 'CURRENT_TIMESTAMP', 'current_timestamp(3)'],
  ['customers', 'updated_at', 'CURRENT_TIMESTAMP', 'current_timestamp()'],
  ['customers', 'signup_date', 'CURRENT_DATE', 'curdate()'],
  ['orders', 'status', "'pending'::sales.order_status", "'pending'"],
  ['orders', 'priority', '(1 + 1)', '(1 + 1)'],
  ['orders', 'placed_at', 'CURRENT_TIMESTAMP', 'current_timestamp(6)'],
  ['order_items', 'quantity', '1', '1'],
  ['shipments', 'shipped_on', 'CURRENT_DATE', 'curdate()'],
];

/** What each dialect must leave out, and the diagnostic code that says so. */
const PG_SKIPPED: Record<string, string> = { i_products_fulltext: 'postgres.fulltext-index-skipped', v_active_customers: 'view.dialect-mismatch' };
const MARIADB_SKIPPED: Record<string, string> = {
  i_customers_lower_email: 'mysql.expression-index-unsupported',
  i_customers_profile: 'mysql.index-method-unsupported',
  i_products_search: 'mysql.index-method-unsupported',
  i_products_name_trgm: 'mysql.index-method-unsupported',
  x_trgm: 'mysql.extension-dropped',
  x_btree_gin: 'mysql.extension-dropped',
  x_uuid: 'mysql.extension-built-in',
  i_type_zoo_inet: 'mysql.index-method-unsupported',
  i_type_zoo_text_spgist: 'mysql.index-method-unsupported',
  k_employees_not_own_manager: 'mysql.check-skipped',
  v_order_totals: 'view.dialect-mismatch',
  v_customer_stats: 'view.dialect-mismatch',
};

function expectSkippedReported(diagnostics: Diagnostic[], skipped: Record<string, string>) {
  for (const [id, code] of Object.entries(skipped)) {
    expect(diagnostics.some((d) => d.entityId === id && d.code === code), `${id} reported as ${code}`).toBe(true);
  }
}

function find(cat: CatalogSnapshot, table: string, schemaHint?: string) {
  return catalogTable(cat, table, schemaHint);
}

// One PGlite per test file (3-7 s and ~800 MB each), shared by the describes below.
const pglite = pgliteSession();
afterAll(() => pglite.close());

const pgEngines: [string, () => EngineSession | undefined][] = [
  ['PGlite (PostgreSQL 17)', () => pglite],
  ['PostgreSQL server', () => { const url = requireServer('pg'); return url ? pgServerSession(url) : undefined; }],
];

describe.each(pgEngines)('kitchen sink on %s', (_name, make) => {
  const session = make();
  let db: SqlClient;
  let catalog: CatalogSnapshot;
  const { statements, diagnostics } = generateDdlStatements(kitchenSinkDocument(), 'postgres');

  beforeAll(async () => {
    if (!session) return;
    db = await session.fresh();
    await applyStatements(db, statements);
    catalog = await readPgCatalog(db);
  });
  afterAll(() => (session === pglite ? undefined : session?.close()));

  it.skipIf(!session)('the comparison notices differences (so it can fail)', () => {
    const doc = kitchenSinkDocument();
    doc.tables.t_orders.columns[1].nullable = true;
    doc.relationships.r_orders_customer.onDelete = 'cascade';
    doc.tables.t_orders.indexes[0].name = 'renamed_idx';
    doc.tables.t_orders.indexes[1].method = 'btree';
    doc.sequences.q_event_ids.cache = 1;
    delete doc.sequences.q_departments_id.ownedBy;
    doc.extensions.x_btree_gin.schemaId = 's_sales';
    doc.tables.t_employees.columns[0].default = { kind: 'sequence', sequenceId: 'q_event_ids' };
    delete doc.tables.t_employees.columns[0].identity;
    const problems = compareDocumentToCatalog(doc, catalog, { dialect: 'postgres', defaultSchema: 'public', skipped: new Set(Object.keys(PG_SKIPPED)), nullsNotDistinct: true });
    expect(problems).toEqual([
      'orders.customer_id: nullable false, expected true',
      'orders: index renamed_idx missing',
      'orders: index orders_customer_idx: method hash, expected btree',
      'employees.id: identity by default, expected null',
      'employees.id: default null, expected "nextval(\'audit.event_ids\'::regclass)"',
      'employees.id: default null, expected one',
      'foreign key orders(customer_id): ON DELETE restrict, expected cascade',
      'sequence departments_id_seq: ownedBy "public.departments.id", expected null',
      'sequence event_ids: cache "5", expected "1"',
      'extension btree_gin: schema audit, expected sales',
    ]);
  });

  it.skipIf(!session)('creates what the document says', () => {
    expect(compareDocumentToCatalog(kitchenSinkDocument(), catalog, { dialect: 'postgres', defaultSchema: 'public', skipped: new Set(Object.keys(PG_SKIPPED)), nullsNotDistinct: true })).toEqual([]);
    expectSkippedReported(diagnostics, PG_SKIPPED);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.skipIf(!session).each(TYPES)('%s.%s has type %s', (table, column, pgType) => {
    const schema = table === 'orders' ? 'sales' : 'public';
    expect(catalogColumn(find(catalog, table, schema), column).type).toBe(pgType);
  });

  it.skipIf(!session).each(DEFAULTS)('%s.%s defaults to %s', (table, column, pgDefault) => {
    const schema = ['orders', 'order_items', 'shipments'].includes(table) ? 'sales' : 'public';
    expect(catalogColumn(find(catalog, table, schema), column).default).toBe(pgDefault);
  });

  it.skipIf(!session)('creates the extensions, the sequences with every option and OWNED BY, serial and shared sequence defaults', () => {
    expect(catalog.extensions.filter((x) => x.name !== 'plpgsql').map((x) => `${x.name}@${x.schema}`)).toEqual(['btree_gin@audit', 'pg_trgm@public', 'uuid-ossp@public']);
    expect(catalog.sequences).toEqual([
      { schema: 'audit', name: 'event_ids', type: 'bigint', start: '1010', increment: '10', min: '1000', max: '9999999', cache: '5', cycle: true, ownedBy: null, comment: 'One id space for every audit event' },
      { schema: 'public', name: 'departments_id_seq', type: 'integer', start: '100', increment: '1', min: '1', max: '2147483647', cache: '1', cycle: false, ownedBy: 'public.departments.id', comment: null },
      { schema: 'public', name: 'type_zoo_id_seq', type: 'integer', start: '1', increment: '1', min: '1', max: '2147483647', cache: '1', cycle: false, ownedBy: 'public.type_zoo.id', comment: null },
    ]);
    for (const table of ['events', 'events_by_kind']) expect(catalogColumn(find(catalog, table, 'audit'), 'id').default).toBe("nextval('audit.event_ids'::regclass)");
    expect(catalogColumn(find(catalog, 'departments', 'public'), 'id').default).toBe("nextval('departments_id_seq'::regclass)");
    expect(catalogColumn(find(catalog, 'type_zoo', 'public'), 'id').default).toBe("nextval('type_zoo_id_seq'::regclass)");
    expect(find(catalog, 'products', 'public').indexes.find((i) => i.name === 'products_name_trgm')!.parts[0].opclass).toBe('gin_trgm_ops');
    // type_zoo.id is written serial, departments.id in pg_dump's shape (its sequence starts at 100).
    expect(statements.some((st) => st.includes('"id" serial NOT NULL'))).toBe(true);
    expect(statements).toContain('ALTER SEQUENCE "departments_id_seq" OWNED BY "departments"."id"');
  });

  it.skipIf(!session)('keeps collations, generated expressions, predicates, INCLUDE, opclasses, domains and comments', () => {
    const customers = find(catalog, 'customers', 'public');
    expect(catalogColumn(customers, 'code').collation).toBe('C');
    expect(catalogColumn(customers, 'name_ci').collation).toBeNull();
    const orders = find(catalog, 'orders', 'sales');
    expect(catalogColumn(orders, 'total_with_tax').generated).toEqual({ expression: '(total * 1.2)', stored: true });
    expect(catalogColumn(orders, 'note').comment).toBe('It\'s "quoted", has a back\\slash and a */ comment end');
    const open = orders.indexes.find((i) => i.name === 'orders_open_idx')!;
    expect(open.predicate).toBe("status <> 'shipped'::sales.order_status");
    expect(open.include).toEqual(['total']);
    expect(open.parts).toEqual([{ expression: 'placed_at', isColumn: true, order: 'desc', nulls: 'last' }]);
    expect(customers.indexes.find((i) => i.name === 'customers_lower_email_idx')!.parts[0]).toMatchObject({ isColumn: false, expression: 'lower(email::text)' });
    expect(catalog.domains).toEqual([
      { schema: 'public', name: 'email_address', type: 'character varying(320)', nullable: true, default: null, checks: [{ name: 'email_address_has_at', expression: "CHECK (VALUE::text ~~ '%@%'::text)" }], comment: 'An e-mail address' },
    ]);
    expect(customers.checks).toEqual([{ name: 'customers_balance_nonnegative', expression: 'CHECK (balance >= 0::numeric)' }]);
    expect(find(catalog, 'events', 'audit').partitioning).toEqual({
      strategy: 'range',
      key: 'RANGE (occurred_at)',
      partitions: [
        { name: 'events_2025', bound: "FOR VALUES FROM ('2025-01-01 00:00:00') TO ('2026-01-01 00:00:00')" },
        { name: 'events_2026', bound: "FOR VALUES FROM ('2026-01-01 00:00:00') TO ('2027-01-01 00:00:00')" },
        { name: 'events_future', bound: "FOR VALUES FROM ('2027-01-01 00:00:00') TO (MAXVALUE)" },
      ],
    });
    expect(catalog.views.map((v) => `${v.schema}.${v.name}:${v.materialized}`).sort()).toEqual(['public.customer_stats:true', 'sales.order_totals:false']);
  });

  it.skipIf(!session)('dropFirst makes the script re-runnable', async () => {
    const again = generateDdlStatements(kitchenSinkDocument(), 'postgres', { dropFirst: true });
    await applyStatements(db, again.statements);
    await applyStatements(db, again.statements);
    expect(compareDocumentToCatalog(kitchenSinkDocument(), await readPgCatalog(db), { dialect: 'postgres', defaultSchema: 'public', skipped: new Set(Object.keys(PG_SKIPPED)), nullsNotDistinct: true })).toEqual([]);
  });
});

describe('kitchen sink for every PostgreSQL target on PGlite', () => {
  const session = pglite;

  it.each(POSTGRES_TARGETS)('%s applies, and schema-qualified output too', async (target) => {
    for (const schemaQualified of [false, true]) {
      const db = await session.fresh();
      const { statements, diagnostics } = generateDdlStatements(kitchenSinkDocument(), 'postgres', { target, schemaQualified });
      await applyStatements(db, statements);
      const nnd = target === 'postgres-13' || target === 'postgres-14';
      expect(diagnostics.some((d) => d.code === 'postgres.nulls-not-distinct-dropped')).toBe(nnd);
      const problems = compareDocumentToCatalog(kitchenSinkDocument(), await readPgCatalog(db), { dialect: 'postgres', defaultSchema: 'public', skipped: new Set(Object.keys(PG_SKIPPED)), nullsNotDistinct: !nnd });
      expect(problems).toEqual([]);
    }
  });
});

describe('kitchen sink on MariaDB 10.11', () => {
  const url = requireServer('mysql');
  const session = url ? mariadbSession(url) : undefined;
  let db: SqlClient;
  let catalog: CatalogSnapshot;
  const { statements, diagnostics } = generateDdlStatements(kitchenSinkDocument(), 'mysql', { target: 'mariadb-10.11' });

  beforeAll(async () => {
    if (!session) return;
    db = await session.fresh();
    await applyStatements(db, statements);
    catalog = await readMysqlCatalog(db);
  });
  afterAll(() => session?.close());

  it.skipIf(!session)('creates what the document says', () => {
    expect(
      compareDocumentToCatalog(kitchenSinkDocument(), catalog, { dialect: 'mysql', defaultSchema: db.database!, skipped: new Set(Object.keys(MARIADB_SKIPPED)), standaloneSequences: true }),
    ).toEqual([]);
    expectSkippedReported(diagnostics, MARIADB_SKIPPED);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.skipIf(!session).each(TYPES)('%s.%s has type %s / %s', (table, column, _pg, mariaType) => {
    expect(catalogColumn(find(catalog, table), column).type).toBe(mariaType);
  });

  it.skipIf(!session).each(DEFAULTS)('%s.%s defaults to %s / %s', (table, column, _pg, mariaDefault) => {
    expect(catalogColumn(find(catalog, table), column).default).toBe(mariaDefault);
  });

  it.skipIf(!session)('a column owning its sequence is AUTO_INCREMENT (its start the table\'s); a shared sequence is a CREATE SEQUENCE its columns draw from', () => {
    expect(catalogColumn(find(catalog, 'type_zoo'), 'id').identity).toBe('auto_increment');
    expect(catalogColumn(find(catalog, 'departments'), 'id').identity).toBe('auto_increment');
    expect(statements.find((st) => st.startsWith('CREATE TABLE `departments`'))).toMatch(/AUTO_INCREMENT=100$/);
    expect(catalogColumn(find(catalog, 'events'), 'id')).toMatchObject({ identity: null, default: `nextval(\`${db.database}\`.\`event_ids\`)` });
    expect(catalog.sequences.map((q) => q.name)).toEqual(['event_ids']);
    expect(diagnostics.filter((d) => /sequence-(default-)?dropped/.test(d.code))).toEqual([]);
    // MySQL (no sequences) keeps the old mapping: the shared sequence's defaults are left out, and said so.
    const mysql8 = generateDdlStatements(kitchenSinkDocument(), 'mysql', { target: 'mysql-8.0' }).diagnostics;
    expect(mysql8.filter((d) => d.code === 'mysql.sequence-default-dropped').map((d) => d.entityId)).toEqual(['c_events_id', 'c_events_by_kind_id']);
    expect(mysql8.filter((d) => d.code === 'mysql.sequence-dropped').map((d) => d.entityId)).toEqual(['q_event_ids']);
  });

  it.skipIf(!session)('keeps inline comments, ON UPDATE, domain checks, JSON checks, partitions and index details', () => {
    const customers = find(catalog, 'customers');
    expect(customers.comment).toBe("People who buy things. Can't be deleted while they have orders.");
    expect(catalogColumn(customers, 'updated_at').onUpdate).toBe('current_timestamp()');
    expect(catalogColumn(customers, 'name_ci').collation).toBe('utf8mb4_unicode_ci');
    expect(customers.checks.map((c) => c.name).sort()).toEqual(['customers_balance_nonnegative', 'customers_email_email_address_has_at', 'profile', 'tags']);
    expect(customers.checks.find((c) => c.name === 'customers_email_email_address_has_at')!.expression).toBe("`email` like '%@%'");
    expect(catalogColumn(find(catalog, 'orders'), 'note').comment).toBe('It\'s "quoted", has a back\\slash and a */ comment end');
    expect(catalogColumn(find(catalog, 'orders'), 'total_with_tax').generated).toEqual({ expression: '`total` * 1.2', stored: true });
    expect(find(catalog, 'products').indexes.find((i) => i.name === 'products_text_ft')!.method).toBe('fulltext');
    expect(find(catalog, 'type_zoo').indexes.find((i) => i.name === 'type_zoo_geometry_spatial')!.method).toBe('spatial');
    expect(find(catalog, 'events').partitioning).toMatchObject({ strategy: 'range columns', key: '`occurred_at`' });
    expect(find(catalog, 'events').partitioning!.partitions.map((p) => p.bound)).toEqual(["'2026-01-01'", "'2027-01-01'", 'MAXVALUE']);
    expect(find(catalog, 'events_by_kind').partitioning!.strategy).toBe('list columns');
    expect(find(catalog, 'sessions').partitioning!.strategy).toBe('hash');
    expect(catalog.views.map((v) => v.name)).toEqual(['active_customers']);
  });

  it.skipIf(!session)('schema-qualified output keeps schemas as databases', async () => {
    const doc = kitchenSinkDocument();
    // Unique database names: other test runs share this server.
    const suffix = db.database!.slice(-12);
    for (const s of Object.values(doc.schemas)) s.name = `${s.name}_${suffix}`;
    // Tables without a schema live in the connection's (unnamed) database; a table in another
    // database cannot reference them by name, so this case puts them in a third schema.
    const withoutSchema = generateDdlStatements(doc, 'mysql', { schemaQualified: true }).diagnostics.filter((d) => d.code === 'mysql.cross-database-reference');
    expect(withoutSchema.map((d) => d.entityId)).toEqual(['r_orders_customer', 'r_items_product']);
    doc.schemas.s_core = { id: 's_core', name: `core_${suffix}` };
    for (const t of Object.values(doc.tables)) t.schemaId ??= 's_core';
    doc.views = {};
    const other = await session!.fresh();
    try {
      await applyStatements(other, generateDdlStatements(doc, 'mysql', { target: 'mariadb-10.11', schemaQualified: true }).statements);
      const sales = await readMysqlCatalog(other, `sales_${suffix}`);
      expect(sales.tables.map((t) => t.name).sort()).toEqual(['order_items', 'orders', 'shipments']);
      expect(catalogTable(sales, 'orders').foreignKeys[0]).toMatchObject({ refSchema: `core_${suffix}`, refTable: 'customers' });
      const audit = await readMysqlCatalog(other, `audit_${suffix}`);
      expect(audit.tables.map((t) => t.name).sort()).toEqual(['events', 'events_by_kind', 'sessions']);
      expect(audit.sequences.map((q) => q.name)).toEqual(['event_ids']);
      expect((await readMysqlCatalog(other, `core_${suffix}`)).tables.map((t) => t.name).sort()).toEqual(['customers', 'departments', 'employees', 'products', 'type_zoo']);
      expect((await readMysqlCatalog(other)).tables).toEqual([]);
    } finally {
      for (const s of Object.values(doc.schemas)) await other.query(`DROP DATABASE IF EXISTS \`${s.name}\``);
    }
  });

  // No MySQL 8 server is available here: the MySQL 8.0 output is checked on MariaDB, where only the
  // MySQL-8-only syntax (functional index parts) may fail.
  it.skipIf(!session)('the MySQL 8.0 output applies on MariaDB except its functional indexes', async () => {
    const other = await session!.fresh();
    const failed: string[] = [];
    for (const statement of generateDdlStatements(kitchenSinkDocument(), 'mysql', { target: 'mysql-8.0' }).statements) {
      await other.query(statement).catch(() => failed.push(statement.slice(0, 60)));
    }
    expect(failed).toEqual(['CREATE INDEX `customers_lower_email_idx` ON `customers` ((lo']);
  });

  it.skipIf(!session)('dropFirst makes the script re-runnable (FK cycle included)', async () => {
    const again = generateDdlStatements(kitchenSinkDocument(), 'mysql', { target: 'mariadb-10.11', dropFirst: true });
    expect(again.statements[0]).toBe('SET FOREIGN_KEY_CHECKS = 0');
    await applyStatements(db, again.statements);
    await applyStatements(db, again.statements);
    const cat = await readMysqlCatalog(db);
    expect(compareDocumentToCatalog(kitchenSinkDocument(), cat, { dialect: 'mysql', defaultSchema: db.database!, skipped: new Set(Object.keys(MARIADB_SKIPPED)), standaloneSequences: true })).toEqual([]);
  });
});
