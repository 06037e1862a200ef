/**
 * Every output, pinned byte for byte: for the kitchen sink, the hostile names and every import of
 * ../shared/corpus (each file found there, every importer), the SHA-256 of each export format for both
 * dialects (DATABASE_DESIGN.md, DDL, mermaid, Prisma, DBML, the project JSON), of each render format
 * with its options (DDL per target, mermaid split, the index table) and of the diagnostics.
 *
 * Why: code moves (one load gate, dialects as data, one lexer, one format registry) must not change
 * what a user downloads. A change that is meant to change output updates the pins on purpose:
 *   UPDATE_PINS=1 npx vitest run lib/server/testing/output-pins.test.ts
 * and the diff of __pins__/outputs.json shows which outputs moved.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectSpec } from '../../dialects/dialects';
import { exportFile } from '../../formats/files';
import { OUTPUT_FORMATS } from '../../formats/registry';
import { renderFormat } from '../../formats/render';
import { hostileNamesDocument } from '../../model/fixtures/hostile-names';
import { kitchenSinkDocument } from '../../model/fixtures/kitchen-sink';
import type { Dialect, SchemaDocument } from '../../model/document';
import { corpusAvailable, corpusDir } from '../importers/test-corpus';
import { importSource, type ImportSourceFormat } from '../importers/import-source';

const PINS = path.join(__dirname, '__pins__', 'outputs.json');
const DIALECTS: Dialect[] = ['postgres', 'mysql', 'sqlite'];
const FORMAT_OF_FOLDER: Record<string, ImportSourceFormat> = { postgres: 'postgres', mysql: 'mysql', prisma: 'prisma', dbml: 'dbml' };

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

type Subject = { name: string; load: () => Promise<SchemaDocument> };

/** Every corpus file (a folder is one multi-file source), so a file added to the corpus is pinned too. */
function corpusSubjects(): Subject[] {
  if (!corpusAvailable('output pins')) return [];
  const subjects: Subject[] = [];
  for (const folder of Object.keys(FORMAT_OF_FOLDER)) {
    const dir = path.join(corpusDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      const format = FORMAT_OF_FOLDER[folder];
      if (fs.statSync(full).isDirectory()) {
        const files = fs.readdirSync(full).sort().map((name) => ({ name, content: fs.readFileSync(path.join(full, name), 'utf8') }));
        subjects.push({ name: `corpus/${folder}/${entry}/`, load: async () => (await importSource(format, { files })).document });
      } else {
        subjects.push({ name: `corpus/${folder}/${entry}`, load: async () => (await importSource(format, fs.readFileSync(full, 'utf8'))).document });
      }
    }
  }
  return subjects;
}

const SUBJECTS: Subject[] = [
  { name: 'kitchen-sink', load: async () => kitchenSinkDocument() },
  { name: 'hostile-names', load: async () => hostileNamesDocument() },
  ...corpusSubjects(),
];

/** Render requests per format: the defaults, and the options that change the output. */
function renderRequests(): Array<{ key: string; format: string; options?: unknown }> {
  const requests: Array<{ key: string; format: string; options?: unknown }> = [];
  for (const dialect of DIALECTS) {
    for (const target of dialectSpec(dialect).targets) requests.push({ key: `render:${dialect}:${target}`, format: dialect, options: { target } });
    requests.push({ key: `render:${dialect}:drop-first+qualified`, format: dialect, options: { dropFirst: true, schemaQualified: true } });
    requests.push({ key: `render:mermaid:${dialect}`, format: 'mermaid', options: { dialect } });
    requests.push({ key: `render:mermaid:${dialect}:split`, format: 'mermaid', options: { dialect, split: true } });
    requests.push({ key: `render:index-table:${dialect}`, format: 'index-table', options: { dialect } });
  }
  requests.push({ key: 'render:mermaid:no-attributes', format: 'mermaid', options: { attributes: false } });
  requests.push({ key: 'render:sqlite:strict+without-rowid', format: 'sqlite', options: { strictTables: true, withoutRowid: true } });
  return requests;
}

async function outputsOf(doc: SchemaDocument): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const format of OUTPUT_FORMATS) {
    const dialects = format.dialectual ? DIALECTS : [undefined];
    for (const dialect of dialects) {
      const file = exportFile(doc, format.id, { dialect, baseName: 'pinned' });
      out[`export:${format.id}${dialect ? `:${dialect}` : ''}`] = sha(`${file.fileName}\n${file.contentType}\n${file.text}`);
    }
  }
  for (const request of renderRequests()) {
    const result = renderFormat(doc, request.format, request.options);
    out[request.key] = sha(`${result.contentType}\n${result.text}\n${JSON.stringify(result.diagnostics)}\n${JSON.stringify(result.diagrams ?? null)}`);
  }
  return out;
}

describe('output pins', () => {
  const recorded: Record<string, Record<string, string>> = fs.existsSync(PINS) ? JSON.parse(fs.readFileSync(PINS, 'utf8')) : {};
  const fresh: Record<string, Record<string, string>> = {};

  it.each(SUBJECTS.map((s) => [s.name, s] as const))('%s: every output is byte-identical to its pin', async (name, subject) => {
    fresh[name] = await outputsOf(await subject.load());
    if (process.env.UPDATE_PINS === '1') return;
    expect(recorded[name], `no pins for ${name}: run with UPDATE_PINS=1 and commit __pins__/outputs.json`).toBeDefined();
    expect(fresh[name]).toEqual(recorded[name]);
  }, 120_000);

  it('writes the pins when asked (UPDATE_PINS=1)', () => {
    if (process.env.UPDATE_PINS !== '1') return;
    const sorted = Object.fromEntries(Object.keys(fresh).sort().map((k) => [k, fresh[k]]));
    fs.writeFileSync(PINS, `${JSON.stringify(sorted, null, 2)}\n`);
  });
});
