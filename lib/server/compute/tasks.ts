/**
 * The CPU-heavy work of the API, as functions from plain data to a Response: everything after the
 * request body (or the stored document) has been read. They run in the compute pool's worker threads
 * (compute.worker.ts), so parsing, validating and generating never block the server's event loop;
 * the route handlers only read bytes and hand them over.
 *
 * Every answer is a Response built with the API's usual helpers, so a task answers exactly what the
 * route answered when it did this work itself.
 */
import 'server-only';
import { z } from 'zod';
import { errorResponse, HttpError, withErrors } from '../http/error-response';
import { formatZodIssues, parseJsonText } from '../http/read-json-body';
import { importErrorResponse, importRequestSchema, importResultResponse } from '../importers/import-http';
import { contentDisposition, exportFile } from '../../formats/files';
import { formatIds } from '../../formats/registry';
import { RenderOptionsError } from '../../formats/options';
import { renderContextFor, renderFormat } from '../../formats/render';
import { errorsOf } from '../../exporters/export-notes';
import { limitIssues } from '../../model/limits';
import { dialectSchema, type Dialect, type SchemaDocument } from '../../model/document';
import type { RenderContext } from '../../formats/registry';
import type { CommentThreadInfo } from '../../comments/types';
import type { PreviousVersion } from '../../design-doc/migration-section';
import { loadDocument } from '../../model/migrate';
import { ImportError } from '../../importers/types';
import { lintDocumentBody, lintRequestSchema, lintSourceBody } from '../review/lint-http';

export type ComputeTask =
  /** POST /api/render: the raw request body. */
  | { kind: 'render'; body: string }
  /** POST /api/import: the raw request body. */
  | { kind: 'import'; body: string }
  /** POST /api/lint: the raw request body. */
  | { kind: 'lint'; body: string }
  /** POST /api/advise: the raw request body. */
  | { kind: 'advise'; body: string }
  /** GET /api/projects/:id/export: the stored document's JSON and the query's choices. */
  | { kind: 'export'; documentJson: string; format: string; dialect?: Dialect; baseName: string; options?: Record<string, unknown>; previousVersion?: { name: string; documentJson: string }; comments?: CommentThreadInfo[] };

/** A JSON body, size-capped already by the route: 400 `invalid_json` / `invalid_body` as readJsonBody. */
function parseBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(parseJsonText(text));
  if (!parsed.success) throw new HttpError(400, 'invalid_body', `Invalid request body: ${formatZodIssues(parsed.error.issues)}`);
  return parsed.data;
}

const renderBodySchema = z.object({
  document: z.unknown().refine((v) => v !== undefined, 'a schema document is required'),
  format: z.string().refine((f) => (formatIds as readonly string[]).includes(f), { message: `must be one of ${formatIds.join(', ')}` }),
  options: z.unknown().optional(),
});

/** The 400 of a document that fails validation (shape, limits or integrity), naming the first path. */
function invalidDocument(issues: ReadonlyArray<{ path: string; message: string }>): Response {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return errorResponse(400, 'invalid_document', `The document is invalid: document.${first.path}: ${first.message}${more}`, {
    issues: issues.map((i) => ({ path: `document.${i.path}`, message: i.message })),
  });
}

/** The `dialect` of a render's options, when it names one (the options are checked by the format). */
function dialectOption(options: unknown): Dialect | undefined {
  const d = options && typeof options === 'object' ? (options as { dialect?: unknown }).dialect : undefined;
  const parsed = dialectSchema.safeParse(d);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The render context of a format; the design document also gets the query-pattern verdicts when the
 * document declares patterns with SQL (the generator is pure: the advisor runs here, beforehand).
 */
async function contextFor(format: string, doc: SchemaDocument, dialect: Dialect | undefined): Promise<RenderContext> {
  const context = await renderContextFor(format);
  if ((format !== 'markdown' && format !== 'html') || !doc.design.queryPatterns.some((p) => p.sql?.trim())) return context;
  const { adviseDocument, MAX_ADVISE_PATTERNS } = await import('../advisor/advise-http');
  // As POST /api/advise: past the cap the document is exported without verdicts (within its budget).
  if (doc.design.queryPatterns.length > MAX_ADVISE_PATTERNS) return context;
  try {
    return { ...context, advice: await adviseDocument(doc, 5_000, dialect) };
  } catch (e) {
    // The document is still exported without verdicts; the server log says why.
    console.warn('[draftbase] query-pattern advice failed:', (e as Error).message);
    return context;
  }
}

async function render(bodyText: string): Promise<Response> {
  const body = parseBody(bodyText, renderBodySchema);
  const parsed = loadDocument(body.document);
  if (!parsed.ok) return invalidDocument(parsed.issues);

  let result;
  try {
    // Every expression and view body is parsed (expression.syntax / expression.unknown-column).
    result = renderFormat(parsed.document, body.format, body.options, await contextFor(body.format, parsed.document, dialectOption(body.options)));
  } catch (err) {
    if (err instanceof RenderOptionsError) return errorResponse(400, 'invalid_options', err.message, { path: err.path });
    throw err;
  }
  // Never refused: what the target would reject is in the text, commented out (commentedOut says how many).
  return Response.json({
    format: body.format,
    text: result.text,
    contentType: result.contentType,
    diagnostics: result.diagnostics,
    errors: errorsOf(result.diagnostics).length,
    commentedOut: result.commented?.length ?? 0,
    ...(result.diagrams ? { diagrams: result.diagrams } : {}),
  });
}

async function importTask(bodyText: string): Promise<Response> {
  const body = parseBody(bodyText, importRequestSchema);
  // Loaded on the first import: the parsers (Prisma's engine above all) take seconds to load.
  const { importSource } = await import('../importers/import-source');
  try {
    const result = await importSource(body.format, body.source);
    // The editor saves what it imports: say now, not at the first save, that it is over a limit.
    const over = limitIssues(result.document);
    if (over.length) throw new ImportError(`the imported schema is larger than Draftbase accepts: ${over[0].message}`);
    return importResultResponse(result);
  } catch (e) {
    return importErrorResponse(e);
  }
}

/** POST /api/lint: a document (400 when invalid) or a source (422 when it cannot be imported), reviewed. */
async function lintTask(bodyText: string): Promise<Response> {
  const body = parseBody(bodyText, lintRequestSchema);
  if (body.source === undefined) {
    const parsed = loadDocument(body.document);
    if (!parsed.ok) return invalidDocument(parsed.issues);
    return Response.json(lintDocumentBody(parsed.document, body));
  }
  const { importSource } = await import('../importers/import-source');
  const files = typeof body.source === 'string' ? [{ name: 'schema', content: body.source }] : body.source.files;
  try {
    const result = await importSource(body.format, body.source);
    const over = limitIssues(result.document);
    if (over.length) throw new ImportError(`the imported schema is larger than Draftbase accepts: ${over[0].message}`);
    return Response.json(lintSourceBody(result, files, body));
  } catch (e) {
    return importErrorResponse(e);
  }
}

/** POST /api/advise: the query-pattern verdicts of a document (400 when invalid or with too many patterns). */
async function adviseTask(bodyText: string): Promise<Response> {
  const { adviseRequestSchema, adviseDocument, MAX_ADVISE_PATTERNS } = await import('../advisor/advise-http');
  const body = parseBody(bodyText, adviseRequestSchema);
  const parsed = loadDocument(body.document);
  if (!parsed.ok) return invalidDocument(parsed.issues);
  const n = parsed.document.design.queryPatterns.length;
  if (n > MAX_ADVISE_PATTERNS) return errorResponse(400, 'too_many_patterns', `The document declares ${n} query patterns; the advisor plans at most ${MAX_ADVISE_PATTERNS} per request.`);
  return Response.json(await adviseDocument(parsed.document, body.budgetMs));
}

/**
 * The named version the design document's migration starts from, through the one gate. A stored
 * version that no longer loads is left out (the export goes on without the migration; the log says why).
 */
function previousVersionOf(stored: { name: string; documentJson: string } | undefined): PreviousVersion | undefined {
  if (!stored) return undefined;
  const parsed = loadDocument(JSON.parse(stored.documentJson));
  if (parsed.ok) return { name: stored.name, document: parsed.document };
  console.warn(`[draftbase] version "${stored.name}" cannot be loaded for the migration section: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
  return undefined;
}

async function exportTask(task: Extract<ComputeTask, { kind: 'export' }>): Promise<Response> {
  const parsed = loadDocument(JSON.parse(task.documentJson));
  if (!parsed.ok) {
    // Stored before a limit existed, or written around the API: the project must be fixed first.
    const first = parsed.issues[0];
    return errorResponse(422, 'invalid_stored_document', `The stored document cannot be exported: ${first.path}: ${first.message}`, { issues: parsed.issues });
  }
  // DDL: every expression and view body is parsed (expression.syntax / expression.unknown-column).
  const context = await contextFor(task.format, parsed.document, task.dialect);
  const previousVersion = task.format === 'markdown' || task.format === 'html' ? previousVersionOf(task.previousVersion) : undefined;
  const file = exportFile(parsed.document, task.format, { dialect: task.dialect, baseName: task.baseName, options: task.options, ...context, ...(previousVersion ? { previousVersion } : {}), ...(task.comments ? { comments: task.comments } : {}) });
  // As POST /api/render: never refused; the file says what is commented out, the headers count it.
  return new Response(file.text, {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': contentDisposition(file.fileName),
      'cache-control': 'no-store',
      'x-draftbase-diagnostics': String(file.diagnostics.length),
      'x-draftbase-errors': String(errorsOf(file.diagnostics).length),
      'x-draftbase-commented-out': String(file.commentedOut),
    },
  });
}

/** Runs one task; never throws (an unexpected error is the API's 500, as in a route handler). */
export const runTask = withErrors(async (task: ComputeTask): Promise<Response> => {
  switch (task.kind) {
    case 'render':
      return render(task.body);
    case 'import':
      return importTask(task.body);
    case 'lint':
      return lintTask(task.body);
    case 'advise':
      return adviseTask(task.body);
    case 'export':
      return exportTask(task);
    default: {
      const never: never = task;
      throw new Error(`unknown compute task ${JSON.stringify(never)}`);
    }
  }
});
