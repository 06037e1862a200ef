import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostics';
import { commentSafe, diagnosticsComment, LISTED_DIAGNOSTICS, errorsOf, strictRefusal } from './export-notes';

const d = (severity: Diagnostic['severity'], code: string, message: string): Diagnostic => ({ severity, code, message });

describe('diagnosticsComment', () => {
  it('is empty without diagnostics, and for formats without comments', () => {
    expect(diagnosticsComment([], 'sql', 'this script')).toBe('');
    expect(diagnosticsComment([d('info', 'x', 'y')], 'none', 'this file')).toBe('');
  });

  it('lists every diagnostic, errors first, in the format’s comment syntax', () => {
    const list = [d('info', 'a.note', 'a note'), d('error', 'b.error', 'it fails'), d('warning', 'c.warn', 'left out')];
    expect(diagnosticsComment(list, 'sql', 'this MySQL script')).toBe(
      [
        '-- Draftbase: 1 error, 1 warning, 1 note for this MySQL script: what it leaves out or changes, and what the target would reject (commented out where it stands).',
        '-- error [b.error] it fails',
        '-- warning [c.warn] left out',
        '-- note [a.note] a note',
        '',
      ].join('\n'),
    );
    expect(diagnosticsComment(list.slice(2), 'slashes', 'this DBML file')).toBe('// Draftbase: 1 warning for this DBML file: what it leaves out or changes.\n// warning [c.warn] left out\n');
    expect(diagnosticsComment(list.slice(2), 'html', 'this design document')).toBe('<!--\nDraftbase: 1 warning for this design document: what it leaves out or changes.\nwarning [c.warn] left out\n-->\n\n');
  });

  it('lists the first entries and counts the rest by code', () => {
    const many = Array.from({ length: LISTED_DIAGNOSTICS + 30 }, (_, i) => d('info', i < LISTED_DIAGNOSTICS + 10 ? 'x.one' : 'x.two', `n${i}`));
    const lines = diagnosticsComment(many, 'sql', 'it').trimEnd().split('\n');
    expect(lines).toHaveLength(LISTED_DIAGNOSTICS + 2);
    expect(lines.at(-1)).toBe('-- ... and 30 more: 10 x x.one, 20 x x.two');
  });

  it.each([
    ['sql', /^-- /],
    ['slashes', /^\/\/ /],
    ['mermaid', /^%% /],
  ] as const)('%s: a message with line breaks stays one comment line each', (style, prefix) => {
    const hostile = d('warning', 'w', 'table "a\nDROP TABLE b;\r\nx\u2028y\u2029z\u0085w\u000bv"');
    const text = diagnosticsComment([hostile], style, 'it');
    const lines = text.trimEnd().split(/\r\n|[\r\n\u2028\u2029\u0085\u000b\u000c]/);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(prefix);
    expect(lines[1]).toContain('a\\nDROP TABLE b;\\r\\nx\\u2028y\\u2029z\\u0085w\\u000bv');
  });

  it('html: no "--" inside the comment, so "-->" in a name cannot close it', () => {
    const text = diagnosticsComment([d('warning', 'w', 'x --> <script>alert(1)</script> --!> ---')], 'html', 'it');
    const inside = text.slice('<!--'.length, text.lastIndexOf('-->'));
    expect(inside).not.toContain('--');
    expect(text.match(/-->/g)).toHaveLength(1);
    expect(commentSafe('a-->b', 'html')).toBe('a- ->b');
  });
});

describe('errors', () => {
  it('counts errors only; --strict refuses naming the first and counting the rest', () => {
    const list = [d('warning', 'w', 'warn'), d('error', 'e1', 'first'), d('error', 'e2', 'second')];
    const errors = errorsOf(list);
    expect(errors.map((e) => e.code)).toEqual(['e1', 'e2']);
    expect(strictRefusal('mysql', errors)).toBe('mysql output not written (--strict): first (and 1 more)');
    expect(errorsOf([d('warning', 'w', 'warn')])).toEqual([]);
  });
});
