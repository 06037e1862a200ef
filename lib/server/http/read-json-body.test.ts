import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorResponse, HttpError, withErrors } from './error-response';
import { lineColumnAt, readJsonBody, readTextBody } from './read-json-body';

const schema = z.object({ name: z.string().min(1), n: z.number().int().optional() });

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request('http://x/api', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}

/** A body without Content-Length (chunked), so only the streaming check can stop it. */
function streamed(text: string, chunk = 1000): Request {
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
      controller.close();
    },
  });
  return new Request('http://x/api', { method: 'POST', body: stream, duplex: 'half' } as RequestInit & { duplex: 'half' });
}

async function caught(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HttpError) return e;
    throw e;
  }
  throw new Error('expected an HttpError');
}

describe('readJsonBody', () => {
  it('returns the validated body', async () => {
    await expect(readJsonBody(post(JSON.stringify({ name: 'a', n: 2 })), schema)).resolves.toEqual({ name: 'a', n: 2 });
  });

  it.each([
    ['empty body', '', 400, 'invalid_json', /empty/],
    ['syntax error with position', '{\n  "name": "a",\n  oops\n}', 400, 'invalid_json', /line 3, column 3/],
    ['wrong type, with the zod path', JSON.stringify({ name: 'a', n: 1.5 }), 400, 'invalid_body', /^Invalid request body: n: /],
    ['missing field', JSON.stringify({}), 400, 'invalid_body', /name: /],
  ])('%s -> %s %s', async (_label, body, status, code, message) => {
    const e = await caught(readJsonBody(post(body), schema));
    expect(e.status).toBe(status);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('rejects a declared oversized body with 413 before reading it', async () => {
    const e = await caught(readJsonBody(post(JSON.stringify({ name: 'x'.repeat(200) })), schema, { maxBytes: 100 }));
    expect([e.status, e.code]).toEqual([413, 'payload_too_large']);
  });

  it('rejects an oversized streamed body (no Content-Length) with 413', async () => {
    const req = streamed(JSON.stringify({ name: 'x'.repeat(50_000) }));
    expect(req.headers.get('content-length')).toBeNull();
    const e = await caught(readTextBody(req, { maxBytes: 10_000 }));
    expect(e.status).toBe(413);
  });

  it('accepts a body exactly at the limit', async () => {
    const text = JSON.stringify({ name: 'y'.repeat(89) });
    expect(text.length).toBe(100);
    await expect(readTextBody(streamed(text, 7), { maxBytes: 100 })).resolves.toBe(text);
  });

  it('honours DRAFTBASE_MAX_BODY_BYTES', async () => {
    process.env.DRAFTBASE_MAX_BODY_BYTES = '20';
    try {
      const e = await caught(readJsonBody(post(JSON.stringify({ name: 'abcdefghijklmnopqrstuvwxyz' })), schema));
      expect(e.status).toBe(413);
    } finally {
      delete process.env.DRAFTBASE_MAX_BODY_BYTES;
    }
  });
});

describe('lineColumnAt', () => {
  // 'ab\nc\nd': a=0 b=1 \n=2 c=3 \n=4 d=5
  it.each([
    [0, 1, 1],
    [2, 1, 3],
    [3, 2, 1],
    [5, 3, 1],
  ])('offset %i -> line %i column %i', (offset, line, column) => {
    expect(lineColumnAt('ab\nc\nd', offset)).toEqual({ line, column });
  });
});

describe('errors', () => {
  it('errorResponse has the shared shape and status', async () => {
    const res = errorResponse(409, 'version_conflict', 'stale', { currentVersion: 7 });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'version_conflict', message: 'stale', currentVersion: 7 } });
  });

  it('withErrors turns HttpError into its response and anything else into a 500', async () => {
    const h = withErrors(async (kind: string) => {
      if (kind === 'http') throw new HttpError(404, 'not_found', 'nope');
      if (kind === 'boom') throw new Error('secret detail');
      return new Response('ok');
    });
    expect((await h('http')).status).toBe(404);
    const boom = await h('boom');
    expect(boom.status).toBe(500);
    expect(JSON.stringify(await boom.json())).not.toContain('secret detail');
    expect(await (await h('fine')).text()).toBe('ok');
  });
});
