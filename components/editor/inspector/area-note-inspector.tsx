'use client';
import type { Area } from '@/lib/model/document';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { CommitTextField } from '@/components/ui/text-field';
import { ErrorLine, NavButton, PaneHeader } from './inspector-parts';
import { useCommandRunner } from './use-command';
import { DecisionsSection } from './decisions-section';

const COLOR = /^#[0-9a-fA-F]{6}$/;

function ColorField({ label, value, onChange }: { label: string; value: string; onChange: (c: string) => string | undefined }) {
  return (
    <div className="flex items-end gap-2">
      <CommitTextField className="flex-1" label={label} monospace value={value} onCommit={(t) => (COLOR.test(t.trim()) ? onChange(t.trim()) : 'A colour like #1e90ff')} />
      <input type="color" aria-label={`${label} picker`} value={value} onChange={(e) => onChange(e.target.value)} className="h-6 w-8 rounded border border-slate-300 dark:border-slate-600" />
    </div>
  );
}

export function AreaInspector({ areaId }: { areaId: string }) {
  const area = useEditor((s) => s.doc.areas[areaId]);
  const tables = useEditor((s) => s.doc.tables);
  const select = useEditor((s) => s.select);
  const { run, error, clearError } = useCommandRunner();
  if (!area) return null;
  const update = (changes: Partial<Omit<Area, 'id'>>) => run({ type: 'area.update', areaId, changes });
  return (
    <div className="flex flex-col gap-1.5" data-testid="inspector-area">
      <PaneHeader kind="Area" title={area.name} actions={<Button variant="danger" onClick={() => run({ type: 'area.remove', areaId })}>Delete</Button>} />
      <ErrorLine error={error} onDismiss={clearError} />
      <CommitTextField label="Area name" value={area.name} onCommit={(t) => (t.trim() ? update({ name: t.trim() }) : 'A name is required')} />
      <ColorField label="Area colour" value={area.color} onChange={(color) => update({ color })} />
      <CommitTextField label="Area comment" multiline rows={2} value={area.comment ?? ''} onCommit={(t) => update({ comment: t || undefined })} />
      <div className="text-[11px] text-slate-600 dark:text-slate-400">Tables ({area.tableIds.length})</div>
      <ul>
        {area.tableIds.map((id) => (
          <li key={id}>
            <NavButton onClick={() => select({ kind: 'tables', tableIds: [id] })}>{tables[id]?.name ?? id}</NavButton>
          </li>
        ))}
      </ul>
      <DecisionsSection element={{ kind: 'area', id: areaId }} />
    </div>
  );
}

export function NoteInspector({ noteId }: { noteId: string }) {
  const note = useEditor((s) => s.doc.notes[noteId]);
  const { run, error, clearError } = useCommandRunner();
  if (!note) return null;
  return (
    <div className="flex flex-col gap-1.5" data-testid="inspector-note">
      <PaneHeader kind="Note" title={note.text.split('\n')[0]?.slice(0, 40) || 'Note'} actions={<Button variant="danger" onClick={() => run({ type: 'note.remove', noteId })}>Delete</Button>} />
      <ErrorLine error={error} onDismiss={clearError} />
      <CommitTextField label="Note text" multiline rows={6} value={note.text} onCommit={(text) => run({ type: 'note.update', noteId, changes: { text } })} />
      <ColorField label="Note colour" value={note.color} onChange={(color) => run({ type: 'note.update', noteId, changes: { color } })} />
    </div>
  );
}
