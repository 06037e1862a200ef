/**
 * Learns that another tab or person saved this project, without waiting for our next save to collide:
 * polls `GET /api/projects/:id/state` ({ version, updatedAt }, one row read, no document) every
 * POLL_MS while the page is visible, and at once when the tab gets focus or becomes visible again.
 * A newer version goes into the store (store.remote); the page shows it and offers the merge.
 *
 * Why polling and not Server-Sent Events: an event stream holds a connection open per tab (browsers
 * allow six per host over HTTP/1.1, shared by every tab of the app, so a few open editors would stall
 * all other requests), and the server would still have to notice saves made by other server
 * processes (no shared pub/sub on SQLite), i.e. poll the database itself. A tiny GET every few
 * seconds from visible tabs only is stateless, survives restarts and proxies, and is a plain GET that
 * the request policy (proxy.ts) lets through like any other read.
 */
import { z } from 'zod';
import type { StoreApi } from 'zustand/vanilla';
import { apiFetch } from '../api-fetch';
import type { EditorState } from './editor-store';

export const POLL_MS = 3000;

const stateBody = z.object({ version: z.number().int().nonnegative(), updatedAt: z.string().max(64) });

interface Events {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface RemoteWatchOptions {
  intervalMs?: number;
  fetch?: typeof fetch;
  /** Where visibility and focus come from (default: the page's document and window). */
  doc?: Events & { readonly visibilityState: DocumentVisibilityState };
  win?: Events;
}

/** Starts watching; returns the function that stops it. */
export function watchRemoteVersion(store: StoreApi<EditorState>, options: RemoteWatchOptions = {}): () => void {
  const fetchFn = options.fetch ?? apiFetch;
  const doc = options.doc ?? document;
  const win = options.win ?? window;
  let busy = false;
  let stopped = false;

  const poll = async () => {
    if (busy || stopped || doc.visibilityState !== 'visible') return;
    busy = true;
    try {
      const { projectId } = store.getState();
      const res = await fetchFn(`/api/projects/${encodeURIComponent(projectId)}/state`, { cache: 'no-store' });
      if (!res.ok) return; // a deleted project or a server hiccup: the next save says what is wrong
      const body = stateBody.safeParse(await res.json());
      if (!body.success || stopped) return;
      const { saveState, setRemote } = store.getState();
      if (body.data.version > saveState.version) setRemote(body.data);
    } catch {
      // Offline: the saver reports that when it matters; keep polling.
    } finally {
      busy = false;
    }
  };

  const onVisible = () => {
    if (doc.visibilityState === 'visible') void poll();
  };
  const onFocus = () => void poll();
  const timer = setInterval(() => void poll(), options.intervalMs ?? POLL_MS);
  doc.addEventListener('visibilitychange', onVisible);
  win.addEventListener('focus', onFocus);
  return () => {
    stopped = true;
    clearInterval(timer);
    doc.removeEventListener('visibilitychange', onVisible);
    win.removeEventListener('focus', onFocus);
  };
}
