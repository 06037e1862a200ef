/**
 * The review comments' shapes as the API answers them (GET/POST /api/projects/:id/comments...), shared
 * by the route handlers and the editor.
 */
import type { CommentAnchor } from './anchor';

export type { CommentAnchor } from './anchor';

/** solo: the local user; user: a signed-in member; share: someone with a comment link (a guest, name as typed). */
export type CommentAuthorKind = 'solo' | 'user' | 'share';

export interface CommentMention {
  userId: string;
  /** The member's current name (or the handle typed when they are no longer a user). */
  name: string;
  /** What followed the `@` in the body. */
  handle: string;
}

export interface CommentInfo {
  id: string;
  authorId: string | null;
  authorName: string;
  authorKind: CommentAuthorKind;
  /** Plain text with line breaks; shown as text, never as Markdown or HTML. */
  body: string;
  mentions: CommentMention[];
  createdAt: string;
  editedAt: string | null;
}

export interface CommentThreadInfo {
  id: string;
  anchor: CommentAnchor;
  createdAt: string;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedByName: string | null;
  /** The first comment opens the thread; replies follow, oldest first. */
  comments: CommentInfo[];
}
