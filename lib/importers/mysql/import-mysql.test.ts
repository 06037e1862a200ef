/**
 * MySQL/MariaDB importer on hand-written DDL: one feature (or one parser gap covered) per case.
 */
import { describe, expect, it } from 'vitest';
import type { SchemaDocument, Table } from '../../model/document';
import { generateDdl } from '../../ddl/generate-ddl';
import { importMysql } from './import-mysql';

const tableNamed = (doc: SchemaDocument, name: string): Table => {
  const t = Object.values(doc.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}; have ${Object.values(doc.tables).map((x) => x.name).join(', ')}`);
  return t;
};
const col = (t: Table, name: string) => t.columns.find((c) => c.name === name);

describe('importMysql features', () => {
  it('columns: unsigned, AUTO_INCREMENT, ENUM/SET, ON UPDATE, generated, defaults, comments, collation', async () => {
    const { document: doc } = await importMysql(`
      CREATE TABLE \`t\` (
        \`id\` int(10) unsigned NOT NULL AUTO_INCREMENT,
        \`kind\` enum('a','b''c') NOT NULL DEFAULT 'a',
        \`tags\` set('x','y') DEFAULT NULL,
        \`price\` decimal(10,2) unsigned NOT NULL DEFAULT '0.00',
        \`qty\` int NOT NULL DEFAULT 1,
        \`total\` decimal(12,2) GENERATED ALWAYS AS (\`price\` * \`qty\`) STORED,
        \`updated\` timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        \`created\` datetime DEFAULT CURRENT_TIMESTAMP,
        \`name\` varchar(50) COLLATE utf8mb4_bin NOT NULL COMMENT 'display name',
        \`flag\` tinyint(1) NOT NULL DEFAULT 0,
        \`body\` mediumtext,
        \`ok\` bool DEFAULT TRUE,
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Things';`);
    const t = tableNamed(doc, 't');
    expect(t.options?.mysql).toEqual({ engine: 'InnoDB', charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' });
    expect(t.comment).toBe('Things');
    expect(col(t, 'id')).toMatchObject({ type: { name: 'integer', unsigned: true }, identity: { always: false }, nullable: false });
    const kind = col(t, 'kind');
    expect(kind?.type.kind === 'enum' && doc.enums[kind.type.enumId]).toMatchObject({ name: 't_kind', values: ['a', "b'c"] });
    expect(kind?.default).toEqual({ kind: 'literal', value: 'a' });
    expect(col(t, 'tags')?.type).toEqual({ kind: 'scalar', name: 'text', native: { mysql: "set('x','y')" } });
    expect(col(t, 'price')).toMatchObject({ type: { name: 'decimal', precision: 10, scale: 2, unsigned: true }, default: { kind: 'literal', value: '0.00' } });
    expect(col(t, 'total')?.generated).toEqual({ expression: '`price` * `qty`', stored: true });
    expect(col(t, 'updated')).toMatchObject({ onUpdateCurrentTimestamp: true, type: { name: 'timestamp', precision: 6, native: { mysql: 'timestamp(6)' } } });
    expect(col(t, 'updated')?.default).toEqual({ kind: 'expression', sql: 'CURRENT_TIMESTAMP(6)' });
    expect(col(t, 'created')).toMatchObject({ type: { native: { mysql: 'datetime' } }, default: { kind: 'builtin', name: 'current_timestamp' } });
    expect(col(t, 'name')).toMatchObject({ collation: 'utf8mb4_bin', comment: 'display name', nullable: false });
    expect(col(t, 'flag')?.type).toEqual({ kind: 'scalar', name: 'smallint', native: { mysql: 'tinyint(1)' } });
    expect(col(t, 'body')?.type).toEqual({ kind: 'scalar', name: 'text', native: { mysql: 'mediumtext' } });
    expect(col(t, 'ok')).toMatchObject({ type: { name: 'boolean' }, default: { kind: 'literal', value: true } });
  });

  it('inline keys: UNIQUE KEY with prefix length, KEY USING HASH, FULLTEXT, SPATIAL, unnamed KEY, CHECK', async () => {
    const { document: doc } = await importMysql(`
      CREATE TABLE places (
        id INT NOT NULL,
        name VARCHAR(200) NOT NULL,
        code CHAR(3),
        about TEXT,
        pos POINT NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_name (name(50)),
        KEY ix_code (code) USING HASH,
        KEY (code, name),
        FULLTEXT KEY ft_about (about),
        SPATIAL INDEX sp_pos (pos),
        CONSTRAINT code_upper CHECK (code = upper(code))
      );`);
    const t = tableNamed(doc, 'places');
    expect(t.indexes.map((i) => [i.name, i.unique, i.method ?? 'btree'])).toEqual([
      ['uq_name', true, 'btree'],
      ['ix_code', false, 'hash'],
      ['code', false, 'btree'],
      ['ft_about', false, 'fulltext'],
      ['sp_pos', false, 'spatial'],
    ]);
    expect(t.indexes[0].parts[0]).toMatchObject({ kind: 'column', length: 50 });
    expect(t.checks).toMatchObject([{ name: 'code_upper' }]);
    expect(col(t, 'pos')?.type).toEqual({ kind: 'scalar', name: 'geometry', native: { mysql: 'point' } });
  });

  it('ALTER TABLE after creation: ADD CONSTRAINT foreign keys, ADD COLUMN, ADD INDEX; CREATE INDEX statements', async () => {
    const { document: doc, report } = await importMysql(`
      CREATE TABLE a (id INT PRIMARY KEY);
      CREATE TABLE b (id INT PRIMARY KEY, a_id INT);
      ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE ON UPDATE RESTRICT;
      ALTER TABLE b ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT '' AFTER a_id;
      ALTER TABLE b ADD INDEX ix_note (note);
      CREATE UNIQUE INDEX ux_note ON b (note, a_id);
      ALTER TABLE b DROP COLUMN nothing;
    `);
    const b = tableNamed(doc, 'b');
    expect(b.columns.map((c) => c.name)).toEqual(['id', 'a_id', 'note']);
    expect(Object.values(doc.relationships)).toMatchObject([{ name: 'fk_b_a', onDelete: 'cascade', onUpdate: 'restrict' }]);
    // No index leads with a_id (ux_note starts with note): InnoDB creates one named after the constraint.
    expect(b.indexes.map((i) => [i.name, i.unique])).toEqual([['ix_note', false], ['ux_note', true], ['fk_b_a', false]]);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([[8, 'DROP column is not modeled']]);
  });

  it('the indexes InnoDB creates for foreign keys are imported under InnoDB\'s names, unless another index serves the key', async () => {
    const { document: doc } = await importMysql(`
      CREATE TABLE p (id INT PRIMARY KEY, code INT, UNIQUE KEY (code));
      CREATE TABLE unnamed (id INT PRIMARY KEY, p_id INT, p_code INT, FOREIGN KEY (p_id) REFERENCES p (id), FOREIGN KEY (p_code) REFERENCES p (code));
      CREATE TABLE named (id INT PRIMARY KEY, p_id INT, CONSTRAINT named_p FOREIGN KEY (p_id) REFERENCES p (id));
      CREATE TABLE served (id INT PRIMARY KEY, p_id INT, KEY ix_p (p_id, id), CONSTRAINT served_p FOREIGN KEY (p_id) REFERENCES p (id));
      CREATE TABLE later (id INT PRIMARY KEY, p_id INT, CONSTRAINT later_p FOREIGN KEY (p_id) REFERENCES p (id));
      CREATE INDEX ix_later ON later (p_id);
      CREATE TABLE composite (a INT, b INT, PRIMARY KEY (b, a), FOREIGN KEY (a) REFERENCES p (id));
    `);
    const names = (t: string) => tableNamed(doc, t).indexes.map((i) => i.name);
    expect(names('unnamed')).toEqual(['p_id', 'p_code']);
    expect(names('named')).toEqual(['named_p']);
    expect(names('served')).toEqual(['ix_p']);
    expect(names('later')).toEqual(['ix_later']);
    // The primary key (b, a) does not lead with a.
    expect(names('composite')).toEqual(['a']);
    // An unwritten action is what InnoDB records: RESTRICT.
    expect(Object.values(doc.relationships).map((r) => [r.onDelete, r.onUpdate])[0]).toEqual(['restrict', 'restrict']);
  });

  it('integer display widths and ZEROFILL are kept for MySQL (int(11) unsigned stays int(11) unsigned) and ignored by PostgreSQL', async () => {
    const { document: doc } = await importMysql('CREATE TABLE w (id int(11) unsigned NOT NULL PRIMARY KEY, code int(4) zerofill, big bigint(20), flag tinyint(1), small tinyint(4) unsigned, plain int);');
    const types = Object.fromEntries(tableNamed(doc, 'w').columns.map((c) => [c.name, c.type]));
    expect(types.id).toMatchObject({ name: 'integer', unsigned: true, displayWidth: 11 });
    expect(types.code).toMatchObject({ name: 'integer', unsigned: true, displayWidth: 4, zerofill: true });
    expect(types.plain).not.toHaveProperty('displayWidth');
    const mysql = generateDdl(doc, 'mysql', { target: 'mariadb-10.11' }).sql;
    for (const t of ['`id` int(11) unsigned NOT NULL', '`code` int(4) unsigned zerofill', '`big` bigint(20)', '`flag` tinyint(1)', '`small` tinyint(4) unsigned', '`plain` int']) expect(mysql).toContain(t);
    const pg = generateDdl(doc, 'postgres').sql;
    expect(pg).toContain('"id" integer NOT NULL');
    expect(pg).toContain('"code" integer');
  });

  it('a prefix length is a prefix in every index form (CREATE INDEX reads `col(764)` as a call): not an expression', async () => {
    const { document: doc } = await importMysql(`
      CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(1000), b INT, c VARCHAR(10), KEY k1 (name(20)));
      CREATE INDEX i2 ON t (name(764), b DESC);
      CREATE UNIQUE INDEX i3 ON t (\`name\`(10) DESC);
      ALTER TABLE t ADD INDEX i4 (name(30));
      CREATE INDEX i5 ON t ((lower(c)));
      CREATE INDEX i6 ON t (nosuchcolumn(5));
    `);
    const t = tableNamed(doc, 't');
    const name = t.columns.find((c) => c.name === 'name')!.id;
    const b = t.columns.find((c) => c.name === 'b')!.id;
    const parts = Object.fromEntries(t.indexes.map((i) => [i.name, i.parts]));
    expect(parts.k1).toEqual([{ kind: 'column', columnId: name, length: 20 }]);
    expect(parts.i2).toEqual([{ kind: 'column', columnId: name, length: 764 }, { kind: 'column', columnId: b, order: 'desc' }]);
    expect(parts.i3).toEqual([{ kind: 'column', columnId: name, length: 10, order: 'desc' }]);
    expect(parts.i4).toEqual([{ kind: 'column', columnId: name, length: 30 }]);
    // A functional key part (in its own parentheses) stays an expression; so does a call of no column.
    expect(parts.i5).toMatchObject([{ kind: 'expression' }]);
    expect(parts.i6).toMatchObject([{ kind: 'expression' }]);
    expect(generateDdl(doc, 'mysql', { target: 'mariadb-10.11' }).sql).toContain('CREATE INDEX `i2` ON `t` (`name`(764), `b` DESC)');
  });

  it('MODIFY / CHANGE COLUMN replace the definition in place and keep keys attached; CREATE TABLE AS is skipped', async () => {
    const { document: doc, report } = await importMysql(`
      CREATE TABLE p (id INT PRIMARY KEY);
      CREATE TABLE c (id INT PRIMARY KEY, p_id INT, note TEXT, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));
      ALTER TABLE c MODIFY COLUMN p_id BIGINT NOT NULL DEFAULT 5;
      ALTER TABLE c CHANGE COLUMN note remark VARCHAR(30) NULL;
      CREATE TABLE copy AS SELECT * FROM c;
      CREATE TABLE \`we\`\`ird\` (\`co\`\`l\` INT);`);
    const c = tableNamed(doc, 'c');
    expect(c.columns.map((x) => x.name)).toEqual(['id', 'p_id', 'remark']);
    expect(col(c, 'p_id')).toMatchObject({ type: { name: 'bigint' }, nullable: false, default: { kind: 'literal', value: 5 } });
    expect(Object.values(doc.relationships)[0].columnPairs[0].fromColumnId).toBe(col(c, 'p_id')?.id);
    expect(col(c, 'remark')?.type).toEqual({ kind: 'scalar', name: 'varchar', length: 30 });
    expect(report.skipped.map((x) => x.reason)).toEqual(['CREATE TABLE ... AS SELECT is not modeled (its columns come from a query)']);
    expect(tableNamed(doc, 'we`ird').columns[0].name).toBe('co`l');
  });

  it('unnamed foreign keys get the names MySQL gives them (<table>_ibfk_<n>)', async () => {
    const { document: doc } = await importMysql(`
      CREATE TABLE p (id INT PRIMARY KEY);
      CREATE TABLE c (x INT, y INT, FOREIGN KEY (x) REFERENCES p (id), CONSTRAINT named FOREIGN KEY (y) REFERENCES p (id), FOREIGN KEY (y) REFERENCES p (id));`);
    expect(Object.values(doc.relationships).map((r) => r.name)).toEqual(['c_ibfk_1', 'named', 'c_ibfk_2']);
  });

  it('mysqldump framing: conditional comments, SET, LOCK, DELIMITER blocks with triggers and routines', async () => {
    const { document: doc, report } = await importMysql(`/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
SET NAMES utf8mb4;
DROP TABLE IF EXISTS \`t\`;
CREATE TABLE \`t\` (\`id\` int NOT NULL, PRIMARY KEY (\`id\`)) /*!50100 TABLESPACE \`innodb_system\` */ ENGINE=InnoDB;
LOCK TABLES \`t\` WRITE;
UNLOCK TABLES;
DELIMITER ;;
CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.id = NEW.id + 1; END ;;
DELIMITER ;
DELIMITER $$
CREATE DEFINER=\`root\`@\`localhost\` PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$
DELIMITER ;
CREATE TABLE u (id int);`);
    expect(Object.values(doc.tables).map((t) => t.name)).toEqual(['t', 'u']);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, 'version-conditional session setting'],
      [2, 'version-conditional session setting'],
      [3, 'session setting'],
      [4, 'DROP (the import describes what exists)'],
      [6, 'table locking'],
      [7, 'table locking'],
      [8, 'mysql client command'],
      [10, 'mysql client command'],
      [11, 'mysql client command'],
      [13, 'mysql client command'],
    ]);
    // The trigger and the procedure are kept verbatim (mysql-routines.test.ts has the details).
    expect(Object.values(doc.routines ?? {}).map((r) => [r.kind, r.name, r.sql])).toEqual([
      ['trigger', 'trg', 'CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.id = NEW.id + 1; END'],
      ['procedure', 'p', 'CREATE DEFINER=`root`@`localhost` PROCEDURE p() BEGIN SELECT 1; SELECT 2; END'],
    ]);
  });

  it('covers the parser gaps: DOUBLE PRECISION, NVARCHAR, VARCHAR BINARY, named PRIMARY KEY, SRID, PARTITION BY', async () => {
    const { document: doc, report } = await importMysql(`
      CREATE TABLE g (
        id INT NOT NULL,
        d DOUBLE PRECISION,
        n NVARCHAR(40),
        pw VARCHAR(40) BINARY DEFAULT NULL,
        loc POINT NOT NULL SRID 4326,
        CONSTRAINT pk_g PRIMARY KEY \`pk_g\` (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
      PARTITION BY HASH (id) PARTITIONS 4;`);
    const g = tableNamed(doc, 'g');
    expect(g.columns.map((c) => [c.name, c.type.kind === 'scalar' ? c.type.name : c.type.kind])).toEqual([
      ['id', 'integer'],
      ['d', 'double'],
      ['n', 'varchar'],
      ['pw', 'varchar'],
      ['loc', 'geometry'],
    ]);
    expect(col(g, 'n')?.collation).toBe('utf8mb3_general_ci');
    expect(col(g, 'pw')?.collation).toBe('utf8mb4_bin');
    expect(g.primaryKey?.columnIds).toEqual([col(g, 'id')?.id]);
    expect(report.diagnostics.map((d) => d.message)).toEqual(['table "g": SRID of a spatial column is not kept']);
    expect(g.partitioning).toEqual({
      strategy: 'hash',
      key: [{ kind: 'column', columnId: col(g, 'id')?.id }],
      partitions: [0, 1, 2, 3].map((i) => ({ id: expect.any(String), name: `p${i}`, bound: { kind: 'hash', modulus: 4, remainder: i } })),
    });
  });

  it('partitioning: RANGE COLUMNS, LIST, KEY with a list; expression keys; subpartitions refused with a warning', async () => {
    const { document: doc, report } = await importMysql(`
      CREATE TABLE r (id INT NOT NULL, at DATE NOT NULL, PRIMARY KEY (id, at))
        PARTITION BY RANGE COLUMNS(at) (PARTITION p1 VALUES LESS THAN ('2025-01-01'), PARTITION p2 VALUES LESS THAN ('2026-01-01') ENGINE = InnoDB, PARTITION pmax VALUES LESS THAN (MAXVALUE));
      CREATE TABLE l (id INT NOT NULL, region INT NOT NULL) PARTITION BY LIST (region) (PARTITION pa VALUES IN (1, 2), PARTITION pb VALUES IN (3));
      CREATE TABLE y (id INT NOT NULL, at DATE NOT NULL) PARTITION BY RANGE (YEAR(at)) (PARTITION old VALUES LESS THAN (2020), PARTITION rest VALUES LESS THAN MAXVALUE);
      CREATE TABLE k (id INT NOT NULL PRIMARY KEY) PARTITION BY KEY () (PARTITION k0, PARTITION k1);
      CREATE TABLE s (id INT NOT NULL, at DATE NOT NULL) PARTITION BY RANGE (YEAR(at)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (PARTITION p0 VALUES LESS THAN (2020));`);
    expect(tableNamed(doc, 'r').partitioning?.partitions.map((p) => [p.name, p.bound])).toEqual([
      ['p1', { kind: 'range', from: ['MINVALUE'], to: ["'2025-01-01'"] }],
      ['p2', { kind: 'range', from: ["'2025-01-01'"], to: ["'2026-01-01'"] }],
      ['pmax', { kind: 'range', from: ["'2026-01-01'"], to: ['MAXVALUE'] }],
    ]);
    expect(tableNamed(doc, 'l').partitioning).toMatchObject({ strategy: 'list', key: [{ kind: 'column' }], partitions: [{ name: 'pa', bound: { kind: 'list', values: ['1', '2'] } }, { name: 'pb' }] });
    expect(tableNamed(doc, 'y').partitioning).toMatchObject({ strategy: 'range', key: [{ kind: 'expression', sql: 'YEAR(at)' }] });
    expect(tableNamed(doc, 'k').partitioning).toMatchObject({ strategy: 'hash', key: [{ kind: 'column' }], partitions: [{ name: 'k0', bound: { modulus: 2, remainder: 0 } }, { name: 'k1' }] });
    expect(tableNamed(doc, 's').partitioning).toBeUndefined();
    expect(report.diagnostics.map((d) => d.message)).toEqual(['table "s": partitioning not imported: subpartitioned tables are not imported']);
  });

  it('schema-qualified names: the first database used is the default, others become namespaces', async () => {
    const { document: doc } = await importMysql(`
      USE shop;
      CREATE TABLE shop.customers (id INT PRIMARY KEY);
      CREATE TABLE audit.events (id INT PRIMARY KEY, customer_id INT, FOREIGN KEY (customer_id) REFERENCES shop.customers (id));
      CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id));`);
    expect(Object.values(doc.schemas).map((s) => s.name)).toEqual(['audit']);
    expect(Object.values(doc.tables).map((t) => [t.name, t.schemaId ? doc.schemas[t.schemaId].name : null])).toEqual([
      ['customers', null],
      ['events', 'audit'],
      ['orders', null],
    ]);
    expect(Object.values(doc.relationships)).toHaveLength(2);
  });

  it('views are read from the text, with their options and column lists', async () => {
    const { document: doc } = await importMysql(`
      CREATE TABLE t (id INT, name VARCHAR(10));
      CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=\`root\`@\`%\` SQL SECURITY DEFINER VIEW \`v_names\` (a, b) AS SELECT id, CONCAT(_utf8'x', name) FROM t WITH CASCADED CHECK OPTION;`);
    expect(Object.values(doc.views)).toMatchObject([{ name: 'v_names', dialect: 'mysql', materialized: false, sql: "SELECT id, CONCAT(_utf8'x', name) FROM t" }]);
  });

  it('a syntax error skips its statement with line and column and keeps the rest', async () => {
    const { document: doc, report } = await importMysql('CREATE TABLE a (id INT);\nCREATE TABLE b (id INT,, x INT);\nCREATE TABLE c (id INT);');
    expect(Object.values(doc.tables).map((t) => t.name)).toEqual(['a', 'c']);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toMatchObject([{ line: 2, column: 24 }]);
  });
});
