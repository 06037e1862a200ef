/**
 * The MySQL attributes a dump carries, from import to each target's DDL: MySQL 8 writes them all,
 * MariaDB spells an invisible index IGNORED and enforces a NOT ENFORCED check (with a warning),
 * PostgreSQL leaves them out with ONE note naming them. MariaDB's catalog agreeing is proven in
 * lib/importers/mysql/import-mysql.roundtrip.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { importMysql } from '../importers/mysql/import-mysql';
import { generateDdl } from './generate-ddl';

const DUMP = `
CREATE TABLE \`legacy\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`code\` char(3) CHARACTER SET latin1 NOT NULL,
  \`secret\` varchar(20) DEFAULT NULL /*!80023 INVISIBLE */,
  \`qty\` int NOT NULL DEFAULT 0,
  PRIMARY KEY (\`id\`),
  KEY \`legacy_code\` (\`code\`) /*!80000 INVISIBLE */,
  CONSTRAINT \`legacy_qty\` CHECK (\`qty\` >= 0) /*!80016 NOT ENFORCED */
) ENGINE=InnoDB AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4 ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 COMMENT='Old codes';
CREATE TABLE \`other\` (\`id\` int NOT NULL, \`name\` varchar(9) CHARACTER SET ascii, PRIMARY KEY (\`id\`), KEY \`other_name\` (\`name\`) IGNORED) ROW_FORMAT=DYNAMIC;
`;

describe('MySQL attributes of a dump', () => {
  it('MySQL 8 writes every one', async () => {
    const { document } = await importMysql(DUMP);
    const { sql } = generateDdl(document, 'mysql', { target: 'mysql-8.0' });
    expect(sql).toContain('`code` char(3) CHARACTER SET latin1 NOT NULL');
    expect(sql).toContain('`secret` varchar(20) DEFAULT NULL INVISIBLE');
    expect(sql).toContain('CONSTRAINT `legacy_qty` CHECK (`qty` >= 0) NOT ENFORCED');
    expect(sql).toContain('CREATE INDEX `legacy_code` ON `legacy` (`code`) INVISIBLE');
    expect(sql).toContain("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 AUTO_INCREMENT=1001 ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 COMMENT='Old codes'");
    expect(sql).toContain('CREATE INDEX `other_name` ON `other` (`name`) INVISIBLE');
  });

  it('MariaDB spells an invisible index IGNORED and enforces the NOT ENFORCED check, saying so', async () => {
    const { document } = await importMysql(DUMP);
    const { sql, diagnostics } = generateDdl(document, 'mysql', { target: 'mariadb-10.11' });
    expect(sql).toContain('CREATE INDEX `legacy_code` ON `legacy` (`code`) IGNORED');
    expect(sql).toContain('CONSTRAINT `legacy_qty` CHECK (`qty` >= 0)\n)');
    expect(diagnostics.filter((d) => d.code === 'check.not-enforced-enforced').map((d) => d.severity)).toEqual(['warning']);
  });

  it('PostgreSQL leaves them out with one note naming them all', async () => {
    const { document } = await importMysql(DUMP);
    const { sql, diagnostics } = generateDdl(document, 'postgres');
    expect(sql).not.toMatch(/CHARACTER SET|INVISIBLE|ROW_FORMAT|KEY_BLOCK_SIZE/);
    const notes = diagnostics.filter((d) => d.code === 'postgres.mysql-attributes-ignored');
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe('info');
    for (const part of ['CHARACTER SET (2: legacy.code, other.name)', 'INVISIBLE columns (1: legacy.secret)', 'invisible indexes (2:', 'ROW_FORMAT (2: legacy, other)', 'KEY_BLOCK_SIZE (1: legacy)', 'AUTO_INCREMENT counters (1: legacy)']) {
      expect(notes[0].message).toContain(part);
    }
  });

  it('a document without them gets no note', async () => {
    const { document } = await importMysql('CREATE TABLE t (id int PRIMARY KEY, n varchar(3));');
    expect(generateDdl(document, 'postgres').diagnostics.filter((d) => d.code === 'postgres.mysql-attributes-ignored')).toEqual([]);
  });
});
