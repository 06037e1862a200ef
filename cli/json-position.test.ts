import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findJsonSyntaxError, offsetOfPath, positionAt } from './json-position';

const accepts = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on valid JSON and on random corruptions of it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', '}', ']', ',', '"', ':', 'x', '\\', '\n', ' '), (value, at, insert) => {
        const text = JSON.stringify(value, null, at % 3);
        expect(findJsonSyntaxError(text)).toBeUndefined();
        const pos = text.length ? at % text.length : 0;
        const corrupted = text.slice(0, pos) + insert + text.slice(pos + (at % 2));
        expect(findJsonSyntaxError(corrupted) === undefined).toBe(accepts(corrupted));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['{"a": }', 6, /expected a value/],
    ['{"a": 1,}', 8, /property name/],
    ['[1 2]', 3, /expected ',' or '\]'/],
    ["{'a': 1}", 1, /property name/],
    ['{"a": tru}', 9, /expected true/],
    ['{"a": "b\nc"}', 8, /control character/],
    ['{"a": "\\x"}', 8, /bad escape/],
    ['{} {}', 3, /after the end/],
    ['', 0, /unexpected end of input/],
    ['01', 1, /after the end/],
  ])('%j fails at offset %i', (text, offset, message) => {
    const err = findJsonSyntaxError(text);
    expect(err?.offset).toBe(offset);
    expect(err?.message).toMatch(message);
  });
});

describe('offsetOfPath', () => {
  const text = JSON.stringify({ tables: { 'a.b': { columns: [{ name: 'x' }, { name: 'y' }] }, a: { columns: [] } } }, null, 2);

  it.each([
    ['tables.a.b.columns.1.name', '"y"'],
    ['tables.a.columns', '[]'],
    ['tables.a.b.columns.5', '['],
    ['tables.a.b.missing', '{'],
    ['(root)', '{'],
  ])('%s', (docPath, startsWith) => {
    expect(text.slice(offsetOfPath(text, docPath)).startsWith(startsWith)).toBe(true);
  });

  it('positions count lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
