'use client';
/**
 * A share link's page (/s/:token): the project opened read-only with no account. The link is resolved
 * (GET /api/share/:token), then every API call of the editor carries it (apiFetch), and the server
 * checks it again each time: when the owner revokes it or it expires, the next call (the editor polls
 * for newer saves every few seconds) is refused and the page says so instead of the project.
 */
import { useEffect, useState } from 'react';
import { Editor } from '@/components/editor/editor';
import { fetchProject, type LoadedProject } from '@/components/editor/project-api';
import { onShareRevoked, setShareToken } from '@/components/editor/api-fetch';
import { capabilitiesOf } from '@/lib/auth/roles';
import type { ProjectAccessInfo } from '@/lib/api/teams';
import { resolveShareLink, TeamsApiError } from './teams-client';

type State = { kind: 'loading' } | { kind: 'gone' } | { kind: 'error'; message: string } | { kind: 'ready'; project: LoadedProject; access: ProjectAccessInfo };

export const LINK_GONE_MESSAGE = 'This link was revoked or has expired';

export function SharedProject({ token }: { token: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setShareToken(token);
    const stop = onShareRevoked(() => !cancelled && setState({ kind: 'gone' }));
    (async () => {
      try {
        const link = await resolveShareLink(token);
        const project = await fetchProject(link.projectId);
        // The link's role bounds what the page offers, whatever else the answer says.
        const access: ProjectAccessInfo = { role: link.role, capabilities: capabilitiesOf(link.role), via: 'share' };
        if (!cancelled) setState({ kind: 'ready', project, access });
      } catch (e) {
        if (cancelled) return;
        const status = e instanceof TeamsApiError ? e.status : (e as { status?: number }).status;
        if (status === 404 || status === 401 || status === 403) setState({ kind: 'gone' });
        else setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      cancelled = true;
      stop();
      setShareToken(undefined);
    };
  }, [token]);

  if (state.kind === 'loading') {
    return (
      <div className="flex h-screen items-center justify-center text-sm text-slate-500" role="status">
        Opening the shared project…
      </div>
    );
  }
  if (state.kind === 'gone') {
    return (
      <main className="flex h-screen flex-col items-center justify-center gap-2 px-4 text-center" data-testid="share-gone">
        <h1 className="text-lg font-semibold" role="alert">
          {LINK_GONE_MESSAGE}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Ask the project&apos;s owner for a new link.</p>
      </main>
    );
  }
  if (state.kind === 'error') {
    return (
      <div className="flex h-screen items-center justify-center text-sm" role="alert">
        Could not open the shared project: {state.message}
      </div>
    );
  }
  const p = state.project;
  return (
    <Editor
      key={p.id}
      projectId={p.id}
      name={p.name}
      version={p.version}
      doc={p.document}
      access={state.access}
      teamControls={
        <span className="shrink-0 rounded border border-slate-200 px-1.5 py-0.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300" data-testid="shared-as">
          Shared link · {state.access.role}
        </span>
      }
    />
  );
}
