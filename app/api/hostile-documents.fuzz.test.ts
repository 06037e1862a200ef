/**
 * Seeded fuzz: hostile documents (every shape of lib/model/fixtures/hostile-documents.ts, at random
 * sizes, at and just past the document limits, with hostile names) through the real handlers of
 * POST /api/render (4 formats), POST /api/projects and GET /api/projects/:id/export (7 formats), with
 * the compute pool at its default budget. No request may end over its budget (422 budget_exceeded /
 * too_large) or with a 5xx; a document past a limit must get a 400 naming the path. The figures
 * (largest accepted document, slowest request) are printed.
 *
 * FUZZ_SEED / FUZZ_DOCS choose another run (e.g. FUZZ_DOCS=100 for a longer one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileDocument, hostileShapes, sizeAtLimits, withHostileNames } from '@/lib/model/fixtures/hostile-documents';
import { mulberry32 } from '@/lib/random/mulberry32';
import { closeDatabase } from '@/lib/server/db/client';
import { createSqliteTestDatabase, type TestDatabase } from '@/lib/server/db/test-databases';
import { resetComputePool } from '@/lib/server/compute/pool';
import { maxBodyBytes } from '@/lib/server/http/read-json-body';
import * as render from './render/route';
import * as projects from './projects/route';
import * as exporter from './projects/[id]/export/route';

const SEED = Number(process.env.FUZZ_SEED ?? 10);
const DOCS = Number(process.env.FUZZ_DOCS ?? 10);
const RENDER_FORMATS = ['postgres', 'mysql', 'mermaid', 'index-table'] as const;
const EXPORT_FORMATS = ['markdown', 'html', 'postgres', 'mysql', 'mermaid', 'prisma', 'dbml', 'json'] as const;

const jsonPost = (url: string, body: string) => new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

interface Outcome {
  what: string;
  status: number;
  code?: string;
  ms: number;
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createSqliteTestDatabase();
  process.env.DATABASE_URL = t.url;
  await resetComputePool();
});
afterAll(async () => {
  await resetComputePool();
  await closeDatabase();
  delete process.env.DATABASE_URL;
  await t?.dispose();
});

async function call(what: string, run: () => Promise<Response>): Promise<Outcome & { body: Record<string, unknown> | string }> {
  const started = performance.now();
  const res = await run();
  const text = await res.text();
  const ms = performance.now() - started;
  let body: Record<string, unknown> | string = text;
  let code: string | undefined;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json') && res.status >= 400) {
    body = JSON.parse(text);
    code = (body as { error?: { code?: string } }).error?.code;
  }
  return { what, status: res.status, code, ms, body };
}

describe('hostile documents against render and export', () => {
  // Eight export formats per document (html is the markdown plus marked, ~1.35x its time): 95 s alone
  // at load 18 on two cores, more than the default 120 s in a full run there.
  it(`seed ${SEED}, ${DOCS} documents: no 5xx, nothing over its budget, limits answered with 400 and a path`, async () => {
    const rand = mulberry32(SEED);
    const outcomes: Outcome[] = [];
    let largestAccepted = { bytes: 0, what: '' };
    for (let i = 0; i < DOCS; i++) {
      const shape = hostileShapes[Math.floor(rand() * hostileShapes.length)];
      const limit = sizeAtLimits(shape);
      // Of every five documents: one at the shape's limit, one just past it, three of random size.
      const past = i % 5 === 4;
      const n = past ? limit + 1 : i % 5 === 0 ? limit : Math.max(1, Math.round(limit * rand() ** 3));
      const doc = withHostileNames(hostileDocument(shape, n, i + 1), rand, rand() * 0.5);
      const documentJson = JSON.stringify(doc);
      const label = `${shape} n=${n} (${(documentJson.length / 1e6).toFixed(1)} MB)`;
      const tooBig = documentJson.length + 100 > maxBodyBytes();

      for (const format of RENDER_FORMATS) {
        const o = await call(`render ${format} ${label}`, () => render.POST(jsonPost('http://localhost/api/render', `{"format":"${format}","document":${documentJson}}`)));
        outcomes.push(o);
        expect([200, 400, 413, 422], `${o.what}: ${JSON.stringify(o.body).slice(0, 300)}`).toContain(o.status);
        expect(['budget_exceeded', 'too_large'], o.what).not.toContain(o.code);
        if (tooBig) expect(o.status, o.what).toBe(413);
        else if (past && shape !== 'huge-comments') {
          expect(o.status, o.what).toBe(400);
          expect(JSON.stringify(o.body), o.what).toMatch(/document limit \w+/);
        }
        if (o.status === 200 && documentJson.length > largestAccepted.bytes) largestAccepted = { bytes: documentJson.length, what: label };
      }

      const created = await call(`save ${label}`, () => projects.POST(jsonPost('http://localhost/api/projects', `{"name":"fuzz ${i}","document":${documentJson}}`)));
      outcomes.push(created);
      expect([201, 400, 413], created.what).toContain(created.status);
      if (created.status !== 201) continue;
      const id = JSON.parse(created.body as string).project.id as string;
      for (const format of EXPORT_FORMATS) {
        const o = await call(`export ${format} ${label}`, () => exporter.GET(new Request(`http://localhost/api/projects/${id}/export?format=${format}`), { params: Promise.resolve({ id }) }));
        outcomes.push(o);
        // Never refused for the generator's errors: what the target rejects is served commented out.
        expect([200], `${o.what}: ${JSON.stringify(o.body).slice(0, 300)}`).toContain(o.status);
      }
    }
    const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
    const counts = outcomes.reduce<Record<number, number>>((acc, o) => ((acc[o.status] = (acc[o.status] ?? 0) + 1), acc), {});
    console.log(
      `[fuzz] seed ${SEED}: ${outcomes.length} requests ${JSON.stringify(counts)}; largest accepted document ${(largestAccepted.bytes / 1e6).toFixed(1)} MB (${largestAccepted.what}); slowest ${slowest.ms.toFixed(0)} ms (${slowest.what})`,
    );
    expect(outcomes.length).toBeGreaterThan(DOCS * 4);
  }, 240_000);
});
