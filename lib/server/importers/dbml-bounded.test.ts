import { describe, expect, it } from 'vitest';
import { ImportError } from '../../importers/types';
import { importDbmlBounded, parseDbmlBounded } from './dbml-bounded';
import { corpusAvailable, readCorpusFile } from './test-corpus';

/** Text made only of characters the DBML lexer accepts, but not DBML: the parser's slow case. */
function almostDbml(chars: number): string {
  const alphabet = 'ab1 (){}[]:,.<>-*!?=&|~+%;\n';
  let out = 'Table t {\n';
  for (let i = 0; out.length < chars; i++) out += alphabet[(i * 7919) % alphabet.length];
  return out;
}

describe('importDbmlBounded', () => {
  it.skipIf(!corpusAvailable('bounded DBML import'))('imports a real file through the worker', async () => {
    const { report } = await importDbmlBounded(readCorpusFile('dbml/holistics-playground-ecommerce.dbml'));
    expect(report.counts).toMatchObject({ tables: 5, relationships: 5, enums: 3 });
  });

  it('reports syntax errors with their position from the worker', async () => {
    const err = await importDbmlBounded('Table a {\n  id int [pk\n}\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ line: 3, column: 1, excerpt: '}' });
  });

  it('stops a parse that runs past its deadline', async () => {
    const t = Date.now();
    await expect(parseDbmlBounded(almostDbml(400_000), 1000)).rejects.toThrow(/gave up after 1 s/);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it.each([
    ['binary garbage', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', /NUL bytes/],
    ['characters DBML never has', 'Table t {\n  id int ^^^\n}', /unexpected character '\^' at line 2, column 10/],
    ['not starting with a DBML element', 'CREATE TABLE t (id int);', /expected a DBML element/],
    ['a 5 MB paste', `Table t {\n${'  c int\n'.repeat(700_000)}}`, /limited to 4 MB/],
    ['unterminated note', "Table t {\n  Note: '''never closed\n}", /unterminated string at line 2, column 9/],
    ['nesting', `Table t {\n  id int [${'['.repeat(100)}\n}`, /nested deeper than 64 levels/],
  ])('%s fails fast with a position', async (_label, text, message) => {
    const t = Date.now();
    await expect(importDbmlBounded(text)).rejects.toThrow(message);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});
