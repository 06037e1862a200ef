'use client';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { Editor } from '@/components/editor/editor';
import { fetchProject, type LoadedProject } from '@/components/editor/project-api';

type LoadState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; project: LoadedProject };

export function EditorLoader({ projectId }: { projectId: string }) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  useEffect(() => {
    // A different project id remounts this component (page.tsx keys it), so state starts as loading.
    let cancelled = false;
    fetchProject(projectId).then(
      (project) => !cancelled && setState({ kind: 'ready', project }),
      (e: unknown) => !cancelled && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
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
        <Link href="/" className="text-blue-600 underline">
          Back to projects
        </Link>
      </div>
    );
  }
  const p = state.project;
  return <Editor key={p.id} projectId={p.id} name={p.name} version={p.version} doc={p.document} sourceText={p.sourceText} />;
}
