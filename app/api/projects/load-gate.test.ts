/**
 * One gate: a project stored by an older Draftbase (document version 1, the kitchen sink as 0.1 wrote
 * it) is read, snapshotted, exported and saved through the real handlers on SQLite (and PostgreSQL when
 * DATABASE_URL_PG is set), and every path sees the upgraded document; a document newer than this build
 * is refused with a message that says so, never served raw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, vi } from 'vitest';
import { exportFile } from '@/lib/formats/files';
import { DOCUMENT_VERSION } from '@/lib/model/document';
import { kitchenSinkBeforeVersion3, kitchenSinkDocument } from '@/lib/model/fixtures/kitchen-sink';
import { getDatabase } from '@/lib/server/db/client';
import { providerCases } from '@/lib/server/db/test-databases';
import * as collection from './route';
import * as item from './[id]/route';
import * as exportRoute from './[id]/export/route';
import * as versions from './[id]/versions/route';
import * as versionItem from './[id]/versions/[vid]/route';
import { API_BASE, jsonRequest, routeContext, useAppDatabase } from '@/lib/server/db/api-suite.test-support';

// Solo mode on both providers (one local user owns everything); team mode, roles and share links: app/api/access-matrix.test.ts.
vi.mock('@/lib/server/auth/mode', () => ({ authMode: () => 'solo', AUTH_ENV: 'DRAFTBASE_AUTH' }));

const V1_TEXT = readFileSync(path.join(process.cwd(), 'lib/model/fixtures/kitchen-sink.v1.json'), 'utf8');
const base = API_BASE;
const ctx = routeContext;
const json = jsonRequest;

/** A project whose stored row holds `text` exactly, as an older build (or a newer one) left it. */
async function storedProject(text: string): Promise<string> {
  const res = await collection.POST(json(base, 'POST', { name: 'Stored long ago' }));
  const id: string = (await res.json()).project.id;
  await (await getDatabase()).tables.project.updateMany({ where: { id }, data: { document: text } });
  return id;
}

async function storedText(id: string): Promise<string> {
  const row = await (await getDatabase()).tables.project.findFirst({ where: { id } });
  return row!.document;
}

describe.each(providerCases())('the load gate on $provider', ({ create }) => {
  const run = useAppDatabase(create);

  run('GET serves a stored version-1 document upgraded; the next save stores it upgraded', async () => {
    const id = await storedProject(V1_TEXT);
    const res = await item.GET(new Request(`${base}/${id}`), ctx(id));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.document).toEqual(kitchenSinkBeforeVersion3());
    expect(body.document.version).toBe(DOCUMENT_VERSION);

    const saved = await item.PUT(json(`${base}/${id}`, 'PUT', { document: body.document }, { 'if-match': String(body.version) }), ctx(id));
    expect(saved.status).toBe(200);
    const text = await storedText(id);
    expect(JSON.parse(text)).toEqual(kitchenSinkBeforeVersion3());
    expect(text).not.toContain('"sensitive"');
  });

  run('export and named versions of a stored version-1 document read it upgraded', async () => {
    const id = await storedProject(V1_TEXT);
    const md = await exportRoute.GET(new Request(`${base}/${id}/export?format=markdown`), ctx(id));
    expect(md.status).toBe(200);
    expect(await md.text()).toBe(exportFile(kitchenSinkBeforeVersion3(), 'markdown', { options: { title: 'Stored long ago', date: new Date().toISOString().slice(0, 10) } }).text);

    const snap = await versions.POST(json(`${base}/${id}/versions`, 'POST', { name: 'before upgrade' }), ctx(id));
    expect(snap.status).toBe(201);
    const vid: string = (await snap.json()).version.id;
    const v = await versionItem.GET(new Request(`${base}/${id}/versions/${vid}`), { params: Promise.resolve({ id, vid }) });
    expect(v.status).toBe(200);
    expect((await v.json()).document).toEqual(kitchenSinkBeforeVersion3());
  });

  run('a version-1 document in a request body is accepted and stored upgraded', async () => {
    const res = await collection.POST(json(base, 'POST', { name: 'Posted v1', document: JSON.parse(V1_TEXT) }));
    expect(res.status).toBe(201);
    const id: string = (await res.json()).project.id;
    expect(JSON.parse(await storedText(id))).toEqual(kitchenSinkBeforeVersion3());
  });

  run('a stored document newer than this build is a 422 that says to upgrade Draftbase', async () => {
    const newer = JSON.stringify({ ...kitchenSinkDocument(), version: DOCUMENT_VERSION + 1 });
    const id = await storedProject(newer);
    const res = await item.GET(new Request(`${base}/${id}`), ctx(id));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/newer than this Draftbase reads .*upgrade Draftbase/);
  });
});
