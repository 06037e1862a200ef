import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '../../server/importers/import-source';
import type { ImportFormat, SourceFile } from '../../importers/types';
import { elementPositions, positionsLocator } from './source-locations';
import { sqlDeclaredNames } from './source-names';
import type { FindingTarget } from '../types';

const CORPUS = path.join(__dirname, '../../../../shared/corpus');

function corpusFiles(format: ImportFormat, entry: string): SourceFile[] {
  const p = path.join(CORPUS, format, entry);
  if (!fs.statSync(p).isDirectory()) return [{ name: entry, content: fs.readFileSync(p, 'utf8') }];
  return fs
    .readdirSync(p, { recursive: true })
    .map(String)
    .filter((n) => n.endsWith('.prisma'))
    .sort()
    .map((n) => ({ name: n, content: fs.readFileSync(path.join(p, n), 'utf8') }));
}

const CASES = (['postgres', 'mysql', 'dbml', 'prisma'] as const).flatMap((format) => fs.readdirSync(path.join(CORPUS, format)).map((entry) => [format, entry] as const));

describe('element positions over the corpus', () => {
  it.each(CASES)('%s %s: every declared table and its columns are placed on a line that declares them', async (format, entry) => {
    const files = corpusFiles(format, entry);
    const { document: doc } = await importSource(format, { files });
    const { byId } = elementPositions(doc, files, format);
    const lineAt = (id: string) => {
      const at = byId.get(id)!;
      return files.find((f) => f.name === at.file)!.content.split('\n')[at.line - 1].toLowerCase();
    };
    // Prisma's implicit many-to-many tables (`_AToB`) are declared nowhere.
    const tables = Object.values(doc.tables).filter((t) => !(format === 'prisma' && t.name.startsWith('_')));
    expect(tables.filter((t) => !byId.has(t.id)).map((t) => t.name)).toEqual([]);
    for (const t of tables) {
      expect(t.columns.filter((c) => !byId.has(c.id)).map((c) => `${t.name}.${c.name}`)).toEqual([]);
      // Prisma declares a @@map/@map name elsewhere on the line or block; SQL and DBML write the name itself.
      if (format !== 'prisma') {
        expect(lineAt(t.id)).toContain(t.name.toLowerCase());
        for (const c of t.columns) expect(lineAt(c.id)).toContain(c.name.toLowerCase());
      }
    }
  });
});

describe('SQL declarations', () => {
  it('reads quoted names, skips comments, strings and dollar quotes, and tells a column named key from an index', () => {
    const sql = [
      '-- CREATE TABLE in_a_comment (x int);',
      "CREATE TABLE IF NOT EXISTS \"Odd \"\"Name\"\" \" (",
      '  key varchar(255) NOT NULL,',
      "  note text DEFAULT 'CREATE TABLE nope (y int)',",
      '  fulltext tsvector,',
      '  CONSTRAINT odd_pk PRIMARY KEY (key)',
      ');',
      'CREATE FUNCTION f() RETURNS int AS $$ CREATE TABLE inside_body (z int); $$ LANGUAGE sql;',
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_note ON ONLY public."Odd ""Name"" " (note);',
      'ALTER TABLE ONLY public.other ADD CONSTRAINT other_fk FOREIGN KEY (a) REFERENCES t (b);',
      'CREATE TYPE mood AS ENUM (\'ok\');',
      'CREATE OR REPLACE VIEW v AS SELECT 1;',
    ].join('\n');
    const names = sqlDeclaredNames(sql, 'postgres');
    expect(names.tables.map((t) => [t.name, t.columns.map((c) => c.name), t.parts.map((p) => p.name)])).toEqual([['Odd "Name" ', ['key', 'note', 'fulltext'], ['odd_pk']]]);
    expect(names.tableParts.map((p) => [p.schema, p.table, p.name])).toEqual([
      ['public', 'Odd "Name" ', 'ix_note'],
      ['public', 'other', 'other_fk'],
    ]);
    expect(names.enums.map((e) => e.name)).toEqual(['mood']);
    expect(names.views.map((v) => v.name)).toEqual(['v']);
  });

  it('reads MySQL inline indexes, backticks and executable comments', () => {
    const sql = ['CREATE TABLE `a` (', '  `id` int NOT NULL,', '  /*!50705 location GEOMETRY NOT NULL,*/', '  KEY `ix_a` (`id`),', '  UNIQUE KEY uq (id),', '  FULLTEXT KEY ft (id)', ') ENGINE=InnoDB;'].join('\n');
    const [t] = sqlDeclaredNames(sql, 'mysql').tables;
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'location']);
    expect(t.parts.map((p) => p.name)).toEqual(['ix_a', 'uq', 'ft']);
  });
});

describe('positionsLocator', () => {
  it('points a relationship at its named constraint, else its first column, and unknown elements at the file', async () => {
    const sql = 'CREATE TABLE c (id int PRIMARY KEY);\nCREATE TABLE o (\n  id int PRIMARY KEY,\n  c_id int REFERENCES c (id)\n);\n';
    const files = [{ name: 'schema.sql', content: sql }];
    const { document: doc } = await importSource('postgres', { files });
    const locate = positionsLocator(doc, elementPositions(doc, files, 'postgres', (n) => `db/${n}`), 'db/schema.sql');
    const rel = Object.values(doc.relationships)[0];
    const o = Object.values(doc.tables).find((t) => t.name === 'o')!;
    const at = (target: FindingTarget) => locate({ ruleId: 'r', severity: 'info', message: '', key: 'k', target });
    expect(at({ kind: 'relationship', relationshipId: rel.id })).toEqual({ file: 'db/schema.sql', line: 4, column: 3 });
    expect(at({ kind: 'table', tableId: o.id })).toEqual({ file: 'db/schema.sql', line: 2, column: 1 });
    expect(at({ kind: 'check', tableId: o.id, checkId: 'nope' })).toEqual({ file: 'db/schema.sql', line: 2, column: 1 });
    expect(at({ kind: 'enum', enumId: 'nope' })).toEqual({ file: 'db/schema.sql' });
  });
});
