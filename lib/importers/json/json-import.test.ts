import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitchenSinkBeforeVersion3 } from '../../model/fixtures/kitchen-sink';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../../model/build';
import { DOCUMENT_VERSION } from '../../model/document';
import { sequentialIds } from '../../model/ids';
import { ImportError } from '../types';
import { importJson } from './json-import';

function sample() {
  const ids = sequentialIds();
  const id = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
  const users = makeTable({ name: 'users', columns: [id], primaryKey: { columnIds: [id.id] } }, ids);
  const uid = makeColumn({ name: 'user_id', type: scalar('integer') }, ids);
  const posts = makeTable({ name: 'posts', columns: [uid] }, ids);
  const rel = makeRelationship({ fromTableId: posts.id, toTableId: users.id, columnPairs: [{ fromColumnId: uid.id, toColumnId: id.id }] }, ids);
  return documentOf({ tables: [users, posts], relationships: [rel] });
}

function importError(text: string): ImportError {
  try {
    importJson(text);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('importJson', () => {
  it('round-trips a document and counts it', () => {
    const doc = sample();
    const { document, report } = importJson(JSON.stringify(doc, null, 2));
    expect(document).toEqual(doc);
    expect(report.counts).toEqual({ tables: 2, columns: 2, relationships: 1, indexes: 0, enums: 0, views: 0 });
  });

  it('accepts a wrapped { name, document } export and a BOM', () => {
    const doc = sample();
    expect(importJson(`\ufeff${JSON.stringify({ name: 'p', document: doc })}`).document).toEqual(doc);
  });

  it('a document saved by an older Draftbase (version 1) is upgraded by the load gate', () => {
    const v1 = readFileSync(path.join(__dirname, '../../model/fixtures/kitchen-sink.v1.json'), 'utf8');
    expect(importJson(v1).document).toEqual(kitchenSinkBeforeVersion3());
  });

  it('a document from a newer version asks to upgrade', () => {
    const e = importError(JSON.stringify({ ...sample(), version: DOCUMENT_VERSION + 1 }));
    expect(e.message).toMatch(/newer than this Draftbase reads.*upgrade/);
  });

  it('a dangling reference is named by its path', () => {
    const doc = sample();
    const rel = Object.values(doc.relationships)[0];
    rel.toTableId = 'tbl_missing';
    expect(importError(JSON.stringify(doc)).message).toMatch(/relationships\.rel_\d+\.toTableId: unknown table id "tbl_missing"/);
  });

  it('a syntax error has line, column and excerpt', () => {
    const e = importError('{\n  "format": "draftbase",\n  "version": 1,,\n}');
    expect([e.line, e.column]).toEqual([3, 16]);
    expect(e.excerpt).toBe('  "version": 1,,');
  });

  it.each([
    ['truncated', JSON.stringify(sample()).slice(0, 200)],
    ['binary garbage', '\u0000\u0001\u00ff'.repeat(1000)],
    ['deeply nested', '['.repeat(100_000)],
    ['unterminated string', '{"format": "draftbase", "x": "abc'],
    ['not a Draftbase document', '{"tables": []}'],
    ['empty', ''],
  ])('%s input gives an ImportError quickly', (_label, text) => {
    const t = Date.now();
    expect(() => importJson(text)).toThrow(ImportError);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});
