/**
 * GET /api/projects/:id/export?format=markdown|postgres|mysql|mermaid|prisma|dbml|json
 *     [&dialect=postgres|mysql][&version=VID][&comments=1]
 *
 * 200 the file, with its Content-Type and `Content-Disposition: attachment` (DATABASE_DESIGN.md,
 *     NAME.postgres.sql, NAME.mysql.sql, NAME.mmd, schema.prisma, NAME.dbml, NAME.draftbase.json).
 *     The generator's diagnostics are listed in a comment at the top of the file (what it leaves out
 *     or changes) and counted in the `X-Draftbase-Diagnostics` header; `X-Draftbase-Errors` counts the
 *     errors and `X-Draftbase-Commented-Out` the statements written commented out (the target would
 *     reject them; the file is served all the same, as POST /api/render answers).
 * 400 `{ error }` for a missing/unknown format, an unknown dialect, or a dialect with a DDL format
 *     that names the other dialect.
 * 401 signed out; 404 `{ error }` for an unknown project or version, or one the requester has no role on (view).
 * 422 `invalid_stored_document` for a stored document over a document limit;
 *     `budget_exceeded` / `too_large` over the time or memory budget. 503 `server_busy`.
 * The Markdown (and its HTML, format=html) is byte-for-byte what `npm run draftbase -- export <file> --to markdown --title NAME --date
 * YYYY-MM-DD [--version-name V]` writes (the route passes the project's name, the version and today).
 * With `--since PREVIOUS.json --since-name NAME` the CLI writes the Migration Strategy this route writes
 * from the newest named version older than the exported state.
 * comments=1 (markdown and html only) appends the project's review threads as a "Review comments"
 * section (lib/comments/markdown.ts); without it no comment is ever exported.
 * Reading the project is done here; generating runs in the compute pool (lib/server/compute).
 */
import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { errorResponse, withErrors } from '@/lib/server/http/error-response';
import { notFound, requireRouteId } from '@/lib/server/projects/api';
import { getProject, getVersion, listVersions } from '@/lib/server/projects/repository';
import { runCompute } from '@/lib/server/compute/pool';
import { formatIds, outputFormat } from '@/lib/formats/registry';
import { dialectSchema } from '@/lib/model/document';
import { listThreads } from '@/lib/server/comments/repository';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrors(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = requireRouteId((await params).id, 'project');
  await requireProjectAccess(req, id, 'view');
  const query = new URL(req.url).searchParams;
  const format = query.get('format');
  if (!format) return errorResponse(400, 'invalid_query', `format is required: one of ${formatIds.join(', ')}`);
  const chosen = outputFormat(format);
  if (!chosen) return errorResponse(400, 'invalid_query', `format must be one of ${formatIds.join(', ')}, got ${JSON.stringify(format)}`);
  const dialectParam = query.get('dialect');
  let dialect;
  if (dialectParam !== null) {
    const parsed = dialectSchema.safeParse(dialectParam);
    if (!parsed.success) return errorResponse(400, 'invalid_query', `dialect must be postgres or mysql, got ${JSON.stringify(dialectParam)}`);
    dialect = parsed.data;
    if (chosen.fixedDialect && dialect !== chosen.fixedDialect) {
      return errorResponse(400, 'invalid_query', `format=${format} is ${format} DDL; dialect=${dialect} contradicts it`);
    }
  }

  // Review comments: only when asked, and only the design document carries them.
  const commentsParam = query.get('comments');
  if (commentsParam !== null && !['0', '1', 'true', 'false'].includes(commentsParam)) return errorResponse(400, 'invalid_query', `comments must be 1 or 0, got ${JSON.stringify(commentsParam)}`);
  const withComments = commentsParam === '1' || commentsParam === 'true';
  if (withComments && format !== 'markdown' && format !== 'html') return errorResponse(400, 'invalid_query', `comments=1 applies to the design document (format=markdown or html), not format=${format}`);

  const db = (await getDatabase()).tables;
  const project = await getProject(db, id);
  if (!project) throw notFound('project', id);
  const versionId = query.get('version');
  let documentJson = project.documentJson;
  let baseName = project.name;
  let versionName: string | undefined;
  // The state exported: the project's current version, or the one the named version was taken at.
  let exportedAt = project.version;
  if (versionId) {
    const version = await getVersion(db, id, versionId);
    if (!version) throw notFound('version', versionId);
    documentJson = version.documentJson;
    baseName = `${project.name}-${version.name}`;
    versionName = version.name;
    exportedAt = version.projectVersion;
  }
  // The design document's Migration Strategy shows the migration from the newest named version
  // taken before the exported state (versions are listed newest first).
  let previousVersion: { name: string; documentJson: string } | undefined;
  if (format === 'markdown') {
    const older = (await listVersions(db, id))?.find((v) => v.id !== versionId && v.projectVersion < exportedAt);
    const stored = older ? await getVersion(db, id, older.id) : null;
    if (stored) previousVersion = { name: stored.name, documentJson: stored.documentJson };
  }
  // The design document's front matter: the project's name, the version, the day it was exported.
  const options = format === 'markdown' || format === 'html' ? { title: project.name, ...(versionName ? { versionName } : {}), date: new Date().toISOString().slice(0, 10) } : undefined;
  const comments = withComments ? await listThreads((await getDatabase()).prisma, id) : undefined;
  return runCompute({ kind: 'export', documentJson, format, dialect, baseName, options, ...(previousVersion ? { previousVersion } : {}), ...(comments ? { comments } : {}) }, `the ${format} export`);
});
