'use client';
/**
 * The inspector: the side panel that edits whatever is selected on the canvas. It reads the selection
 * from the editor store and shows one pane; every edit is a command dispatched to the store.
 * Each pane is keyed by the selected element's id so local drafts never leak to another element.
 */
import { useEditor, type Selection } from '@/components/editor/store/editor-store';
import { cx } from '@/components/ui/styles';
import { AreaInspector, NoteInspector } from './area-note-inspector';
import { ColumnInspector } from './column-inspector';
import { DomainsEditor } from './domains-editor';
import { EnumsEditor } from './enums-editor';
import { ExtensionsEditor } from './extensions-editor';
import { IndexInspector } from './index-inspector';
import { Muted, NavButton, PaneHeader } from './inspector-parts';
import { RelationshipInspector } from './relationship-inspector';
import { SchemasEditor } from './schemas-editor';
import { SequencesEditor } from './sequences-editor';
import { RoutinesList } from './routines-list';
import { TableInspector } from './table-inspector';
import { ViewsEditor } from './views-editor';

export interface InspectorProps {
  className?: string;
}

export function Inspector({ className }: InspectorProps) {
  const selection = useEditor((s) => s.selection);
  // Read-only: every field and button below is disabled at once (the store refuses edits anyway).
  const readOnly = useEditor((s) => s.readOnly);
  return (
    <aside
      aria-label="Inspector"
      data-testid="inspector"
      className={cx('flex h-full flex-col gap-2 overflow-y-auto bg-white p-2 text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100', className)}
    >
      <fieldset disabled={readOnly !== undefined} title={readOnly} className="m-0 flex min-w-0 flex-col gap-2 border-0 p-0">
        <SelectionPane selection={selection} />
        {/* Enum types, domains, views, schemas, sequences, extensions and routines belong to the document, not to one
            table; shown with the table-level panes (the database's own when nothing is selected). */}
        {(selection.kind === 'none' || selection.kind === 'tables' || selection.kind === 'column') && (
          <>
            <EnumsEditor defaultOpen={selection.kind === 'none'} />
            <DomainsEditor />
            <ViewsEditor />
            <SchemasEditor />
            <SequencesEditor defaultOpen={selection.kind === 'none'} />
            <ExtensionsEditor defaultOpen={selection.kind === 'none'} />
            <RoutinesList />
          </>
        )}
      </fieldset>
    </aside>
  );
}

function SelectionPane({ selection }: { selection: Selection }) {
  switch (selection.kind) {
    case 'none':
      return <EmptyPane />;
    case 'tables':
      return selection.tableIds.length === 1 ? (
        <TableInspector key={selection.tableIds[0]} tableId={selection.tableIds[0]} />
      ) : (
        <MultiTablePane tableIds={selection.tableIds} />
      );
    case 'column':
      return <ColumnInspector key={`${selection.tableId}/${selection.columnId}`} tableId={selection.tableId} columnId={selection.columnId} />;
    case 'relationship':
      return <RelationshipInspector key={selection.relationshipId} relationshipId={selection.relationshipId} />;
    case 'index':
      return <IndexInspector key={`${selection.tableId}/${selection.indexId}`} tableId={selection.tableId} indexId={selection.indexId} />;
    case 'area':
      return <AreaInspector key={selection.areaId} areaId={selection.areaId} />;
    case 'note':
      return <NoteInspector key={selection.noteId} noteId={selection.noteId} />;
    default: {
      const never: never = selection;
      return never;
    }
  }
}

function EmptyPane() {
  const tableCount = useEditor((s) => Object.keys(s.doc.tables).length);
  return (
    <div>
      <PaneHeader kind="Inspector" title="Nothing selected" />
      <Muted>
        {tableCount === 0
          ? 'Add a table to start (press N or use the toolbar).'
          : 'Select a table, column, relationship or index on the canvas to edit it here.'}
      </Muted>
    </div>
  );
}

function MultiTablePane({ tableIds }: { tableIds: string[] }) {
  const tables = useEditor((s) => s.doc.tables);
  const select = useEditor((s) => s.select);
  return (
    <div>
      <PaneHeader kind="Selection" title={`${tableIds.length} tables`} />
      <ul>
        {tableIds.map((id) => (
          <li key={id}>
            <NavButton onClick={() => select({ kind: 'tables', tableIds: [id] })}>{tables[id]?.name ?? id}</NavButton>
          </li>
        ))}
      </ul>
    </div>
  );
}
