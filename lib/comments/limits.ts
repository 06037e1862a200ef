/**
 * What one comment may hold, as zod schemas the route bodies and the editor's form share. A body is
 * plain text (line breaks kept); it is never interpreted as Markdown or HTML anywhere it is shown.
 */
import { z } from 'zod';

export const COMMENT_LIMITS = {
  /** Characters of one comment's body. */
  bodyLength: 10_000,
  /** Characters of the name a share-link commenter types. */
  authorNameLength: 80,
  /** Characters of an anchor's stored label (the element's name when the comment was written). */
  labelLength: 300,
  /** Comments in one project (threads' first comments and replies together): bounds the list answer. */
  commentsPerProject: 5_000,
} as const;

/** A comment's text: not blank, at most 10,000 characters; kept as written (no trimming inside). */
export const commentBodySchema = z
  .string()
  .max(COMMENT_LIMITS.bodyLength, `must be at most ${COMMENT_LIMITS.bodyLength.toLocaleString('en-US')} characters`)
  .refine((s) => s.trim() !== '', 'must not be empty')
  .transform((s) => s.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, ''));

/** A share-link commenter's name: trimmed, 1-80 characters, one line. */
export const authorNameSchema = z
  .string()
  .transform((s) => s.replace(/[\r\n\u2028\u2029\t]+/g, ' ').trim())
  .pipe(z.string().min(1, 'must not be empty').max(COMMENT_LIMITS.authorNameLength, `must be at most ${COMMENT_LIMITS.authorNameLength} characters`));
