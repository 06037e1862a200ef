/**
 * A live co-editing client in Node, as the browser runs it but without a page: HocuspocusProvider on a
 * Y.Doc over `ws`, and once the first sync is done a CollabReplica (lib/collab/replica.ts) that edits
 * through the same commands as the editor.
 *
 * Every edit is recorded with the range of this client's Yjs clock it produced, so a test can say
 * exactly which edits the server acknowledged (ack-tracker.ts, read off the wire) and when another
 * client saw each one (latency.ts).
 */
import 'server-only';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Command } from '../../../model/commands/apply';
import { CollabReplica } from '../../../collab/replica';
import { AckTracker } from './ack-tracker';

export interface EditRecord {
  client: string;
  /** 0, 1, 2... in this client's dispatch order. */
  seq: number;
  command: Command;
  /** This client's Yjs clock before and after the edit: the edit is the structs [clockBefore, clockAfter). */
  clockBefore: number;
  clockAfter: number;
  /** performance.now() at dispatch. */
  sentAt: number;
  /** performance.now() when the server's acknowledgement covered it, or undefined. */
  ackedAt?: number;
}

export interface ClientOptions {
  /** ws://127.0.0.1:<port> */
  url: string;
  documentName: string;
  /** A fresh ticket per (re)connect, as the browser asks the app for one. */
  ticket: () => string | Promise<string>;
  /** Names the client in records and is the replica's undo origin. */
  name: string;
  /** Reconnect delay bounds in ms (default 100..1000: tests kill servers and want clients back fast). */
  minDelay?: number;
  maxDelay?: number;
}

export class CollabTestClient {
  readonly ydoc = new Y.Doc();
  readonly acks = new AckTracker(this.ydoc);
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  readonly edits: EditRecord[] = [];
  /** Messages of authentication failures (a refused ticket), for assertions. */
  readonly authFailures: string[] = [];
  private replicaValue: CollabReplica | undefined;
  private ackIndex = 0;

  private constructor(readonly options: ClientOptions) {
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: this.acks.socketClass(),
      delay: options.minDelay ?? 100,
      minDelay: options.minDelay ?? 100,
      maxDelay: options.maxDelay ?? 1000,
      factor: 1.5,
      // The default 30 s silence check would close a quiet idle socket in long runs; awareness is on.
      messageReconnectTimeout: 30_000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: options.documentName,
      document: this.ydoc,
      token: async () => options.ticket(),
      onAuthenticationFailed: ({ reason }) => this.authFailures.push(reason),
    });
    this.provider.attach();
    this.acks.onAdvance((clock) => {
      const now = performance.now();
      while (this.ackIndex < this.edits.length && this.edits[this.ackIndex].clockAfter <= clock) {
        this.edits[this.ackIndex].ackedAt ??= now;
        this.ackIndex++;
      }
    });
  }

  /** Connects and resolves once the first sync is done and the replica is built on the server's state. */
  static async connect(options: ClientOptions, timeoutMs = 15_000): Promise<CollabTestClient> {
    const client = new CollabTestClient(options);
    await client.whenSynced(timeoutMs);
    client.replicaValue = new CollabReplica(client.ydoc, options.name);
    return client;
  }

  get name(): string {
    return this.options.name;
  }

  get replica(): CollabReplica {
    if (!this.replicaValue) throw new Error(`${this.name} is not synced yet`);
    return this.replicaValue;
  }

  get clock(): number {
    return Y.getState(this.ydoc.store, this.ydoc.clientID);
  }

  whenSynced(timeoutMs = 15_000): Promise<void> {
    if (this.provider.isSynced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no first sync within ${timeoutMs} ms (auth failures: ${this.authFailures.join('; ') || 'none'})`)), timeoutMs);
      this.provider.on('synced', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Applies a command through the replica (the provider sends the update at once). Edits that change
   * nothing in Yjs (or only delete) leave the clock where it was; they are recorded but count as
   * acknowledged with the next clock advance.
   */
  dispatch(command: Command): EditRecord {
    const clockBefore = this.clock;
    const sentAt = performance.now();
    this.replica.dispatch(command);
    const record: EditRecord = { client: this.name, seq: this.edits.length, command, clockBefore, clockAfter: this.clock, sentAt };
    this.edits.push(record);
    if (record.clockAfter <= this.acks.ackedClock && this.ackIndex === record.seq) {
      record.ackedAt = sentAt;
      this.ackIndex++;
    }
    return record;
  }

  acknowledged(): EditRecord[] {
    return this.edits.filter((e) => e.ackedAt !== undefined);
  }

  /** Resolves when every edit so far is acknowledged. */
  async waitAcknowledged(timeoutMs = 15_000): Promise<void> {
    const target = this.clock;
    if (this.acks.ackedClock >= target) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`${this.name}: clock ${target} not acknowledged within ${timeoutMs} ms (acked ${this.acks.ackedClock})`));
      }, timeoutMs);
      const stop = this.acks.onAdvance((clock) => {
        if (clock < target) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  }

  /** Resolves once `predicate(doc)` holds on this client's document (checked at each change). */
  waitFor(predicate: (doc: CollabReplica['doc']) => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
    if (predicate(this.replica.doc)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`${this.name}: ${what} not reached within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.replica.onChange(({ doc }) => {
        if (!predicate(doc)) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  }

  /** Drops the connection and stops reconnecting (the document and its unsent edits stay). */
  async disconnect(): Promise<void> {
    // The close is asynchronous; a connect() before it lands would return at once ("connected") and
    // leave the socket closed for good.
    const closed = this.socket.status === 'disconnected' ? Promise.resolve() : new Promise<void>((resolve) => {
      const done = () => {
        this.socket.off('disconnect', done);
        resolve();
      };
      this.socket.on('disconnect', done);
    });
    this.socket.disconnect();
    await closed;
  }

  async reconnect(): Promise<void> {
    await this.socket.connect();
  }

  destroy(): void {
    this.replicaValue?.destroy();
    this.provider.destroy();
    this.socket.destroy();
    this.ydoc.destroy();
  }
}
