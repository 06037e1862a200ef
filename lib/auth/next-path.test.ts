import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/projects/p1', '/projects/p1'],
    ['/projects/p1?tab=doc#t', '/projects/p1?tab=doc#t'],
    ['/', '/'],
  ])('keeps the same-site path %s', (input, out) => expect(safeNextPath(input)).toBe(out));

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    ' /projects',
    '/\t/evil.example',
    '/projects\n',
    'projects',
    '',
    undefined,
    ['/a'],
  ])('turns %j into /', (input) => expect(safeNextPath(input)).toBe('/'));
});

describe('signInPath', () => {
  it('carries the asked-for path, encoded', () => {
    expect(signInPath('/projects/p1?tab=doc')).toBe('/sign-in?next=%2Fprojects%2Fp1%3Ftab%3Ddoc');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});
