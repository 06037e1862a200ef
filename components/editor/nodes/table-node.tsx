'use client';
/**
 * One table on the canvas. Memoized, with id-only node data: it reads its own table from the store
 * through a narrow selector, so an edit to one table re-renders this node only. Below the zoom
 * threshold it renders the name only (no rows, no handles; edges still attach at the declared
 * handle positions).
 */
import { memo, useCallback, useRef, useState } from 'react';
import { Handle, Position, useStore as useFlowStore, useStoreApi, type NodeProps } from '@xyflow/react';
import type { Column, Table } from '@/lib/model/document';
import { makeColumn, scalar } from '@/lib/model/build';
import { formatColumnType, parseTypeText } from '@/lib/dialects/type-text';
import { useEditor, useEditorStore } from '../store/editor-store';
import type { TableNode } from '../flow/to-flow';
import { handleId, LOW_DETAIL_ZOOM, ROW_HEIGHT, shownColumns } from '../flow/geometry';
import { firstFreeName } from '@/lib/naming/unique-names';
import { foreignKeyColumnsByTable } from '../flow/names';
import { InlineText } from './inline-text';
import { useToast } from '../toast';
import { TableMarker } from '../review/table-marker';
import { CommentMarker } from '../comments/comment-marker';
import { describeMark, useDiffView } from '../versions/diff-context';
import { DiffExtras } from '../versions/diff-extras';

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
  const collapsed = useEditor((s) => s.doc.layout.tables[id]?.collapsed === true);
  const [editing, setEditingState] = useState<Editing>(undefined);
  // Read-only (the role, or a share link): names and types never open for typing.
  const readOnly = useEditor((s) => s.readOnly !== undefined);
  const setEditing = (e: Editing) => setEditingState(readOnly ? undefined : e);
  // A freshly added table opens its name for typing (the request is cleared on commit or cancel).
  const renameRequested = useEditor((s) => s.renameRequest === id);
  // Comparing versions: how this table changed (added, removed = a ghost, changed), else undefined.
  const diff = useDiffView();
  const diffStatus = diff?.tables.get(id);
  const ownMark = diff?.marks.get(id);

  if (!table) return null;
  const style = color ? { ['--db-table-accent' as string]: color } : undefined;

  if (lowDetail) {
    return (
      <div className={`db-table db-table-low ${selected ? 'is-selected' : ''}`} style={style} data-testid="table-node" data-table-name={table.name} data-diff={diffStatus}>
        <div className="db-table-low-name">{table.name}</div>
        <TableMarker tableId={id} />
        <CommentMarker tableId={id} />
      </div>
    );
  }
  return (
    <div
      className={`db-table ${selected ? 'is-selected' : ''} ${collapsed ? 'is-collapsed' : ''}`}
      style={style}
      data-testid="table-node"
      data-table-name={table.name}
      data-collapsed={collapsed || undefined}
      data-diff={diffStatus}
      title={ownMark ? describeMark(ownMark) : undefined}
    >
      <TableHeader table={table} collapsed={collapsed} editing={editing?.kind === 'table' || renameRequested} setEditing={setEditing} />
      <ColumnRows table={table} collapsed={collapsed} editing={editing} setEditing={setEditing} />
      {diff?.extras.has(id) && <DiffExtras entries={diff.extras.get(id)!} />}
    </div>
  );
}, sameNodeProps);

function TableHeader({ table, collapsed, editing, setEditing }: { table: Table; collapsed: boolean; editing: boolean; setEditing: (e: Editing) => void }) {
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
  const addColumn = useAddColumn(table, setEditing);
  return (
    <div className="db-table-header" onDoubleClick={(e) => (e.stopPropagation(), setEditing({ kind: 'table' }))}>
      {editing ? (
        <InlineText value={table.name} label="Table name" onCommit={rename} onCancel={stopEditing} />
      ) : (
        <span className="db-table-name" title={table.comment ?? table.name}>
          {table.name}
        </span>
      )}
      <TableMarker tableId={table.id} />
      <CommentMarker tableId={table.id} />
      <button
        type="button"
        className="nodrag db-icon-button"
        aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${table.name}`}
        aria-expanded={!collapsed}
        title={collapsed ? 'Expand: show every column' : 'Collapse: key columns only'}
        onClick={(e) => {
          e.stopPropagation();
          const r = store.getState().dispatch({ type: 'layout.setTablesCollapsed', tableIds: [table.id], collapsed: !collapsed });
          if ('error' in r) toast(r.error, 'error');
        }}
      >
        {collapsed ? '▸' : '▾'}
      </button>
      <button
        type="button"
        className="nodrag db-icon-button"
        aria-label={`Add column to ${table.name}`}
        title="Add column (then type its name, Tab, its type, Enter for the next)"
        onClick={(e) => {
          e.stopPropagation();
          addColumn();
        }}
      >
        +
      </button>
    </div>
  );
}

/** Adds a column (after `afterColumnId`, or last), selects it and opens its name for typing. */
function useAddColumn(table: Table, setEditing: (e: Editing) => void) {
  const store = useEditorStore();
  const toast = useToast();
  return (afterColumnId?: string) => {
    const current = store.getState().doc.tables[table.id] ?? table;
    const column: Column = makeColumn({ name: firstFreeName('column', current.columns.map((c) => c.name)), type: scalar('text') });
    const at = afterColumnId ? current.columns.findIndex((c) => c.id === afterColumnId) : -1;
    const r = store.getState().dispatch({ type: 'column.add', tableId: table.id, column, ...(at >= 0 ? { index: at + 1 } : {}) });
    if ('error' in r) return toast(r.error, 'error');
    store.getState().select({ kind: 'column', tableId: table.id, columnId: column.id });
    setEditing({ kind: 'column-name', columnId: column.id });
  };
}

function ColumnRows({ table, collapsed, editing, setEditing }: { table: Table; collapsed: boolean; editing: Editing; setEditing: (e: Editing) => void }) {
  const store = useEditorStore();
  const addColumn = useAddColumn(table, setEditing);
  const relationships = useEditor((s) => s.doc.relationships);
  const rows = shownColumns(table, collapsed, relationships);
  const reorder = useRowReorder(table, rows);
  const toast = useToast();
  const selectedColumnId = useEditor((s) => (s.selection.kind === 'column' && s.selection.tableId === table.id ? s.selection.columnId : undefined));
  const fkKey = useEditor((s) => foreignKeyColumnsByTable(s.doc.relationships).get(table.id) ?? '');
  const enums = useEditor((s) => s.doc.enums);
  const domains = useEditor((s) => s.doc.domains);
  const dialect = useEditor((s) => s.doc.settings.dialect);
  const fkIds = fkKey ? fkKey.split(',') : [];
  const pk = table.primaryKey?.columnIds ?? [];
  const diff = useDiffView();

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

  // Set by the type editor's commit, read by its onNext in the same key event.
  const typeRejected = useRef(false);

  if (rows.length === 0) {
    return <div className="db-row db-row-empty">{collapsed ? `${table.columns.length} columns, no keys` : 'no columns'}</div>;
  }
  return (
    <>
      {rows.map((col, index) => {
        const isPk = pk.includes(col.id);
        const isFk = fkIds.includes(col.id);
        const typeText = formatColumnType(col.type, col.arrayDims, { enums, domains }, dialect);
        const mark = diff?.marks.get(col.id);
        return (
          <div
            key={col.id}
            className={`db-row ${selectedColumnId === col.id ? 'is-selected' : ''} ${reorder.draggedId === col.id ? 'is-dragged' : ''}`}
            style={reorder.offsetOf(index)}
            data-testid="column-row"
            data-column-name={col.name}
            data-diff={mark?.change}
            title={mark ? describeMark(mark) : undefined}
            onClick={(e) => {
              e.stopPropagation();
              store.getState().select({ kind: 'column', tableId: table.id, columnId: col.id });
            }}
          >
            <Handle type="source" position={Position.Left} id={handleId(col.id, 'l')} className="db-handle" />
            <button
              type="button"
              className={`nodrag db-key ${isPk ? 'is-pk' : ''} ${isFk ? 'is-fk' : ''}`}
              aria-label={`${isPk ? 'Remove' : 'Add'} ${col.name} ${isPk ? 'from' : 'to'} the primary key`}
              title={`${isPk ? 'Primary key' : ''}${isPk && isFk ? ' and ' : ''}${isFk ? 'foreign key' : ''}${isPk || isFk ? ' — ' : ''}click to ${isPk ? 'remove from' : 'add to'} the primary key`}
              onClick={(e) => (e.stopPropagation(), togglePk(col.id))}
            >
              {/* A column can be both: a one-to-one child's key, a junction table's key part. */}
              {isPk && <span className="db-badge-pk">PK</span>}
              {isFk && <span className="db-badge-fk">FK</span>}
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
                // Name, then type: Enter or Tab goes on to the type.
                onNext={(key) => (key === 'ShiftTab' ? setEditing(undefined) : setEditing({ kind: 'column-type', columnId: col.id }))}
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
                  typeRejected.current = !parsed.ok;
                  if (!parsed.ok) toast(parsed.error, 'error');
                  else dispatch({ type: 'column.update', tableId: table.id, columnId: col.id, changes: { type: parsed.value.type, arrayDims: parsed.value.arrayDims || undefined } });
                  setEditing(undefined);
                }}
                onCancel={() => setEditing(undefined)}
                // Type, then on: Enter adds the next column after this one, Tab goes to the next
                // column's name (or adds one after the last), Shift+Tab back to the name. A type that
                // does not parse keeps the user on it.
                onNext={(key) => {
                  if (typeRejected.current) return setEditing({ kind: 'column-type', columnId: col.id });
                  if (key === 'ShiftTab') return setEditing({ kind: 'column-name', columnId: col.id });
                  const next = rows[index + 1];
                  if (key === 'Tab' && next) return setEditing({ kind: 'column-name', columnId: next.id });
                  addColumn(col.id);
                }}
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
            <span
              className="nodrag nopan db-grip"
              role="button"
              aria-label={`Drag to move ${col.name}`}
              title="Drag to reorder (or Alt+Up / Alt+Down)"
              onPointerDown={(e) => reorder.start(e, col.id, index)}
              onClick={(e) => e.stopPropagation()}
            >
              ⠿
            </span>
            <Handle type="source" position={Position.Right} id={handleId(col.id, 'r')} className="db-handle" />
          </div>
        );
      })}
    </>
  );
}

/**
 * Drag a row by its grip to reorder the columns: the row follows the pointer (in flow units, so any
 * zoom works), the rows it passes make room, and the drop is one `column.move` (one undo step).
 * Rows of a collapsed table move among the shown rows, landing next to the shown row they pass.
 */
function useRowReorder(table: Table, rows: readonly Column[]) {
  const store = useEditorStore();
  const flow = useStoreApi();
  const toast = useToast();
  const [drag, setDrag] = useState<{ columnId: string; from: number; to: number; dy: number }>();

  const start = (e: React.PointerEvent<HTMLElement>, columnId: string, from: number) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const y0 = e.clientY;
    const zoom = flow.getState().transform[2] || 1;
    let current = { columnId, from, to: from, dy: 0 };
    const move = (ev: PointerEvent) => {
      const dy = (ev.clientY - y0) / zoom;
      const to = Math.max(0, Math.min(rows.length - 1, from + Math.round(dy / ROW_HEIGHT)));
      current = { columnId, from, to, dy };
      setDrag(current);
    };
    const end = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', end);
      el.removeEventListener('pointercancel', end);
      setDrag(undefined);
      if (current.to === current.from) return;
      const toIndex = table.columns.findIndex((c) => c.id === rows[current.to].id);
      const r = store.getState().dispatch({ type: 'column.move', tableId: table.id, columnId, toIndex });
      if ('error' in r) toast(r.error, 'error');
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
    setDrag(current);
  };

  const offsetOf = (index: number): React.CSSProperties | undefined => {
    if (!drag) return undefined;
    if (index === drag.from) return { transform: `translateY(${drag.dy}px)`, zIndex: 2 };
    if (drag.from < drag.to && index > drag.from && index <= drag.to) return { transform: `translateY(${-ROW_HEIGHT}px)` };
    if (drag.to < drag.from && index >= drag.to && index < drag.from) return { transform: `translateY(${ROW_HEIGHT}px)` };
    return undefined;
  };

  return { start, offsetOf, draggedId: drag?.columnId };
}
