import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from '../../model/build';
import { emptyDocument } from '../../model/empty';
import { providerCases, type TestDatabase } from '../db/test-databases';
import {
  createProject,
  createVersion,
  deleteProject,
  duplicateProject,
  getProject,
  getVersion,
  listProjects,
  listVersions,
  renameProject,
  saveProject,
} from './repository';

describe.each(providerCases())('project repository on $provider', ({ create }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    if (create) t = await create();
  });
  afterAll(async () => {
    await t?.dispose();
  });
  const run = create ? it : it.skip;
  const db = () => t.db.prisma;

  run('creates a project with an empty document at version 1, and lists it', async () => {
    const p = await createProject(db(), { name: 'Shop' });
    expect(p).toMatchObject({ name: 'Shop', version: 1, tableCount: 0 });
    expect(p.id).toMatch(/^prj_/);
    const got = await getProject(db(), p.id);
    expect(JSON.parse(got!.documentJson)).toEqual(emptyDocument());
    expect((await listProjects(db())).map((x) => x.id)).toContain(p.id);
  });

  run('saves with the current version, rejects a stale one with the current version, and 404s an unknown id', async () => {
    const p = await createProject(db(), { name: 'Concurrency' });
    const doc = twoTableDocument();
    const first = await saveProject(db(), p.id, { expectedVersion: 1, document: doc });
    expect(first).toMatchObject({ ok: true, version: 2 });
    // A second tab still holding version 1:
    const stale = await saveProject(db(), p.id, { expectedVersion: 1, document: emptyDocument() });
    expect(stale).toEqual({ ok: false, reason: 'conflict', currentVersion: 2 });
    const stored = await getProject(db(), p.id);
    expect(stored).toMatchObject({ version: 2, tableCount: 2 });
    expect(JSON.parse(stored!.documentJson)).toEqual(doc);
    expect(await saveProject(db(), 'prj_missing', { expectedVersion: 1, document: doc })).toEqual({ ok: false, reason: 'not_found' });
  });

  run('lets exactly one of N concurrent saves of the same version win', async () => {
    const p = await createProject(db(), { name: 'Race' });
    const results = await Promise.all(Array.from({ length: 8 }, () => saveProject(db(), p.id, { expectedVersion: 1, document: twoTableDocument() })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(7);
    expect((await getProject(db(), p.id))!.version).toBe(2);
  });

  run('keeps the document key order (display order) byte for byte', async () => {
    const p = await createProject(db(), { name: 'Order' });
    const doc = twoTableDocument();
    await saveProject(db(), p.id, { expectedVersion: 1, document: doc });
    const stored = (await getProject(db(), p.id))!.documentJson;
    expect(stored).toBe(JSON.stringify(doc));
    expect(Object.keys(JSON.parse(stored).tables)).toEqual(['tbl_zz', 'tbl_a']);
  });

  run('renames without bumping the version; duplicates; deletes', async () => {
    const p = await createProject(db(), { name: 'Old name', document: twoTableDocument() });
    const renamed = await renameProject(db(), p.id, 'New name');
    expect(renamed).toMatchObject({ name: 'New name', version: 1 });
    expect(await renameProject(db(), 'prj_missing', 'x')).toBeNull();

    const copy = await duplicateProject(db(), p.id);
    expect(copy).toMatchObject({ name: 'New name (copy)', tableCount: 2, version: 1 });
    expect(copy!.id).not.toBe(p.id);
    expect((await getProject(db(), copy!.id))!.documentJson).toBe((await getProject(db(), p.id))!.documentJson);
    expect(await duplicateProject(db(), 'prj_missing')).toBeNull();

    expect(await deleteProject(db(), p.id)).toBe(true);
    expect(await getProject(db(), p.id)).toBeNull();
    expect(await deleteProject(db(), p.id)).toBe(false);
    expect(await getProject(db(), copy!.id)).not.toBeNull();
  });

  run('lists most recently edited first', async () => {
    const a = await createProject(db(), { name: 'A' });
    const b = await createProject(db(), { name: 'B' });
    await new Promise((r) => setTimeout(r, 15));
    await saveProject(db(), a.id, { expectedVersion: 1, document: twoTableDocument() });
    const ids = (await listProjects(db())).map((x) => x.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
  });

  run('snapshots named versions that keep their document after later saves, and cascades on delete', async () => {
    const p = await createProject(db(), { name: 'Versions', document: twoTableDocument() });
    const v1 = await createVersion(db(), p.id, 'before cleanup');
    expect(v1).toMatchObject({ name: 'before cleanup', projectId: p.id, projectVersion: 1, tableCount: 2 });
    await saveProject(db(), p.id, { expectedVersion: 1, document: emptyDocument() });
    const v2 = await createVersion(db(), p.id, 'empty');
    const list = await listVersions(db(), p.id);
    expect(list!.map((v) => v.name)).toEqual(['empty', 'before cleanup']);
    expect(JSON.parse((await getVersion(db(), p.id, v1!.id))!.documentJson)).toEqual(twoTableDocument());
    expect((await getVersion(db(), p.id, v2!.id))!.tableCount).toBe(0);
    expect(await getVersion(db(), 'prj_other', v1!.id)).toBeNull();
    expect(await listVersions(db(), 'prj_missing')).toBeNull();
    expect(await createVersion(db(), 'prj_missing', 'x')).toBeNull();

    await deleteProject(db(), p.id);
    expect(await getVersion(db(), p.id, v1!.id)).toBeNull();
  });
});

/** Two tables whose ids sort opposite to their insertion order, to catch key reordering (jsonb). */
function twoTableDocument() {
  const users = makeTable({ id: 'tbl_zz', name: 'users', columns: [makeColumn({ id: 'col_1', name: 'id', type: scalar('bigint') })] });
  const orders = makeTable({ id: 'tbl_a', name: 'orders', columns: [makeColumn({ id: 'col_2', name: 'id', type: scalar('bigint') })] });
  return documentOf({ tables: [users, orders] });
}
