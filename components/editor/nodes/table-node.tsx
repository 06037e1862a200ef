'use client';
/**
 * One table on the canvas. Memoized, with id-only node data: it reads its own table from the store
 * through a narrow selector, so an edit to one table re-renders this node only. Below the zoom
 * threshold it renders the name only (no rows, no handles; edges still attach at the declared
 * handle positions).
 */
import { memo, useCallback, useState } from 'react';
import { Handle, Position, useStore as useFlowStore, type NodeProps } from '@xyflow/react';
import type { Column, Table } from '@/lib/model/document';
import { makeColumn, scalar } from '@/lib/model/build';
import { formatColumnType, parseTypeText } from '@/components/editor/inspector/type-options';
import { useEditor, useEditorStore } from '../store/editor-store';
import type { TableNode } from '../flow/to-flow';
import { handleId, LOW_DETAIL_ZOOM } from '../flow/geometry';
import { foreignKeyColumnsByTable, uniqueName } from '../flow/names';
import { InlineText } from './inline-text';
import { useToast } from '../toast';

type Editing = { kind: 'table' } | { kind: 'column-name'; columnId: string } | { kind: 'column-type'; columnId: string } | undefined;

/**
 * Re-render only when the id or the selection changes: everything else the node shows comes from
 * the store. React Flow also passes positions, so the default comparison would re-render a node on
 * every frame of a drag and every node after an auto-layout.
 */
const sameNodeProps = (a: NodeProps<TableNode>, b: NodeProps<TableNode>) => a.id === b.id && a.selected === b.selected;

export const TableNodeView = memo(function TableNodeView({ id, selected }: NodeProps<TableNode>) {
  const table = useEditor((s) => s.doc.tables[id]);
  // A boolean, not the zoom: nodes re-render only when the threshold is crossed.
  const lowDetail = useFlowStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  const color = useEditor((s) => s.doc.layout.tables[id]?.color);
  const [editing, setEditing] = useState<Editing>(undefined);
  // A freshly added table opens its name for typing (the request is cleared on commit or cancel).
  const renameRequested = useEditor((s) => s.renameRequest === id);

  if (!table) return null;
  const style = color ? { ['--db-table-accent' as string]: color } : undefined;

  if (lowDetail) {
    return (
      <div className={`db-table db-table-low ${selected ? 'is-selected' : ''}`} style={style} data-testid="table-node" data-table-name={table.name}>
        <div className="db-table-low-name">{table.name}</div>
      </div>
    );
  }
  return (
    <div className={`db-table ${selected ? 'is-selected' : ''}`} style={style} data-testid="table-node" data-table-name={table.name}>
      <TableHeader table={table} editing={editing?.kind === 'table' || renameRequested} setEditing={setEditing} />
      <ColumnRows table={table} editing={editing} setEditing={setEditing} />
    </div>
  );
}, sameNodeProps);

function TableHeader({ table, editing, setEditing }: { table: Table; editing: boolean; setEditing: (e: Editing) => void }) {
  const store = useEditorStore();
  const toast = useToast();
  const stopEditing = () => {
    setEditing(undefined);
    store.getState().requestRename(undefined);
  };
  const rename = (name: string) => {
    const r = store.getState().dispatch({ type: 'table.update', tableId: table.id, changes: { name } });
    if ('error' in r) toast(r.error, 'error');
    stopEditing();
  };
  const addColumn = (e: React.MouseEvent) => {
    e.stopPropagation();
    const column: Column = makeColumn({ name: uniqueName('column', table.columns.map((c) => c.name)), type: scalar('text') });
    const r = store.getState().dispatch({ type: 'column.add', tableId: table.id, column });
    if ('error' in r) return toast(r.error, 'error');
    store.getState().select({ kind: 'column', tableId: table.id, columnId: column.id });
    setEditing({ kind: 'column-name', columnId: column.id });
  };
  return (
    <div className="db-table-header" onDoubleClick={(e) => (e.stopPropagation(), setEditing({ kind: 'table' }))}>
      {editing ? (
        <InlineText value={table.name} label="Table name" onCommit={rename} onCancel={stopEditing} />
      ) : (
        <span className="db-table-name" title={table.comment ?? table.name}>
          {table.name}
        </span>
      )}
      <button type="button" className="nodrag db-icon-button" aria-label={`Add column to ${table.name}`} title="Add column" onClick={addColumn}>
        +
      </button>
    </div>
  );
}

function ColumnRows({ table, editing, setEditing }: { table: Table; editing: Editing; setEditing: (e: Editing) => void }) {
  const store = useEditorStore();
  const toast = useToast();
  const selectedColumnId = useEditor((s) => (s.selection.kind === 'column' && s.selection.tableId === table.id ? s.selection.columnId : undefined));
  const fkKey = useEditor((s) => foreignKeyColumnsByTable(s.doc.relationships).get(table.id) ?? '');
  const enums = useEditor((s) => s.doc.enums);
  const domains = useEditor((s) => s.doc.domains);
  const dialect = useEditor((s) => s.doc.settings.dialect);
  const fkIds = fkKey ? fkKey.split(',') : [];
  const pk = table.primaryKey?.columnIds ?? [];

  const dispatch = useCallback(
    (command: Parameters<ReturnType<typeof store.getState>['dispatch']>[0]) => {
      // Integrity side effects (lastChanges) are announced by the editor shell.
      const r = store.getState().dispatch(command);
      if ('error' in r) toast(r.error, 'error');
      return !('error' in r);
    },
    [store, toast],
  );

  const togglePk = (columnId: string) => {
    const next = pk.includes(columnId) ? pk.filter((c) => c !== columnId) : [...pk, columnId];
    dispatch({ type: 'primaryKey.set', tableId: table.id, primaryKey: next.length ? { ...table.primaryKey, columnIds: next } : undefined });
  };

  if (table.columns.length === 0) {
    return <div className="db-row db-row-empty">no columns</div>;
  }
  return (
    <>
      {table.columns.map((col) => {
        const isPk = pk.includes(col.id);
        const isFk = fkIds.includes(col.id);
        const typeText = formatColumnType(col.type, col.arrayDims, { enums, domains }, dialect);
        return (
          <div
            key={col.id}
            className={`db-row ${selectedColumnId === col.id ? 'is-selected' : ''}`}
            data-testid="column-row"
            data-column-name={col.name}
            onClick={(e) => {
              e.stopPropagation();
              store.getState().select({ kind: 'column', tableId: table.id, columnId: col.id });
            }}
          >
            <Handle type="source" position={Position.Left} id={handleId(col.id, 'l')} className="db-handle" />
            <button
              type="button"
              className={`nodrag db-key ${isPk ? 'is-pk' : isFk ? 'is-fk' : ''}`}
              aria-label={`${isPk ? 'Remove' : 'Add'} ${col.name} ${isPk ? 'from' : 'to'} the primary key`}
              title={isPk ? 'Primary key (click to remove)' : isFk ? 'Foreign key (click to add to the primary key)' : 'Click to add to the primary key'}
              onClick={(e) => (e.stopPropagation(), togglePk(col.id))}
            >
              {isPk ? 'PK' : isFk ? 'FK' : ''}
            </button>
            {editing?.kind === 'column-name' && editing.columnId === col.id ? (
              <InlineText
                value={col.name}
                label="Column name"
                onCommit={(name) => {
                  dispatch({ type: 'column.update', tableId: table.id, columnId: col.id, changes: { name } });
                  setEditing(undefined);
                }}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <span className="db-col-name" title={col.comment ?? col.name} onDoubleClick={(e) => (e.stopPropagation(), setEditing({ kind: 'column-name', columnId: col.id }))}>
                {col.name}
              </span>
            )}
            {editing?.kind === 'column-type' && editing.columnId === col.id ? (
              <InlineText
                value={typeText}
                label="Column type"
                className="db-type-input"
                onCommit={(text) => {
                  const parsed = parseTypeText(text, {
                    dialect,
                    enumsByName: new Map(Object.values(enums).map((x) => [x.name, x.id])),
                    domainsByName: new Map(Object.values(domains).map((x) => [x.name, x.id])),
                  });
                  if (!parsed.ok) toast(parsed.error, 'error');
                  else dispatch({ type: 'column.update', tableId: table.id, columnId: col.id, changes: { type: parsed.value.type, arrayDims: parsed.value.arrayDims || undefined } });
                  setEditing(undefined);
                }}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <span className="db-col-type" onDoubleClick={(e) => (e.stopPropagation(), setEditing({ kind: 'column-type', columnId: col.id }))}>
                {typeText}
              </span>
            )}
            <button
              type="button"
              className="nodrag db-null"
              aria-label={`${col.name} ${col.nullable ? 'nullable' : 'not null'}`}
              title={col.nullable ? 'Nullable (click for NOT NULL)' : 'NOT NULL (click to allow NULL)'}
              onClick={(e) => (e.stopPropagation(), dispatch({ type: 'column.update', tableId: table.id, columnId: col.id, changes: { nullable: !col.nullable } }))}
            >
              {col.nullable ? '?' : '!'}
            </button>
            <Handle type="source" position={Position.Right} id={handleId(col.id, 'r')} className="db-handle" />
          </div>
        );
      })}
    </>
  );
}
