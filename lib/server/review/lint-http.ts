/**
 * POST /api/lint's shapes: the request (a document, or a schema source as POST /api/import takes it,
 * with an optional dialect and review configuration) and the answer (the LintResult plus the catalog
 * entries of the rules it names; findings in a source carry their `location` in it).
 */
import 'server-only';
import { z } from 'zod';
import { dialectSchema, type SchemaDocument } from '../../model/document';
import { sequentialIds } from '../../model/ids';
import { reviewConfigSchema, type ReviewConfig } from '../../model/review-config';
import type { ImportResult, SourceFile } from '../../importers/types';
import { lintDocument } from '../../review/lint';
import { catalogFor } from '../../review/report/catalog';
import { jsonReport } from '../../review/report/json';
import { mergeReviewConfig } from '../../review/report/merge-config';
import { elementPositions, positionsLocator } from '../../review/report/source-locations';
import { importRequestSchema } from '../importers/import-http';

// One object rather than a union: zod names the failing field of one object, not "invalid input".
export const lintRequestSchema = z
  .strictObject({
    document: z.unknown().optional(),
    source: importRequestSchema.shape.source.optional(),
    format: importRequestSchema.shape.format,
    dialect: dialectSchema.optional(),
    config: reviewConfigSchema.optional(),
  })
  .refine((b) => (b.document === undefined) !== (b.source === undefined), 'give either a document or a source (with its format)');
export type LintRequest = z.infer<typeof lintRequestSchema>;

interface LintOptions {
  dialect?: SchemaDocument['settings']['dialect'];
  config?: ReviewConfig;
}

/** The review of a document: the LintResult and the rules it names. */
export function lintDocumentBody(doc: SchemaDocument, options: LintOptions) {
  const result = lintDocument(doc, { dialect: options.dialect, config: mergeReviewConfig(doc.review, options.config), ids: sequentialIds() });
  return { ...result, rules: catalogFor(result) };
}

/** The review of an imported source: as lintDocumentBody, each finding with its place in the source files. */
export function lintSourceBody(imported: ImportResult, files: readonly SourceFile[], options: LintOptions) {
  const doc = imported.document;
  const result = lintDocument(doc, { dialect: options.dialect, config: mergeReviewConfig(doc.review, options.config), ids: sequentialIds() });
  const locate = positionsLocator(doc, elementPositions(doc, files, imported.report.format), files[0]?.name ?? 'schema');
  return jsonReport(result, locate);
}
