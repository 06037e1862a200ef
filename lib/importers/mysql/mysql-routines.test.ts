import { describe, expect, it } from 'vitest';
import { importMysql } from './import-mysql';
import { mysqlRoutineHeader } from './mysql-routines';

describe('mysqlRoutineHeader', () => {
  it.each([
    ['CREATE PROCEDURE rewards_report (IN x INT) BEGIN SELECT 1; END', { kind: 'procedure', name: 'rewards_report' }],
    ['CREATE DEFINER=`root`@`localhost` FUNCTION `Shop`.`Total`(a INT) RETURNS INT RETURN a', { kind: 'function', schema: 'Shop', name: 'Total' }],
    ["CREATE DEFINER='app'@'%' PROCEDURE p() SELECT 1", { kind: 'procedure', name: 'p' }],
    ['CREATE DEFINER=CURRENT_USER() SQL SECURITY INVOKER PROCEDURE p2() SELECT 1', { kind: 'procedure', name: 'p2' }],
    ['CREATE OR REPLACE AGGREGATE FUNCTION agg(x INT) RETURNS INT BEGIN RETURN 1; END', { kind: 'aggregate', name: 'agg' }],
    ['CREATE EVENT IF NOT EXISTS nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM log', { kind: 'event', name: 'nightly' }],
    ['CREATE TRIGGER `ins_film` AFTER INSERT ON `film` FOR EACH ROW BEGIN INSERT INTO t VALUES (1); END', { kind: 'trigger', name: 'ins_film', table: { name: 'film' } }],
    // mysqldump's shape: every part in a version comment.
    ['/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `customer_create_date` BEFORE INSERT ON `customer` FOR EACH ROW SET NEW.create_date = NOW() */', { kind: 'trigger', name: 'customer_create_date', table: { name: 'customer' } }],
  ])('%s', (sql, header) => {
    expect(mysqlRoutineHeader(sql)).toEqual(header);
  });

  it('is undefined for other statements', () => {
    expect(mysqlRoutineHeader('CREATE TABLE t (id int)')).toBeUndefined();
    expect(mysqlRoutineHeader('CREATE VIEW v AS SELECT 1')).toBeUndefined();
    expect(mysqlRoutineHeader('/*!40101 SET NAMES utf8 */')).toBeUndefined();
  });
});

describe('MySQL routines import', () => {
  it('keeps DELIMITER-block routines and mysqldump triggers verbatim, with the trigger table', async () => {
    const sql = `CREATE TABLE customer (id int PRIMARY KEY, create_date datetime);
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=\`root\`@\`localhost\`*/ /*!50003 TRIGGER \`customer_create_date\` BEFORE INSERT ON \`customer\` FOR EACH ROW SET NEW.create_date = NOW() */;;
DELIMITER ;
DELIMITER $$
CREATE FUNCTION answer() RETURNS INT
BEGIN
  DECLARE x INT;
  SET x = 42;
  RETURN x;
END $$
DELIMITER ;
DELIMITER //
CREATE TRIGGER orphan BEFORE INSERT ON nowhere FOR EACH ROW SET @x = 1//
DELIMITER ;
`;
    const { document: doc, report } = await importMysql(sql);
    const routines = Object.values(doc.routines ?? {});
    const customer = Object.values(doc.tables)[0];
    expect(routines.map((r) => [r.kind, r.name, r.tableId, r.dialect])).toEqual([
      ['trigger', 'customer_create_date', customer.id, 'mysql'],
      ['function', 'answer', undefined, 'mysql'],
    ]);
    expect(routines[0].sql).toBe('/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `customer_create_date` BEFORE INSERT ON `customer` FOR EACH ROW SET NEW.create_date = NOW() */');
    expect(routines[1].sql).toBe('CREATE FUNCTION answer() RETURNS INT\nBEGIN\n  DECLARE x INT;\n  SET x = 42;\n  RETURN x;\nEND');
    expect(report.skipped.filter((s) => /trigger on "nowhere"/.test(s.reason))).toHaveLength(1);
    expect(report.skipped.filter((s) => /DELIMITER block|routine/.test(s.reason))).toEqual([]);
  });
});
