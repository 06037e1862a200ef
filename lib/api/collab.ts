/**
 * Live co-editing (issue 19): what the browser asks the app for before it joins a project's live
 * session, shared by the route handler and the editor.
 *
 *   GET /api/projects/:id/collab -> CollabJoin (view; the same gate as GET /api/projects/:id)
 *
 * The answer names the sync server's WebSocket URL (Hocuspocus, lib/server/collab) and a short-lived
 * signed ticket. The ticket, not a cookie, authenticates the WebSocket: the sync server may listen on
 * another port or host (behind a load balancer), and a page on another site can open a WebSocket to
 * it but cannot read this same-origin answer. The provider asks for a fresh ticket on every
 * (re)connect. The sync server checks the ticket's signature and expiry, then the project access
 * again against the database, and makes the connection read-only unless the role may edit.
 */
import { z } from 'zod';

/** The Hocuspocus document name of a project's live session. */
export function collabDocumentName(projectId: string): string {
  return `project/${projectId}`;
}

/** The project id named by a document name, or undefined when it is not one of ours. */
export function projectIdOfDocument(documentName: string): string | undefined {
  const m = /^project\/([A-Za-z0-9_-]{1,64})$/.exec(documentName);
  return m?.[1];
}

/** How long a ticket may be used to open a connection (it is not needed after that). */
export const COLLAB_TICKET_TTL_MS = 60_000;

export const CollabUserSchema = z.object({
  /** A user id; `local` in solo mode; `share:<link id>` for a share link. */
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(120),
  /** A CSS hex colour (#rrggbb), derived from the id (lib/collab/presence.ts colorFor). */
  color: z.string().regex(/^#[0-9a-f]{6}$/),
});
export type CollabUser = z.infer<typeof CollabUserSchema>;

export const CollabJoinSchema = z.discriminatedUnion('enabled', [
  z.object({
    enabled: z.literal(true),
    /** ws:// or wss:// URL of the sync server (DRAFTBASE_COLLAB_PUBLIC_URL, or this host and the collab port). */
    url: z.string().min(1),
    documentName: z.string().min(1),
    ticket: z.string().min(1),
    expiresAt: z.string(),
    user: CollabUserSchema,
    /** True for viewers, commenters and share links: the server drops anything they send. */
    readOnly: z.boolean(),
  }),
  z.object({
    enabled: z.literal(false),
    /** Why there is no live session (the sync server is off or not running); the editor saves over REST. */
    reason: z.string(),
  }),
]);
export type CollabJoin = z.infer<typeof CollabJoinSchema>;
