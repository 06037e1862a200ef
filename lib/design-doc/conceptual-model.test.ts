import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../model/build';
import { importPostgres } from '../importers/postgres/import-postgres';
import { importMysql } from '../importers/mysql/import-mysql';
import { displayName } from '../model/lookup';
import { syntheticDocument } from '../../bench/synthetic';
import { conceptualModelSection, joinTables } from './conceptual-model';
import { corpusAvailable, readCorpusFile } from '../server/importers/test-corpus';


function linked(extra: Parameters<typeof makeColumn>[0][] = [], unique = true) {
  const a = makeTable({ id: 'a', name: 'actor', columns: [makeColumn({ id: 'a_id', name: 'id', type: scalar('integer'), nullable: false })], primaryKey: { columnIds: ['a_id'] } });
  const b = makeTable({ id: 'b', name: 'film', columns: [makeColumn({ id: 'b_id', name: 'id', type: scalar('integer'), nullable: false })], primaryKey: { columnIds: ['b_id'] } });
  const j = makeTable({
    id: 'j',
    name: 'film_actor',
    columns: [makeColumn({ id: 'j_a', name: 'actor_id', type: scalar('integer'), nullable: false }), makeColumn({ id: 'j_b', name: 'film_id', type: scalar('integer'), nullable: false }), ...extra.map((c) => makeColumn(c))],
    ...(unique ? { primaryKey: { columnIds: ['j_a', 'j_b'] } } : {}),
  });
  return documentOf({
    tables: [a, b, j],
    relationships: [
      makeRelationship({ id: 'r1', fromTableId: 'j', toTableId: 'a', columnPairs: [{ fromColumnId: 'j_a', toColumnId: 'a_id' }] }),
      makeRelationship({ id: 'r2', fromTableId: 'j', toTableId: 'b', columnPairs: [{ fromColumnId: 'j_b', toColumnId: 'b_id' }] }),
    ],
  });
}

describe('join tables fold into many-to-many relationships', () => {
  it.each([
    ['two keys together unique', linked(), true],
    ['with a timestamp', linked([{ id: 'j_t', name: 'last_update', type: scalar('timestamp') }]), true],
    ['with a payload column: an entity of its own', linked([{ id: 'j_role', name: 'role', type: scalar('text') }]), false],
    ['keys not unique together: an entity of its own', linked([], false), false],
  ])('%s', (_label, doc, folded) => {
    expect(joinTables(doc).has('j')).toBe(folded);
    const section = conceptualModelSection(doc);
    if (folded) {
      expect(section).toContain('actor }o--o{ film : "via film_actor"');
      expect(section).not.toContain('film_actor["film_actor"]');
    } else {
      expect(section).toContain('film_actor["film_actor"]');
    }
  });

  it('a table something references is never folded', () => {
    const doc = linked();
    doc.tables.c = makeTable({ id: 'c', name: 'credit', columns: [makeColumn({ id: 'c_a', name: 'actor_id', type: scalar('integer') }), makeColumn({ id: 'c_b', name: 'film_id', type: scalar('integer') })] });
    doc.relationships.r3 = makeRelationship({ id: 'r3', fromTableId: 'c', toTableId: 'j', columnPairs: [{ fromColumnId: 'c_a', toColumnId: 'j_a' }, { fromColumnId: 'c_b', toColumnId: 'j_b' }] });
    expect(joinTables(doc).has('j')).toBe(false);
  });
});

describe('the conceptual model shows entities, not columns', () => {
  it('no attribute blocks; cardinality symbols; grouped by area', () => {
    const doc = linked();
    doc.areas.x = { id: 'x', name: 'Catalogue', color: '#112233', tableIds: ['b'] };
    const section = conceptualModelSection(doc);
    expect(section).not.toMatch(/\{\n/);
    expect(section).toContain('| Catalogue | `film` |');
    expect(section).toContain('| Other entities | `actor` |');
  });

  it.each([
    ['postgres/pagila-schema-2024-pg12dump.sql', 'postgres', ['film_actor', 'film_category']],
    ['mysql/sakila-schema.sql', 'mysql', ['film_actor', 'film_category']],
  ] as const)('corpus %s: its join tables are folded', async (file, dialect, expected) => {
    // A missing corpus skips with a notice, and fails the run under CI=true (never a silent pass).
    if (!corpusAvailable('conceptual model join tables')) return;
    const text = readCorpusFile(file);
    const result = dialect === 'postgres' ? await importPostgres(text) : await importMysql(text);
    const doc = result.document;
    const names = [...joinTables(doc).keys()].map((id) => displayName(doc, doc.tables[id]));
    for (const n of expected) expect(names).toContain(n);
  });

  it('a large schema splits into diagrams per area within the budget', () => {
    const doc = syntheticDocument({ tables: 1000, areaSize: 50 });
    const section = conceptualModelSection(doc);
    const diagrams = [...section.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(diagrams.length).toBeGreaterThan(1);
    for (const d of diagrams) expect(d.length).toBeLessThanOrEqual(45_000);
  });
});
