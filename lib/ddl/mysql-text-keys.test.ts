/**
 * MySQL cannot use a TEXT column whole in a key ("BLOB/TEXT column used in key specification without
 * a key length"): Prisma `String` and DBML `text` ids made the corpus schemas apply 0 statements on
 * MariaDB. A logical text column in a key (primary key, unique, B-tree index, either side of an
 * enforced foreign key) is varchar(191) on MySQL, with an info diagnostic; everywhere else text stays
 * longtext, and PostgreSQL keeps text. Plus: array defaults on MySQL (where arrays become json).
 */
import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../model/build';
import type { Column, SchemaDocument, Table } from '../model/document';
import { sequentialIds } from '../model/ids';
import { generateDdl, generateDdlStatements, type DdlTarget } from './generate-ddl';

const ids = sequentialIds();
const text = (name: string, extra: Partial<Column> = {}): Column => makeColumn({ name, type: scalar('text'), nullable: false, ...extra }, ids);
const int = (name: string): Column => makeColumn({ name, type: scalar('integer'), nullable: false }, ids);

/** `CREATE TABLE` line of column `name` in the generated DDL. */
function columnLine(sql: string, name: string, quote = '`'): string | undefined {
  return sql.split('\n').find((l) => l.trimStart().startsWith(`${quote}${name}${quote} `))?.trim();
}

function withTable(build: () => { tables: Table[]; doc?: SchemaDocument }): SchemaDocument {
  const r = build();
  return r.doc ?? documentOf({ tables: r.tables });
}

type Case = {
  name: string;
  doc: () => SchemaDocument;
  /** column name -> expected MySQL type (the start of its definition after the name). */
  mysql: Record<string, string>;
  /** Columns the info diagnostic must name (exactly these). */
  reported: string[];
};

const CASES: Case[] = [
  {
    name: 'text primary key',
    doc: () => withTable(() => { const id = text('id'); return { tables: [makeTable({ name: 't', columns: [id], primaryKey: { columnIds: [id.id] } }, ids)] }; }),
    mysql: { id: 'varchar(191) NOT NULL' },
    reported: ['id'],
  },
  {
    name: 'text unique (4 columns: 4 x 764 bytes stays under 3072)',
    doc: () => withTable(() => {
      const cs = ['a', 'b', 'c', 'd'].map((n) => text(n));
      return { tables: [makeTable({ name: 't', columns: cs, uniques: [{ id: ids('unq'), columnIds: cs.map((c) => c.id) }] }, ids)] };
    }),
    mysql: { a: 'varchar(191)', b: 'varchar(191)', c: 'varchar(191)', d: 'varchar(191)' },
    reported: ['a', 'b', 'c', 'd'],
  },
  {
    name: 'text in a plain index',
    doc: () => withTable(() => { const c = text('c'); return { tables: [makeTable({ name: 't', columns: [c], indexes: [makeIndex({ name: 't_c_idx', parts: [{ kind: 'column', columnId: c.id }] }, ids)] }, ids)] }; }),
    mysql: { c: 'varchar(191)' },
    reported: ['c'],
  },
  {
    name: 'text not in any key stays longtext; a FULLTEXT index or a prefix index keeps TEXT whole',
    doc: () => withTable(() => {
      const body = text('body');
      const title = text('title');
      const note = text('note');
      return {
        tables: [
          makeTable({
            name: 't',
            columns: [body, title, note],
            indexes: [
              makeIndex({ name: 't_body_ft', method: 'fulltext', parts: [{ kind: 'column', columnId: body.id }] }, ids),
              makeIndex({ name: 't_title_prefix', parts: [{ kind: 'column', columnId: title.id, length: 20 }] }, ids),
            ],
          }, ids),
        ],
      };
    }),
    mysql: { body: 'longtext', title: 'longtext', note: 'longtext' },
    reported: [],
  },
  {
    name: 'foreign key: both sides, the child column used nowhere else',
    doc: () => {
      const pid = text('id');
      const parent = makeTable({ name: 'parent', columns: [pid], primaryKey: { columnIds: [pid.id] } }, ids);
      const cid = int('child_no');
      const ref = text('parent_id');
      const child = makeTable({ name: 'child', columns: [cid, ref], primaryKey: { columnIds: [cid.id] } }, ids);
      return documentOf({ tables: [parent, child], relationships: [makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: ref.id, toColumnId: pid.id }] }, ids)] });
    },
    mysql: { parent_id: 'varchar(191) NOT NULL', id: 'varchar(191) NOT NULL' },
    reported: ['id', 'parent_id'],
  },
  {
    name: 'a relationship that is not enforced makes no key',
    doc: () => {
      const pid = int('id');
      const parent = makeTable({ name: 'parent', columns: [pid], primaryKey: { columnIds: [pid.id] } }, ids);
      const ref = text('parent_ref');
      const child = makeTable({ name: 'child', columns: [ref] }, ids);
      return documentOf({ tables: [parent, child], relationships: [makeRelationship({ fromTableId: child.id, toTableId: parent.id, enforced: false, columnPairs: [{ fromColumnId: ref.id, toColumnId: pid.id }] }, ids)] });
    },
    mysql: { parent_ref: 'longtext' },
    reported: [],
  },
  {
    name: 'a native MySQL type is kept (MySQL imports): TEXT stays and the prefix warning remains',
    doc: () => withTable(() => { const c = text('c', { type: scalar('text', { native: { mysql: 'text' } }) }); return { tables: [makeTable({ name: 't', columns: [c], uniques: [{ id: ids('unq'), columnIds: [c.id] }] }, ids)] }; }),
    mysql: { c: 'text' },
    reported: [],
  },
  {
    name: 'a text array in a unique is json, not varchar',
    doc: () => withTable(() => { const c = text('tags', { arrayDims: 1 }); return { tables: [makeTable({ name: 't', columns: [c], uniques: [{ id: ids('unq'), columnIds: [c.id] }] }, ids)] }; }),
    mysql: { tags: 'json' },
    reported: [],
  },
  {
    name: 'a text domain inlined on MySQL, in a primary key',
    doc: () => {
      const domain = { id: ids('dom'), name: 'slug', type: scalar('text'), nullable: false, default: { kind: 'none' as const }, checks: [] };
      const c = makeColumn({ name: 'slug', type: { kind: 'domain', domainId: domain.id }, nullable: false }, ids);
      return documentOf({ tables: [makeTable({ name: 't', columns: [c], primaryKey: { columnIds: [c.id] } }, ids)], domains: [domain] });
    },
    mysql: { slug: 'varchar(191) NOT NULL' },
    reported: ['slug'],
  },
  {
    name: 'MySQL 8: a keyed text column takes a plain literal default (no longer a LOB)',
    doc: () => withTable(() => { const c = text('code', { default: { kind: 'literal', value: 'x' } }); return { tables: [makeTable({ name: 't', columns: [c], primaryKey: { columnIds: [c.id] } }, ids)] }; }),
    mysql: { code: "varchar(191) NOT NULL DEFAULT 'x'" },
    reported: ['code'],
  },
];

describe('MySQL: logical text columns in keys become varchar(191)', () => {
  it.each(CASES.flatMap((c) => (['mysql-8.0', 'mariadb-10.11'] as DdlTarget[]).map((target) => [c.name, target, c] as const)))('%s (%s)', (_name, target, c) => {
    const doc = c.doc();
    const { sql, diagnostics } = generateDdl(doc, 'mysql', { target });
    for (const [column, type] of Object.entries(c.mysql)) {
      const lines = sql.split('\n').filter((l) => l.trimStart().startsWith(`\`${column}\` `)).map((l) => l.trim());
      expect(lines.length, `${column} in\n${sql}`).toBeGreaterThan(0);
      for (const line of lines) expect(line.startsWith(`\`${column}\` ${type}`), `${line}\n${sql}`).toBe(true);
    }
    const reported = diagnostics.filter((d) => d.code === 'mysql.text-key-as-varchar');
    expect(reported.map((d) => /column "([^"]+)"/.exec(d.message)?.[1]).sort()).toEqual([...c.reported].sort());
    for (const d of reported) expect(d.severity).toBe('info');
    // What became varchar is no longer reported as a TEXT key.
    if (c.reported.length) expect(diagnostics.filter((d) => d.code === 'mysql.key-needs-prefix-length')).toEqual([]);
  });

  it.each(CASES)('PostgreSQL keeps text: $name', (c) => {
    const doc = c.doc();
    const { sql, diagnostics } = generateDdl(doc, 'postgres');
    for (const column of Object.keys(c.mysql)) {
      const line = columnLine(sql, column, '"');
      expect(line, sql).toBeDefined();
      expect(line).not.toContain('varchar');
    }
    expect(diagnostics.filter((d) => d.code.endsWith('text-key-as-varchar'))).toEqual([]);
  });

  it('a prefix at least 191 long on a keyed text column is left out; a shorter one kept', () => {
    const c = text('c');
    const d = text('d');
    const t = makeTable({
      name: 't',
      columns: [c, d],
      uniques: [{ id: ids('unq'), columnIds: [c.id, d.id] }],
      indexes: [
        makeIndex({ name: 'long_prefix', parts: [{ kind: 'column', columnId: c.id, length: 255 }] }, ids),
        makeIndex({ name: 'short_prefix', parts: [{ kind: 'column', columnId: d.id, length: 20 }] }, ids),
      ],
    }, ids);
    const { statements, diagnostics } = generateDdlStatements(documentOf({ tables: [t] }), 'mysql');
    expect(statements.filter((s) => s.startsWith('CREATE INDEX'))).toEqual(['CREATE INDEX `long_prefix` ON `t` (`c`)', 'CREATE INDEX `short_prefix` ON `t` (`d`(20))']);
    expect(diagnostics.filter((x) => x.code === 'mysql.prefix-length-dropped').map((x) => x.message)).toEqual([expect.stringContaining('"c" is varchar(191)')]);
  });
});

describe('array defaults where arrays become json', () => {
  const cases: [string, Column['default'], string][] = [
    ['ARRAY[...] expression', { kind: 'expression', sql: `ARRAY['USER']::"Role"[]` }, `DEFAULT (ARRAY['USER']::"Role"[])`],
    ['empty array literal', { kind: 'expression', sql: `'{}'` }, `DEFAULT ('{}')`],
    ['array literal string', { kind: 'literal', value: '{a,b}' }, `DEFAULT '{a,b}'`],
  ];
  it.each(cases)('%s: left out on MySQL with a warning, kept on PostgreSQL', (_name, def, pgDefault) => {
    const tags = makeColumn({ name: 'tags', type: scalar('text'), arrayDims: 1, nullable: false, default: def }, ids);
    const doc = documentOf({ tables: [makeTable({ name: 't', columns: [tags] }, ids)] });
    const my = generateDdl(doc, 'mysql');
    expect(columnLine(my.sql, 'tags')).toBe('`tags` json NOT NULL,'.replace(/,$/, ''));
    expect(my.diagnostics.filter((d) => d.code === 'mysql.array-default-dropped').map((d) => d.severity)).toEqual(['warning']);
    const pg = generateDdl(doc, 'postgres');
    expect(columnLine(pg.sql, 'tags', '"')).toBe(`"tags" text[] NOT NULL ${pgDefault}`);
  });
});
