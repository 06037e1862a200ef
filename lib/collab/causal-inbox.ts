/**
 * Applies received Yjs updates in causal order per client. Yjs accepts updates in any order, but an
 * update that arrives before one it follows is only half applied: its deletions of items this replica
 * knows take effect at once while its new items wait for the gap to fill. A column's type replaced by
 * another person would read as a column without a type until then. The inbox holds such an update
 * back until every client's earlier updates are in, so readers only ever see whole transactions.
 *
 * A transport that delivers each peer's updates in order (a WebSocket to the sync server) never
 * holds anything here; offline buffers replayed later, or several paths to one peer, do.
 */
import * as Y from 'yjs';

interface Waiting {
  update: Uint8Array;
  /** The first clock of each client the update carries structs of. */
  from: Map<number, number>;
}

export class CausalInbox {
  private waiting: Waiting[] = [];

  constructor(private readonly ydoc: Y.Doc, private readonly origin: unknown) {}

  /** Takes an update; applies it and every held update it unblocks. Returns how many were applied. */
  receive(update: Uint8Array): number {
    this.waiting.push({ update, from: Y.parseUpdateMeta(update).from });
    let applied = 0;
    for (let progress = true; progress; ) {
      progress = false;
      const known = Y.decodeStateVector(Y.encodeStateVector(this.ydoc));
      const i = this.waiting.findIndex((w) => [...w.from].every(([client, clock]) => clock <= (known.get(client) ?? 0)));
      if (i < 0) break;
      const [ready] = this.waiting.splice(i, 1);
      Y.applyUpdate(this.ydoc, ready.update, this.origin);
      applied++;
      progress = true;
    }
    return applied;
  }

  /** Updates held back, waiting for an earlier one. */
  get held(): number {
    return this.waiting.length;
  }
}
