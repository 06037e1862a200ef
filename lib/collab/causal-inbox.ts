/**
 * Applies received Yjs updates in causal order. Yjs accepts updates in any order, but an update that
 * arrives before one it follows is either half applied (its deletions of items this replica knows take
 * effect at once while its new items wait for the gap to fill: a column whose type someone replaced
 * reads as a column without a type) or applied whole on a state its author never saw (an index on a
 * column whose creation has not arrived yet), which the merge repair would then "fix" by removing the
 * index: an edit lost to delivery order. The inbox holds an update back until this replica has every
 * earlier update of its author (Yjs clocks) and, when the message says so, everything its author had
 * seen (`deps`, the author's state vector when it sent the update).
 *
 * The sync server gives causal order by itself (it relays updates in the order it applied them, and
 * a client's update follows everything the server had sent that client; several servers share one
 * ordered Redis channel per document), so `deps` matters for paths that bypass it: peer to peer,
 * offline buffers replayed from another device.
 */
import * as Y from 'yjs';

interface Waiting {
  update: Uint8Array;
  /** The first clock of each client the update carries structs of. */
  from: Map<number, number>;
  /** What its author had seen (clients the update carries structs of are checked by `from`). */
  deps: Map<number, number>;
}

export class CausalInbox {
  private waiting: Waiting[] = [];

  constructor(private readonly ydoc: Y.Doc, private readonly origin: unknown) {}

  /**
   * Takes an update (with its author's encoded state vector when the transport carries it); applies it
   * and every held update it unblocks. Returns how many were applied.
   */
  receive(update: Uint8Array, deps?: Uint8Array): number {
    const from = Y.parseUpdateMeta(update).from;
    const seen = deps ? Y.decodeStateVector(deps) : new Map<number, number>();
    for (const client of from.keys()) seen.delete(client);
    this.waiting.push({ update, from, deps: seen });
    let applied = 0;
    for (let progress = true; progress; ) {
      progress = false;
      const known = Y.decodeStateVector(Y.encodeStateVector(this.ydoc));
      const has = (client: number, clock: number) => clock <= (known.get(client) ?? 0);
      const i = this.waiting.findIndex((w) => [...w.from].every(([c, clock]) => has(c, clock)) && [...w.deps].every(([c, clock]) => has(c, clock)));
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
