import { describe, expect, it } from 'vitest';
import mermaid from 'mermaid';
import type { CardinalityEnd, SchemaDocument } from '../model/document';
import { documentOf, enumType, makeColumn, makeRelationship, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import { assertDocument } from '../model/validate';
import { syntheticDocument } from '../../bench/synthetic';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import { displayName } from '../model/lookup';
import { DEFAULT_MERMAID_BUDGET, generateMermaid, generateMermaidDiagrams } from './generate-mermaid';
import { decodeMermaidQuoted } from './mermaid-text';

interface ParsedEntity {
  alias: string;
  attributes: Array<{ type: string; name: string; keys: string[]; comment: string }>;
}
interface ParsedDiagram {
  entities: Map<string, ParsedEntity>;
  relationships: Array<{ entityA: string; roleA: string; entityB: string; relSpec: { cardA: string; cardB: string; relType: string } }>;
}

/** Parses with mermaid itself (throws "Parse error on line N") and returns what its ER database holds. */
async function parseWithMermaid(text: string): Promise<ParsedDiagram> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as {
    getEntities(): Map<string, { id: string; alias: string; attributes: ParsedEntity['attributes'] }>;
    getRelationships(): ParsedDiagram['relationships'];
  };
  const entities = new Map<string, ParsedEntity>();
  for (const [key, e] of db.getEntities()) entities.set(key, { alias: e.alias, attributes: e.attributes });
  return { entities, relationships: db.getRelationships() };
}

/** What the rendered diagram shows for a quoted string: mermaid's placeholders decoded as the SVG does. */
function shown(mermaidText: string): string {
  const html = mermaidText.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  return html
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '');
}

function shopDocument(): SchemaDocument {
  const ids = sequentialIds();
  const userId = makeColumn({ name: 'id', type: scalar('bigint'), nullable: false }, ids);
  const email = makeColumn({ name: 'email', type: scalar('varchar', { length: 255 }), nullable: false, comment: 'Login name' }, ids);
  const users = makeTable({ name: 'users', columns: [userId, email], primaryKey: { columnIds: [userId.id] }, uniques: [{ id: ids('uq'), columnIds: [email.id] }] }, ids);
  const orderId = makeColumn({ name: 'id', type: scalar('bigint'), nullable: false }, ids);
  const orderUser = makeColumn({ name: 'user_id', type: scalar('bigint'), nullable: false }, ids);
  const total = makeColumn({ name: 'total', type: scalar('decimal', { precision: 10, scale: 2 }), nullable: false }, ids);
  const orders = makeTable({ name: 'orders', columns: [orderId, orderUser, total], primaryKey: { columnIds: [orderId.id] } }, ids);
  const rel = makeRelationship({ fromTableId: orders.id, toTableId: users.id, columnPairs: [{ fromColumnId: orderUser.id, toColumnId: userId.id }] }, ids);
  return assertDocument(documentOf({ tables: [users, orders], relationships: [rel] }));
}

describe('generateMermaid: a small schema', () => {
  it('writes entities with aliases, typed attributes, keys and a crow\'s-foot relationship', async () => {
    const text = generateMermaid(shopDocument());
    expect(text).toBe(
      [
        'erDiagram',
        '  users["users"] {',
        '    bigint id PK',
        '    varchar_255 email UK "varchar(255); Login name"',
        '  }',
        '  orders["orders"] {',
        '    bigint id PK',
        '    bigint user_id FK',
        '    numeric_10_2 total "numeric(10,2)"',
        '  }',
        '  users ||..o{ orders : "user_id"',
        '',
      ].join('\n'),
    );
    const parsed = await parseWithMermaid(text);
    expect([...parsed.entities.values()].map((e) => e.alias)).toEqual(['users', 'orders']);
    expect(parsed.entities.get('users')!.attributes.map((a) => [a.type, a.name, a.keys])).toEqual([
      ['bigint', 'id', ['PK']],
      ['varchar_255', 'email', ['UK']],
    ]);
    expect(parsed.relationships).toHaveLength(1);
    expect(parsed.relationships[0].relSpec).toEqual({ cardA: 'ZERO_OR_MORE', relType: 'NON_IDENTIFYING', cardB: 'ONLY_ONE' });
  });

  it('draws tables only when attributes is false', async () => {
    const text = generateMermaid(shopDocument(), { attributes: false });
    expect(text).not.toContain('{\n');
    const parsed = await parseWithMermaid(text);
    expect(parsed.entities.size).toBe(2);
    expect([...parsed.entities.values()].every((e) => e.attributes.length === 0)).toBe(true);
    expect(parsed.relationships).toHaveLength(1);
  });
});

describe('generateMermaid: cardinality and optionality', () => {
  // [label, FK nullable, FK unique, override, mermaid operator, cardA (child side), cardB (parent side)]
  const cases: Array<[string, boolean, boolean, { from: CardinalityEnd; to: CardinalityEnd } | undefined, string, string, string]> = [
    ['required many', false, false, undefined, '||..o{', 'ZERO_OR_MORE', 'ONLY_ONE'],
    ['optional many', true, false, undefined, '|o..o{', 'ZERO_OR_MORE', 'ZERO_OR_ONE'],
    ['required one-to-one', false, true, undefined, '||..o|', 'ZERO_OR_ONE', 'ONLY_ONE'],
    ['optional one-to-one', true, true, undefined, '|o..o|', 'ZERO_OR_ONE', 'ZERO_OR_ONE'],
    ['override one-or-many', false, false, { from: 'one-or-many', to: 'exactly-one' }, '||..|{', 'ONE_OR_MORE', 'ONLY_ONE'],
    ['override many-to-many', true, false, { from: 'one-or-many', to: 'zero-or-many' }, '}o..|{', 'ONE_OR_MORE', 'ZERO_OR_MORE'],
  ];
  it.each(cases)('%s', async (_label, nullable, unique, cardinality, operator, cardA, cardB) => {
    const ids = sequentialIds();
    const pid = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
    const parent = makeTable({ name: 'parent', columns: [pid], primaryKey: { columnIds: [pid.id] } }, ids);
    const cid = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
    const fk = makeColumn({ name: 'parent_id', type: scalar('integer'), nullable }, ids);
    const child = makeTable(
      { name: 'child', columns: [cid, fk], primaryKey: { columnIds: [cid.id] }, uniques: unique ? [{ id: ids('uq'), columnIds: [fk.id] }] : [] },
      ids,
    );
    const rel = makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: fk.id, toColumnId: pid.id }], cardinality }, ids);
    const text = generateMermaid(assertDocument(documentOf({ tables: [parent, child], relationships: [rel] })));
    expect(text).toContain(`  parent ${operator} child : "parent_id"`);
    const parsed = await parseWithMermaid(text);
    expect(parsed.relationships[0].relSpec).toMatchObject({ cardA, cardB });
  });

  it('draws an identifying relationship (solid line) when the FK is part of the child\'s primary key', () => {
    const ids = sequentialIds();
    const pid = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
    const parent = makeTable({ name: 'orders', columns: [pid], primaryKey: { columnIds: [pid.id] } }, ids);
    const fk = makeColumn({ name: 'order_id', type: scalar('integer'), nullable: false }, ids);
    const line = makeColumn({ name: 'line_no', type: scalar('integer'), nullable: false }, ids);
    const child = makeTable({ name: 'order_lines', columns: [fk, line], primaryKey: { columnIds: [fk.id, line.id] } }, ids);
    const rel = makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: fk.id, toColumnId: pid.id }] }, ids);
    const text = generateMermaid(assertDocument(documentOf({ tables: [parent, child], relationships: [rel] })));
    expect(text).toContain('  orders ||--o{ order_lines : "order_id"');
    expect(text).toContain('    integer order_id PK, FK');
  });
});

/** Names that break naive generators: mermaid syntax, keywords, HTML, directives, line breaks. */
const hostileNames = [
  'user "quoted"',
  'back`tick`',
  'pipe|name',
  '<script>alert(1)</script>',
  '{braces}',
  '%%{init: {"theme": "dark"}}%%',
  '%% comment',
  'line\nbreak',
  'crlf\r\nbreak',
  'naïve 名前 🚀',
  'end',
  'style',
  'class',
  'one',
  'many',
  'to',
  'u',
  'pk',
  'FK',
  'uk',
  'direction TB',
  'erDiagram',
  '1st',
  'a\\b',
  '#quot; &amp; #35;',
  'x'.repeat(63),
  `${'very long name '.repeat(16)}end`,
  'semi;colon: and, comma',
  'tab\there',
  '',
];

function hostileDocument(): { doc: SchemaDocument; names: string[] } {
  const ids = sequentialIds();
  const names = hostileNames.map((n, i) => n || `empty-${i}`);
  const hostileEnum = { id: ids('enum'), name: 'uk', values: ['a'] };
  const tables = names.map((name) => {
    const idCol = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
    const columns = [
      idCol,
      // Every hostile name as a column name, with hostile comments and awkward native types.
      ...names.map((colName, k) =>
        makeColumn(
          {
            name: `${colName}`,
            type: k % 3 === 0 ? scalar('decimal', { precision: 12, scale: 4, native: { postgres: 'numeric(12, 4)' } }) : k % 3 === 1 ? enumType(hostileEnum.id) : scalar('timestamptz', { native: { postgres: 'timestamp with time zone' } }),
            arrayDims: k % 5 === 0 ? 1 : 0,
            comment: `${colName} "comment" %% direction LR\nsecond line`,
          },
          ids,
        ),
      ),
    ];
    return makeTable({ name, columns, primaryKey: { columnIds: [idCol.id] } }, ids);
  });
  const relationships = tables.slice(1).map((t, i) =>
    makeRelationship(
      { fromTableId: t.id, toTableId: tables[i].id, columnPairs: [{ fromColumnId: t.columns[1 + (i % names.length)].id, toColumnId: tables[i].columns[0].id }] },
      ids,
    ),
  );
  // Duplicate display names after sanitizing, and a self reference.
  relationships.push(makeRelationship({ fromTableId: tables[0].id, toTableId: tables[0].id, columnPairs: [{ fromColumnId: tables[0].columns[2].id, toColumnId: tables[0].columns[0].id }] }, ids));
  const doc = assertDocument(documentOf({ tables, relationships, enums: [hostileEnum] }));
  return { doc, names };
}

describe('generateMermaid: hostile names', () => {
  it('passes mermaid.parse and shows every exact name', async () => {
    const { doc, names } = hostileDocument();
    const text = generateMermaid(doc);
    const parsed = await parseWithMermaid(text);
    const entities = [...parsed.entities.values()];
    expect(entities).toHaveLength(names.length);
    // Table names: the alias shows exactly the name (line breaks shown as spaces).
    expect(entities.map((e) => shown(e.alias))).toEqual(names.map((n) => n.replace(/\r\n|[\r\n\t]/g, ' ')));
    for (const e of entities) {
      expect(e.attributes).toHaveLength(names.length + 1);
      // Each attribute whose name had to change carries the real name in its comment.
      e.attributes.slice(1).forEach((a, k) => {
        const real = names[k].replace(/\r\n|[\r\n\t]/g, ' ');
        const comment = shown(a.comment ?? '');
        if (a.name !== names[k]) expect(comment).toContain(`column ${real}`);
        if (k % 3 === 0) {
          expect(a.type).toBe(k % 5 === 0 ? 'numeric_12_4_array' : 'numeric_12_4');
          expect(comment).toContain(k % 5 === 0 ? 'numeric(12, 4)[]' : 'numeric(12, 4)');
        }
        if (k % 3 === 1) expect(a.type).toBe(k % 5 === 0 ? 'uk_array' : 'uk_');
        expect(comment).toContain('"comment" %% direction LR second line');
      });
    }
    expect(parsed.relationships).toHaveLength(names.length);
  });

  it('allocates distinct, keyword-free entity ids', () => {
    const { doc } = hostileDocument();
    const text = generateMermaid(doc);
    const ids = [...text.matchAll(/^ {2}(\S+)\[/gm)].map((m) => m[1]);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length);
    expect(ids).toContain('t_end');
    expect(ids).toContain('t_style');
    expect(ids).toContain('t_1st');
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it('decodeMermaidQuoted reverses the escaping', () => {
    expect(decodeMermaidQuoted('"a#quot;b #37; #92; #35;x #lt;#gt;#amp;"')).toBe('a"b % \\ #x <>&');
  });
});

describe('generateMermaid: the shared fixtures', () => {
  it.each([
    ['kitchen sink', kitchenSinkDocument],
    ['hostile names', hostileNamesDocument],
  ])('%s passes mermaid.parse with every table, column and relationship', async (_label, make) => {
    const doc = make();
    for (const dialect of ['postgres', 'mysql'] as const) {
      const parsed = await parseWithMermaid(generateMermaid(doc, { dialect }));
      const tables = Object.values(doc.tables);
      expect([...parsed.entities.values()].map((e) => shown(e.alias))).toEqual(tables.map((t) => displayName(doc, t)));
      expect([...parsed.entities.values()].map((e) => e.attributes.length)).toEqual(tables.map((t) => t.columns.length));
      expect(parsed.relationships).toHaveLength(Object.keys(doc.relationships).length);
    }
    for (const area of Object.values(doc.areas)) await parseWithMermaid(generateMermaid(doc, { areaId: area.id }));
  });

  it('shows the native type of the chosen dialect', () => {
    const doc = kitchenSinkDocument();
    const natives = Object.values(doc.tables).flatMap((t) => t.columns).filter((c) => c.type.kind === 'scalar' && c.type.native?.postgres);
    expect(natives.length).toBeGreaterThan(0);
    const text = generateMermaid(doc, { dialect: 'postgres' });
    for (const c of natives) if (c.type.kind === 'scalar') expect(text).toContain(c.type.native!.postgres!.replace(/"/g, '#quot;'));
  });
});

describe('generateMermaid: areas', () => {
  it('draws an area\'s tables with attributes and its neighbours without', async () => {
    const doc = syntheticDocument({ tables: 60, areaSize: 20 });
    const area = Object.values(doc.areas)[1];
    const text = generateMermaid(doc, { areaId: area.id });
    const parsed = await parseWithMermaid(text);
    const inArea = [...parsed.entities.values()].filter((e) => e.attributes.length > 0);
    expect(inArea.map((e) => e.alias)).toEqual(area.tableIds.map((id) => doc.tables[id].name));
    const touching = Object.values(doc.relationships).filter((r) => area.tableIds.includes(r.fromTableId) || area.tableIds.includes(r.toTableId));
    expect(parsed.relationships).toHaveLength(touching.length);
  });

  it('rejects an unknown area', () => {
    expect(() => generateMermaid(shopDocument(), { areaId: 'nope' })).toThrow(/unknown area/);
  });
});

describe('generateMermaidDiagrams', () => {
  it('returns one diagram when the schema fits', () => {
    const diagrams = generateMermaidDiagrams(shopDocument());
    expect(diagrams).toEqual([{ title: 'Entity-relationship diagram', text: generateMermaid(shopDocument()) }]);
  });

  it('splits a large schema into an overview and per-area diagrams, each under budget and parseable', async () => {
    const doc = syntheticDocument({ tables: 300, areaSize: 40 });
    expect(generateMermaid(doc).length).toBeGreaterThan(DEFAULT_MERMAID_BUDGET);
    const diagrams = generateMermaidDiagrams(doc);
    expect(diagrams[0].title).toMatch(/^Overview/);
    for (const d of diagrams) {
      expect(d.text.length).toBeLessThanOrEqual(DEFAULT_MERMAID_BUDGET);
      await parseWithMermaid(d.text);
    }
    // Every table appears with its attributes in exactly one non-overview diagram.
    const detailed = diagrams.filter((d) => !d.title.startsWith('Overview'));
    const withAttributes = detailed.flatMap((d) => [...d.text.matchAll(/^ {2}\S+\["([^"]*)"\] \{$/gm)].map((m) => m[1]));
    expect(withAttributes.sort()).toEqual(Object.values(doc.tables).map((t) => t.name).sort());
    expect(detailed.map((d) => d.title)).toContain('Area: Context 1');
  });

  it('splits an area and the overview into parts when a small budget demands it', async () => {
    const doc = syntheticDocument({ tables: 120, areaSize: 0 });
    const budget = 8_000;
    const diagrams = generateMermaidDiagrams(doc, { budget });
    expect(diagrams.some((d) => /^Overview \(part 1 of \d+\)$/.test(d.title))).toBe(true);
    expect(diagrams.some((d) => /^Tables \(part 2 of \d+\)$/.test(d.title))).toBe(true);
    for (const d of diagrams) expect(d.text.length).toBeLessThanOrEqual(budget);
    await parseWithMermaid(diagrams[diagrams.length - 1].text);
  });
});
