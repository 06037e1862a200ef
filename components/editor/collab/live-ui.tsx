'use client';
/**
 * What a live session shows (issue 19): the status where the save status is ("Live · 3 here",
 * "Reconnecting… (2 unsynced edits)", "Offline: edits kept, will merge when back"), the people here
 * (initials in their colour), their pointers and selections on the canvas (in flow coordinates, so they
 * stay in place at any zoom and pan), and who is typing in a narrative section.
 *
 * Every name and colour shown comes from another client's awareness state, read through parsePresence
 * (presence-model.ts): names are rendered as text, colours are checked #rrggbb values.
 */
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { ViewportPortal } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/editor-store';
import { tablePosition } from '../flow/to-flow';
import { tableShape } from '../flow/geometry';
import type { LiveSession, LiveState } from './live-session';
import { initials, MAX_PEERS_SHOWN, peerTables, type Peer } from './presence-model';

export const LiveContext = createContext<LiveSession | null>(null);

/** The live session, or null in solo / REST mode. */
export function useLive(): LiveSession | null {
  return useContext(LiveContext);
}

const NO_STATE: LiveState = { connection: 'disconnected', offline: false, unsynced: 0, peers: [] };
const noopStore = { getState: () => NO_STATE, getInitialState: () => NO_STATE, subscribe: () => () => undefined, setState: () => undefined };

export function useLiveState<T>(selector: (s: LiveState) => T): T {
  const live = useLive();
  return useStore((live?.state ?? noopStore) as NonNullable<LiveSession['state']>, selector);
}

type LiveLabel = 'live' | 'syncing' | 'reconnecting' | 'offline';

/** The status text; `data-status` keeps the save status's values (saved/saving/offline) for the tests reading it. */
export function LiveStatus() {
  const { connection, offline, unsynced, here } = useLiveState(
    useShallow((s) => ({ connection: s.connection, offline: s.offline, unsynced: s.unsynced, here: s.peers.length + 1 })),
  );
  const label: LiveLabel = offline ? 'offline' : connection !== 'connected' ? 'reconnecting' : unsynced > 0 ? 'syncing' : 'live';
  const text =
    label === 'offline'
      ? 'Offline: edits kept, will merge when back'
      : label === 'reconnecting'
        ? `Reconnecting…${unsynced > 0 ? ` (${unsynced} unsynced edit${unsynced === 1 ? '' : 's'})` : ''}`
        : `Live · ${here} here`;
  const status = label === 'live' ? 'saved' : label === 'syncing' ? 'saving' : 'offline';
  const color = label === 'live' || label === 'syncing' ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-600 dark:text-amber-400';
  return (
    <span
      role="status"
      data-testid="save-status"
      data-status={status}
      data-live={label}
      data-here={here}
      data-unsynced={unsynced}
      title={label === 'live' ? 'Edits are shared live and stored by the server' : text}
      className={`block w-32 shrink-0 overflow-hidden text-ellipsis whitespace-nowrap text-xs ${color}`}
    >
      {text}
    </span>
  );
}

/** Initials of the others here, in their colour; the full list in the tooltip. */
export function PeopleHere() {
  const peers = useLiveState((s) => s.peers);
  if (!peers.length) return null;
  const shown = peers.slice(0, 5);
  return (
    <div className="flex shrink-0 items-center -space-x-1" data-testid="people-here" data-count={peers.length} title={peers.map((p) => p.user.name).join(', ')}>
      {shown.map((p) => (
        <span
          key={p.clientId}
          data-testid="person-here"
          data-name={p.user.name}
          className="flex h-6 w-6 items-center justify-center rounded-full border-2 border-white text-[10px] font-semibold text-white dark:border-slate-950"
          style={{ backgroundColor: p.user.color }}
          aria-label={p.user.name}
        >
          {initials(p.user.name)}
        </span>
      ))}
      {peers.length > shown.length && <span className="pl-2 text-xs text-slate-500">+{peers.length - shown.length}</span>}
    </div>
  );
}

/** Inside <ReactFlow>: the others' pointers and selected tables, in flow coordinates. */
export function LiveCanvasLayer() {
  const peers = useLiveState((s) => s.peers);
  const shown = peers.slice(0, MAX_PEERS_SHOWN);
  if (!shown.length) return null;
  return (
    <ViewportPortal>
      {shown.map((p) => (
        <PeerSelection key={`s${p.clientId}`} peer={p} />
      ))}
      {shown.map((p) => p.cursor && <PeerCursor key={`c${p.clientId}`} peer={p} x={p.cursor.x} y={p.cursor.y} />)}
    </ViewportPortal>
  );
}

function PeerCursor({ peer, x, y }: { peer: Peer; x: number; y: number }) {
  return (
    <div data-testid="peer-cursor" data-name={peer.user.name} className="pointer-events-none absolute left-0 top-0 z-[1000]" style={{ transform: `translate(${x}px, ${y}px)` }}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1 1 L1 13 L4.5 9.5 L7 15 L9 14 L6.5 8.5 L11 8.5 Z" fill={peer.user.color} stroke="white" strokeWidth="1" />
      </svg>
      <span className="ml-3 whitespace-nowrap rounded px-1 py-0.5 text-[11px] text-white" style={{ backgroundColor: peer.user.color }}>
        {peer.user.name}
      </span>
    </div>
  );
}

function PeerSelection({ peer }: { peer: Peer }) {
  const ids = peerTables(peer);
  // Boxes of the selected tables that exist here (ids are untrusted: unknown ones are skipped).
  const boxes = useEditor(
    useShallow((s) =>
      ids.slice(0, 50).flatMap((id) => {
        const table = s.doc.tables[id];
        if (!table) return [];
        const at = tablePosition(s.doc, id);
        const shape = tableShape(s.doc, table);
        return [`${id}|${at.x}|${at.y}|${shape.width}|${shape.height}`];
      }),
    ),
  );
  const parsed = useMemo(() => boxes.map((b) => b.split('|')).map(([id, x, y, w, h]) => ({ id, x: +x, y: +y, w: +w, h: +h })), [boxes]);
  return (
    <>
      {parsed.map((b) => (
        <div
          key={b.id}
          data-testid="peer-selection"
          data-table-id={b.id}
          data-name={peer.user.name}
          className="pointer-events-none absolute left-0 top-0 rounded-md"
          style={{ transform: `translate(${b.x - 4}px, ${b.y - 4}px)`, width: b.w + 8, height: b.h + 8, outline: `2px solid ${peer.user.color}` }}
        >
          <span className="absolute -top-5 left-0 whitespace-nowrap rounded px-1 text-[11px] text-white" style={{ backgroundColor: peer.user.color }}>
            {peer.user.name}
          </span>
        </div>
      ))}
    </>
  );
}

/** "Ana is typing…" under a narrative section while someone else types in it. */
export function TypingLine({ section }: { section: string }) {
  const names = useLiveState(useShallow((s) => s.peers.filter((p) => p.typing === section).map((p) => p.user.name)));
  if (!names.length) return null;
  const who = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]} and ${names.length - 1} others`;
  return (
    <p data-testid="typing" data-section={section} className="text-[11px] italic text-slate-500 dark:text-slate-400">
      {who} {names.length === 1 ? 'is' : 'are'} typing…
    </p>
  );
}
