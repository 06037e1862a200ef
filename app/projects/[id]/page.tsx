import type { Metadata } from 'next';
import { EditorLoader } from './editor-loader';

export const metadata: Metadata = { title: 'Draftbase editor' };

/** The editor page. The project is loaded in the browser (the editor is client-side throughout). */
export default async function ProjectEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditorLoader key={id} projectId={id} />;
}
