/**
 * ON DELETE SET NULL on a NOT NULL column: the diagnostic's severity says what the engine does. MariaDB
 * (InnoDB) rejects the constraint (error `fk.set-null-on-not-null`: the foreign key is written
 * commented out, the rest applies); PostgreSQL accepts it and fails only when a parent row is deleted
 * (warning `fk.set-null-fails-at-runtime`), so the script has it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdl, generateDdlStatements } from '../../ddl/generate-ddl';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../../model/build';
import type { SchemaDocument } from '../../model/document';
import { mariadbSession } from './mariadb';
import { pgliteSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements } from './sql-client';

function setNullOnRequired(): SchemaDocument {
  const parent = makeTable({ id: 't_p', name: 'parent', columns: [makeColumn({ id: 'c_pid', name: 'id', type: scalar('integer'), nullable: false })], primaryKey: { columnIds: ['c_pid'] } });
  const child = makeTable({
    id: 't_c',
    name: 'child',
    columns: [makeColumn({ id: 'c_cid', name: 'id', type: scalar('integer'), nullable: false }), makeColumn({ id: 'c_ref', name: 'parent_id', type: scalar('integer'), nullable: false })],
    primaryKey: { columnIds: ['c_cid'] },
  });
  const rel = makeRelationship({ id: 'r', fromTableId: 't_c', toTableId: 't_p', columnPairs: [{ fromColumnId: 'c_ref', toColumnId: 'c_pid' }], onDelete: 'set null' });
  return documentOf({ tables: [parent, child], relationships: [rel] });
}

const pglite = pgliteSession();
afterAll(() => pglite.close());

describe('SET NULL on a NOT NULL column', () => {
  it('PostgreSQL: a warning; the script applies, and deleting a referenced parent fails', async () => {
    const doc = setNullOnRequired();
    expect(generateDdl(doc, 'postgres').diagnostics.filter((d) => d.code.startsWith('fk.set-null')).map((d) => [d.code, d.severity])).toEqual([['fk.set-null-fails-at-runtime', 'warning']]);
    const client = await pglite.fresh();
    await applyStatements(client, generateDdlStatements(doc, 'postgres').statements);
    await applyStatements(client, ['INSERT INTO parent (id) VALUES (1)', 'INSERT INTO child (id, parent_id) VALUES (1, 1)']);
    await expect(applyStatements(client, ['DELETE FROM parent WHERE id = 1'])).rejects.toThrow(/null value|not-null/i);
  });

  it('MariaDB: an error; the foreign key is written commented out, the rest applies, and the engine rejects the foreign key', async () => {
    const doc = setNullOnRequired();
    expect(generateDdl(doc, 'mysql', { target: 'mariadb-10.11' }).diagnostics.filter((d) => d.code.startsWith('fk.set-null')).map((d) => [d.code, d.severity])).toEqual([['fk.set-null-on-not-null', 'error']]);
    const url = requireServer('mysql');
    if (!url) return;
    const engine = mariadbSession(url);
    try {
      const client = await engine.fresh();
      const run = generateDdlStatements(doc, 'mysql', { target: 'mariadb-10.11' });
      await applyStatements(client, run.statements);
      expect(run.commented.map((c) => c.sql)).toEqual(['ALTER TABLE `child` ADD CONSTRAINT `child_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION']);
      await expect(client.query(run.commented[0].sql)).rejects.toThrow(/NOT NULL|foreign key|errno: 150/i);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
