import { describe, expect, it } from 'vitest';
import { importMysql } from '../mysql/import-mysql';
import { importPostgres } from '../postgres/import-postgres';
import { ImportError } from '../types';
import { importSqlFolder, joinSqlFiles, planSqlFolder } from './sql-folder';

const f = (name: string, content = '') => ({ name, content });

describe('planSqlFolder: the order migration tools run files in', () => {
  it.each([
    ['numbered files in natural order', ['10_fk.sql', '2_keys.sql', '1_tables.sql'], ['1_tables.sql', '2_keys.sql', '10_fk.sql']],
    ['golang-migrate: up files only', ['000002_idx.up.sql', '000001_init.up.sql', '000001_init.down.sql'], ['000001_init.up.sql', '000002_idx.up.sql']],
    ['Flyway: versions numerically, repeatables last, undo left out', ['R__views.sql', 'V10__c.sql', 'V2__b.sql', 'V1.1__a.sql', 'U2__b.sql'], ['V1.1__a.sql', 'V2__b.sql', 'V10__c.sql', 'R__views.sql']],
    ['sub-folders by path', ['b/1.sql', 'a/2.sql', 'a/10.sql'], ['a/2.sql', 'a/10.sql', 'b/1.sql']],
  ])('%s', (_name, names, expected) => {
    expect(planSqlFolder(names.map((n) => f(n))).files.map((x) => x.name)).toEqual(expected);
  });

  it('says which files it left out and why', () => {
    expect(planSqlFolder([f('README.md'), f('1.down.sql'), f('1.up.sql')]).left).toEqual([
      { name: 'README.md', reason: 'not an .sql file' },
      { name: '1.down.sql', reason: 'a down/undo migration (it reverses the up files)' },
    ]);
  });
});

describe('joinSqlFiles', () => {
  it('maps every line back to its file, and ends a statement left without a semicolon', () => {
    const joined = joinSqlFiles([f('a.sql', 'CREATE TABLE a (id int)\n\n'), f('b.sql', '-- keys\nALTER TABLE a ADD PRIMARY KEY (id);')]);
    expect(joined.locate(1)).toEqual({ file: 'a.sql', line: 1 });
    expect(joined.locate(4)).toEqual({ file: 'b.sql', line: 1 });
    expect(joined.locate(5)).toEqual({ file: 'b.sql', line: 2 });
    expect(joined.text.split('\n')[4]).toBe('ALTER TABLE a ADD PRIMARY KEY (id);');
  });
});

// The shape of large projects: tables first, keys/indexes/foreign keys in later files.
const postgresFolder = [
  f('03_foreign_keys.sql', 'ALTER TABLE ONLY public.orders\n  ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES public.customers(id);\n'),
  f('01_tables.sql', 'CREATE TABLE public.customers (id bigint NOT NULL, email text NOT NULL)\n;\nCREATE TABLE public.orders (id bigint NOT NULL, customer_id bigint NOT NULL)'),
  f('02_keys_and_indexes.sql', 'ALTER TABLE ONLY public.customers ADD CONSTRAINT customers_pkey PRIMARY KEY (id);\nALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);\nCREATE UNIQUE INDEX customers_email_key ON public.customers (email);\nGRANT SELECT ON public.orders TO PUBLIC;\nCREATE TRIGGER t AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION f();\n'),
  f('README.md', '# not SQL'),
];

describe('importSqlFolder', () => {
  it('PostgreSQL: tables, then keys and indexes, then foreign keys, in name order', async () => {
    const { document, report } = await importSqlFolder(postgresFolder, importPostgres);
    const customers = Object.values(document.tables).find((t) => t.name === 'customers')!;
    expect(customers.primaryKey?.name).toBe('customers_pkey');
    expect(customers.indexes.map((i) => i.name)).toEqual(['customers_email_key']);
    expect(Object.values(document.relationships).map((r) => r.name)).toEqual(['orders_customer_fk']);
    // A skipped statement is reported at its own file and line.
    expect(report.skipped.map((s) => [s.file, s.line])).toEqual([['02_keys_and_indexes.sql', 4]]);
    // A trigger in a later file than its table is kept, on that table.
    expect(Object.values(document.routines ?? {}).map((r) => [r.name, r.tableId && document.tables[r.tableId].name])).toEqual([['t', 'orders']]);
  });

  it('MySQL: a folder of mysqldump-style parts', async () => {
    const { document } = await importSqlFolder([
      f('2_fk.sql', 'ALTER TABLE `orders` ADD CONSTRAINT `fk_c` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`);'),
      f('1_tables.sql', 'CREATE TABLE `customers` (`id` int NOT NULL, PRIMARY KEY (`id`));\nCREATE TABLE `orders` (`id` int NOT NULL, `customer_id` int NOT NULL, PRIMARY KEY (`id`), KEY `ix_c` (`customer_id`(4)));'),
    ], importMysql);
    expect(Object.values(document.relationships).map((r) => r.name)).toEqual(['fk_c']);
  });

  it('a statement that does not parse is reported at its file and line', async () => {
    const broken = [f('1_ok.sql', 'CREATE TABLE a (id int);\n'), f('2_bad.sql', '\n\nCREATE TABLE b (id int,, x int);\n')];
    const { report } = await importSqlFolder(broken, importPostgres);
    expect(report.skipped).toEqual([expect.objectContaining({ file: '2_bad.sql', line: 3, reason: expect.stringMatching(/at line 3 of 2_bad\.sql, column 24/) })]);
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'postgres.syntax-error', file: '2_bad.sql', line: 3, column: 24 })]);
  });

  it('an error that stops the import names the file and the line inside it', async () => {
    const err = await importSqlFolder([f('1.sql', 'SELECT 1;'), f('2.sql', '\nCREATE TABLE x (a int);')], () => {
      throw new ImportError('unreadable at line 4, column 1', { line: 4, column: 1 });
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ file: '2.sql', line: 2, message: 'unreadable at line 2 of 2.sql, column 1' });
  });

  it('a folder without .sql files is a clear error', async () => {
    await expect(importSqlFolder([f('README.md')], importPostgres)).rejects.toThrow(/no \.sql files/);
  });
});
