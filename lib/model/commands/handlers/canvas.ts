/** area.*, note.* and layout.*: presentation only; generators never read any of it. */
import { original } from 'immer';
import { areaSchema, noteSchema, type SchemaDocument } from '../../document';
import {
  assignChanges, changeableKeys, checkChangeKeys, checkShape, requireIn, requireNewId, requireTable,
} from '../context';
import { CommandError } from '../errors';
import type { CommandOf, Point } from '../types';

const COLOR = /^#[0-9a-fA-F]{6}$/;

function checkPoint(p: Point, what: string): void {
  if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new CommandError('invalid-value', `${what}: x and y must be finite numbers`);
}

function checkSize(width: number, height: number, what: string): void {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new CommandError('invalid-value', `${what}: width and height must be positive numbers`);
  }
}

function requireTableIds(doc: SchemaDocument, tableIds: readonly string[]): void {
  for (const id of tableIds) requireTable(doc, id);
}

export function addArea(doc: SchemaDocument, cmd: CommandOf<'area.add'>): void {
  const area = checkShape(areaSchema, cmd.area, 'area');
  requireNewId(doc.areas, area.id, 'area');
  requireTableIds(doc, area.tableIds);
  area.tableIds = [...new Set(area.tableIds)];
  doc.areas[area.id] = area;
}

export function updateArea(doc: SchemaDocument, cmd: CommandOf<'area.update'>): void {
  const area = requireIn(doc.areas, cmd.areaId, 'area');
  checkChangeKeys(cmd.changes, changeableKeys(areaSchema), 'area');
  if (cmd.changes.tableIds) requireTableIds(doc, cmd.changes.tableIds);
  assignChanges(area, cmd.changes);
  checkShape(areaSchema, area, 'area');
  if (cmd.changes.tableIds) area.tableIds = [...new Set(area.tableIds)];
}

export function removeArea(doc: SchemaDocument, cmd: CommandOf<'area.remove'>): void {
  requireIn(doc.areas, cmd.areaId, 'area');
  delete doc.areas[cmd.areaId];
}

export function addTablesToArea(doc: SchemaDocument, cmd: CommandOf<'area.addTables'>): void {
  const area = requireIn(doc.areas, cmd.areaId, 'area');
  requireTableIds(doc, cmd.tableIds);
  for (const id of cmd.tableIds) if (!area.tableIds.includes(id)) area.tableIds.push(id);
}

export function removeTablesFromArea(doc: SchemaDocument, cmd: CommandOf<'area.removeTables'>): void {
  const area = requireIn(doc.areas, cmd.areaId, 'area');
  const gone = new Set(cmd.tableIds);
  if (area.tableIds.some((id) => gone.has(id))) area.tableIds = area.tableIds.filter((id) => !gone.has(id));
}

export function addNote(doc: SchemaDocument, cmd: CommandOf<'note.add'>): void {
  const note = checkShape(noteSchema, cmd.note, 'note');
  requireNewId(doc.notes, note.id, 'note');
  const { x, y, width, height } = cmd.geometry;
  checkPoint({ x, y }, 'note position');
  checkSize(width, height, 'note size');
  doc.notes[note.id] = note;
  doc.layout.notes[note.id] = { x, y, width, height };
}

export function updateNote(doc: SchemaDocument, cmd: CommandOf<'note.update'>): void {
  const note = requireIn(doc.notes, cmd.noteId, 'note');
  checkChangeKeys(cmd.changes, changeableKeys(noteSchema), 'note');
  assignChanges(note, cmd.changes);
  checkShape(noteSchema, note, 'note');
}

export function removeNote(doc: SchemaDocument, cmd: CommandOf<'note.remove'>): void {
  requireIn(doc.notes, cmd.noteId, 'note');
  delete doc.notes[cmd.noteId];
  delete doc.layout.notes[cmd.noteId];
}

/** Past this many tables a move replaces the positions record whole (see moveTables). */
const BULK_MOVE = 64;

export function moveTables(doc: SchemaDocument, cmd: CommandOf<'layout.moveTables'>): void {
  const entries = Object.entries(cmd.positions);
  if (entries.length > BULK_MOVE) return moveTablesInBulk(doc, entries);
  for (const [id, p] of entries) {
    requireTable(doc, id);
    checkPoint(p, `position of table "${doc.tables[id].name}"`);
    const entry = doc.layout.tables[id];
    if (!entry) doc.layout.tables[id] = { x: p.x, y: p.y };
    else if (entry.x !== p.x || entry.y !== p.y) {
      entry.x = p.x;
      entry.y = p.y;
    }
  }
}

/**
 * An auto-layout moves every table: drafting each position entry cost ~155 ms at 1,000 tables and
 * ~300 ms at 5,000 (a proxy and two patches per table, twice with the inverse), all on the page's
 * main thread. Building the new record outside the draft makes it one replace patch (and one inverse).
 */
function moveTablesInBulk(doc: SchemaDocument, entries: [string, Point][]): void {
  const before = original(doc.layout.tables) ?? doc.layout.tables;
  // Read tables from the base, not the draft: touching a draft's entry makes a proxy for it.
  const tables = original(doc.tables) ?? doc.tables;
  const next: SchemaDocument['layout']['tables'] = { ...before };
  let changed = false;
  for (const [id, p] of entries) {
    const table = tables[id];
    if (!table) requireTable(doc, id); // throws the usual not-found error
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) checkPoint(p, `position of table "${table.name}"`);
    const entry = before[id];
    if (entry && entry.x === p.x && entry.y === p.y) continue;
    // Frozen here (the entries are flat): immer's deep auto-freeze of 5,000 new entries cost ~180 ms.
    next[id] = Object.freeze(entry ? { ...entry, x: p.x, y: p.y } : { x: p.x, y: p.y });
    changed = true;
  }
  if (changed) doc.layout.tables = Object.freeze(next);
}

export function setTableColor(doc: SchemaDocument, cmd: CommandOf<'layout.setTableColor'>): void {
  requireTable(doc, cmd.tableId);
  if (cmd.color !== undefined && !COLOR.test(cmd.color)) throw new CommandError('invalid-value', `invalid colour "${cmd.color}": expected a colour like #1e90ff`);
  const entry = doc.layout.tables[cmd.tableId];
  if (cmd.color === undefined) {
    if (entry) delete entry.color;
  } else if (entry) entry.color = cmd.color;
  else doc.layout.tables[cmd.tableId] = { x: 0, y: 0, color: cmd.color };
}

export function setTablesCollapsed(doc: SchemaDocument, cmd: CommandOf<'layout.setTablesCollapsed'>): void {
  requireTableIds(doc, cmd.tableIds);
  for (const id of cmd.tableIds) {
    const entry = doc.layout.tables[id];
    if (!cmd.collapsed) {
      if (entry) delete entry.collapsed;
    } else if (entry) entry.collapsed = true;
    else doc.layout.tables[id] = { x: 0, y: 0, collapsed: true };
  }
}

export function setNoteGeometry(doc: SchemaDocument, cmd: CommandOf<'layout.setNote'>): void {
  requireIn(doc.notes, cmd.noteId, 'note');
  const current = doc.layout.notes[cmd.noteId] ?? { x: 0, y: 0, width: 200, height: 120 };
  const next = { ...current, ...cmd.geometry };
  checkPoint(next, 'note position');
  checkSize(next.width, next.height, 'note size');
  const entry = doc.layout.notes[cmd.noteId];
  if (!entry) doc.layout.notes[cmd.noteId] = { x: next.x, y: next.y, width: next.width, height: next.height };
  else assignChanges(entry, cmd.geometry);
}
