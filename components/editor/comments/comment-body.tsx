'use client';
/**
 * A comment's text as the page shows it: plain text with its line breaks (CSS pre-wrap), members'
 * mentions highlighted, http(s) URLs as links that open in a new tab without the opener or a
 * referrer. Every segment is a text node React escapes: no HTML from a body ever reaches the page.
 */
import { bodySegments } from '@/lib/comments/body-segments';
import type { CommentInfo } from '@/lib/comments/types';

export function CommentBody({ comment }: { comment: Pick<CommentInfo, 'body' | 'mentions'> }) {
  const segments = bodySegments(comment.body, comment.mentions);
  return (
    <p className="whitespace-pre-wrap break-words text-xs leading-relaxed" data-testid="comment-body">
      {segments.map((s, i) =>
        s.kind === 'text' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'mention' ? (
          <span key={i} className="rounded bg-blue-100 px-0.5 font-medium text-blue-800 dark:bg-blue-900/60 dark:text-blue-200" title={s.name} data-testid="comment-mention">
            {s.text}
          </span>
        ) : (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-700 underline dark:text-blue-400" data-testid="comment-link">
            {s.text}
          </a>
        ),
      )}
    </p>
  );
}
