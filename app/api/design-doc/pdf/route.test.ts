import { afterEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../../../lib/server/pdf/print-pdf';
import { POST } from './route';

function post(body: unknown, raw?: string): Promise<Response> {
  return POST(new Request('http://localhost/api/design-doc/pdf', { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) }));
}

const saved = process.env.DRAFTBASE_CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.DRAFTBASE_CHROMIUM_PATH;
  else process.env.DRAFTBASE_CHROMIUM_PATH = saved;
});

describe('POST /api/design-doc/pdf', () => {
  it('400 for a body that is not {html, fileName?}', async () => {
    for (const body of [{}, { html: '' }, { html: 1 }, { html: '<p>x</p>', extra: 1 }, { html: '<p>x</p>', fileName: '../../etc/passwd.pdf' }, { html: '<p>x</p>', fileName: 'a.html' }]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_body');
    }
    const res = await post(undefined, '{"html": "x"');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_json', line: 1 });
  });

  it('503 pdf_unavailable, saying how to get Chromium and that printing from the browser works', async () => {
    process.env.DRAFTBASE_CHROMIUM_PATH = '/nonexistent/chromium';
    const res = await post({ html: '<p>x</p>' });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({ code: 'pdf_unavailable', fallback: 'print', message: expect.stringContaining('/nonexistent/chromium') });
  });

  it.skipIf(!('path' in findChromium()))('200 application/pdf, as an attachment under the given name', async () => {
    const res = await post({ html: '<!DOCTYPE html><h1>Shop</h1>', fileName: 'DATABASE_DESIGN.pdf' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('filename="DATABASE_DESIGN.pdf"');
    expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });
});
