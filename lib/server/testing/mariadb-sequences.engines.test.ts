/**
 * MariaDB 10.3+ has sequences: the MySQL output for mariadb-10.11 writes a sequence no column's
 * AUTO_INCREMENT stands for as CREATE SEQUENCE (an integer one with its type's bounds written out,
 * MariaDB's are bigint) and the columns drawing from it `DEFAULT nextval(seq)`; this applies, and the
 * sequence hands out values in its range.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { documentOf, makeColumn, makeTable, scalar } from '../../model/build';
import { sequentialIds } from '../../model/ids';
import { applyEach } from '../roundtrip/apply-script';
import { mariadbSession } from './mariadb';
import { readMysqlCatalog } from './mysql-catalog';
import { requireServer } from './require-server';

const url = requireServer('mysql');

describe.skipIf(!url)('standalone sequences on MariaDB', () => {
  const session = url ? mariadbSession(url) : undefined;
  afterAll(() => session?.close());

  it('a shared integer sequence and an unused descending bigint one apply; inserts draw from the shared one', async () => {
    const ids = sequentialIds();
    const seqDefault = { kind: 'sequence' as const, sequenceId: 'q_shared' };
    const invoices = makeTable({ name: 'invoices', columns: [makeColumn({ name: 'no', type: scalar('integer'), nullable: false, default: seqDefault }, ids)] }, ids);
    const credits = makeTable({ name: 'credit_notes', columns: [makeColumn({ name: 'no', type: scalar('integer'), nullable: false, default: seqDefault }, ids)] }, ids);
    const doc = documentOf({
      tables: [invoices, credits],
      sequences: [
        { id: 'q_shared', name: 'invoice_numbers', dataType: 'integer', start: 1000, increment: 7, cache: 20, comment: 'shared' },
        { id: 'q_down', name: 'countdown', dataType: 'bigint', increment: -1, min: 1, max: 100, start: 100 },
      ],
    });
    const { statements, diagnostics } = generateDdlStatements(doc, 'mysql', { target: 'mariadb-10.11' });
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const db = await session!.fresh();
    expect(await applyEach(db, statements)).toEqual([]);
    await db.query('INSERT INTO invoices () VALUES ()');
    await db.query('INSERT INTO credit_notes () VALUES ()');
    expect((await db.query<{ no: number }>('SELECT no FROM invoices UNION ALL SELECT no FROM credit_notes')).map((r) => Number(r.no))).toEqual([1000, 1007]);
    const catalog = await readMysqlCatalog(db);
    expect(catalog.tables.map((t) => t.name).sort()).toEqual(['credit_notes', 'invoices']);
    expect(catalog.sequences.map((q) => [q.name, q.start, q.increment, q.min, q.max, q.cache, q.comment])).toEqual([
      ['countdown', '100', '-1', '1', '100', '1000', null],
      ['invoice_numbers', '1000', '7', '1', '2147483647', '20', 'shared'],
    ]);
  });
});
