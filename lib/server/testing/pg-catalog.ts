/**
 * Reads what PostgreSQL actually created, from pg_catalog, into a CatalogSnapshot. The same queries
 * run on PGlite and on the server (through SqlClient). User schemas only: pg_catalog,
 * information_schema and pg_toast are never read. Pass `schemas` to narrow further.
 */
import type { ReferentialAction } from '../../model/document';
import type {
  CatalogCheck, CatalogColumn, CatalogDomain, CatalogEnum, CatalogExtension, CatalogForeignKey, CatalogIndex, CatalogSequence, CatalogSnapshot,
  CatalogRoutine, CatalogTable, CatalogView,
} from './catalog-types';
import type { SqlClient } from './sql-client';

const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;

const ACTIONS: Record<string, ReferentialAction> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

const schemaFilter = (schemas: readonly string[] | undefined, column: string) =>
  schemas ? `AND ${column} IN (${schemas.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ') || 'NULL'})` : '';

// JSON aggregates keep arrays portable: node-pg and PGlite parse json, but not every array type.
const TABLES_SQL = (f: string) => `
SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       obj_description(c.oid, 'pg_class') AS comment,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS view_definition
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND ${USER_SCHEMA} ${f}
ORDER BY n.nspname, c.relname`;

const PARTITIONS_SQL = (f: string) => `
SELECT i.inhparent::text AS parent_oid, c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relispartition AND c.relkind IN ('r', 'p') AND ${USER_SCHEMA} ${f}
ORDER BY c.relname`;

const COLUMNS_SQL = (f: string) => `
SELECT a.attrelid::text AS table_oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
       a.attidentity AS identity, a.attgenerated AS generated,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       col_description(a.attrelid, a.attnum) AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND ${USER_SCHEMA} ${f}
ORDER BY a.attrelid, a.attnum`;

const CONSTRAINTS_SQL = (f: string) => `
SELECT con.conrelid::text AS table_oid, con.conname AS name, con.contype AS type,
       (SELECT coalesce(json_agg(a.attname ORDER BY k.o), '[]'::json) FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS columns,
       fn.nspname AS ref_schema, fc.relname AS ref_table,
       (SELECT coalesce(json_agg(a.attname ORDER BY k.o), '[]'::json) FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update, con.condeferrable AS deferrable, con.condeferred AS deferred,
       pg_get_constraintdef(con.oid, true) AS definition, obj_description(con.oid, 'pg_constraint') AS comment
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c') AND con.conparentid = 0 AND NOT c.relispartition AND ${USER_SCHEMA} ${f}
ORDER BY con.conrelid, con.conname`;

// Column parts report the plain column name (pg_get_indexdef would quote it); expressions their text.
// indoption bits: 1 = DESC, 2 = NULLS FIRST. int2vector/oidvector subscripts start at 0.
const INDEXES_SQL = (f: string) => `
SELECT i.indrelid::text AS table_oid, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary,
       am.amname AS method, i.indnkeyatts AS key_count,
       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')) AS constraint,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       (SELECT json_agg(json_build_object(
           'expression', CASE WHEN i.indkey[k - 1] <> 0
             THEN (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1])
             ELSE pg_get_indexdef(i.indexrelid, k, true) END,
           'is_column', i.indkey[k - 1] <> 0,
           'option', i.indoption[k - 1],
           'opclass', CASE WHEN k <= i.indnkeyatts AND NOT oc.opcdefault THEN oc.opcname END
         ) ORDER BY k)
        FROM generate_series(1, i.indnatts) k LEFT JOIN pg_opclass oc ON oc.oid = i.indclass[k - 1]) AS parts
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT c.relispartition AND ${USER_SCHEMA} ${f}
ORDER BY i.indrelid, ic.relname`;

const ENUMS_SQL = (f: string) => `
SELECT n.nspname AS schema, t.typname AS name, obj_description(t.oid, 'pg_type') AS comment,
       (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS values
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${USER_SCHEMA} ${f}
ORDER BY n.nspname, t.typname`;

const DOMAINS_SQL = (f: string) => `
SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type,
       NOT t.typnotnull AS nullable, t.typdefault AS default_expr, obj_description(t.oid, 'pg_type') AS comment,
       (SELECT coalesce(json_agg(json_build_object('name', c.conname, 'expression', pg_get_constraintdef(c.oid, true)) ORDER BY c.conname), '[]'::json)
          FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS checks
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd' AND ${USER_SCHEMA} ${f}
ORDER BY n.nspname, t.typname`;

// Identity columns' sequences (an internal dependency) are the column's business, not listed here.
const SEQUENCES_SQL = (f: string) => `
SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
       s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
       s.seqcache::text AS cache, s.seqcycle AS cycle, obj_description(c.oid, 'pg_class') AS comment,
       (SELECT tn.nspname || '.' || t.relname || '.' || a.attname FROM pg_depend d
          JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a') AS owned_by
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${USER_SCHEMA} ${f}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
ORDER BY n.nspname, c.relname`;

const EXTENSIONS_SQL = `
SELECT x.extname AS name, n.nspname AS schema, x.extversion AS version, obj_description(x.oid, 'pg_extension') AS comment
FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
ORDER BY x.extname`;

// Functions of extensions (pg_depend 'e') are the extension's; an aggregate has no pg_get_functiondef.
const ROUTINES_SQL = (f: string) => `
SELECT n.nspname AS schema, p.proname AS name,
       CASE p.prokind WHEN 'f' THEN 'function' WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'window' END AS kind,
       pg_get_function_identity_arguments(p.oid) AS signature, NULL AS "table",
       CASE WHEN p.prokind = 'a' THEN coalesce((SELECT a.aggtransfn::text || ' ' || format_type(a.aggtranstype, NULL) FROM pg_aggregate a WHERE a.aggfnoid = p.oid), '')
            ELSE pg_get_functiondef(p.oid) END AS definition
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE ${USER_SCHEMA} ${f}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT n.nspname, t.tgname, 'trigger', '', c.relname, pg_get_triggerdef(t.oid)
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND ${USER_SCHEMA} ${f}
ORDER BY 1, 2, 4, 5`;

interface TableRow { oid: string; schema: string; name: string; kind: string; comment: string | null; partition_key: string | null; view_definition: string | null }
interface ColumnRow { table_oid: string; name: string; type: string; nullable: boolean; default_expr: string | null; identity: string; generated: string; collation: string | null; comment: string | null }
interface ConstraintRow {
  table_oid: string; name: string; type: 'p' | 'u' | 'f' | 'c'; columns: string[]; ref_schema: string | null; ref_table: string | null; ref_columns: string[];
  on_delete: string; on_update: string; deferrable: boolean; deferred: boolean; definition: string; comment: string | null;
}
interface IndexRow {
  table_oid: string; name: string; unique: boolean; primary: boolean; method: string; key_count: number; constraint: boolean; predicate: string | null;
  parts: { expression: string; is_column: boolean; option: number; opclass: string | null }[];
}

/** Reads tables, columns, keys, FKs, checks, indexes, partitions, views, enums, domains, sequences and extensions. */
export async function readPgCatalog(client: SqlClient, options: { schemas?: readonly string[] } = {}): Promise<CatalogSnapshot> {
  const f = schemaFilter(options.schemas, 'n.nspname');
  const [tables, partitions, columns, constraints, indexes, enums, domains] = [
    await client.query<TableRow>(TABLES_SQL(f)),
    await client.query<{ parent_oid: string; name: string; bound: string }>(PARTITIONS_SQL(f)),
    await client.query<ColumnRow>(COLUMNS_SQL(f)),
    await client.query<ConstraintRow>(CONSTRAINTS_SQL(f)),
    await client.query<IndexRow>(INDEXES_SQL(f)),
    await client.query<{ schema: string; name: string; comment: string | null; values: string[] }>(ENUMS_SQL(f)),
    await client.query<{ schema: string; name: string; type: string; nullable: boolean; default_expr: string | null; comment: string | null; checks: CatalogCheck[] }>(DOMAINS_SQL(f)),
  ];
  const sequences = await client.query<{ schema: string; name: string; type: string; start: string; increment: string; min: string; max: string; cache: string; cycle: boolean; comment: string | null; owned_by: string | null }>(SEQUENCES_SQL(f));
  const extensions = await client.query<CatalogExtension>(EXTENSIONS_SQL);
  const routines = await client.query<CatalogRoutine>(ROUTINES_SQL(f));

  const byTable = <R extends { table_oid: string }>(rows: R[]) => {
    const m = new Map<string, R[]>();
    for (const r of rows) m.set(r.table_oid, [...(m.get(r.table_oid) ?? []), r]);
    return m;
  };
  const colsOf = byTable(columns);
  const consOf = byTable(constraints);
  const idxOf = byTable(indexes);

  const toColumn = (r: ColumnRow): CatalogColumn => ({
    name: r.name,
    type: r.type,
    nullable: r.nullable,
    default: r.generated ? null : r.default_expr,
    identity: r.identity === 'a' ? 'always' : r.identity === 'd' ? 'by default' : null,
    generated: r.generated ? { expression: r.default_expr ?? '', stored: r.generated === 's' } : null,
    collation: r.collation,
    comment: r.comment,
    onUpdate: null,
  });

  const toIndex = (r: IndexRow): CatalogIndex => ({
    name: r.name,
    unique: r.unique,
    primary: r.primary,
    method: r.method,
    constraint: r.constraint,
    predicate: r.predicate,
    parts: r.parts.slice(0, r.key_count).map((p) => ({
      expression: p.expression,
      isColumn: p.is_column,
      order: p.option & 1 ? 'desc' : 'asc',
      nulls: p.option & 2 ? 'first' : 'last',
      ...(p.opclass ? { opclass: p.opclass } : {}),
    })),
    include: r.parts.slice(r.key_count).map((p) => p.expression),
  });

  const toForeignKey = (r: ConstraintRow): CatalogForeignKey => ({
    name: r.name,
    columns: r.columns,
    refSchema: r.ref_schema ?? '',
    refTable: r.ref_table ?? '',
    refColumns: r.ref_columns,
    onDelete: ACTIONS[r.on_delete],
    onUpdate: ACTIONS[r.on_update],
    deferrable: !r.deferrable ? 'not deferrable' : r.deferred ? 'deferrable initially deferred' : 'deferrable initially immediate',
    comment: r.comment,
  });

  const out: CatalogSnapshot = {
    tables: [],
    views: [],
    enums: [],
    domains: [],
    sequences: sequences.map(({ owned_by, ...q }): CatalogSequence => ({ ...q, ownedBy: owned_by })),
    // Extensions are database-wide: narrowed to the schemas asked for when some are.
    extensions: options.schemas ? extensions.filter((x) => options.schemas!.includes(x.schema)) : extensions,
    routines,
  };
  for (const t of tables) {
    if (t.kind === 'v' || t.kind === 'm') {
      out.views.push({ schema: t.schema, name: t.name, materialized: t.kind === 'm', definition: t.view_definition ?? '', comment: t.comment } satisfies CatalogView);
      continue;
    }
    const cons = consOf.get(t.oid) ?? [];
    const pk = cons.find((c) => c.type === 'p');
    const table: CatalogTable = {
      schema: t.schema,
      name: t.name,
      comment: t.comment,
      columns: (colsOf.get(t.oid) ?? []).map(toColumn),
      primaryKey: pk ? { name: pk.name, columns: pk.columns } : null,
      uniques: cons.filter((c) => c.type === 'u').map((c) => ({ name: c.name, columns: c.columns, nullsNotDistinct: /NULLS NOT DISTINCT/i.test(c.definition) })),
      checks: cons.filter((c) => c.type === 'c').map((c) => ({ name: c.name, expression: c.definition })),
      foreignKeys: cons.filter((c) => c.type === 'f').map(toForeignKey),
      indexes: (idxOf.get(t.oid) ?? []).map(toIndex),
      partitioning: null,
    };
    if (t.kind === 'p') {
      const key = t.partition_key ?? '';
      table.partitioning = {
        strategy: key.split(' ')[0].toLowerCase(),
        key,
        partitions: partitions.filter((p) => p.parent_oid === t.oid).map((p) => ({ name: p.name, bound: p.bound })),
      };
    }
    out.tables.push(table);
  }
  out.enums = enums.map((e): CatalogEnum => ({ schema: e.schema, name: e.name, values: e.values, comment: e.comment }));
  out.domains = domains.map((d): CatalogDomain => ({ schema: d.schema, name: d.name, type: d.type, nullable: d.nullable, default: d.default_expr, checks: d.checks, comment: d.comment }));
  return out;
}
