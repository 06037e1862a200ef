/** layout.moveTables of many tables (an auto-layout): one replace patch, exact positions, exact undo. */
import { describe, expect, it } from 'vitest';
import { applyPatches } from 'immer';
import { syntheticDocument } from '../../../bench/synthetic';
import { applyCommand } from './apply';

describe('layout.moveTables in bulk', () => {
  it('moves every table in one patch and undoes exactly', () => {
    const doc = syntheticDocument({ tables: 300 });
    doc.layout.tables = { [Object.keys(doc.tables)[0]]: { x: 1, y: 2, color: '#ff0000' } };
    const positions = Object.fromEntries(Object.keys(doc.tables).map((id, i) => [id, { x: i * 10, y: i * 20 }]));
    const r = applyCommand(doc, { type: 'layout.moveTables', positions });
    expect(r.patches).toHaveLength(1);
    expect(Object.keys(r.doc.layout.tables)).toHaveLength(300);
    const first = Object.keys(doc.tables)[0];
    // other fields of an entry (its colour) survive the move
    expect(r.doc.layout.tables[first]).toEqual({ x: 0, y: 0, color: '#ff0000' });
    expect(r.doc.layout.tables[Object.keys(doc.tables)[7]]).toEqual({ x: 70, y: 140 });
    expect(applyPatches(r.doc, r.inversePatches)).toEqual(doc);
    expect(applyPatches(applyPatches(r.doc, r.inversePatches), r.patches)).toEqual(r.doc);
  });

  it('refuses an unknown table or a non-finite position, as a small move does', () => {
    const doc = syntheticDocument({ tables: 100 });
    const positions = Object.fromEntries(Object.keys(doc.tables).map((id) => [id, { x: 0, y: 0 }]));
    expect(() => applyCommand(doc, { type: 'layout.moveTables', positions: { ...positions, nope: { x: 0, y: 0 } } })).toThrow(/nope/);
    expect(() => applyCommand(doc, { type: 'layout.moveTables', positions: { ...positions, [Object.keys(doc.tables)[3]]: { x: NaN, y: 0 } } })).toThrow(/finite/);
  });

  it('a move to where the tables already are changes nothing', () => {
    const doc = syntheticDocument({ tables: 100 });
    doc.layout.tables = Object.fromEntries(Object.keys(doc.tables).map((id) => [id, { x: 5, y: 5 }]));
    const r = applyCommand(doc, { type: 'layout.moveTables', positions: Object.fromEntries(Object.keys(doc.tables).map((id) => [id, { x: 5, y: 5 }])) });
    expect(r.patches).toHaveLength(0);
    expect(r.doc).toBe(doc);
  });
});
