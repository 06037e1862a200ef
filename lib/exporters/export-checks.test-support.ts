/**
 * Test support (Node only): validates exported Prisma and DBML text against the document it came
 * from. Used by the exporter tests and the corpus property tests.
 */
import { Parser } from '@dbml/core';
// eslint-disable-next-line no-restricted-imports -- test-only: getDMMF validates the export in Node
import internals from '@prisma/internals';
import { expect } from 'vitest';
import type { SchemaDocument } from '../model/document';

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

interface DmmfField { name: string; dbName?: string | null; kind: string }
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }

/** getDMMF accepts the text, and every table (by real name) has its columns (by real name). */
export async function checkPrisma(doc: SchemaDocument, text: string): Promise<void> {
  let dmmf;
  try {
    dmmf = await internals.getDMMF({ datamodel: text });
  } catch (err) {
    throw new Error(`getDMMF rejected the export:\n${stripAnsi(err instanceof Error ? err.message : String(err)).slice(0, 4000)}`);
  }
  const models = dmmf.datamodel.models as unknown as DmmfModel[];
  const byTable = new Map<string, DmmfModel[]>();
  for (const m of models) byTable.set(m.dbName ?? m.name, [...(byTable.get(m.dbName ?? m.name) ?? []), m]);
  // getDMMF leaves out @@ignore'd models (tables without a unique criterion): find them in the text.
  const ignored = new Map<string, number>();
  for (const m of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    if (!/^  @@ignore$/m.test(m[2])) continue;
    const mapped = m[2].match(/^  @@map\((".*")\)$/m);
    const name = mapped ? (JSON.parse(mapped[1]) as string) : m[1];
    ignored.set(name, (ignored.get(name) ?? 0) + 1);
  }
  let ignoredCount = 0;
  for (const t of Object.values(doc.tables)) {
    const candidates = byTable.get(t.name) ?? [];
    if (!candidates.length && (ignored.get(t.name) ?? 0) > 0) {
      ignoredCount++;
      continue;
    }
    const columns = t.columns.map((c) => c.name).sort();
    // The DMMF leaves out Unsupported("...") fields: those columns must be Unsupported in the text.
    const match = candidates.find((m) => {
      const fieldNames = new Set(m.fields.filter((f) => f.kind !== 'object').map((f) => f.dbName ?? f.name));
      if (![...fieldNames].every((n) => columns.includes(n))) return false;
      const missing = columns.filter((c) => !fieldNames.has(c));
      const block = text.slice(text.indexOf(`model ${m.name} {`));
      const body = block.slice(0, block.indexOf('\n}'));
      return (body.match(/ Unsupported\(/g) ?? []).length === missing.length;
    });
    expect(match, `model for table ${t.name} with columns ${columns.join(', ')}`).toBeDefined();
  }
  expect(models.length + ignoredCount).toBe(Object.keys(doc.tables).length);
}

interface DbmlField { name: string; pk: boolean; not_null?: boolean }
interface DbmlTable { name: string; fields: DbmlField[] }
interface DbmlSchema { name: string; tables: DbmlTable[]; refs: unknown[] }

/** @dbml/core parses the text; every table and column is there under its real name; refs count. */
export function checkDbml(doc: SchemaDocument, text: string): void {
  let db;
  try {
    db = Parser.parse(text, 'dbmlv2');
  } catch (err) {
    const diags = (err as { diags?: { message: string; location?: { start?: { line: number } } }[] }).diags;
    throw new Error(`@dbml/core rejected the export: ${diags ? diags.map((d) => `line ${d.location?.start?.line}: ${d.message}`).join('; ') : String(err)}`);
  }
  const schemas = db.schemas as unknown as DbmlSchema[];
  const tables = new Map<string, DbmlTable>();
  for (const s of schemas) for (const t of s.tables) tables.set(`${s.name === 'public' ? '' : `${s.name}.`}${t.name}`, t);
  for (const t of Object.values(doc.tables)) {
    const schema = t.schemaId ? doc.schemas[t.schemaId]?.name : undefined;
    const found = tables.get(`${schema && schema !== 'public' ? `${schema}.` : ''}${t.name}`);
    expect(found, `DBML table ${schema ?? ''}.${t.name}`).toBeDefined();
    expect(found!.fields.map((f) => f.name)).toEqual(t.columns.map((c) => c.name));
  }
  expect(tables.size).toBe(Object.keys(doc.tables).length);
  const refs = schemas.reduce((n, s) => n + s.refs.length, 0);
  expect(refs).toBe(Object.keys(doc.relationships).length);
}
