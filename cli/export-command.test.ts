import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mermaid from 'mermaid';
import { kitchenSinkBeforeVersion3, kitchenSinkDocument } from '../lib/model/fixtures/kitchen-sink';
import { generateMermaid } from '../lib/mermaid/generate-mermaid';
import { indexStrategy, indexStrategyMarkdown } from '../lib/index-strategy/index-strategy';
import { generateDdl } from '../lib/ddl/generate-ddl';
import { loadSqlParsers } from '../lib/sql-parse/load';
import { exportFile } from '../lib/formats/files';
import { EXIT_WRITTEN_WITH_ERRORS } from './io';
import { documentOf, makeColumn, makeTable, scalar } from '../lib/model/build';
import { main } from './main';
import { memoryIo } from './memory-io.test-support';


const pretty = (v: unknown) => JSON.stringify(v, null, 2);

describe('draftbase export', () => {
  it('takes a schema file directly: PostgreSQL DDL in, MySQL DDL out', async () => {
    const sql = 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);\nCREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE);\n';
    const { io, out } = memoryIo({ 'schema.sql': sql });
    expect(await main(['export', 'schema.sql', '--to', 'mysql'], io)).toBe(0);
    expect(out.stdout).toMatch(/CREATE TABLE `users`/);
    expect(out.stdout).toMatch(/FOREIGN KEY \(`user_id`\) REFERENCES `users` \(`id`\) ON DELETE CASCADE/);
    expect(out.stderr).toMatch(/^schema\.sql: imported postgres: 2 tables, 1 relationships; 0 statements skipped/);
  });

  it('writes DATABASE_DESIGN.md, a Prisma schema and DBML from a document', async () => {
    const doc = kitchenSinkDocument();
    const { io, out } = memoryIo({ 'doc.json': pretty(doc) });
    expect(await main(['export', 'doc.json', '--to', 'markdown', '--dialect', 'postgres', '-o', 'DATABASE_DESIGN.md'], io)).toBe(0);
    // After the comment that lists what the design's DDL leaves out (lib/exporters/export-notes.ts).
    expect(out.written['DATABASE_DESIGN.md']).toMatch(/^<!--\nDraftbase: 4 warnings, 8 notes [^\n]*\n(?:[^\n]*\n){12}-->\n\n# Database Design Document\n/);
    expect(out.written['DATABASE_DESIGN.md']).toContain(generateDdl(doc, 'postgres').sql.trim().split('\n')[0]);
    expect(await main(['export', 'doc.json', '--to', 'prisma', '-o', 'schema.prisma'], io)).toBe(0);
    expect(out.written['schema.prisma']).toMatch(/^\s*model /m);
    expect(await main(['export', 'doc.json', '--to', 'dbml', '-o', 'schema.dbml'], io)).toBe(0);
    expect(out.written['schema.dbml']).toMatch(/^Table /m);
  });

  it('writes DATABASE_DESIGN.html: one safe page, GitHub anchors, diagrams as mermaid source with a note', async () => {
    const doc = kitchenSinkDocument();
    doc.design.narrative.security = '<script>window.__pwned=1</script> [x](javascript:alert(1))';
    const { io, out } = memoryIo({ 'doc.json': pretty(doc) });
    expect(await main(['export', 'doc.json', '--to', 'html', '--dialect', 'mysql', '-o', 'DATABASE_DESIGN.html'], io)).toBe(0);
    const html = out.written['DATABASE_DESIGN.html'];
    // The generator's notes first (an HTML comment), then the page.
    expect(html).toMatch(/^<!--\nDraftbase: [^\n]*\n[\s\S]*?-->\n+<!DOCTYPE html>\n/);
    expect(html).toContain('<h3 id="backup--recovery">Backup &amp; Recovery</h3>');
    expect(html).toContain('<p class="diagram-note">');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).not.toMatch(/<script|href="javascript:/);
  });

  it('reads a document saved by an older Draftbase (version 1) through the load gate', async () => {
    const v1 = await readFile(path.join(__dirname, '../lib/model/fixtures/kitchen-sink.v1.json'), 'utf8');
    // The stored v1 kitchen sink upgrades to the kitchen sink without what version 3 added.
    const { io, out } = memoryIo({ 'old.json': v1, 'new.json': pretty(kitchenSinkBeforeVersion3()) });
    expect(await main(['export', 'old.json', '--to', 'markdown', '-o', 'old.md'], io)).toBe(0);
    expect(await main(['export', 'new.json', '--to', 'markdown', '-o', 'new.md'], io)).toBe(0);
    expect(out.written['old.md']).toBe(out.written['new.md']);
    // --to json writes the document upgraded to this version.
    expect(await main(['export', 'old.json', '--to', 'json', '-o', 'upgraded.json'], io)).toBe(0);
    expect(JSON.parse(out.written['upgraded.json'])).toEqual(kitchenSinkBeforeVersion3());
    const newer = memoryIo({ 'newer.json': pretty({ ...kitchenSinkDocument(), version: 99 }) });
    expect(await main(['export', 'newer.json', '--to', 'postgres'], newer.io)).toBe(2);
    expect(newer.out.stderr).toMatch(/newer than this Draftbase reads .*upgrade Draftbase/);
  });

  it('writes the mermaid ERD to stdout', async () => {
    const doc = kitchenSinkDocument();
    const { io, out } = memoryIo({ 'doc.json': pretty(doc) });
    expect(await main(['export', 'doc.json', '--to', 'mermaid'], io)).toBe(0);
    expect(out.stdout).toBe(generateMermaid(doc));
    expect(out.stderr).toBe('');
    await mermaid.parse(out.stdout);
  });

  it('writes the index table to -o FILE for the chosen dialect', async () => {
    const doc = kitchenSinkDocument();
    const { io, out } = memoryIo({ 'doc.json': pretty(doc) });
    expect(await main(['export', 'doc.json', '--to', 'index-table', '--dialect', 'mysql', '-o', 'out.md'], io)).toBe(0);
    expect(out.written['out.md']).toBe(`${indexStrategyMarkdown(indexStrategy(doc, 'mysql'))}\n`);
    expect(out.stdout).toBe('');
  });

  it('selects an area by name and renders an overview', async () => {
    const doc = kitchenSinkDocument();
    const area = Object.values(doc.areas)[0];
    const { io, out } = memoryIo({ 'doc.json': pretty(doc) });
    expect(await main(['export', 'doc.json', '--to', 'mermaid', '--area', area.name, '--overview'], io)).toBe(0);
    expect(out.stdout).toBe(generateMermaid(doc, { areaId: area.id, attributes: false }));
  });

  it('writes PostgreSQL DDL and reports warnings at their line', async () => {
    const doc = kitchenSinkDocument();
    const text = pretty(doc);
    const { io, out } = memoryIo({ 'doc.json': text });
    expect(await main(['export', 'doc.json', '--to', 'postgres'], io)).toBe(0);
    // The CLI renders with the SQL parsers: expressions are checked and translated.
    const expected = generateDdl(doc, 'postgres', { sqlParsers: await loadSqlParsers() });
    // The same file GET /api/projects/:id/export serves: a comment listing the diagnostics, then the script.
    expect(out.stdout).toBe(exportFile(doc, 'postgres', { sqlParsers: await loadSqlParsers() }).text);
    expect(out.stdout.endsWith(expected.sql)).toBe(true);
    expect(out.stdout).toMatch(/^-- Draftbase: \d+ warnings, \d+ notes/);
    const warnings = expected.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(out.stderr).toContain(`warning: ${w.message} [${w.code}]`);
    // A warning with a path points into the file at that element.
    const located = warnings.find((w) => w.path);
    const m = new RegExp(`^doc\\.json:(\\d+):(\\d+): warning: [^\\n]*\\[${located!.code}\\]`, 'm').exec(out.stderr);
    expect(m).not.toBeNull();
  });

  it('writes MariaDB DDL with --target and --drop-first', async () => {
    const doc = kitchenSinkDocument();
    const { io, out } = memoryIo({ 'doc.json': pretty(doc) });
    expect(await main(['export', 'doc.json', '--to', 'mysql', '--target', 'mariadb-10.11', '--drop-first', '-o', 'schema.sql'], io)).toBe(0);
    expect(out.written['schema.sql'].endsWith(generateDdl(doc, 'mysql', { target: 'mariadb-10.11', dropFirst: true, sqlParsers: await loadSqlParsers() }).sql)).toBe(true);
    expect(out.written['schema.sql']).toMatch(/^-- Draftbase: \d+ warnings/);
  });

  it('writes SQLite DDL with --to sqlite, --target, --strict-tables and --without-rowid', async () => {
    const doc = kitchenSinkDocument();
    const { io, out } = memoryIo({ 'doc.json': pretty(doc) });
    expect(await main(['export', 'doc.json', '--to', 'sqlite', '--target', 'sqlite-3.37', '--strict-tables', '--without-rowid', '-o', 'schema.sql'], io)).toBe(0);
    const expected = generateDdl(doc, 'sqlite', { target: 'sqlite-3.37', strictTables: true, withoutRowid: true, sqlParsers: await loadSqlParsers() }).sql;
    expect(out.written['schema.sql'].endsWith(expected)).toBe(true);
    expect(expected).toMatch(/^PRAGMA foreign_keys = ON;$/m);
    expect(expected).toMatch(/\) STRICT, WITHOUT ROWID;/);
  });

  it('writes the file with the rejected statement commented out and exits 3 on errors, pointing at the element', async () => {
    const id = makeColumn({ id: 'c1', name: 'id', type: scalar('integer'), nullable: false });
    const other = makeTable({ id: 't2', name: 'kept', columns: [makeColumn({ id: 'c2', name: 'id', type: scalar('integer'), nullable: false })], primaryKey: { columnIds: ['c2'] } });
    const doc = documentOf({ tables: [makeTable({ id: 't1', name: 'x'.repeat(70), columns: [id], primaryKey: { columnIds: ['c1'] } }), other] });
    const text = pretty(doc);
    const { io, out } = memoryIo({ 'doc.json': text });
    expect(await main(['export', 'doc.json', '--to', 'mysql', '-o', 'schema.sql'], io)).toBe(EXIT_WRITTEN_WITH_ERRORS);
    const sql = out.written['schema.sql'];
    expect(sql).toContain('-- 1 statement is commented out: MySQL 8.0 would reject it');
    expect(sql).toContain(`-- error [name.too-long] table "${'x'.repeat(70)}" is 70 characters long`);
    expect(sql).toContain(`-- CREATE TABLE \`${'x'.repeat(70)}\` (`);
    expect(sql).toMatch(/^CREATE TABLE `kept` \(/m);
    const m = /^doc\.json:(\d+):(\d+): error: [^\n]*70 characters long[^\n]*\[name\.too-long\]/m.exec(out.stderr);
    expect(m).not.toBeNull();
    expect(text.split('\n')[Number(m![1]) - 1].trim()).toBe(`"name": "${'x'.repeat(70)}",`);
    expect(out.stderr).toContain('draftbase export: mysql output written with 1 error: 1 statement is commented out');
  });

  it('--strict: exits 2 and writes nothing when the generator reports errors; a warning alone exits 0', async () => {
    const id = makeColumn({ id: 'c1', name: 'id', type: scalar('integer'), nullable: false });
    const text = pretty(documentOf({ tables: [makeTable({ id: 't1', name: 'x'.repeat(70), columns: [id], primaryKey: { columnIds: ['c1'] } })] }));
    const strict = memoryIo({ 'doc.json': text });
    expect(await main(['export', 'doc.json', '--to', 'mysql', '--strict', '-o', 'schema.sql'], strict.io)).toBe(2);
    expect(strict.out.written).toEqual({});
    expect(strict.out.stderr).toContain('draftbase export: mysql output not written (--strict): table');
    // PostgreSQL accepts a 70-byte name (it truncates it): a warning, the script is written.
    const pg = memoryIo({ 'doc.json': text });
    expect(await main(['export', 'doc.json', '--to', 'postgres', '--strict', '-o', 'schema.sql'], pg.io)).toBe(0);
    expect(pg.out.stderr).toMatch(/warning: [^\n]*70 bytes long[^\n]*\[name\.too-long\]/);
  });

  // [label, argv, files, expected stderr pattern]
  const badInput: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['no arguments', ['export'], {}, /missing the document file/],
    ['missing --to', ['export', 'doc.json'], { 'doc.json': '{}' }, /missing --to/],
    ['unknown format', ['export', 'doc.json', '--to', 'svg'], { 'doc.json': '{}' }, /--to must be one of markdown, html, postgres, mysql, sqlite, mermaid, index-table, prisma, dbml, json/],
    ['unknown input format', ['export', 'doc.json', '--to', 'mysql', '--from', 'xml'], { 'doc.json': '{}' }, /--from must be one of/],
    ['DDL option on markdown', ['export', 'doc.json', '--to', 'markdown', '--drop-first'], { 'doc.json': '{}' }, /--drop-first does not apply to --to markdown/],
    ['unimportable schema file', ['export', 'schema.sql', '--to', 'mysql'], { 'schema.sql': 'CREATE TABLE t (\n  id int,\n  name text\n' }, /^schema\.sql:\d+:\d+: /],
    ['unknown flag', ['export', 'doc.json', '--to', 'mermaid', '--colour'], { 'doc.json': '{}' }, /Unknown option '--colour'/],
    ['mermaid flag on DDL', ['export', 'doc.json', '--to', 'postgres', '--split'], { 'doc.json': '{}' }, /--split does not apply to --to postgres \(it takes --target, --drop-first, --schema-qualified, --strict-tables, --without-rowid\)/],
    ['unreadable file', ['export', 'nope.json', '--to', 'mermaid'], {}, /^nope\.json: cannot read the document: ENOENT/],
    ['invalid JSON', ['export', 'doc.json', '--to', 'mermaid'], { 'doc.json': '{\n  "format": "draftbase",\n  "tables": }\n' }, /^doc\.json:3:13: invalid JSON: unexpected "}", expected a value\n$/],
    ['trailing comma', ['export', 'doc.json', '--to', 'mermaid'], { 'doc.json': '{\n  "a": [1, 2,]\n}' }, /^doc\.json:2:14: invalid JSON: unexpected "\]", expected a value\n$/],
    ['truncated JSON', ['export', 'doc.json', '--to', 'mermaid'], { 'doc.json': '{\n  "a": "x' }, /^doc\.json:2:8: invalid JSON: unterminated string\n$/],
    ['not a document', ['export', 'doc.json', '--to', 'mermaid'], { 'doc.json': '[1, 2]' }, /^doc\.json:1:1: \(root\): /],
    ['bad target', ['export', 'doc.json', '--to', 'mysql', '--target', 'postgres-15'], { 'doc.json': pretty(kitchenSinkDocument()) }, /option target: "postgres-15" is not a MySQL target/],
    ['target on mermaid', ['export', 'doc.json', '--to', 'mermaid', '--target', 'postgres-15'], { 'doc.json': '{}' }, /--target does not apply to --to mermaid/],
    ['unknown area', ['export', 'doc.json', '--to', 'mermaid', '--area', 'Nowhere'], { 'doc.json': pretty(kitchenSinkDocument()) }, /option areaId: unknown area id "Nowhere"/],
  ];
  it.each(badInput)('%s -> exit 2 with a located message', async (_label, argv, files, stderr) => {
    const { io, out } = memoryIo(files);
    expect(await main(argv, io)).toBe(2);
    expect(out.stderr).toMatch(stderr);
    expect(out.stdout).toBe('');
  });

  it('points at the line of an invalid value inside the document', async () => {
    const doc = kitchenSinkDocument();
    const table = Object.values(doc.tables)[1];
    table.columns[2].name = '';
    const text = pretty(doc);
    const { io, out } = memoryIo({ 'doc.json': text });
    expect(await main(['export', 'doc.json', '--to', 'mermaid'], io)).toBe(2);
    const m = /^doc\.json:(\d+):(\d+): (tables\.\S+\.columns\.2\.name): /.exec(out.stderr);
    expect(m).not.toBeNull();
    const lineText = text.split('\n')[Number(m![1]) - 1];
    expect(lineText.trim()).toBe('"name": ""');
    expect(lineText.slice(Number(m![2]) - 1)).toBe('""');
  });

  it('points at the object that lacks a required key', async () => {
    const doc = kitchenSinkDocument() as unknown as { tables: Record<string, Record<string, unknown>> };
    const table = Object.values(doc.tables)[0];
    delete table.columns;
    const text = pretty(doc);
    const { io, out } = memoryIo({ 'doc.json': text });
    expect(await main(['export', 'doc.json', '--to', 'mermaid'], io)).toBe(2);
    const m = /^doc\.json:(\d+):(\d+): tables\.(\S+)\.columns: /.exec(out.stderr);
    expect(m).not.toBeNull();
    expect(text.split('\n')[Number(m![1]) - 1].trim()).toBe(`"${m![3]}": {`);
  });

  it('prints usage for --help and for unknown commands', async () => {
    const help = memoryIo({});
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/export +render a document/);
    const unknown = memoryIo({});
    expect(await main(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.out.stderr).toMatch(/unknown command "frobnicate"/);
    const exportHelp = memoryIo({});
    expect(await main(['export', '--help'], exportHelp.io)).toBe(0);
    expect(exportHelp.out.stdout).toMatch(/--to FORMAT/);
  });
});

describe('draftbase (spawned)', () => {
  it('runs through npx tsx with the real file system and exit codes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'draftbase-cli-'));
    try {
      const doc = kitchenSinkDocument();
      const docFile = path.join(dir, 'doc.json');
      const outFile = path.join(dir, 'erd.mmd');
      await writeFile(docFile, JSON.stringify(doc));
      const run = promisify(execFile);
      const cwd = path.resolve(__dirname, '..');
      const ok = await run('npx', ['tsx', 'cli/draftbase.ts', 'export', docFile, '--to', 'mermaid', '-o', outFile], { cwd });
      expect(ok.stdout).toBe('');
      expect(await readFile(outFile, 'utf8')).toBe(generateMermaid(doc));

      await writeFile(docFile, '{"format": }');
      const bad = await run('npx', ['tsx', 'cli/draftbase.ts', 'export', docFile, '--to', 'mermaid'], { cwd }).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => err,
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(`${docFile}:1:12: invalid JSON: unexpected "}", expected a value`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
