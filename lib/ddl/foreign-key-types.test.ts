/**
 * InnoDB compares a foreign key's columns with the referenced key by size and sign: an integer's
 * display width and ZEROFILL are presentation, so `int(11)` referencing `int` is no mismatch (real
 * dumps mix them: guacamole's MySQL schema does), while `int` referencing `int unsigned` is.
 */
import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../model/build';
import type { ScalarType } from '../model/document';
import { sequentialIds } from '../model/ids';
import { generateDdl } from './generate-ddl';

function pair(parent: ScalarType, child: ScalarType) {
  const ids = sequentialIds();
  const p = makeTable({ name: 'parent', columns: [makeColumn({ name: 'id', type: parent, nullable: false }, ids)] }, ids);
  p.primaryKey = { columnIds: [p.columns[0].id] };
  const c = makeTable({ name: 'child', columns: [makeColumn({ name: 'parent_id', type: child }, ids)] }, ids);
  const rel = makeRelationship({ fromTableId: c.id, toTableId: p.id, columnPairs: [{ fromColumnId: c.columns[0].id, toColumnId: p.columns[0].id }] }, ids);
  return documentOf({ dialect: 'mysql', tables: [p, c], relationships: [rel] });
}

const mismatches = (parent: ScalarType, child: ScalarType) =>
  generateDdl(pair(parent, child), 'mysql', { target: 'mariadb-10.11' }).diagnostics.filter((d) => d.code === 'mysql.foreign-key-type-mismatch').length;

describe('MySQL foreign key type check', () => {
  it.each([
    ['int(11) -> int', scalar('integer'), scalar('integer', { displayWidth: 11 }), 0],
    ['int -> int(11)', scalar('integer', { displayWidth: 11 }), scalar('integer'), 0],
    ['int(4) unsigned zerofill -> int unsigned', scalar('integer', { unsigned: true }), scalar('integer', { displayWidth: 4, zerofill: true }), 0],
    ['int unsigned -> int', scalar('integer'), scalar('integer', { unsigned: true }), 1],
    ['bigint -> int', scalar('integer'), scalar('bigint'), 1],
    ['decimal(10,2) -> decimal(12,2)', scalar('decimal', { precision: 12, scale: 2 }), scalar('decimal', { precision: 10, scale: 2 }), 1],
  ])('%s: %i mismatch(es)', (_name, parent, child, expected) => {
    expect(mismatches(parent, child)).toBe(expected);
  });
});
