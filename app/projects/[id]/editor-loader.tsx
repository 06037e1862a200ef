'use client';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { Editor } from '@/components/editor/editor';
import { fetchProject, ProjectLoadError, type LoadedProject } from '@/components/editor/project-api';
import { TeamControls } from '@/components/teams/team-controls';

type LoadState = { kind: 'loading' } | { kind: 'error'; message: string; signedOut?: boolean } | { kind: 'ready'; project: LoadedProject };

export function EditorLoader({ projectId }: { projectId: string }) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  useEffect(() => {
    // A different project id remounts this component (page.tsx keys it), so state starts as loading.
    let cancelled = false;
    fetchProject(projectId).then(
      (project) => !cancelled && setState({ kind: 'ready', project }),
      (e: unknown) => !cancelled && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e), signedOut: e instanceof ProjectLoadError && e.status === 401 }),
    );
    return () => {
      cancelled = true;
    };
  }, [projectId]);

  if (state.kind === 'loading') {
    return (
      <div className="flex h-screen items-center justify-center text-sm text-slate-500" role="status">
        Loading project…
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <div className="flex h-screen flex-col items-center justify-center gap-3 text-sm" role="alert">
        <p>Could not open this project: {state.message}</p>
        {state.signedOut ? (
          <Link href={`/sign-in?next=${encodeURIComponent(`/projects/${projectId}`)}`} className="text-blue-600 underline">
            Sign in
          </Link>
        ) : (
          <Link href="/" className="text-blue-600 underline">
            Back to projects
          </Link>
        )}
      </div>
    );
  }
  const p = state.project;
  // Team mode answers with the role (access): the editor follows it, and the toolbar gets Share and the account menu.
  return (
    <Editor
      key={p.id}
      projectId={p.id}
      name={p.name}
      version={p.version}
      doc={p.document}
      sourceText={p.sourceText}
      access={p.access}
      teamControls={p.access && p.access.via !== 'solo' ? <TeamControls projectId={p.id} access={p.access} /> : undefined}
    />
  );
}
