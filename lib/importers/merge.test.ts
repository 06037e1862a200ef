import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../model/build';
import type { SchemaDocument } from '../model/document';
import { sequentialIds, type IdFactory } from '../model/ids';
import { parseDocument } from '../model/validate';
import { mergeDocuments } from './merge';

/** users(id, email) <- posts(id, user_id); both importers and users use the same counter ids. */
function blog(ids: IdFactory, extraUserColumn?: string): SchemaDocument {
  const uid = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
  const email = makeColumn({ name: 'email', type: scalar('text') }, ids);
  const extra = extraUserColumn ? [makeColumn({ name: extraUserColumn, type: scalar('text') }, ids)] : [];
  const users = makeTable({ name: 'users', columns: [uid, email, ...extra], primaryKey: { columnIds: [uid.id] }, indexes: [] }, ids);
  users.indexes.push(makeIndex({ name: 'users_email_idx', parts: [{ kind: 'column', columnId: email.id }] }, ids));
  const pid = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
  const puser = makeColumn({ name: 'user_id', type: scalar('integer') }, ids);
  const posts = makeTable({ name: 'posts', columns: [pid, puser], primaryKey: { columnIds: [pid.id] } }, ids);
  const rel = makeRelationship({ fromTableId: posts.id, toTableId: users.id, columnPairs: [{ fromColumnId: puser.id, toColumnId: uid.id }] }, ids);
  const doc = documentOf({ tables: [users, posts], relationships: [rel] });
  doc.layout.tables[users.id] = { x: 0, y: 0 };
  doc.layout.tables[posts.id] = { x: 400, y: 0 };
  return doc;
}

/** The import: users again (with a new column "name", without "email") and a new comments table. */
function incoming(): SchemaDocument {
  const ids = sequentialIds(); // deliberately the same id sequence as the current document
  const uid = makeColumn({ name: 'id', type: scalar('bigint'), nullable: false }, ids);
  const name = makeColumn({ name: 'name', type: scalar('text') }, ids);
  const users = makeTable({ name: 'users', columns: [uid, name], primaryKey: { columnIds: [uid.id] } }, ids);
  const cid = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
  const cuser = makeColumn({ name: 'user_id', type: scalar('bigint') }, ids);
  const comments = makeTable({ name: 'comments', columns: [cid, cuser], primaryKey: { columnIds: [cid.id] } }, ids);
  const rel = makeRelationship({ fromTableId: comments.id, toTableId: users.id, columnPairs: [{ fromColumnId: cuser.id, toColumnId: uid.id }] }, ids);
  return documentOf({ tables: [users, comments], relationships: [rel] });
}

const byName = (doc: SchemaDocument, name: string) => Object.values(doc.tables).find((t) => t.name === name)!;

describe('mergeDocuments', () => {
  it('replace: the imported definition wins, the table keeps its id, position and same-named column ids', () => {
    const current = blog(sequentialIds());
    const before = structuredClone(current);
    const { document, report } = mergeDocuments(current, incoming(), { onConflict: 'replace' });
    expect(parseDocument(document).ok).toBe(true);
    expect(current).toEqual(before); // pure: the input is untouched
    expect(report).toEqual({ added: ['comments'], replaced: ['users'], kept: [], droppedRelationships: [] });

    const users = byName(document, 'users');
    expect(users.id).toBe(byName(current, 'users').id);
    expect(users.columns.map((c) => c.name)).toEqual(['id', 'name']);
    expect(users.columns[0]).toMatchObject({ id: byName(current, 'users').columns[0].id, type: { name: 'bigint' } });
    expect(document.layout.tables[users.id]).toEqual({ x: 0, y: 0 });

    // posts -> users still holds (users.id kept its column id); comments -> users is added.
    const rels = Object.values(document.relationships).map((r) => `${document.tables[r.fromTableId].name}->${document.tables[r.toTableId].name}`);
    expect(rels.sort()).toEqual(['comments->users', 'posts->users']);
    // New table placed to the right of the existing ones.
    expect(document.layout.tables[byName(document, 'comments').id].x).toBeGreaterThan(400);
  });

  it('keep: the current table stays; imported relationships re-attach to it by column name', () => {
    const current = blog(sequentialIds());
    const { document, report } = mergeDocuments(current, incoming(), { onConflict: 'keep' });
    expect(parseDocument(document).ok).toBe(true);
    expect(report).toMatchObject({ added: ['comments'], replaced: [], kept: ['users'] });
    expect(byName(document, 'users')).toEqual(byName(current, 'users'));
    const rel = Object.values(document.relationships).find((r) => document.tables[r.fromTableId].name === 'comments')!;
    expect(rel.toTableId).toBe(byName(current, 'users').id);
    expect(rel.columnPairs[0].toColumnId).toBe(byName(current, 'users').columns[0].id);
  });

  it('replace drops relationships that point at a column the import removed, and says so', () => {
    const ids = sequentialIds();
    const current = blog(ids);
    // A current FK to users.email, which the incoming users table no longer has.
    const users = byName(current, 'users');
    const posts = byName(current, 'posts');
    const author = makeColumn({ name: 'author_email', type: scalar('text') }, ids);
    posts.columns.push(author);
    const r = makeRelationship({ name: 'fk_author_email', fromTableId: posts.id, toTableId: users.id, columnPairs: [{ fromColumnId: author.id, toColumnId: users.columns[1].id }] }, ids);
    current.relationships[r.id] = r;
    const { document, report } = mergeDocuments(current, incoming(), { onConflict: 'replace' });
    expect(parseDocument(document).ok).toBe(true);
    expect(report.droppedRelationships).toEqual(['posts -> users (fk_author_email)']);
  });

  it('re-keys every imported id, even when both documents used the same ids', () => {
    const current = blog(sequentialIds());
    const imported = blog(sequentialIds(), 'bio');
    for (const t of Object.values(imported.tables)) t.name = `${t.name}_v2`;
    const { document, report } = mergeDocuments(current, imported, { onConflict: 'replace' });
    expect(parseDocument(document).ok).toBe(true);
    expect(report.added).toEqual(['users_v2', 'posts_v2']);
    expect(Object.keys(document.tables)).toHaveLength(4);
    expect(Object.keys(document.relationships)).toHaveLength(2);
    const allColumnIds = Object.values(document.tables).flatMap((t) => t.columns.map((c) => c.id));
    expect(new Set(allColumnIds).size).toBe(allColumnIds.length);
    // The imported layout is shifted as a block to the right of the current one.
    const v2 = byName(document, 'users_v2');
    const p2 = byName(document, 'posts_v2');
    expect(document.layout.tables[p2.id].x - document.layout.tables[v2.id].x).toBe(400);
    expect(document.layout.tables[v2.id].x).toBeGreaterThan(400);
  });

  it('same-named enums: replace updates values under the current id, keep leaves them', () => {
    const current = blog(sequentialIds());
    current.enums.e1 = { id: 'e1', name: 'mood', values: ['happy'] };
    const imported = incoming();
    imported.enums.e9 = { id: 'e9', name: 'mood', values: ['happy', 'sad'] };
    byName(imported, 'comments').columns.push(makeColumn({ id: 'col_mood', name: 'mood', type: { kind: 'enum', enumId: 'e9' } }));
    const replaced = mergeDocuments(current, imported, { onConflict: 'replace' }).document;
    expect(parseDocument(replaced).ok).toBe(true);
    expect(Object.values(replaced.enums)).toEqual([{ id: 'e1', name: 'mood', values: ['happy', 'sad'] }]);
    expect(byName(replaced, 'comments').columns[2].type).toEqual({ kind: 'enum', enumId: 'e1' });
    const kept = mergeDocuments(current, imported, { onConflict: 'keep' }).document;
    expect(Object.values(kept.enums)).toEqual([{ id: 'e1', name: 'mood', values: ['happy'] }]);
  });
});

describe('mergeDocuments: routines', () => {
  const fn = (id: string, sql: string) => ({ id, kind: 'function' as const, name: 'touch', dialect: 'postgres' as const, sql });
  it('adds imported routines (a trigger on the merged table), skips identical ones, and follows the policy on a changed one', () => {
    const current = blog(sequentialIds());
    current.routines = { r1: fn('r1', 'CREATE FUNCTION touch() v1') };
    const imported = incoming();
    const comments = byName(imported, 'comments');
    imported.routines = {
      r1: fn('r1', 'CREATE FUNCTION touch() v2'),
      r2: { id: 'r2', kind: 'trigger', name: 'tr', dialect: 'postgres', sql: 'CREATE TRIGGER tr ...', tableId: comments.id },
    };
    const kept = mergeDocuments(current, imported, { onConflict: 'keep', ids: sequentialIds() }).document;
    expect(parseDocument(kept).ok).toBe(true);
    expect(Object.values(kept.routines ?? {}).map((r) => [r.sql, r.tableId && kept.tables[r.tableId].name])).toEqual([
      ['CREATE FUNCTION touch() v1', undefined],
      ['CREATE TRIGGER tr ...', 'comments'],
    ]);
    const replaced = mergeDocuments(current, imported, { onConflict: 'replace', ids: sequentialIds() }).document;
    expect(Object.values(replaced.routines ?? {}).map((r) => r.sql)).toEqual(['CREATE FUNCTION touch() v2', 'CREATE TRIGGER tr ...']);
    const again = mergeDocuments(replaced, imported, { onConflict: 'replace', ids: sequentialIds() }).document;
    expect(Object.keys(again.routines ?? {})).toHaveLength(2);
  });
});
