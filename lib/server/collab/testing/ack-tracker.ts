/**
 * Which of a client's own Yjs updates the sync server has acknowledged, read off the wire.
 *
 * Why not the provider's `unsyncedChanges`: on a reconnect HocuspocusProvider resets that counter to 1
 * (for its SyncStep1) while the messages queued during the outage are flushed uncounted, so the ack of
 * the first queued update brings it to 0 before the SyncStep2 that carries the edits lost with the old
 * socket was stored. A test that trusts it could call an edit acknowledged that the server never had.
 *
 * Here every WebSocket the provider opens is a `TrackedWebSocket`: it records each outgoing sync message
 * the server acknowledges (SyncStep2 and Update, answered by one SyncStatus each) with the range of this
 * client's Yjs clock it carries, and counts the SyncStatus answers. When the answers on a socket equal
 * the messages sent on it, all of them were handled (Hocuspocus handles a connection's messages
 * concurrently, so the k-th answer need not be the k-th message's: only "all answered" is sound).
 * A SyncStep2 carries everything the server lacked, so its ack covers the clock from 0.
 */
import 'server-only';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** Hocuspocus's outer message types (@hocuspocus/common MessageType) and y-protocols' sync types. */
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_STATUS = 8;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

interface Sent {
  /** This client's clock range the message carries: [from, to). */
  from: number;
  to: number;
}

/**
 * The acknowledged prefix of one Y.Doc's own clock (its clientID). `ackedClock` only grows; every
 * struct this client made below it is in the server's (durable, if the server stores before it acks)
 * state.
 */
export class AckTracker {
  ackedClock = 0;
  /** Acked ranges not yet joined to the prefix (an Update acked while an earlier one is still out). */
  private ranges: Sent[] = [];
  private readonly listeners = new Set<(clock: number) => void>();
  /** Ack answers that said "not applied" (a read-only connection). */
  refused = 0;

  constructor(readonly ydoc: Y.Doc) {}

  /** The clock range of this client's structs in an update (v1), or undefined when it has none. */
  rangeOf(update: Uint8Array): Sent | undefined {
    const me = this.ydoc.clientID;
    let from = Infinity;
    let to = -Infinity;
    for (const s of Y.decodeUpdate(update).structs) {
      if (s.id.client !== me) continue;
      from = Math.min(from, s.id.clock);
      to = Math.max(to, s.id.clock + s.length);
    }
    return to > from ? { from, to } : undefined;
  }

  acknowledge(sent: readonly Sent[]): void {
    this.ranges.push(...sent);
    this.ranges.sort((a, b) => a.from - b.from);
    let moved = false;
    while (this.ranges.length && this.ranges[0].from <= this.ackedClock) {
      const r = this.ranges.shift()!;
      if (r.to > this.ackedClock) {
        this.ackedClock = r.to;
        moved = true;
      }
    }
    if (moved) for (const l of this.listeners) l(this.ackedClock);
  }

  onAdvance(listener: (clock: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A WebSocket class for `WebSocketPolyfill` whose sockets report to this tracker. */
  socketClass(): new (address: string | URL, protocols?: string | string[]) => WebSocket {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const tracker = this;
    return class TrackedWebSocket extends WebSocket {
      private outstanding: Sent[] = [];
      private sentCount = 0;
      private answered = 0;
      /** A "not applied" answer: what this socket carried is not known to be stored. */
      private poisoned = false;

      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        this.on('message', (data: WebSocket.RawData) => this.received(toBytes(data)));
      }

      override send(data: unknown, ...rest: unknown[]): void {
        const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : undefined;
        if (bytes) this.sending(bytes);
        (super.send as (...args: unknown[]) => void)(data, ...rest);
      }

      private sending(bytes: Uint8Array): void {
        const d = new WireReader(bytes);
        d.varString();
        if (d.varUint() !== MESSAGE_SYNC) return;
        const syncType = d.varUint();
        if (syncType !== SYNC_STEP2 && syncType !== SYNC_UPDATE) return;
        const update = d.varBytes();
        const range = tracker.rangeOf(update);
        const clockNow = Y.getState(tracker.ydoc.store, tracker.ydoc.clientID);
        // A SyncStep2 carries all the server lacked: the server held everything below its first struct
        // of ours (or, with none of ours in it, everything we had when it was written).
        if (syncType === SYNC_STEP2) this.outstanding.push({ from: 0, to: range ? range.to : clockNow });
        else if (range) this.outstanding.push(range);
        this.sentCount++;
      }

      private received(bytes: Uint8Array): void {
        const d = new WireReader(bytes);
        d.varString();
        if (d.varUint() !== MESSAGE_SYNC_STATUS) return;
        const applied = d.varUint() === 1;
        if (!applied) {
          tracker.refused++;
          this.poisoned = true;
        }
        this.answered++;
        if (this.answered === this.sentCount && !this.poisoned) {
          const done = this.outstanding;
          this.outstanding = [];
          tracker.acknowledge(done);
        }
      }
    };
  }
}

/**
 * The few lib0 encodings the message heads use (lib0 is Yjs's own dependency, not ours to import):
 * unsigned varints (7 bits a byte, least significant first), and strings / byte arrays as a varint
 * length then the bytes.
 */
export class WireReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let n = 0;
    let mult = 1;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new RangeError('message ends inside a varint');
      const b = this.bytes[this.pos++];
      n += (b & 0x7f) * mult;
      if (b < 0x80) return n;
      mult *= 128;
    }
  }

  varBytes(): Uint8Array {
    const len = this.varUint();
    if (this.pos + len > this.bytes.length) throw new RangeError('message ends inside a byte array');
    const out = this.bytes.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  varString(): string {
    return new TextDecoder().decode(this.varBytes());
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
