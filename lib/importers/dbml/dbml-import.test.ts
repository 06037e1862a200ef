import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpusFile } from '../../server/importers/test-corpus';
import { parseDocument } from '../../model/validate';
import { ImportError } from '../types';
import { importDbml } from './dbml-import';

const haveCorpus = corpusAvailable('DBML corpus tests');

/** Counts a DBML file with regular expressions, independently of @dbml/core and the importer. */
function countDbmlText(text: string) {
  const lines = text.replace(/\/\/.*$/gm, '').split('\n');
  let tables = 0;
  let columns = 0;
  let indexes = 0;
  let inTable = false;
  let inIndexes = false;
  let inNote = false;
  const tableNames = new Set<string>();
  for (const raw of lines) {
    const m = /^\s*Table\s+("([^"]+)"|[\w.]+)/i.exec(raw);
    if (m) tableNames.add(m[2] ?? m[1]);
  }
  const columnLines: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!inTable) {
      if (/^Table\s/i.test(line)) {
        tables++;
        inTable = true;
      }
      continue;
    }
    if (inNote) {
      if (line.includes("'''")) inNote = false;
      continue;
    }
    if (inIndexes) {
      if (line === '}') inIndexes = false;
      else if (line && !/\bpk\b/.test(line)) indexes++;
      continue;
    }
    if (line === '}') {
      inTable = false;
      continue;
    }
    if (/^indexes\s*\{/i.test(line)) {
      inIndexes = true;
      continue;
    }
    if (/^Note\s*:\s*'''/i.test(line) && !/'''.*'''/.test(line)) {
      inNote = true;
      continue;
    }
    if (!line || /^Note\b/i.test(line)) continue;
    const col = /^("[^"]+"|`[^`]+`|\w+)\s+("[^"]+"|[\w.]+)/.exec(line);
    if (col && !tableNames.has(col[2])) {
      columns++;
      columnLines.push(line);
    }
  }
  const refs = (text.match(/^\s*Ref\b/gim) ?? []).length + (text.match(/\bref:\s*[<>-]/gi) ?? []).length;
  const enums = (text.match(/^\s*enum\s/gim) ?? []).length;
  return { tables, columns, indexes, refs, enums };
}

// Table and enum counts from the corpus README.
const CASES = [
  { file: 'dokploy-schema.dbml', tables: 48, enums: 21 },
  { file: 'dariah-unr-schema.dbml', tables: 34, enums: 23 },
  { file: 'holistics-playground-ecommerce.dbml', tables: 5, enums: 3 },
];

describe.skipIf(!haveCorpus)('DBML corpus', () => {
  it.each(CASES)('$file imports with the independently counted tables, columns, refs, indexes, enums', ({ file, tables, enums }) => {
    const text = readCorpusFile(`dbml/${file}`);
    const expected = countDbmlText(text);
    expect(expected.tables).toBe(tables);
    expect(expected.enums).toBe(enums);
    const { document, report } = importDbml(text);
    expect(parseDocument(document).ok).toBe(true);
    expect(report.counts).toMatchObject({ tables, enums, columns: expected.columns, relationships: expected.refs, indexes: expected.indexes });
  });

  it('dokploy: quoted names, enum values with dashes, arrays, serial, expression defaults', () => {
    const { document } = importDbml(readCorpusFile('dbml/dokploy-schema.dbml'));
    const tables = Object.values(document.tables);
    expect(tables.some((t) => t.name === 'ssh-key')).toBe(true);
    expect(Object.values(document.enums).some((e) => e.values.includes('docker-compose'))).toBe(true);
    const arrays = tables.flatMap((t) => t.columns).filter((c) => c.arrayDims === 1);
    expect(arrays.length).toBeGreaterThan(0);
    expect(arrays.every((c) => c.type.kind === 'scalar' && c.type.name === 'text')).toBe(true);
    const exprDefaults = tables.flatMap((t) => t.columns).filter((c) => c.default.kind === 'expression').map((c) => (c.default.kind === 'expression' ? c.default.sql : ''));
    expect(exprDefaults).toContain('now()');
  });

  describe('JSON documents in backtick defaults', () => {
    // drizzle-dbml writes JSON defaults in backticks; `{...}` is no SQL expression (PostgreSQL: syntax error at "{").
    const cases: [string, string, { kind: string; value?: unknown; sql?: string }, number][] = [
      ['jsonb object in backticks', 'jsonb [default: `{"a":{"b":[1,2]},"c":""}`]', { kind: 'literal', value: '{"a":{"b":[1,2]},"c":""}' }, 1],
      ['json array in backticks', 'json [default: `[1, "x"]`]', { kind: 'literal', value: '[1, "x"]' }, 1],
      ['a jsonb string default is a literal already', `jsonb [default: '{"a":1}']`, { kind: 'literal', value: '{"a":1}' }, 0],
      ['a real SQL expression on jsonb stays an expression', "jsonb [default: `'{}'::jsonb`]", { kind: 'expression', sql: "'{}'::jsonb" }, 0],
      ['not JSON (unbalanced) stays an expression', 'jsonb [default: `{"a":`]', { kind: 'expression', sql: '{"a":' }, 0],
      ['a text column keeps its backtick expression', 'text [default: `{"a":1}`]', { kind: 'expression', sql: '{"a":1}' }, 0],
    ];
    it.each(cases)('%s', (_name, column, expected, infos) => {
      const { document, report: { diagnostics } } = importDbml(`Table t {\n  id int [pk]\n  c ${column}\n}\n`);
      const c = Object.values(document.tables)[0].columns.find((x) => x.name === 'c');
      expect(c?.default).toEqual(expected);
      expect(diagnostics.filter((d) => d.code === 'dbml.json-default-as-literal').map((d) => d.severity)).toEqual(Array(infos).fill('info'));
    });

    it.skipIf(!haveCorpus)('dokploy: both metricsConfig defaults are JSON literals', () => {
      const { document } = importDbml(readCorpusFile('dbml/dokploy-schema.dbml'));
      const defaults = Object.values(document.tables).flatMap((t) => t.columns.filter((c) => c.name === 'metricsConfig')).map((c) => c.default);
      expect(defaults).toHaveLength(2);
      for (const d of defaults) {
        expect(d.kind).toBe('literal');
        expect(JSON.parse(d.kind === 'literal' ? String(d.value) : '')).toHaveProperty('server.refreshRate', 60);
      }
    });
  });

  it('holistics: TableGroup becomes an area, notes become comments, inline refs', () => {
    const { document } = importDbml(readCorpusFile('dbml/holistics-playground-ecommerce.dbml'));
    const areas = Object.values(document.areas);
    expect(areas).toHaveLength(1);
    expect(areas[0].name).toBe('ecommerce_core');
    expect(areas[0].tableIds).toHaveLength(5);
    const users = Object.values(document.tables).find((t) => t.name === 'users')!;
    expect(users.comment).toBe('Stores user account information');
    expect(users.columns.find((c) => c.name === 'id')!.identity).toEqual({ always: false });
    expect(users.uniques).toHaveLength(2);
  });

  it('dariah: the DBML twin of the Prisma schema maps Prisma scalar names and skips relation fields', () => {
    const { document, report } = importDbml(readCorpusFile('dbml/dariah-unr-schema.dbml'));
    const bodies = Object.values(document.tables).find((t) => t.name === 'bodies')!;
    expect(bodies.columns.find((c) => c.name === 'createdAt')!.type).toEqual({ kind: 'scalar', name: 'timestamp', precision: 3 });
    expect(bodies.columns.some((c) => c.name === 'roles')).toBe(false);
    expect(report.diagnostics.some((d) => d.code === 'dbml.relation-field-skipped')).toBe(true);
    expect(report.diagnostics.some((d) => d.code === 'dbml.unknown-type')).toBe(false);
  });
});

describe('DBML features and errors', () => {
  it('composite refs with actions, composite primary keys, index types', () => {
    const { document } = importDbml(`
Project p { database_type: 'MySQL' }
Table a {
  x int
  y int
  indexes { (x, y) [pk] }
}
Table b {
  id int [pk]
  ax int
  ay int
  indexes { (ax, ay) [name: 'b_a', type: hash] }
}
Ref fk_b_a: b.(ax, ay) > a.(x, y) [delete: cascade, update: set null]
`);
    expect(document.settings.dialect).toBe('mysql');
    const rel = Object.values(document.relationships)[0];
    expect(rel).toMatchObject({ name: 'fk_b_a', onDelete: 'cascade', onUpdate: 'set null' });
    expect(rel.columnPairs).toHaveLength(2);
    const a = Object.values(document.tables).find((t) => t.name === 'a')!;
    expect(a.primaryKey?.columnIds).toHaveLength(2);
    const b = Object.values(document.tables).find((t) => t.name === 'b')!;
    expect(b.indexes[0]).toMatchObject({ name: 'b_a', method: 'hash', unique: false });
  });

  it.each([
    ['key first', 'Ref: b.id - a.b_id'],
    ['foreign key first', 'Ref: a.b_id - b.id'],
  ])('one-to-one ref, %s: the side that is not the primary key holds the foreign key', (_label, ref) => {
    const { document } = importDbml(`Table a {\n  id int [pk]\n  b_id int\n}\nTable b {\n  id int [pk]\n}\n${ref}\n`);
    const rel = Object.values(document.relationships)[0];
    expect(document.tables[rel.fromTableId].name).toBe('a');
    expect(document.tables[rel.toTableId].name).toBe('b');
    expect(rel.cardinality).toEqual({ from: 'zero-or-one', to: 'exactly-one' });
  });

  it('reports line, column and text of a syntax error', () => {
    const err = (() => {
      try {
        importDbml('Table a {\n  id int [pk\n}\n');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ImportError);
    const e = err as ImportError;
    expect(e.line).toBe(3);
    expect(e.column).toBe(1);
    expect(e.excerpt).toBe('}');
  });

  it.each([
    ['truncated', 'Table users {\n  id int [pk]\n  name varchar(2'],
    ['binary garbage', '\u0000\u0001\u0002\u00ff'.repeat(500)],
    ['deeply nested parentheses', `Table t {\n  id int [default: \`${'('.repeat(5000)}\`]\n}\n`.replace('`', '`').slice(0, -3)],
    ['unterminated string', "Table t {\n  id int [note: 'abc\n}\n"],
    ['unterminated block comment', 'Table t {\n  id int\n}\n/* never closed'],
    ['empty', '  '],
  ])('%s input gives an ImportError quickly', (_label, text) => {
    const t = Date.now();
    expect(() => importDbml(text)).toThrow(ImportError);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});
