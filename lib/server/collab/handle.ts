/**
 * The process's sync server, found by the collab route (is live editing on?) and by the project PUT
 * route (merge a REST save into the live session). Kept on globalThis under a symbol so `next dev`
 * module reloads neither lose it nor start a second one.
 */
import 'server-only';
import type { CollabServer } from './server';

export type CollabHandle =
  | { status: 'starting'; ready: Promise<CollabServer | undefined> }
  | { status: 'running'; server: CollabServer }
  | { status: 'off'; reason: string };

const KEY = Symbol.for('draftbase.collab.server');
const store = globalThis as typeof globalThis & { [KEY]?: CollabHandle };

export function getCollabHandle(): CollabHandle | undefined {
  return store[KEY];
}

export function setCollabHandle(handle: CollabHandle | undefined): void {
  if (handle) store[KEY] = handle;
  else delete store[KEY];
}

/** The running sync server of this process, or undefined (off, failed, or started elsewhere). */
export function runningCollabServer(): CollabServer | undefined {
  const h = store[KEY];
  return h?.status === 'running' ? h.server : undefined;
}
