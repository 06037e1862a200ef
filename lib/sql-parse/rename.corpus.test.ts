/**
 * The rename rewrite over every expression of the real corpus (../shared/corpus, imported with the
 * project's importers): each column that an expression or a view body names is renamed in turn, and
 * afterwards every text still parses, nothing names the old column (no expression diagnostic at all:
 * the corpus has none to start with), and every rewritten text names the new one. Each table a view
 * reads is renamed the same way: no view still reads the old name.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands/apply';
import type { SchemaDocument, Table } from '../model/document';
import { importSource } from '../server/importers/import-source';
import { corpusAvailable, corpusDir, readCorpusFile } from '../server/importers/test-corpus';
import { expressionDiagnostics } from './expression-diagnostics';
import { expressionSites, tableExpressionSites } from './expression-sites';
import { loadSqlParsers } from './load';
import { renameColumnPlan, renameTablePlan } from './rename';
import { catalog, resolveColumnRef } from './resolve';
import type { SqlParsers } from './types';

const hasCorpus = corpusAvailable('expression rename over the corpus');
const FILES = hasCorpus
  ? (['postgres', 'mysql', 'dbml', 'prisma'] as const).flatMap((dir) => readdirSync(`${corpusDir}/${dir}`).filter((f) => /\.(sql|dbml|prisma)$/.test(f)).map((f) => [dir, f] as const))
  : [];

let parsers: SqlParsers;
beforeAll(async () => {
  parsers = await loadSqlParsers();
});

/** Column names (per table id) that the document's expressions and view bodies name. */
function referencedColumns(doc: SchemaDocument): Map<Table, Set<string>> {
  const out = new Map<Table, Set<string>>();
  const add = (t: Table, name: string) => {
    const column = t.columns.find((c) => c.name === name || (doc.settings.dialect === 'mysql' && c.name.toLowerCase() === name.toLowerCase()));
    if (column) out.set(t, (out.get(t) ?? new Set()).add(column.name));
  };
  for (const t of Object.values(doc.tables)) {
    for (const site of tableExpressionSites(t)) {
      const parsed = parsers[doc.settings.dialect]!.parseExpression(site.text);
      if (parsed.ok) for (const ref of parsed.refs) if (ref.parts.length === 1) add(t, ref.parts[0].value);
    }
  }
  for (const v of Object.values(doc.views)) {
    const parsed = parsers[v.dialect]!.parseQuery(v.sql);
    if (!parsed.ok) continue;
    const cat = catalog(doc, v.dialect);
    for (const ref of parsed.refs) {
      const r = resolveColumnRef(ref, parsed.scopes, cat);
      if (r.kind === 'table' && r.exists) add(r.table, ref.parts[ref.parts.length - 1].value);
    }
  }
  return out;
}

describe.skipIf(!hasCorpus)('rename over the corpus expressions', () => {
  it.each(FILES)('%s/%s: every referenced column and every table a view reads, renamed in turn', async (dir, file) => {
    const doc = (await importSource(dir, readCorpusFile(`${dir}/${file}`))).document;
    // The corpus is valid SQL: nothing to report before any rename.
    expect(expressionDiagnostics(doc, parsers)).toEqual([]);
    const texts = (d: SchemaDocument) => new Map([...expressionSites(d)].map((s) => [s.kind === 'view' ? s.view.id : JSON.stringify([s.kind, 'table' in s ? s.table.id : '', 'ix' in s ? s.ix.id : '', 'column' in s ? s.column.id : '', 'index' in s ? s.index : '', 'part' in s ? s.part : '']), s.text]));
    let renamedColumns = 0;
    let rewrittenTexts = 0;
    for (const [table, names] of referencedColumns(doc)) {
      for (const name of names) {
        const column = table.columns.find((c) => c.name === name)!;
        const to = `${name}_renamed`;
        const plan = renameColumnPlan(doc, table.id, column.id, to, parsers);
        expect(plan.notes, `${table.name}.${name}`).toEqual([]);
        const after = applyCommand(doc, plan.command).doc;
        // Still parses, names no missing column (so not the old one), names the new one where rewritten.
        expect(expressionDiagnostics(after, parsers), `${table.name}.${name}`).toEqual([]);
        const before = texts(doc);
        let changed = 0;
        for (const [key, text] of texts(after)) {
          if (text === before.get(key)) continue;
          changed++;
          expect(text.toLowerCase()).toContain(to.toLowerCase());
        }
        expect(changed, `${table.name}.${name}`).toBe(plan.rewritten);
        expect(changed).toBeGreaterThan(0);
        renamedColumns++;
        rewrittenTexts += changed;
      }
    }
    const viewTables = new Set<Table>();
    for (const v of Object.values(doc.views)) {
      const parsed = parsers[v.dialect]!.parseQuery(v.sql);
      const cat = catalog(doc, v.dialect);
      if (!parsed.ok) continue;
      for (const { site } of parsed.relations) {
        const t = cat.tableOf(site);
        if (t) viewTables.add(t);
      }
    }
    for (const table of viewTables) {
      const plan = renameTablePlan(doc, table.id, `${table.name}_renamed`, parsers);
      expect(plan.notes).toEqual([]);
      const after = applyCommand(doc, plan.command).doc;
      expect(expressionDiagnostics(after, parsers)).toEqual([]);
      for (const v of Object.values(after.views)) {
        const parsed = parsers[v.dialect]!.parseQuery(v.sql);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) continue;
        const cat = catalog(doc, v.dialect);
        // Read against the document before the rename: no relation still names the old table.
        expect(parsed.relations.filter(({ site }) => cat.tableOf(site) === table).map(({ site }) => site.name?.value), v.name).toEqual([]);
      }
    }
    console.log(`${dir}/${file}: ${renamedColumns} column renames rewrote ${rewrittenTexts} texts; ${viewTables.size} table renames`);
  }, 120_000);
});
