/**
 * Joining the project's live session when the editor mounts (issue 19; connect.ts): when live editing
 * is on and the first sync arrives, the editor's store runs over the shared document
 * (live-session.ts); otherwise (live editing off, no sync server, refused, too slow, or `?live=off`)
 * the editor opens as before, on the REST saver.
 */
import { useEffect, useState } from 'react';
import type { ProjectAccessInfo } from '@/lib/api/teams';
import { readOnlyReason } from '../access';
import { joinLive } from './connect';
import { startLiveSession, type LiveSession } from './live-session';

export type LiveJoin = { kind: 'joining' } | { kind: 'rest' } | { kind: 'live'; session: LiveSession };

export function useLiveJoin({ projectId, name, version, access }: { projectId: string; name: string; version: number; access?: ProjectAccessInfo }): LiveJoin {
  const [mode, setMode] = useState<LiveJoin>({ kind: 'joining' });
  useEffect(() => {
    let cancelled = false;
    let session: LiveSession | undefined;
    const abort = new AbortController();
    // `?live=off` opens the project without the live session (REST saves, which the server merges
    // into the session): for a slow or filtered network, and for the REST saver's own tests.
    const off = new URLSearchParams(window.location.search).get('live') === 'off';
    void (off ? Promise.resolve({ fallback: 'live=off in the address' } as const) : joinLive(projectId, { signal: abort.signal })).then((r) => {
      if (cancelled) {
        if ('live' in r) r.live.provider.destroy();
        return;
      }
      if ('fallback' in r) {
        console.info(`[draftbase] editing without a live session: ${r.fallback}`);
        setMode({ kind: 'rest' });
        return;
      }
      try {
        session = startLiveSession(r.live, { projectId, name, version, readOnly: readOnlyReason(access) });
        setMode({ kind: 'live', session });
      } catch (e) {
        // The shared document did not read as a valid design (CollabDocumentError): edit over REST.
        console.warn('live session not usable, editing without it:', e);
        r.live.provider.destroy();
        setMode({ kind: 'rest' });
      }
    });
    return () => {
      cancelled = true;
      abort.abort();
      session?.dispose();
    };
    // One join per mounted editor: a new project id remounts it (the page keys it by id).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return mode;
}
