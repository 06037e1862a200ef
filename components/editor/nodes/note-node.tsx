'use client';
/** A sticky note: text edited in place (double-click), resized with the corner handles. */
import { memo, useState } from 'react';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { useEditor, useEditorStore } from '../store/editor-store';
import type { NoteNode } from '../flow/to-flow';

export const NoteNodeView = memo(function NoteNodeView({ id, selected }: NodeProps<NoteNode>) {
  const note = useEditor((s) => s.doc.notes[id]);
  const store = useEditorStore();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const readOnly = useEditor((s) => s.readOnly !== undefined);
  if (!note) return null;
  return (
    <div className={`db-note ${selected ? 'is-selected' : ''}`} style={{ background: note.color }} data-testid="note-node" onDoubleClick={() => !readOnly && (setText(note.text), setEditing(true))}>
      <NodeResizer
        isVisible={selected && !readOnly}
        minWidth={120}
        minHeight={60}
        onResizeEnd={(_, p) => store.getState().dispatch({ type: 'layout.setNote', noteId: id, geometry: { x: p.x, y: p.y, width: p.width, height: p.height } })}
      />
      {editing ? (
        <textarea
          className="nodrag nowheel db-note-input"
          aria-label="Note text"
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') setEditing(false);
          }}
          onBlur={() => {
            setEditing(false);
            if (text !== note.text) store.getState().dispatch({ type: 'note.update', noteId: id, changes: { text } });
          }}
        />
      ) : (
        <div className="db-note-text">{note.text || 'Double-click to write'}</div>
      )}
    </div>
  );
}, (a, b) => a.id === b.id && a.selected === b.selected);
