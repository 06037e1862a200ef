/**
 * The document's primitive schemas: ids, names, comments and SQL fragments (with their size limits),
 * and the dialects. Shared by the document's parts (document-columns.ts, document-keys.ts, document.ts).
 */
import { z } from 'zod';
import { DOCUMENT_LIMITS as L } from './limits';

export const idSchema = z.string().min(1).max(64);
export type Id = z.infer<typeof idSchema>;

/** A name as the user typed it: any characters but NUL, never empty. */
export const nameSchema = z.string().min(1).max(L.nameLength).refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
export const commentSchema = z.string().max(L.commentLength);
/** An SQL fragment (expression, predicate, view body) in the dialect it was written for. */
export const sqlSchema = z.string().min(1).max(L.expressionLength);

export const dialectSchema = z.enum(['postgres', 'mysql', 'sqlite']);
export type Dialect = z.infer<typeof dialectSchema>;
