/**
 * POST /api/render {document, format: 'postgres'|'mysql'|'mermaid'|'index-table', options?}
 *
 * 200 application/json `{ format, text, contentType, diagnostics, diagrams? }` (diagnostics are the
 *     generator's warnings/infos; `diagrams` only for mermaid with options.split).
 * 400 `{ error: { code, message, ... } }`: invalid JSON (`invalid_json`, with line/column), a body
 *     that is not {document, format, options} (`invalid_body`), a document that fails validation
 *     (`invalid_document`, with `issues: [{ path, message }]`), options that do not fit the format
 *     (`invalid_options`, with `path`).
 * 413 `payload_too_large` over the body cap (32 MB, DRAFTBASE_MAX_BODY_BYTES).
 * 422 `render_failed` with `diagnostics` when the generator reports errors (nothing usable to return).
 */
import { z } from 'zod';
import { errorResponse, withErrors } from '../../../lib/server/http/error-response';
import { readJsonBody } from '../../../lib/server/http/read-json-body';
import { parseDocument } from '../../../lib/model/validate';
import { hasErrors } from '../../../lib/model/diagnostics';
import { RenderOptionsError, renderFormat, renderFormatSchema } from './render-format';

export const runtime = 'nodejs';

const renderBodySchema = z.object({
  document: z.unknown().refine((v) => v !== undefined, 'a schema document is required'),
  format: renderFormatSchema,
  options: z.unknown().optional(),
});

export const POST = withErrors(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(request, renderBodySchema);

  const parsed = parseDocument(body.document);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
    return errorResponse(400, 'invalid_document', `The document is invalid: document.${first.path}: ${first.message}${more}`, {
      issues: parsed.issues.map((i) => ({ path: `document.${i.path}`, message: i.message })),
    });
  }

  let result;
  try {
    result = await renderFormat(parsed.document, body.format, body.options);
  } catch (err) {
    if (err instanceof RenderOptionsError) return errorResponse(400, 'invalid_options', err.message, { path: err.path });
    throw err;
  }

  if (hasErrors(result.diagnostics)) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    return errorResponse(422, 'render_failed', `The ${body.format} output cannot be generated: ${errors[0].message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, {
      diagnostics: result.diagnostics,
    });
  }

  return Response.json({
    format: body.format,
    text: result.text,
    contentType: result.contentType,
    diagnostics: result.diagnostics,
    ...(result.diagrams ? { diagrams: result.diagrams } : {}),
  });
});
