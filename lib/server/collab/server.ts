/**
 * The live co-editing sync server (issue 19): Hocuspocus 3 over the app database.
 * (Body being completed; the signature is the contract other helpers build on.)
 */
import 'server-only';
import type { Hocuspocus } from '@hocuspocus/server';

export interface CollabServerOptions {
  port: number;
  /** The address to bind (default 127.0.0.1). */
  address?: string;
  /** redis://host:port: share live sessions with the other sync servers on this Redis. */
  redisUrl?: string;
  /** Ticket signing key (ticket.ts collabSecret()). */
  secret: string;
  quiet?: boolean;
  /** Debounce of the state store and canonical write-back (default 1000 ms). */
  storeDebounceMs?: number;
  /** Longest a burst of edits may postpone a store (default 4000 ms). */
  storeMaxDebounceMs?: number;
  /** Origins allowed besides DRAFTBASE_ORIGIN / DRAFTBASE_URL and, in solo mode, loopback hosts. */
  allowedOrigins?: readonly string[];
}

export interface CollabServer {
  /** The port actually bound (opts.port 0 picks a free one). */
  port: number;
  hocuspocus: Hocuspocus;
  /** Stores every loaded document (state and write-back), closes connections and the port. */
  stop(): Promise<void>;
}

export async function startCollabServer(opts: CollabServerOptions): Promise<CollabServer> {
  void opts;
  throw new Error('not implemented yet');
}
