/**
 * Reads what MySQL/MariaDB actually created, from information_schema, into a CatalogSnapshot (the
 * same shape as the PostgreSQL reader). One database = one schema: pass the database name (a
 * SqlClient from mariadbSession carries it). MySQL has no enum or domain objects: enums show up in
 * column types (`enum('a','b')`), so `enums` and `domains` are always empty.
 *
 * MariaDB notes: JSON is LONGTEXT plus a `json_valid()` CHECK named after the column (reported in
 * `checks`); COLUMN_DEFAULT quotes literals (`'free'`) and spells NULL defaults as `NULL`.
 */
import type { ReferentialAction } from '../../model/document';
import type { CatalogIndex, CatalogRoutine, CatalogSnapshot, CatalogTable } from './catalog-types';
import type { SqlClient } from './sql-client';

type Row = Record<string, unknown>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** information_schema column names come back upper-case on MySQL 8 and as written on MariaDB. */
const get = (row: Row, key: string): unknown => row[key] ?? row[key.toLowerCase()];

const action = (rule: unknown): ReferentialAction => str(rule).toLowerCase() as ReferentialAction;

/**
 * MariaDB stores a sequence default qualified with the database (`nextval(`db`.`seq`)`): the same
 * schema in two databases must read alike, so the catalog's own database name is dropped.
 */
function withoutOwnDatabase(text: string | null, database: string): string | null {
  if (text === null) return null;
  const quoted = `\`${database.replace(/`/g, '``')}\`.`;
  return text.split(quoted).join('');
}

export async function readMysqlCatalog(client: SqlClient, database = client.database): Promise<CatalogSnapshot> {
  if (!database) throw new Error('readMysqlCatalog needs a database name');
  const q = (sql: string) => client.query<Row>(sql, [database]);
  const tables = await q(`SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, CREATE_OPTIONS, ENGINE, TABLE_COLLATION, AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`);
  const columns = await q(`SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT
    FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`);
  // SELECT *: MySQL 8 has ENFORCED (CHECK ... NOT ENFORCED), MariaDB does not.
  const constraints = await q(`SELECT * FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME`);
  const keyColumns = await q(`SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
    FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`);
  const referential = await q(`SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`);
  const checks = await q(`SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME`);
  // SELECT *: MySQL 8 has an EXPRESSION column for functional index parts, MariaDB does not.
  const stats = await q(`SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`);
  const partitions = await q(`SELECT TABLE_NAME, PARTITION_NAME, PARTITION_METHOD, PARTITION_EXPRESSION, PARTITION_DESCRIPTION
    FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION`);
  const views = await q(`SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`);

  const of = (rows: Row[], table: string) => rows.filter((r) => str(get(r, 'TABLE_NAME')) === table);
  const routineRows = await client.query<Row>(`SELECT ROUTINE_NAME AS NAME, LOWER(ROUTINE_TYPE) AS KIND, NULL AS TBL, ROUTINE_DEFINITION AS DEF FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
    UNION ALL SELECT TRIGGER_NAME, 'trigger', EVENT_OBJECT_TABLE, CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION, ' ', ACTION_STATEMENT) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
    UNION ALL SELECT EVENT_NAME, 'event', NULL, EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
    ORDER BY 1, 2`, [database, database, database]);
  const routines = routineRows.map((r): CatalogRoutine => {
    const table = get(r, 'TBL');
    return { schema: database, name: str(get(r, 'NAME')), kind: str(get(r, 'KIND')), signature: '', table: table === null || table === undefined ? null : str(table), definition: str(get(r, 'DEF')) };
  });
  const out: CatalogSnapshot = { tables: [], views: [], enums: [], domains: [], sequences: [], extensions: [], routines };

  for (const t of tables) {
    const name = str(get(t, 'TABLE_NAME'));
    if (str(get(t, 'TABLE_TYPE')) === 'SEQUENCE') {
      // MariaDB 10.3+: a sequence is a one-row table holding its settings (no information_schema view before 11.5).
      const [row] = await client.query<Row>(`SELECT start_value, minimum_value, maximum_value, increment, cache_size, cycle_option FROM \`${database.replace(/`/g, '``')}\`.\`${name.replace(/`/g, '``')}\``);
      const comment = str(get(t, 'TABLE_COMMENT'));
      out.sequences.push({
        schema: database, name, type: 'bigint', start: str(get(row, 'start_value')), increment: str(get(row, 'increment')), min: str(get(row, 'minimum_value')),
        max: str(get(row, 'maximum_value')), cache: str(get(row, 'cache_size')), cycle: Number(get(row, 'cycle_option')) === 1, ownedBy: null, comment: comment || null,
      });
      continue;
    }
    if (str(get(t, 'TABLE_TYPE')) === 'VIEW') {
      const v = views.find((x) => str(get(x, 'TABLE_NAME')) === name);
      out.views.push({ schema: database, name, materialized: false, definition: str(v && get(v, 'VIEW_DEFINITION')), comment: null });
      continue;
    }
    const cons = of(constraints, name);
    const keyCols = of(keyColumns, name);
    const colsOfConstraint = (c: string) => keyCols.filter((k) => str(get(k, 'CONSTRAINT_NAME')) === c);
    const pk = cons.find((c) => get(c, 'CONSTRAINT_TYPE') === 'PRIMARY KEY');

    const indexNames = [...new Set(of(stats, name).map((s) => str(get(s, 'INDEX_NAME'))))];
    const uniqueConstraintNames = new Set(cons.filter((c) => get(c, 'CONSTRAINT_TYPE') === 'UNIQUE').map((c) => str(get(c, 'CONSTRAINT_NAME'))));
    const indexes = indexNames.map((ix): CatalogIndex => {
      const rows = of(stats, name).filter((s) => str(get(s, 'INDEX_NAME')) === ix);
      const type = str(get(rows[0], 'INDEX_TYPE')).toLowerCase();
      return {
        name: ix,
        unique: str(get(rows[0], 'NON_UNIQUE')) === '0',
        primary: ix === 'PRIMARY',
        method: type,
        constraint: ix === 'PRIMARY' || uniqueConstraintNames.has(ix),
        // MySQL 8 reports IS_VISIBLE, MariaDB IGNORED.
        invisible: get(rows[0], 'IS_VISIBLE') === 'NO' || get(rows[0], 'IGNORED') === 'YES',
        predicate: null,
        include: [],
        parts: rows.map((r) => {
          const column = strOrNull(get(r, 'COLUMN_NAME'));
          const subPart = get(r, 'SUB_PART');
          return {
            expression: column ?? str(get(r, 'EXPRESSION')),
            isColumn: column !== null,
            order: get(r, 'COLLATION') === 'D' ? ('desc' as const) : ('asc' as const),
            ...(subPart !== null && subPart !== undefined ? { length: Number(subPart) } : {}),
          };
        }),
      };
    });

    const parts = of(partitions, name);
    const table: CatalogTable = {
      schema: database,
      name,
      comment: strOrNull(get(t, 'TABLE_COMMENT')) || null,
      options: {
        engine: str(get(t, 'ENGINE')),
        collation: str(get(t, 'TABLE_COLLATION')),
        createOptions: str(get(t, 'CREATE_OPTIONS')),
        autoIncrement: get(t, 'AUTO_INCREMENT') === null || get(t, 'AUTO_INCREMENT') === undefined ? null : Number(get(t, 'AUTO_INCREMENT')),
      },
      columns: of(columns, name).map((c) => {
        const extra = str(get(c, 'EXTRA')).toLowerCase();
        const generation = strOrNull(get(c, 'GENERATION_EXPRESSION'));
        const onUpdate = /on update (\S+)/.exec(extra)?.[1] ?? null;
        const isGenerated = /generated|virtual|stored|persistent/.test(extra) && !!generation;
        return {
          name: str(get(c, 'COLUMN_NAME')),
          type: str(get(c, 'COLUMN_TYPE')),
          nullable: get(c, 'IS_NULLABLE') === 'YES',
          default: isGenerated ? null : withoutOwnDatabase(strOrNull(get(c, 'COLUMN_DEFAULT')), database),
          identity: extra.includes('auto_increment') ? 'auto_increment' : null,
          generated: isGenerated ? { expression: generation ?? '', stored: /stored|persistent/.test(extra) } : null,
          collation: strOrNull(get(c, 'COLLATION_NAME')),
          comment: strOrNull(get(c, 'COLUMN_COMMENT')) || null,
          onUpdate,
          charset: strOrNull(get(c, 'CHARACTER_SET_NAME')),
          invisible: /\binvisible\b/.test(extra),
        };
      }),
      primaryKey: pk ? { name: 'PRIMARY', columns: colsOfConstraint('PRIMARY').map((k) => str(get(k, 'COLUMN_NAME'))) } : null,
      uniques: [...uniqueConstraintNames].map((u) => ({ name: u, columns: colsOfConstraint(u).map((k) => str(get(k, 'COLUMN_NAME'))), nullsNotDistinct: false })),
      checks: of(checks, name).map((c) => {
        const con = cons.find((x) => str(get(x, 'CONSTRAINT_NAME')) === str(get(c, 'CONSTRAINT_NAME')) && get(x, 'CONSTRAINT_TYPE') === 'CHECK');
        return { name: str(get(c, 'CONSTRAINT_NAME')), expression: str(get(c, 'CHECK_CLAUSE')), enforced: str(con && get(con, 'ENFORCED')) !== 'NO' };
      }),
      foreignKeys: cons
        .filter((c) => get(c, 'CONSTRAINT_TYPE') === 'FOREIGN KEY')
        .map((c) => {
          const fk = str(get(c, 'CONSTRAINT_NAME'));
          const cols = colsOfConstraint(fk);
          const rules = referential.find((r) => str(get(r, 'CONSTRAINT_NAME')) === fk && str(get(r, 'TABLE_NAME')) === name);
          return {
            name: fk,
            columns: cols.map((k) => str(get(k, 'COLUMN_NAME'))),
            refSchema: str(get(cols[0], 'REFERENCED_TABLE_SCHEMA')),
            refTable: str(get(cols[0], 'REFERENCED_TABLE_NAME')),
            refColumns: cols.map((k) => str(get(k, 'REFERENCED_COLUMN_NAME'))),
            onDelete: action(rules && get(rules, 'DELETE_RULE')),
            onUpdate: action(rules && get(rules, 'UPDATE_RULE')),
            deferrable: 'not deferrable' as const,
            comment: null,
          };
        }),
      indexes,
      partitioning: parts.length
        ? {
            strategy: str(get(parts[0], 'PARTITION_METHOD')).toLowerCase(),
            key: str(get(parts[0], 'PARTITION_EXPRESSION')),
            partitions: parts.map((p) => ({ name: str(get(p, 'PARTITION_NAME')), bound: strOrNull(get(p, 'PARTITION_DESCRIPTION')) })),
          }
        : null,
    };
    out.tables.push(table);
  }
  return out;
}
