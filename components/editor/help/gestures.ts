/** What the mouse does on the canvas, shown under the shortcuts in the help overlay (what newcomers asked for). */
export const GESTURES: readonly { task: string; how: string }[] = [
  { task: 'Add a column', how: 'Click + in the table header, type its name, Tab, its type; Enter adds the next column.' },
  { task: 'Draw a foreign key', how: "Drag from the dot at either end of the foreign-key column's row onto the referenced column in the other table." },
  { task: 'Rename', how: 'Double-click a table name or a column name or type.' },
  { task: 'Reorder columns', how: 'Drag a row by its ⠿ grip, or Alt+Up / Alt+Down on the selected column.' },
  { task: 'Collapse a table', how: 'Click ▾ in its header: only the key columns stay.' },
  { task: 'Select a relationship', how: 'Click its line; the inspector shows its columns, actions and cardinality.' },
  { task: 'Zoomed out', how: 'Click a table to select it, drag to move it, double-click to zoom in on it.' },
];
