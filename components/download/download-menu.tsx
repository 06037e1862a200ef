'use client';
/**
 * The Download menu: every file format of lib/formats/catalog.ts (DATABASE_DESIGN.md, DDL, mermaid, the
 * index table, Prisma, DBML, the project JSON) through GET /api/projects/:id/export (the saved
 * document), plus pictures made
 * in the browser from the current document: the canvas as laid out (whole, or the selected tables)
 * and the mermaid ER diagram, each as SVG or PNG. Mount it inside the editor's store provider.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import { FORMAT_CATALOG, fileBaseName } from '@/lib/formats/catalog';
import { EditorStoreContext, useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/styles';
import { canvasSvg } from '@/components/editor/flow/canvas-svg';
import { createFlowDeriver } from '@/components/editor/flow/to-flow';
import { selectedTableIds } from '@/components/editor/store/editor-store';
import { diagramSvg, saveBlob, svgToPng } from './diagram-image';

type Picture = 'canvas' | 'selection' | 'mermaid';
const PICTURES: { picture: Picture; label: string }[] = [
  { picture: 'canvas', label: 'Canvas as laid out' },
  { picture: 'selection', label: 'Selected tables as laid out' },
  { picture: 'mermaid', label: 'ER diagram (mermaid)' },
];


export function exportUrl(projectId: string, format: string, dialect?: string): string {
  const q = new URLSearchParams({ format });
  if (dialect) q.set('dialect', dialect);
  return `/api/projects/${encodeURIComponent(projectId)}/export?${q}`;
}

export function DownloadMenu({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const dialect = useEditor((s) => s.dialect);
  const saveStatus = useEditor((s) => s.saveState.status);
  const name = useEditor((s) => s.name);
  const root = useRef<HTMLDivElement>(null);
  const store = useContext(EditorStoreContext);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  const hasSelection = useEditor((s) => selectedTableIds(s.selection).length > 0);

  const image = async (picture: Picture, kind: 'svg' | 'png') => {
    setBusy(`${picture}-${kind}`);
    setError(undefined);
    try {
      // The store's document at click time (includes unsaved edits).
      if (!store) throw new Error('the Download menu must be mounted inside the editor');
      const { doc, selection, focusAreaId } = store.getState();
      let svg: string;
      if (picture === 'mermaid') svg = await diagramSvg(doc, dialect);
      else {
        const { boxes } = createFlowDeriver()({ doc, selection: { kind: 'none' }, dragPositions: {}, focusAreaId });
        svg = canvasSvg({ doc, boxes, dialect, tableIds: picture === 'selection' ? selectedTableIds(selection) : undefined });
      }
      const base = `${fileBaseName(name)}${picture === 'mermaid' ? '-erd' : picture === 'selection' ? '-selection' : ''}`;
      if (kind === 'svg') saveBlob(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`);
      else saveBlob(await svgToPng(svg), `${base}.png`);
      setOpen(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div ref={root} className="relative">
      {/* "Download files": the DDL panel already has a "Download" button for its SQL. */}
      <Button aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Download files
      </Button>
      {open && (
        <div role="menu" aria-label="Download files" className="absolute right-0 z-50 mt-1 flex w-64 flex-col rounded border border-slate-200 bg-white p-1 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-800">
          {saveStatus !== 'saved' && <p className="px-2 py-1 text-[11px] text-amber-700 dark:text-amber-400">Files come from the last saved version; unsaved edits are saved in a moment.</p>}
          {FORMAT_CATALOG.filter((f) => !('inDownloadMenu' in f && f.inDownloadMenu === false)).map((f) => (
            <a
              key={f.id}
              role="menuitem"
              href={exportUrl(projectId, f.id, f.dialectual ? dialect : undefined)}
              download
              className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-700"
              onClick={() => setOpen(false)}
            >
              {f.label}
            </a>
          ))}
          <div className="my-1 border-t border-slate-200 dark:border-slate-700" />
          {PICTURES.filter((p) => p.picture !== 'selection' || hasSelection).flatMap(({ picture, label }) =>
            (['svg', 'png'] as const).map((kind) => (
              <button
                key={`${picture}-${kind}`}
                type="button"
                role="menuitem"
                disabled={busy !== undefined}
                className={cx('rounded px-2 py-1 text-left hover:bg-slate-100 disabled:opacity-50 dark:hover:bg-slate-700')}
                onClick={() => void image(picture, kind)}
              >
                {busy === `${picture}-${kind}` ? `Rendering ${kind.toUpperCase()}…` : `${label} (${kind.toUpperCase()})`}
              </button>
            )),
          )}
          {error && <p role="alert" className="px-2 py-1 text-[11px] text-red-600">{error}</p>}
        </div>
      )}
    </div>
  );
}
