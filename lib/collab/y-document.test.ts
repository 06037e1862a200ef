import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadDocument } from '../model/migrate';
import { commandsFixture } from '../model/commands/test-fixture';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { hostileDocument, hostileShapes } from '../model/fixtures/hostile-documents';
import type { SchemaDocument } from '../model/document';
import { fromYDoc, readYDoc, toYDoc } from './y-document';

function loaded(doc: SchemaDocument): SchemaDocument {
  const r = loadDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.document;
}

describe('toYDoc / fromYDoc', () => {
  const docs: [string, () => SchemaDocument][] = [
    ['the commands fixture', commandsFixture],
    ['the kitchen sink', kitchenSinkDocument],
    ...hostileShapes.map((shape): [string, () => SchemaDocument] => [`hostile shape ${shape}`, () => hostileDocument(shape, 40)]),
  ];
  it.each(docs)('round-trips %s exactly (same JSON, display order kept)', (_name, make) => {
    const doc = loaded(make());
    const back = fromYDoc(toYDoc(doc));
    expect(JSON.stringify(back)).toBe(JSON.stringify(doc));
  });

  it('keeps the display order of records that is not sorted by id', () => {
    const doc = loaded(commandsFixture());
    const tables = Object.fromEntries(Object.entries(doc.tables).reverse());
    const reversed = { ...doc, tables };
    expect(Object.keys(fromYDoc(toYDoc(reversed)).tables)).toEqual(Object.keys(tables));
  });

  it('reads the same bytes on a replica that received the state as an update', () => {
    const a = toYDoc(loaded(kitchenSinkDocument()), { clientID: 1 });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(JSON.stringify(readYDoc(b))).toBe(JSON.stringify(readYDoc(a)));
  });
});
