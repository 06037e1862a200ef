/**
 * The merge against real edit histories: random command sequences (the editor's own command types,
 * applied with applyCommand) on two copies of the kitchen sink.
 *
 * - Non-overlapping: each side edits only the tables, views, areas, notes, enums and design sections
 *   it owns (plus what it adds itself), and never a relationship reaching the other side. The merge
 *   reports nothing and equals replaying both histories, in either order.
 * - Overlapping: both sides edit anything. Every element both changed differently is reported with
 *   both values; whichever side is chosen, nothing else is lost: every change either side made is in
 *   the result unless it lies under a reported conflict, where the chosen side's value is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, CommandError, type Command } from '../commands/apply';
import { makeColumn, makeIndex, makeTable, scalar } from '../build';
import { narrativeSectionKeys, type SchemaDocument } from '../document';
import { kitchenSinkDocument } from '../fixtures/kitchen-sink';
import { mergeDocuments, type DocumentConflict, type Side } from './merge-documents';

const sink = kitchenSinkDocument();
const TABLE_IDS = Object.keys(sink.tables);
const VIEW_IDS = Object.keys(sink.views);
const AREA_IDS = Object.keys(sink.areas);
const COLORS = ['#ff0000', '#00aa00', '#0000ff'];
const OP_KINDS = 24;

interface Op { kind: number; a: number; b: number; x: number; y: number }
/** `a` picks the element; a small range makes the two sides pick the same ones often (overlaps). */
const opArb = (aMax: number): fc.Arbitrary<Op> => fc.record({
  kind: fc.nat(OP_KINDS - 1),
  a: fc.nat(aMax),
  b: fc.nat(1000),
  x: fc.integer({ min: -3000, max: 3000 }),
  y: fc.integer({ min: -3000, max: 3000 }),
});

/** What one side may touch. `all` = anything (the overlapping case). */
interface Side$ {
  tag: 'm' | 't';
  all: boolean;
  tables: Set<string>;
  views: Set<string>;
  areas: Set<string>;
  notes: Set<string>;
  enums: Set<string>;
  sections: Set<string>;
  n: number;
}

const at = <T>(items: readonly T[], i: number): T | undefined => (items.length ? items[i % items.length] : undefined);

/** Relationships this side may touch (both ends its own), and whether a table or column is held by another one. */
function ownsRelationship(doc: SchemaDocument, s: Side$, relId: string): boolean {
  const r = doc.relationships[relId];
  return s.all || (!!r && s.tables.has(r.fromTableId) && s.tables.has(r.toTableId));
}
function sharedByRelationship(doc: SchemaDocument, s: Side$, tableId: string, columnId?: string): boolean {
  return Object.values(doc.relationships).some((r) => {
    const touches = columnId === undefined
      ? r.fromTableId === tableId || r.toTableId === tableId
      : r.columnPairs.some((p) => (r.fromTableId === tableId && p.fromColumnId === columnId) || (r.toTableId === tableId && p.toColumnId === columnId));
    return touches && !ownsRelationship(doc, s, r.id);
  });
}

/** A command for `op` against the side's current document, or undefined when there is nothing to do it to. */
function commandFor(doc: SchemaDocument, s: Side$, op: Op): Command | undefined {
  const n = ++s.n;
  // Overlapping histories draw names from a small shared pool too, so clashes happen.
  const name = (what: string) => (s.all && op.b % 3 === 0 ? `shared_${what}_${op.b % 2}` : `${s.tag}_${what}${n}`);
  const mine = (set: Set<string>, keys: string[]) => keys.filter((k) => s.all || set.has(k));
  const tableId = at(mine(s.tables, Object.keys(doc.tables)), op.a);
  const table = tableId ? doc.tables[tableId] : undefined;
  const column = table ? at(table.columns, op.b) : undefined;
  switch (op.kind) {
    case 0: return table && { type: 'table.update', tableId: table.id, changes: { name: name('t') } };
    case 1: return table && { type: 'table.update', tableId: table.id, changes: { comment: `${s.tag} comment ${n}` } };
    case 2: return table && { type: 'column.add', tableId: table.id, column: makeColumn({ id: `${s.tag}_c${n}`, name: name('col'), type: scalar('text') }), index: op.b % (table.columns.length + 1) };
    case 3: return table && column && { type: 'column.update', tableId: table.id, columnId: column.id, changes: { name: name('n') } };
    case 4: return table && column && { type: 'column.update', tableId: table.id, columnId: column.id, changes: { comment: `${s.tag} ${n}` } };
    case 5: return table && column && { type: 'column.move', tableId: table.id, columnId: column.id, toIndex: op.x & 15 };
    case 6:
      if (!table || !column || (!s.all && sharedByRelationship(doc, s, table.id, column.id))) return undefined;
      return { type: 'column.remove', tableId: table.id, columnId: column.id };
    case 7:
      return table && column && { type: 'index.add', tableId: table.id, index: makeIndex({ id: `${s.tag}_i${n}`, name: name('ix'), parts: [{ kind: 'column', columnId: column.id }] }) };
    case 8: {
      const ix = table && at(table.indexes, op.b);
      return ix && { type: 'index.update', tableId: table.id, indexId: ix.id, changes: { purpose: `${s.tag} purpose ${n}` } };
    }
    case 9: {
      const ix = table && at(table.indexes, op.b);
      return ix && { type: 'index.remove', tableId: table.id, indexId: ix.id };
    }
    case 10: return table && { type: 'check.add', tableId: table.id, check: { id: `${s.tag}_k${n}`, name: name('chk'), expression: `${n} > 0` } };
    case 11: {
      const k = table && at(table.checks, op.b);
      return k && { type: 'check.update', tableId: table.id, checkId: k.id, changes: { expression: `${s.tag}_${n} > 0` } };
    }
    case 12: return table && { type: 'layout.moveTables', positions: { [table.id]: { x: op.x, y: op.y } } };
    case 13: return table && { type: 'layout.setTableColor', tableId: table.id, color: at(COLORS, op.b)! };
    case 14: {
      const id = `${s.tag}_tbl${n}`;
      s.tables.add(id);
      const t = makeTable({ id, name: name('table'), columns: [makeColumn({ id: `${s.tag}_tc${n}`, name: 'id', type: scalar('bigint'), nullable: false })] });
      return { type: 'table.add', table: t, position: { x: op.x, y: op.y } };
    }
    case 15:
      if (!table || (!s.all && sharedByRelationship(doc, s, table.id))) return undefined;
      return { type: 'table.remove', tableId: table.id };
    case 16: {
      const relId = at(Object.keys(doc.relationships).filter((id) => ownsRelationship(doc, s, id)), op.a);
      return relId ? { type: 'relationship.update', relationshipId: relId, changes: op.b % 2 ? { comment: `${s.tag} ${n}` } : { onDelete: op.b % 4 === 0 ? 'cascade' : 'restrict' } } : undefined;
    }
    case 17: {
      const noteId = at(mine(s.notes, Object.keys(doc.notes)), op.a);
      if (noteId && op.b % 2) return { type: 'note.update', noteId, changes: { text: `${s.tag} note ${n}` } };
      const id = `${s.tag}_note${n}`;
      s.notes.add(id);
      return { type: 'note.add', note: { id, text: `${s.tag} ${n}`, color: '#ffd700' }, geometry: { x: op.x, y: op.y, width: 200, height: 100 } };
    }
    case 18: {
      const enumId = at(mine(s.enums, Object.keys(doc.enums)), op.a);
      if (enumId && op.b % 2 && !s.all) return { type: 'enum.update', enumId, changes: { values: ['a', `${s.tag}${n}`] } };
      const id = `${s.tag}_e${n}`;
      s.enums.add(id);
      return { type: 'enum.add', enum: { id, name: name('enum'), values: ['x', 'y'] } };
    }
    case 19: {
      const section = at(mine(s.sections, [...narrativeSectionKeys]), op.a) as (typeof narrativeSectionKeys)[number] | undefined;
      return section && { type: 'design.setNarrative', section, markdown: `${s.tag} wrote ${n}` };
    }
    case 20: {
      const areaId = at(AREA_IDS.filter((id) => doc.areas[id]), op.b);
      if (!table || !areaId) return undefined;
      return doc.areas[areaId].tableIds.includes(table.id)
        ? { type: 'area.removeTables', areaId, tableIds: [table.id] }
        : { type: 'area.addTables', areaId, tableIds: [table.id] };
    }
    case 21: {
      const viewId = at(mine(s.views, Object.keys(doc.views)), op.a);
      return viewId ? { type: 'view.update', viewId, changes: { comment: `${s.tag} ${n}` } } : undefined;
    }
    case 22: {
      const areaId = at(mine(s.areas, Object.keys(doc.areas)), op.a);
      return areaId ? { type: 'area.update', areaId, changes: { name: name('area') } } : undefined;
    }
    case 23: return table && column && { type: 'unique.add', tableId: table.id, unique: { id: `${s.tag}_u${n}`, columnIds: [column.id] } };
    default: return undefined;
  }
}

/** Applies the history; refused commands are skipped, as the editor refuses them. Returns the applied ones. */
function play(base: SchemaDocument, s: Side$, ops: Op[]): { doc: SchemaDocument; applied: Command[] } {
  let doc = base;
  const applied: Command[] = [];
  for (const op of ops) {
    const command = commandFor(doc, s, op);
    if (!command) continue;
    try {
      doc = applyCommand(doc, command).doc;
      applied.push(command);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
    }
  }
  return { doc, applied };
}

/** Replays commands; undefined when one is refused (the two histories do not commute). */
function replay(doc: SchemaDocument, commands: Command[]): SchemaDocument | undefined {
  try {
    return commands.reduce((d, c) => applyCommand(d, c).doc, doc);
  } catch (e) {
    if (e instanceof CommandError) return undefined;
    throw e;
  }
}

/** Order-free form for comparing the two replay orders: records by sorted key, areas' table sets and query patterns sorted. */
function canonical(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x) => canonical(x));
    return key === 'tableIds' || key === 'queryPatterns' ? [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k], k)]));
  }
  return v;
}

function sides(split: { tables: boolean[]; views: boolean[]; areas: boolean[]; sections: boolean[] }, all: boolean): [Side$, Side$] {
  const make = (tag: 'm' | 't', isMine: boolean): Side$ => {
    const pick = (ids: readonly string[], flags: boolean[]) => new Set(ids.filter((_, i) => (flags[i] ?? false) === isMine));
    return {
      tag, all, n: 0,
      tables: pick(TABLE_IDS, split.tables),
      views: pick(VIEW_IDS, split.views),
      areas: pick(AREA_IDS, split.areas),
      sections: pick(narrativeSectionKeys, split.sections),
      notes: new Set(isMine ? Object.keys(sink.notes) : []),
      enums: new Set(),
    };
  };
  return [make('m', true), make('t', false)];
}

const splitArb = fc.record({
  tables: fc.array(fc.boolean(), { minLength: TABLE_IDS.length, maxLength: TABLE_IDS.length }),
  views: fc.array(fc.boolean(), { minLength: VIEW_IDS.length, maxLength: VIEW_IDS.length }),
  areas: fc.array(fc.boolean(), { minLength: AREA_IDS.length, maxLength: AREA_IDS.length }),
  sections: fc.array(fc.boolean(), { minLength: narrativeSectionKeys.length, maxLength: narrativeSectionKeys.length }),
});
const historyArb = fc.array(opArb(1000), { minLength: 1, maxLength: 25 });
const overlappingHistoryArb = fc.array(opArb(2), { minLength: 1, maxLength: 25 });

// ---------------------------------------------------------------------------------------------
// Leaves: every scalar of a document by a path of field names and element ids (arrays of strings as sets).

const SEP = '\u0000';
function leaves(v: unknown, path: string[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string')) {
    for (const x of v) leaves(x, [...path, (x as { id: string }).id], out);
  } else if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) {
    for (const x of v) out.set([...path, `=${x}`].join(SEP), true);
  } else if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (x !== undefined) leaves(x, [...path, k], out);
  } else {
    out.set(path.join(SEP), JSON.stringify(canonical(v)));
  }
  return out;
}

/** Does the conflict at `cpath` cover the leaf `leaf` (a `x+y` segment covers x and y)? */
function covers(cpath: readonly string[], leaf: string[]): boolean {
  if (cpath[cpath.length - 1] === '#order') return false;
  return cpath.length <= leaf.length && cpath.every((seg, i) => seg === leaf[i] || (seg.includes('+') && seg.split('+').includes(leaf[i])));
}

function valueAt(doc: unknown, path: readonly string[]): unknown {
  let node = doc;
  for (const seg of path) {
    if (node === undefined) return undefined;
    if (Array.isArray(node)) node = node.find((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === seg);
    else if (seg.includes('+')) {
      const picked = Object.fromEntries(seg.split('+').map((k) => [k, (node as Record<string, unknown>)[k]]).filter(([, x]) => x !== undefined));
      node = Object.keys(picked).length ? picked : undefined;
    } else node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

function allTo(conflicts: DocumentConflict[], side: Side): Record<string, Side> {
  return Object.fromEntries(conflicts.filter((c) => c.resolvable).map((c) => [c.id, side]));
}

// ---------------------------------------------------------------------------------------------

describe('merging random edit histories of the kitchen sink', () => {
  it('non-overlapping histories: no conflict, and the merge equals replaying both in either order', () => {
    let merged = 0;
    let skipped = 0;
    fc.assert(fc.property(splitArb, historyArb, historyArb, (split, mineOps, theirOps) => {
      const base = kitchenSinkDocument();
      const [m, t] = sides(split, false);
      const mine = play(base, m, mineOps);
      const theirs = play(base, t, theirOps);
      const mineThenTheirs = replay(mine.doc, theirs.applied);
      const theirsThenMine = replay(theirs.doc, mine.applied);
      if (!mineThenTheirs || !theirsThenMine) {
        skipped++;
        return;
      }
      // The two histories commute: that is what non-overlapping means.
      expect(canonical(theirsThenMine)).toEqual(canonical(mineThenTheirs));

      const result = mergeDocuments(base, mine.doc, theirs.doc);
      expect(result.conflicts).toEqual([]);
      expect(result.blocked).toBe(false);
      // Element by element and in order (columns, records, areas), as if mine's edits came first...
      expect(result.document).toEqual(mineThenTheirs);
      expect(Object.keys(result.document!.tables)).toEqual(Object.keys(mineThenTheirs.tables));
      // ...and the same schema as theirs first, up to where each side's additions are listed.
      expect(canonical(result.document)).toEqual(canonical(theirsThenMine));
      merged++;
    }), { numRuns: 150, seed: 1107 });
    // The property is not vacuous: nearly every pair merged.
    expect(merged).toBeGreaterThan(140);
    expect(skipped).toBeLessThan(10);
  });

  it('overlapping histories: every conflict reported with both values; whichever side is chosen, nothing is lost', () => {
    let withConflicts = 0;
    let blocked = 0;
    fc.assert(fc.property(splitArb, overlappingHistoryArb, overlappingHistoryArb, (split, mineOps, theirOps) => {
      const base = kitchenSinkDocument();
      const [m, t] = sides(split, true);
      const mine = play(base, m, mineOps).doc;
      const theirs = play(base, t, theirOps).doc;
      const [lb, lm, lt] = [leaves(base), leaves(mine), leaves(theirs)];

      for (const side of ['mine', 'theirs'] as const) {
        const first = mergeDocuments(base, mine, theirs);
        const result = mergeDocuments(base, mine, theirs, allTo(first.conflicts, side));
        const resolvable = result.conflicts.filter((c) => c.resolvable);
        for (const c of resolvable) {
          expect(c.element).not.toBe('');
          expect(c.resolution).toBe(side);
          if (c.path[c.path.length - 1] === '#order') continue;
          // Both values, as each side has them.
          expect(c.mine).toEqual(valueAt(mine, c.path));
          expect(c.theirs).toEqual(valueAt(theirs, c.path));
        }
        // A leaf both changed differently is always reported.
        for (const key of new Set([...lm.keys(), ...lt.keys(), ...lb.keys()])) {
          const [b, vm, vt] = [lb.get(key), lm.get(key), lt.get(key)];
          if (vm !== b && vt !== b && vm !== vt) {
            expect(resolvable.some((c) => covers(c.path, key.split(SEP))), `both changed ${key.split(SEP).join('.')}`).toBe(true);
          }
        }
        if (!result.document) {
          expect(result.blocked).toBe(true);
          expect(result.conflicts.some((c) => c.kind === 'invalid')).toBe(true);
          blocked++;
          continue;
        }
        if (resolvable.length) withConflicts++;
        const lr = leaves(result.document);
        for (const key of new Set([...lm.keys(), ...lt.keys(), ...lb.keys(), ...lr.keys()])) {
          const leaf = key.split(SEP);
          const conflict = resolvable.find((c) => covers(c.path, leaf));
          if (conflict) {
            // Under a conflict the chosen side's value is there, whole.
            expect(lr.get(key), `${leaf.join('.')} under ${conflict.element}`).toBe((side === 'mine' ? lm : lt).get(key));
            continue;
          }
          const [b, vm, vt] = [lb.get(key), lm.get(key), lt.get(key)];
          const expected = vm !== b ? vm : vt;
          expect(lr.get(key), `${leaf.join('.')}: base ${b}, mine ${vm}, theirs ${vt}`).toBe(expected);
        }
      }
    }), { numRuns: 80, seed: 2026 });
    expect(withConflicts).toBeGreaterThan(50);
    expect(blocked).toBeLessThan(80);
  });
});
