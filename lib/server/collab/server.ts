/**
 * The live co-editing sync server (issue 19): Hocuspocus 3 over the app database.
 *
 *   const collab = await startCollabServer({ port: 3001, secret: collabSecret() });
 *   ...
 *   await collab.stop();   // stores every loaded document first
 *
 * Who may join (onUpgrade, onConnect, onAuthenticate): a WebSocket whose Origin is not the app's is
 * refused (a hostile page can open a WebSocket to any port; it must not join); the ticket
 * (ticket.ts) must be valid, unexpired and for this document's project; then access is checked AGAIN
 * in the database (access.ts: the membership is still there with its CURRENT role, the share link is
 * neither revoked nor expired, solo tickets only while the server is in solo mode). Anyone who may
 * not edit gets a read-only connection: Hocuspocus drops the updates they send. Every 30 s the
 * connections are checked again: a removed member or a revoked link is disconnected, a demoted
 * member made read-only.
 *
 * Presence (awareness) must name the connection's own person (presence-guard.ts); a connection that
 * claims to be someone else is closed.
 *
 * Durability: Hocuspocus acknowledges an update right after applying it in memory, but awaits
 * beforeHandleMessage first; there the update is validated and appended to the log
 * (persistence.ts) before it is applied, one message at a time per connection so the log and the
 * relay keep the order the client sent. Stores (debounced, and on the last disconnect, and on
 * stop()) fold the log into the state and write the canonical document back.
 *
 * Several servers: with `redisUrl`, @hocuspocus/extension-redis relays updates and awareness. Its
 * store lock is not used: each server stores the edits its own clients made (a skipped store would
 * leave them out of the canonical document until the next edit), and two stores at once are safe
 * (compare-and-set on the state's revision, optimistic version on the project).
 */
import 'server-only';
import { Redis } from '@hocuspocus/extension-redis';
import { IncomingMessage, Server, type Document, type Extension, type Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { projectIdOfDocument } from '../../api/collab';
import { roleAllows, type ProjectRole } from '../../auth/roles';
import { fromYDoc } from '../../collab/y-document';
import type { SchemaDocument } from '../../model/document';
import { getDatabase } from '../db/client';
import type { Author } from '../teams/events';
import { allowedOrigin } from './origin';
import { appendLiveUpdate, isEmptyUpdate, isValidUpdate, loadLiveDocument, MAX_UPDATE_BYTES, storeLiveDocument } from './persistence';
import { currentAccess, type CollabUserContext } from './access';
import { presenceImpostor } from './presence-guard';
import { verifyTicket } from './ticket';

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
  /** How often connections are checked against the database again (default 30 s; 0 turns it off). */
  recheckMs?: number;
}

export interface CollabServer {
  /** The port actually bound (opts.port 0 picks a free one). */
  port: number;
  hocuspocus: Hocuspocus;
  /** Stores `documentName` now (state and canonical write-back), after any store already running. */
  storeNow(documentName: string): Promise<void>;
  /** Records who made the next changes to a document (the author of its next write-back). */
  setLastEditor(documentName: string, author: Author): void;
  /** Stores every loaded document (state and write-back), closes connections and the port. */
  stop(): Promise<void>;
}

/** y-protocols message types (Hocuspocus MessageType.Sync and the sync sub-messages). */
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a raw Hocuspocus message carries, if it is a sync step 2 or an update. */
export function updateOfMessage(data: Uint8Array): Uint8Array | undefined {
  const message = new IncomingMessage(data);
  message.readVarString(); // document name
  if (message.readVarUint() !== MESSAGE_SYNC) return undefined;
  const sub = message.readVarUint();
  if (sub !== SYNC_STEP_2 && sub !== SYNC_UPDATE) return undefined;
  return message.readVarUint8Array();
}

/** The Redis extension without its store lock (see the header). */
class RelayOnlyRedis extends Redis {
  override async onStoreDocument(): Promise<void> {}
  override async afterStoreDocument(): Promise<void> {}
}

function authorOfContext(user: CollabUserContext | undefined): Author | undefined {
  if (!user) return undefined;
  return { id: user.via === 'member' ? user.userId : null, name: user.name };
}

function sameDocument(ydoc: Y.Doc, canonical: SchemaDocument): boolean {
  try {
    return JSON.stringify(fromYDoc(ydoc)) === JSON.stringify(canonical);
  } catch {
    return true; // an invalid live document is never written back anyway
  }
}

const originError = Object.assign(new Error('origin not allowed'), { reason: 'origin-not-allowed' });

export async function startCollabServer(opts: CollabServerOptions): Promise<CollabServer> {
  const lastEditor = new Map<string, Author>();
  /** Documents loaded with edits the canonical document lacks (logged, then the server died). */
  const behindCanonical = new Set<string>();
  /** Per connection: the append of the previous message, so updates are logged and applied in order. */
  const chains = new WeakMap<object, Promise<void>>();
  const prisma = async () => (await getDatabase()).prisma;
  const projectOf = (documentName: string) => {
    const id = projectIdOfDocument(documentName);
    if (!id) throw Object.assign(new Error(`not a project document: ${documentName}`), { reason: 'unknown-document' });
    return id;
  };
  const store = async (documentName: string, document: Y.Doc) => {
    await storeLiveDocument(await prisma(), projectOf(documentName), document, lastEditor.get(documentName));
  };
  /**
   * The debounced store. Hocuspocus rethrows a failed store from a timer nobody awaits (an unhandled
   * rejection would end the process), so a failure is logged and the store tried again later: the
   * edits are safe meanwhile (logged before they were acknowledged), only the write-back waits.
   */
  const storeOrRetry = async (documentName: string, document: Document, attempt = 0): Promise<void> => {
    try {
      await store(documentName, document);
    } catch (err) {
      console.error(`[draftbase] collab: could not store ${documentName} (attempt ${attempt + 1}): ${err instanceof Error ? err.message : String(err)}`);
      if (attempt >= 5 || !hocuspocusRef.current?.documents.has(documentName)) return;
      setTimeout(() => {
        void document.saveMutex.runExclusive(() => storeOrRetry(documentName, document, attempt + 1)).catch(() => undefined);
      }, 500 + Math.random() * 1500 * (attempt + 1)).unref();
    }
  };
  const hocuspocusRef: { current?: Hocuspocus } = {};

  const persistence: Extension = {
    extensionName: 'draftbase-persistence',
    async onUpgrade({ request, socket }) {
      if (allowedOrigin(request.headers.origin, request.headers.host, opts.allowedOrigins)) return;
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      // A rejection without an error: Hocuspocus stops the upgrade and logs nothing.
      return Promise.reject(undefined);
    },
    async onConnect({ requestHeaders, documentName }) {
      if (!allowedOrigin(requestHeaders.origin, requestHeaders.host, opts.allowedOrigins)) throw originError;
      projectOf(documentName);
    },
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const claims = verifyTicket(token, opts.secret);
      if (!claims) throw Object.assign(new Error('invalid or expired ticket'), { reason: 'invalid-ticket' });
      if (claims.projectId !== projectOf(documentName)) throw Object.assign(new Error('ticket for another project'), { reason: 'invalid-ticket' });
      const user = await currentAccess(await prisma(), claims);
      if (!user) throw Object.assign(new Error('no access to this project'), { reason: 'forbidden' });
      connectionConfig.readOnly = !roleAllows(user.role, 'edit');
      return { user };
    },
    async beforeHandleMessage({ connection, update, documentName, context }) {
      const who = (context as { user?: CollabUserContext }).user;
      const awareness = hocuspocusRef.current?.documents.get(documentName)?.awareness;
      const impostor = who && presenceImpostor(update, who, (clientId) => awareness?.meta.get(clientId)?.clock);
      if (impostor) throw Object.assign(new Error(impostor), { code: 4403, reason: 'presence-not-yours' });
      if (connection.readOnly) return; // Hocuspocus drops what a read-only connection sends
      const yUpdate = updateOfMessage(update);
      if (!yUpdate) return;
      if (!isValidUpdate(yUpdate)) throw Object.assign(new Error('invalid update'), { reason: 'invalid-update' });
      if (isEmptyUpdate(yUpdate)) return;
      const author = authorOfContext((context as { user?: CollabUserContext }).user);
      if (author) lastEditor.set(documentName, author);
      const projectId = projectOf(documentName);
      const previous = chains.get(connection) ?? Promise.resolve();
      const appended = previous.catch(() => undefined).then(async () => appendLiveUpdate(await prisma(), projectId, yUpdate));
      chains.set(connection, appended);
      await appended;
    },
    async onLoadDocument({ documentName, document }) {
      const loaded = await loadLiveDocument(await prisma(), projectOf(documentName));
      if (!loaded) throw Object.assign(new Error('no such project'), { reason: 'not-found' });
      // Before Hocuspocus listens for updates: loading is not an edit and stores nothing.
      Y.applyUpdate(document, Y.encodeStateAsUpdate(loaded.ydoc));
      loaded.ydoc.destroy();
      if (!sameDocument(document, loaded.canonical)) behindCanonical.add(documentName);
    },
    async afterLoadDocument({ documentName, document }) {
      // Logged edits not yet written back (a crash before the store): write them back now.
      if (!behindCanonical.delete(documentName)) return;
      void document.saveMutex.runExclusive(() => store(documentName, document)).catch((err: unknown) => {
        console.error(`[draftbase] collab: could not write back ${documentName}: ${err instanceof Error ? err.message : String(err)}`);
      });
    },
    async onStoreDocument({ documentName, document }) {
      await storeOrRetry(documentName, document);
    },
    async afterUnloadDocument({ documentName }) {
      lastEditor.delete(documentName);
      behindCanonical.delete(documentName);
    },
  };

  const extensions: Extension[] = [persistence];
  if (opts.redisUrl) {
    const u = new URL(opts.redisUrl);
    extensions.push(new RelayOnlyRedis({ host: u.hostname, port: Number(u.port || 6379), ...(u.password ? { options: { password: decodeURIComponent(u.password) } } : {}) }));
  }

  // ws accepts 100 MiB messages by default; one update is capped at MAX_UPDATE_BYTES (persistence.ts).
  const websocketOptions = { maxPayload: MAX_UPDATE_BYTES + 1024 * 1024 };
  const server = new Server({
    name: 'draftbase',
    port: opts.port,
    address: opts.address ?? '127.0.0.1',
    quiet: opts.quiet ?? true,
    stopOnSignals: false,
    debounce: opts.storeDebounceMs ?? 1000,
    maxDebounce: opts.storeMaxDebounceMs ?? 4000,
    extensions,
  }, websocketOptions);
  // listen() does not reject on a busy port: the HTTP server emits 'error' instead.
  try {
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.listen().then(() => resolve(), reject);
    });
  } catch (err) {
    await Promise.race([server.destroy().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
    throw err;
  }
  const hocuspocus = server.hocuspocus;
  hocuspocusRef.current = hocuspocus;

  const recheck = async () => {
    const db = await prisma();
    for (const document of hocuspocus.documents.values()) {
      for (const { connection } of document.connections.values()) {
        const user = (connection.context as { user?: CollabUserContext }).user;
        if (!user) continue;
        const now = await currentAccess(db, user).catch(() => user);
        if (!now) connection.close({ code: 4403, reason: 'access revoked' });
        else if (!roleAllows(now.role as ProjectRole, 'edit')) connection.readOnly = true;
      }
    }
  };
  const recheckMs = opts.recheckMs ?? 30_000;
  const timer = recheckMs > 0 ? setInterval(() => void recheck().catch(() => undefined), recheckMs) : undefined;
  timer?.unref();

  const storeNow = async (documentName: string) => {
    const document = hocuspocus.documents.get(documentName);
    if (!document) return;
    await document.saveMutex.runExclusive(() => store(documentName, document));
  };

  let stopped: Promise<void> | undefined;
  return {
    port: server.address.port,
    hocuspocus,
    storeNow,
    setLastEditor: (documentName, author) => void lastEditor.set(documentName, author),
    stop() {
      stopped ??= (async () => {
        if (timer) clearInterval(timer);
        const names = [...hocuspocus.documents.keys()];
        await Promise.all(names.map((n) => storeNow(n).catch((err: unknown) => console.error(`[draftbase] collab: could not store ${n} on stop`, err))));
        // destroy() waits for every document to unload; one held open (a direct connection) must not hang the stop.
        await Promise.race([server.destroy(), new Promise((r) => setTimeout(r, 5000).unref())]);
      })();
      return stopped;
    },
  };
}
