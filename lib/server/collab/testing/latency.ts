/**
 * Edit -> seen latency between clients of one process: for each edit and each OTHER client, the time
 * from the sender's dispatch to the moment the receiver's replica emitted the change holding it
 * (CollabReplica.onChange, after the remote update went through observeRemote and the repair check).
 *
 * An edit is "held" by a receiver when the receiver's Y.Doc has the sender's clock up to the edit's end
 * (Y.getState counts integrated structs only, not ones Yjs keeps pending), so no document scan is
 * needed per change: each receiver keeps a cursor into each sender's edit list.
 */
import 'server-only';
import * as Y from 'yjs';
import type { CollabTestClient } from './client';

export interface LatencySummary {
  samples: number;
  /** (edit, receiver) pairs never seen by the end. */
  unseen: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export class LatencyRecorder {
  readonly samples: number[] = [];
  private readonly clients: CollabTestClient[] = [];
  /** cursors.get(receiver).get(sender) = index of the sender's first edit the receiver has not seen. */
  private readonly cursors = new Map<CollabTestClient, Map<CollabTestClient, number>>();
  private readonly stops: Array<() => void> = [];

  /** Starts watching `client` as a receiver of every other watched client's edits (and as a sender). */
  watch(client: CollabTestClient): void {
    this.clients.push(client);
    const cursors = new Map<CollabTestClient, number>();
    this.cursors.set(client, cursors);
    for (const other of this.clients) {
      if (other === client) continue;
      cursors.set(other, other.edits.length);
      this.cursors.get(other)!.set(client, client.edits.length);
    }
    this.stops.push(client.replica.onChange(({ remote }) => {
      if (remote) this.check(client, performance.now());
    }));
  }

  private check(receiver: CollabTestClient, now: number): void {
    const cursors = this.cursors.get(receiver)!;
    for (const [sender, from] of cursors) {
      const edits = sender.edits;
      if (from >= edits.length) continue;
      const clock = Y.getState(receiver.ydoc.store, sender.ydoc.clientID);
      let i = from;
      while (i < edits.length && edits[i].clockAfter <= clock) {
        if (edits[i].clockAfter > edits[i].clockBefore) this.samples.push(now - edits[i].sentAt);
        i++;
      }
      cursors.set(sender, i);
    }
  }

  summary(): LatencySummary {
    let unseen = 0;
    for (const [receiver, cursors] of this.cursors) {
      for (const [sender, from] of cursors) {
        const clock = Y.getState(receiver.ydoc.store, sender.ydoc.clientID);
        unseen += sender.edits.slice(from).filter((e) => e.clockAfter > e.clockBefore && e.clockAfter > clock).length;
      }
    }
    const s = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
    return { samples: s.length, unseen, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.length ? s[s.length - 1] : NaN };
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops.length = 0;
  }
}
