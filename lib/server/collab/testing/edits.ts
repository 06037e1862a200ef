/**
 * A realistic mix of edits for load and durability runs, and the check that an edit is in a document.
 *
 * Each client writes in a way whose outcome is checkable after any merge: it adds columns (one in ten
 * to the shared table, where everyone adds, the rest to its own tables), renames its OWN columns and moves its OWN table
 * (one writer per value: the final value must be that client's last write), and appends unique tokens
 * to a narrative section it may share with others (concurrent typing merges; every token stays whole).
 */
import 'server-only';
import { makeColumn, scalar } from '../../../model/build';
import type { Command } from '../../../model/commands/apply';
import { narrativeSectionKeys, type SchemaDocument } from '../../../model/document';
import type { CollabTestClient, EditRecord } from './client';
import { ADD_TABLES, OWN_COLUMNS, SHARED_TABLE, addTable, ownColumn, ownTable } from './fixtures';

export type EditKind = 'addColumn' | 'rename' | 'moveTable' | 'type';

/** Cumulative weights of the mix: 35 % add column, 25 % rename, 20 % move, 20 % typing. */
const MIX: Array<[number, EditKind]> = [[0.35, 'addColumn'], [0.6, 'rename'], [0.8, 'moveTable'], [1, 'type']];

/** The project's seeded PRNG, so a run can be repeated. */
export { mulberry32 as prng } from '../../../random/mulberry32';

export const sectionOf = (client: number) => narrativeSectionKeys[client % narrativeSectionKeys.length];

/** The next edit of client number `index` (its n-th), chosen from the mix; `doc` is its current document. */
export function nextEdit(index: number, n: number, doc: SchemaDocument, random: () => number, kind?: EditKind): Command {
  const roll = random();
  const chosen = kind ?? MIX.find(([w]) => roll < w)![1];
  switch (chosen) {
    case 'addColumn': {
      const id = `c_add_${index}_${n}`;
      // One add in ten goes to the table everyone adds to (concurrent adds into one list).
      const tableId = random() < 0.1 ? SHARED_TABLE : addTable(index, n % ADD_TABLES);
      return { type: 'column.add', tableId, column: makeColumn({ id, name: `a${index}_${n}`, type: scalar('text'), nullable: true }, () => id) };
    }
    case 'rename': {
      const k = Math.floor(random() * OWN_COLUMNS);
      return { type: 'column.update', tableId: ownTable(index), columnId: ownColumn(index, k), changes: { name: `r${index}_${k}_${n}` } };
    }
    case 'moveTable':
      return { type: 'layout.moveTables', positions: { [ownTable(index)]: { x: 40 * index + n, y: 10 * n } } };
    case 'type': {
      const section = sectionOf(index);
      const before = doc.design?.narrative?.[section] ?? '';
      return { type: 'design.setNarrative', section, markdown: `${before} w${index}_${n};` };
    }
  }
}

/** What an edit wrote, as a key and the value the final document must hold unless a later write of the same key replaced it. */
function effect(command: Command): { key: string; check: (doc: SchemaDocument) => boolean } | undefined {
  switch (command.type) {
    case 'column.add':
      return { key: `add:${command.column.id}`, check: (doc) => !!doc.tables[command.tableId]?.columns.some((c) => c.id === command.column.id) };
    case 'column.update': {
      const name = command.changes.name;
      return { key: `name:${command.columnId}`, check: (doc) => doc.tables[command.tableId]?.columns.find((c) => c.id === command.columnId)?.name === name };
    }
    case 'layout.moveTables': {
      const [tableId, p] = Object.entries(command.positions)[0];
      return { key: `pos:${tableId}`, check: (doc) => doc.layout.tables[tableId]?.x === p.x && doc.layout.tables[tableId]?.y === p.y };
    }
    case 'design.setNarrative': {
      // The token this edit appended (the markdown's last word): typing merges, so only it is checked.
      const token = command.markdown.slice(command.markdown.lastIndexOf(' ') + 1);
      return { key: `type:${token}`, check: (doc) => (doc.design?.narrative?.[command.section] ?? '').split(' ').includes(token) };
    }
    default:
      return undefined;
  }
}

/**
 * The edits of `edits` (pass ALL of a client's edits, in order) missing from `doc`. A value written
 * several times (a name, a position) is checked at its last write that `counts` (by default every
 * edit; for durability, the acknowledged ones): the document must hold that write's value or the value
 * of a later write of the same key (which may or may not have reached the server). Only that edit is
 * reported for its key.
 */
export function missingEdits(doc: SchemaDocument, edits: readonly EditRecord[], counts: (e: EditRecord) => boolean = () => true): EditRecord[] {
  const byKey = new Map<string, EditRecord[]>();
  for (const e of edits) {
    const k = effect(e.command)?.key;
    if (!k) continue;
    const key = `${e.client}\u0000${k}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(e);
  }
  const missing: EditRecord[] = [];
  for (const writes of byKey.values()) {
    let last = -1;
    writes.forEach((w, i) => {
      if (counts(w)) last = i;
    });
    if (last < 0) continue;
    if (!writes.slice(last).some((w) => effect(w.command)!.check(doc))) missing.push(writes[last]);
  }
  return missing.sort((a, b) => a.sentAt - b.sentAt);
}

/** Acknowledged edits of these clients that `doc` lacks (see missingEdits). */
export function missingAcknowledged(doc: SchemaDocument, clients: readonly CollabTestClient[]): EditRecord[] {
  return clients.flatMap((c) => missingEdits(doc, c.edits, (e) => e.ackedAt !== undefined));
}
