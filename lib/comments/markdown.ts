/**
 * The "Review comments" section that GET /api/projects/:id/export?comments=1 appends to
 * DATABASE_DESIGN.md (and its HTML): open threads first, then resolved ones, each under its element's
 * label, every comment with its author and time. Every value is user text and is escaped
 * (lib/markdown/escape.ts): a body renders as exactly its text, never as Markdown or HTML.
 */
import { escapeInline, escapeText, heading } from '../markdown/escape';
import type { SchemaDocument } from '../model/document';
import { ANCHOR_KIND_LABELS, anchorLabel, isOrphaned } from './anchor';
import type { CommentInfo, CommentThreadInfo } from './types';

export const COMMENTS_HEADING = 'Review comments';

/** "2026-12-04 10:30 UTC": the same for every reader of the file. */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function author(c: CommentInfo): string {
  return c.authorKind === 'share' ? `${c.authorName} (guest)` : c.authorName;
}

function threadMarkdown(t: CommentThreadInfo, doc: SchemaDocument): string {
  const orphaned = isOrphaned(t.anchor, doc);
  const state = t.resolved ? `resolved${t.resolvedByName ? ` by ${t.resolvedByName}` : ''}${t.resolvedAt ? ` on ${t.resolvedAt.slice(0, 10)}` : ''}` : 'open';
  const title = `${ANCHOR_KIND_LABELS[t.anchor.kind]} ${anchorLabel(t.anchor, doc)}`;
  const out = [heading(3, title), `_${escapeInline(`${state}${orphaned ? '; the element was removed from the design' : ''}`)}_`];
  for (const c of t.comments) {
    out.push(`**${escapeInline(author(c))}** · ${escapeInline(when(c.createdAt))}`);
    out.push(escapeText(c.body));
  }
  return out.join('\n\n');
}

/** The section (a level-2 heading and its threads), or a sentence saying there are none. */
export function commentsMarkdown(threads: readonly CommentThreadInfo[], doc: SchemaDocument): string {
  const open = threads.filter((t) => !t.resolved);
  const resolved = threads.filter((t) => t.resolved);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const parts = [heading(2, COMMENTS_HEADING)];
  if (!threads.length) {
    parts.push('No review comments.');
    return `${parts.join('\n\n')}\n`;
  }
  parts.push(`${count(open.length, 'open thread')}, ${count(resolved.length, 'resolved thread')}.`);
  for (const t of [...open, ...resolved]) parts.push(threadMarkdown(t, doc));
  return `${parts.join('\n\n')}\n`;
}
