/**
 * `draftbase roundtrip` on the real servers (DATABASE_URL_PG, DATABASE_URL_MYSQL; skipped locally
 * without them, required under CI=true): a folder whose files add keys and foreign keys after the
 * tables round-trips with no difference, and a difference the import cannot avoid is found and fails
 * the run.
 */
import { describe, expect, it } from 'vitest';
import { requireServer } from '../lib/server/testing/require-server';
import { memoryIo } from './memory-io.test-support';
import { run } from './roundtrip-command';

const pg = requireServer('pg');
const mysql = requireServer('mysql');

describe.skipIf(!pg)('draftbase roundtrip on PostgreSQL', () => {
  it('a folder of SQL files (tables, then keys and indexes, then foreign keys) round-trips exactly', async () => {
    const { io, out } = memoryIo(
      {
        'db/01_tables.sql': 'CREATE TABLE customers (id bigint NOT NULL, email text NOT NULL);\nCREATE TABLE orders (id bigint NOT NULL, customer_id bigint NOT NULL, total numeric(12,2) DEFAULT 0 NOT NULL);\n',
        'db/02_keys.sql': 'ALTER TABLE customers ADD CONSTRAINT customers_pkey PRIMARY KEY (id);\nALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);\nCREATE UNIQUE INDEX customers_email ON customers (lower(email));\n',
        'db/10_fks.sql': 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;\nCREATE INDEX orders_customer ON orders (customer_id);\n',
      },
      { db: ['10_fks.sql', '01_tables.sql', '02_keys.sql'] },
    );
    expect(await run(['db', '--url', pg!], io)).toBe(0);
    expect(out.stdout).toMatch(/^db: postgres on \d+\.\d+.* \(DDL target postgres-\d+\): tables 2 vs 2, no catalog differences\n$/);
  });
});

describe.skipIf(!mysql)('draftbase roundtrip on MariaDB', () => {
  it("a script with its own database runs in the scratch database and round-trips exactly", async () => {
    const { io, out } = memoryIo({
      'shop.sql': 'CREATE DATABASE shop;\nUSE shop;\nCREATE TABLE `shop`.`customers` (`id` int(11) unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NOT NULL, PRIMARY KEY (`id`), KEY `name_prefix` (`name`(10)));\nCREATE TABLE orders (id int NOT NULL, customer_id int(11) unsigned NOT NULL, PRIMARY KEY (id), FOREIGN KEY (customer_id) REFERENCES shop.customers (id));\n',
    });
    expect(await run(['shop.sql', '--dialect', 'mysql', '--url', mysql!], io)).toBe(0);
    expect(out.stdout).toMatch(/tables 2 vs 2, no catalog differences\n$/);
  });

  it('a difference is listed and exits 1 (MariaDB ignores a MySQL-5.7 executable comment the import keeps)', async () => {
    const { io, out } = memoryIo({ 'geo.sql': 'CREATE TABLE places (id int NOT NULL PRIMARY KEY /*!50705 , location GEOMETRY NOT NULL*/);\n' });
    expect(await run(['geo.sql', '--dialect', 'mysql', '--url', mysql!], io)).toBe(1);
    expect(out.stdout).toMatch(/1 catalog difference\n  differences \(1\):\n    \[column\.order\] db\.places columns id vs id,location/);
  });
});

describe('draftbase roundtrip: bad input', () => {
  it.each([
    [[], /missing the file or folder/],
    [['x.sql', '--dialect', 'oracle'], /--dialect must be one of postgres, mysql/],
    [['nope.sql', '--dialect', 'postgres', '--url', 'postgresql://x'], /^nope\.sql: cannot read the file/],
    [['a.sql', '--dialect', 'mysql', '--target', 'postgres-15', '--url', 'mysql://x'], /--target must be one of mysql-8\.0/],
  ])('%j -> exit 2', async (argv, stderr) => {
    const { io, out } = memoryIo({ 'a.sql': 'CREATE TABLE a (id int);' });
    expect(await run(argv, io)).toBe(2);
    expect(out.stderr).toMatch(stderr);
  });
});
