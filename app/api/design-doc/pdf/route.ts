/**
 * POST /api/design-doc/pdf {html, fileName?}: the design document's single-file HTML (built by the
 * Design doc tab, diagrams inline) printed to PDF by headless Chromium (lib/server/pdf/print-pdf.ts).
 *
 * 200 application/pdf, attachment (`fileName`, default DATABASE_DESIGN.pdf).
 * 400 `invalid_json` / `invalid_body`; 413 `payload_too_large` over the cap (24 MB of HTML).
 * 422 `budget_exceeded` when waiting plus printing passed the compute budget (the browser is killed).
 * 503 `pdf_unavailable` when the server has no Chromium (the message says how to install one; the tab
 *     offers the browser's print dialog instead), `server_busy` (Retry-After) when too many wait.
 *
 * Chromium runs as its own process, so the server's event loop only waits on it.
 */
import { z } from 'zod';
import { requireActor } from '@/lib/server/auth/access';
import { errorResponse, withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { contentDisposition } from '@/lib/formats/files';
import { PDF_MAX_HTML_CHARS, PdfBudgetError, PdfBusyError, PdfUnavailableError, printHtmlToPdf } from '@/lib/server/pdf/print-pdf';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const bodySchema = z
  .object({
    html: z.string().min(1, 'the HTML to print is empty').max(PDF_MAX_HTML_CHARS, `at most ${PDF_MAX_HTML_CHARS} characters`),
    fileName: z
      .string()
      .max(120)
      .regex(/^[\w .()-]+\.pdf$/, 'a plain file name ending in .pdf')
      .optional(),
  })
  .strict();

export const POST = withErrors(async (request: Request): Promise<Response> => {
  await requireActor(request); // signed in, solo, or a share link's visitor (team mode)
  const body = await readJsonBody(request, bodySchema, { maxBytes: PDF_MAX_HTML_CHARS + 64 * 1024 });
  let pdf: Uint8Array;
  try {
    pdf = await printHtmlToPdf(body.html);
  } catch (err) {
    if (err instanceof PdfUnavailableError) return errorResponse(503, err.code, err.message, { fallback: 'print' });
    if (err instanceof PdfBusyError) return errorResponse(503, err.code, err.message, undefined, { 'retry-after': '5' });
    if (err instanceof PdfBudgetError) return errorResponse(422, err.code, err.message);
    throw err;
  }
  return new Response(pdf as BodyInit, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': contentDisposition(body.fileName ?? 'DATABASE_DESIGN.pdf'),
      'content-length': String(pdf.byteLength),
      'cache-control': 'no-store',
    },
  });
});
