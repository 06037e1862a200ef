/**
 * Names the element and field a merge path points at, the way the user knows them:
 * `["tables","t_1","columns","c_7","name"]` -> element `table "orders" › column "status"`, field `name`.
 * Elements are looked up in each document given (mine, theirs, base), so a removed one still has a name.
 */
import type { SchemaDocument } from '../document';
import { isPlainObject, ORDER_SEGMENT, type MergePath } from './three-way';

export interface PathLabel {
  element: string;
  /** Absent when the path is the element itself (added, removed). */
  field?: string;
}

const KINDS: Readonly<Record<string, string>> = {
  schemas: 'schema',
  tables: 'table',
  relationships: 'relationship',
  enums: 'enum',
  domains: 'domain',
  views: 'view',
  extensions: 'extension',
  sequences: 'sequence',
  areas: 'area',
  notes: 'note',
  columns: 'column',
  uniques: 'unique constraint',
  checks: 'check',
  indexes: 'index',
  queryPatterns: 'query pattern',
};

const FIELD_NAMES: Readonly<Record<string, string>> = { 'x+y': 'position', 'width+height': 'size', [ORDER_SEGMENT]: 'order' };

function fieldLabel(segments: readonly string[]): string | undefined {
  return segments.length ? segments.map((s) => FIELD_NAMES[s] ?? s).join('.') : undefined;
}

/** The element with `id` in a record or list, or undefined. */
export function childById(container: unknown, id: string): unknown {
  if (Array.isArray(container)) return container.find((el) => isPlainObject(el) && el.id === id);
  return isPlainObject(container) ? container[id] : undefined;
}

function tableName(docs: readonly SchemaDocument[], id: string): string {
  for (const d of docs) if (d.tables[id]) return d.tables[id].name;
  return id;
}

function quotedName(kind: string, items: readonly unknown[], id: string, docs: readonly SchemaDocument[]): string {
  const el = items.find(isPlainObject);
  if (!el) return `"${id}"`;
  if (typeof el.name === 'string') return `"${el.name}"`;
  if (kind === 'relationship' && typeof el.fromTableId === 'string' && typeof el.toTableId === 'string') {
    return `${tableName(docs, el.fromTableId)} → ${tableName(docs, el.toTableId)}`;
  }
  if (kind === 'note' && typeof el.text === 'string' && el.text.trim()) {
    const text = el.text.trim().replace(/\s+/g, ' ');
    return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
  }
  return `"${id}"`;
}

export function describeMergePath(path: MergePath, docs: readonly SchemaDocument[]): PathLabel {
  const [top, ...rest] = path;
  if (top === 'settings') return { element: 'project settings', field: fieldLabel(rest) };
  if (top === 'layout') {
    const [sub, id, ...field] = rest;
    if (sub === 'tables' && id !== undefined && id !== ORDER_SEGMENT) return { element: `table "${tableName(docs, id)}" on the canvas`, field: fieldLabel(field) };
    if (sub === 'notes' && id !== undefined && id !== ORDER_SEGMENT) {
      const notes = docs.map((d) => d.notes[id]);
      return { element: `note ${quotedName('note', notes, id, docs)} on the canvas`, field: fieldLabel(field) };
    }
    return { element: 'canvas', field: fieldLabel(rest) };
  }
  if (top === 'design' && rest[0] !== 'queryPatterns') {
    const [sub, ...field] = rest;
    if (sub === 'narrative') return { element: 'design document', field: field.length ? `${field.join('.')} section` : 'narrative' };
    return { element: 'design requirements', field: fieldLabel(field) };
  }

  const parts: string[] = [];
  let nodes: unknown[] = [...docs];
  let i = 0;
  if (top === 'design') {
    nodes = docs.map((d) => d.design);
    i = 1;
  }
  while (i < path.length) {
    const seg = path[i];
    const kind = KINDS[seg];
    const id = path[i + 1];
    if (!kind || id === undefined) break;
    if (id === ORDER_SEGMENT) {
      return { element: parts.join(' › ') || seg, field: parts.length ? `order of ${seg}` : 'order' };
    }
    const items = nodes.map((n) => childById(isPlainObject(n) ? n[seg] : undefined, id));
    parts.push(`${kind} ${quotedName(kind, items, id, docs)}`);
    nodes = items;
    i += 2;
  }
  return { element: parts.join(' › ') || String(top), field: fieldLabel(path.slice(i)) };
}

/**
 * A validation issue path (`tables.t_1.indexes.2.parts.0.columnId`, array positions) as a merge path
 * (element ids instead of positions), read against the merged tree.
 */
export function issuePathToMergePath(issuePath: string, tree: unknown): string[] {
  const out: string[] = [];
  let node = tree;
  for (const seg of issuePath.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      const el: unknown = node[Number(seg)];
      out.push(isPlainObject(el) && typeof el.id === 'string' ? el.id : seg);
      node = el;
    } else {
      out.push(seg);
      node = isPlainObject(node) ? node[seg] : undefined;
    }
  }
  return out;
}
