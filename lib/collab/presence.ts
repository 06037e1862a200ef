/**
 * Presence (issue 19): what each person in a live session shows the others, carried by y-protocols'
 * awareness (not stored, not part of the document). Another client's awareness state is untrusted
 * input: read it only through parsePresence, which caps every string and drops what does not fit.
 */
import { z } from 'zod';
import { CollabUserSchema } from '../api/collab';

export const PresenceSelectionSchema = z.object({
  kind: z.enum(['none', 'tables', 'column', 'relationship', 'index', 'note', 'area']),
  /** The selected elements' ids (a column or index: its table id first, then its own id). */
  ids: z.array(z.string().max(128)).max(200),
});

export const PresenceSchema = z.object({
  user: CollabUserSchema,
  /** The pointer on the canvas in flow coordinates (so every zoom and pan shows it in place); null off-canvas. */
  cursor: z.object({ x: z.number().finite(), y: z.number().finite() }).nullable().optional(),
  selection: PresenceSelectionSchema.optional(),
  /** The design-document narrative section this person is typing in (its key), or null. */
  typing: z.string().max(64).nullable().optional(),
});
export type Presence = z.infer<typeof PresenceSchema>;

export function parsePresence(value: unknown): Presence | undefined {
  const parsed = PresenceSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Twelve colours readable on the light and dark canvas, picked by a stable hash of the user id. */
const PALETTE = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#9333ea'] as const;

export function colorFor(userId: string): string {
  let h = 2166136261;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 16777619);
  return PALETTE[(h >>> 0) % PALETTE.length];
}
