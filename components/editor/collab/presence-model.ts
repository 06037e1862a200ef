/**
 * Presence in the editor (issue 19), without React: what this tab publishes in the awareness state
 * (lib/collab/presence.ts shape) and how the others' states are read. Another client's state is
 * untrusted: it is read only through parsePresence (capped strings, finite numbers), never spread.
 */
import { parsePresence, type Presence } from '@/lib/collab/presence';
import type { Selection } from '../store/editor-store';

export interface Peer extends Presence {
  /** The Yjs client id of that tab: one person with two tabs is two peers. */
  clientId: number;
}

/** At most this many others are shown (avatars, cursors, outlines); the count says how many there are. */
export const MAX_PEERS_SHOWN = 20;

/** The other tabs in the session, valid states only, in a stable order (name, then client id). */
export function peersFrom(states: ReadonlyMap<number, unknown>, self: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === self) continue;
    const p = parsePresence(state);
    if (p) peers.push({ ...p, clientId });
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** This tab's selection as presence (ids only; a column or index: its table id first). */
export function selectionPresence(selection: Selection): NonNullable<Presence['selection']> {
  switch (selection.kind) {
    case 'none':
      return { kind: 'none', ids: [] };
    case 'tables':
      return { kind: 'tables', ids: selection.tableIds.slice(0, 200) };
    case 'column':
      return { kind: 'column', ids: [selection.tableId, selection.columnId] };
    case 'index':
      return { kind: 'index', ids: [selection.tableId, selection.indexId] };
    case 'relationship':
      return { kind: 'relationship', ids: [selection.relationshipId] };
    case 'note':
      return { kind: 'note', ids: [selection.noteId] };
    case 'area':
      return { kind: 'area', ids: [selection.areaId] };
  }
}

/** The tables a peer has selected (a selected column or index outlines its table). */
export function peerTables(peer: Pick<Presence, 'selection'>): string[] {
  const s = peer.selection;
  if (!s) return [];
  if (s.kind === 'tables') return s.ids;
  if (s.kind === 'column' || s.kind === 'index') return s.ids.slice(0, 1);
  return [];
}

/** One or two letters for an avatar. */
export function initials(name: string): string {
  const words = name.trim().split(/[\s._@-]+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/**
 * Who last had each table selected: Yjs does not say who made a deletion, but whoever deletes a table
 * has it selected just before, so the notice "<name> deleted table X" names the last person seen
 * selecting it (or "Someone" when nobody was seen).
 */
export class SelectionMemory {
  private readonly last = new Map<string, string>();

  see(peers: readonly Peer[]): void {
    for (const p of peers) for (const id of peerTables(p)) this.last.set(id, p.user.name);
    // Bounded: a session that selected many tables over hours keeps the newest few thousand.
    if (this.last.size > 5000) for (const key of [...this.last.keys()].slice(0, this.last.size - 5000)) this.last.delete(key);
  }

  deleterOf(tableId: string): string | undefined {
    return this.last.get(tableId);
  }
}
