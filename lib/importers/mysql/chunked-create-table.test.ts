/**
 * Parsing a CREATE TABLE in chunks of definitions gives the AST of parsing it whole (node-sql-parser,
 * the real parser), with quoted commas and parentheses, comments and every kind of definition; a
 * syntax error deep in the list points at the same place; and the importer reads a table with
 * thousands of foreign keys (quadratic for the parser in one piece).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { astifyCreateTable, createTableDefinitions } from './chunked-create-table';
import { importMysql } from './import-mysql';

const { Parser } = createRequire(import.meta.url)('node-sql-parser/build/mysql') as typeof import('node-sql-parser');
const parser = new Parser();
const astify = (sql: string) => parser.astify(sql, { database: 'mysql' });

function definition(i: number): string {
  switch (i % 6) {
    case 0:
      return `\`c${i}\` varchar(20) NOT NULL DEFAULT 'a, b (c)' COMMENT 'it''s, "(x)"'`;
    case 1:
      return `\`c${i}\` decimal(10,2) DEFAULT NULL -- a comment, with (parens)\n`;
    case 2:
      return `KEY \`k${i}\` (\`c${i - 2}\`, \`c${i - 1}\`(10))`;
    case 3:
      return `CONSTRAINT \`f${i}\` FOREIGN KEY (\`c${i - 3}\`) REFERENCES \`parent\` (\`id\`) ON DELETE CASCADE`;
    case 4:
      return `/* block, comment ( */ \`we,ird\`\`${i}\` enum('x,y','(z)') DEFAULT 'x,y'`;
    default:
      return `CONSTRAINT \`ck${i}\` CHECK (\`c${i - 5}\` <> 'a,b')`;
  }
}

const table = (defs: string[]) => `CREATE TABLE \`t\` (\n  ${defs.join(',\n  ')}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

describe('astifyCreateTable', () => {
  it('finds the top-level definitions, whatever the quotes and comments hold', () => {
    const sql = table(Array.from({ length: 12 }, (_, i) => definition(i)));
    const list = createTableDefinitions(sql);
    expect(list?.definitions).toHaveLength(12);
    expect(sql.slice(list!.definitions[4].start, list!.definitions[4].end).trim()).toBe(definition(4));
  });

  it('gives the same AST in chunks as whole', () => {
    const sql = table(Array.from({ length: 61 }, (_, i) => definition(i)));
    expect(astifyCreateTable(astify, sql, 7)).toEqual(astify(sql));
  });

  it('moves a syntax error deep in the list to its place in the original text', () => {
    const defs = Array.from({ length: 40 }, (_, i) => definition(i));
    defs[33] = '`bad` int NOT NOT NULL';
    const sql = table(defs);
    const whole = (() => {
      try {
        astify(sql);
      } catch (e) {
        return (e as { location: { start: { offset: number } } }).location.start.offset;
      }
    })();
    let chunked: number | undefined;
    try {
      astifyCreateTable(astify, sql, 7);
    } catch (e) {
      chunked = (e as { location: { start: { offset: number } } }).location.start.offset;
    }
    expect(whole).toBeGreaterThan(sql.indexOf('`bad`'));
    expect(chunked).toBe(whole);
  });

  it('lets the importer read one table with 3,000 foreign keys (in one piece the parser took ~12 s)', async () => {
    const columns = Array.from({ length: 3000 }, (_, i) => `\`c${i}\` int DEFAULT NULL`);
    const fks = Array.from({ length: 3000 }, (_, i) => `CONSTRAINT \`f${i}\` FOREIGN KEY (\`c${i}\`) REFERENCES \`parent\` (\`id\`)`);
    const sql = `CREATE TABLE \`parent\` (\`id\` int NOT NULL, PRIMARY KEY (\`id\`));\n${table(['`id` int NOT NULL', ...columns, ...fks])};\n`;
    const { document } = await importMysql(sql);
    expect(Object.values(document.relationships)).toHaveLength(3000);
    expect(Object.values(document.tables).find((t) => t.name === 't')?.columns).toHaveLength(3001);
  });
});
