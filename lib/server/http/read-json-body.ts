/**
 * Reading a request body safely: a byte cap enforced while streaming (a huge body is never buffered
 * whole), JSON parsing with the position of a syntax error, and zod validation with the failing path.
 */
import 'server-only';
import type { z } from 'zod';
import { HttpError } from './error-response';
import { maxBodyBytes } from './body-limit';

export { DEFAULT_MAX_BODY_BYTES, maxBodyBytes } from './body-limit';

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'payload_too_large', `The request body is larger than the limit of ${limit} bytes.`, { limitBytes: limit });
}

/**
 * Reads a body as bytes, failing with `tooLargeError(limit)` as soon as it passes `limit` (a huge
 * upload is never buffered whole).
 */
export async function readCappedBytes(body: ReadableStream<Uint8Array> | null, limit: number, tooLargeError: (limit: number) => Error): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLargeError(limit);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return all;
}

/** Reads the raw body as text, failing with 413 as soon as it passes `maxBytes`. */
export async function readTextBody(req: Request, opts: { maxBytes?: number } = {}): Promise<string> {
  const limit = opts.maxBytes ?? maxBodyBytes();
  // Cheap early rejection when the client declares the size; the stream check below still applies
  // because Content-Length can be absent (chunked) or wrong.
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const all = await readCappedBytes(req.body, limit, tooLarge);
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}

/** Line and column (1-based) of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse with a 400 `invalid_json` error naming the line and column of the syntax error. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new HttpError(400, 'invalid_json', 'The request body is empty; expected JSON.');
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // V8 messages carry "at position N" (and Node 20+ also "(line L column C)").
    const m = /position (\d+)/.exec(message);
    const where = m ? lineColumnAt(text, Number(m[1])) : undefined;
    const at = where ? ` at line ${where.line}, column ${where.column}` : '';
    throw new HttpError(400, 'invalid_json', `The request body is not valid JSON${at}: ${message}`, where ? { ...where } : undefined);
  }
}

/** Formats zod issues as `path: message; ...` (the path dotted, `(root)` for the top level). */
export function formatZodIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 20)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * Reads, size-caps, parses and validates a JSON body. Throws HttpError 413 / 400 (`invalid_json`,
 * `invalid_body` with the zod path in the message); wrap the handler with `withErrors`.
 */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, opts: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  const value = parseJsonText(await readTextBody(req, opts));
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_body', `Invalid request body: ${formatZodIssues(parsed.error.issues)}`);
  }
  return parsed.data;
}
