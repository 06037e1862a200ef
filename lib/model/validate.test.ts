import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from './build';
import { DOCUMENT_VERSION } from './document';
import { emptyDocument } from './empty';
import { sequentialIds } from './ids';
import { parseDocument } from './validate';

function twoTables() {
  const ids = sequentialIds();
  const userId = makeColumn({ name: 'id', type: scalar('bigint'), nullable: false }, ids);
  const users = makeTable({ name: 'users', columns: [userId], primaryKey: { columnIds: [userId.id] } }, ids);
  const ownerId = makeColumn({ name: 'owner_id', type: scalar('bigint'), nullable: false }, ids);
  const posts = makeTable({ name: 'posts', columns: [ownerId] }, ids);
  const rel = makeRelationship({ fromTableId: posts.id, toTableId: users.id, columnPairs: [{ fromColumnId: ownerId.id, toColumnId: userId.id }] }, ids);
  return { doc: documentOf({ tables: [users, posts], relationships: [rel] }), users, posts, rel, ownerId };
}

describe('parseDocument', () => {
  it('accepts an empty document and a small valid one', () => {
    expect(parseDocument(emptyDocument()).ok).toBe(true);
    expect(parseDocument(twoTables().doc).ok).toBe(true);
  });

  it('survives a JSON round trip unchanged', () => {
    const { doc } = twoTables();
    const r = parseDocument(JSON.parse(JSON.stringify(doc)));
    expect(r.ok && r.document).toEqual(doc);
  });

  it.each([
    ['not an object', 42, '(root)'],
    ['wrong format tag', { ...emptyDocument(), format: 'chartdb' }, 'format'],
    ['missing tables', (() => { const d: Record<string, unknown> = { ...emptyDocument() }; delete d.tables; return d; })(), 'tables'],
  ])('rejects %s with the path', (_label, raw, path) => {
    const r = parseDocument(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
  });

  it('names the offending field of a column', () => {
    const { doc, users } = twoTables();
    const bad = structuredClone(doc) as unknown as { tables: Record<string, { columns: { nullable: unknown }[] }> };
    bad.tables[users.id].columns[0].nullable = 'yes';
    const r = parseDocument(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].path).toBe(`tables.${users.id}.columns.0.nullable`);
  });

  it('refuses a document from a newer version with a clear message', () => {
    const r = parseDocument({ ...emptyDocument(), version: DOCUMENT_VERSION + 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/newer than this Draftbase reads/);
  });

  it.each([
    ['a relationship to a missing table', (d: ReturnType<typeof twoTables>) => { d.doc.relationships[d.rel.id].toTableId = 'nope'; }, 'toTableId'],
    ['a relationship pair with a missing column', (d: ReturnType<typeof twoTables>) => { d.doc.relationships[d.rel.id].columnPairs[0].fromColumnId = 'nope'; }, 'columnPairs.0.fromColumnId'],
    ['a primary key on a missing column', (d: ReturnType<typeof twoTables>) => { d.doc.tables[d.users.id].primaryKey = { columnIds: ['nope'] }; }, 'primaryKey.columnIds.0'],
    ['an index on a missing column', (d: ReturnType<typeof twoTables>) => { d.doc.tables[d.posts.id].indexes.push(makeIndex({ id: 'ix', name: 'ix', parts: [{ kind: 'column', columnId: 'nope' }] })); }, 'indexes.0.parts.0.columnId'],
    ['a key that differs from the id', (d: ReturnType<typeof twoTables>) => { d.doc.tables[d.users.id] = { ...d.doc.tables[d.users.id], id: 'other' }; }, '.id'],
    ['an enum column with a missing enum', (d: ReturnType<typeof twoTables>) => { d.doc.tables[d.posts.id].columns.push(makeColumn({ id: 'c9', name: 'state', type: { kind: 'enum', enumId: 'missing' } })); }, 'type.enumId'],
    ['an area with a missing table', (d: ReturnType<typeof twoTables>) => { d.doc.areas.a = { id: 'a', name: 'billing', color: '#112233', tableIds: ['nope'] }; }, 'areas.a.tableIds.0'],
    ['a table in a missing schema', (d: ReturnType<typeof twoTables>) => { d.doc.tables[d.users.id].schemaId = 'nope'; }, 'schemaId'],
  ])('finds %s', (_label, breakIt, pathEnd) => {
    const d = twoTables();
    breakIt(d);
    const r = parseDocument(d.doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.path.endsWith(pathEnd))).toBe(true);
  });

  it('rejects names with NUL and empty names', () => {
    const { doc, users } = twoTables();
    for (const name of ['', 'a\u0000b']) {
      const bad = structuredClone(doc);
      bad.tables[users.id].name = name;
      expect(parseDocument(bad).ok).toBe(false);
    }
  });
});
