import { describe, expect, it } from 'vitest';
import { bodySegments, safeHref } from './body-segments';

describe('comment bodies', () => {
  it('links http(s) URLs only, without the sentence punctuation after them', () => {
    expect(bodySegments('see https://example.com/a_(b). and http://x.org/?q=1, ok')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a_(b)', href: 'https://example.com/a_(b)' },
      { kind: 'text', text: '. and ' },
      { kind: 'link', text: 'http://x.org/?q=1', href: 'http://x.org/?q=1' },
      { kind: 'text', text: ', ok' },
    ]);
  });

  it.each([
    '[x](javascript:alert(1))',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)">x</a>',
    'vbscript:msgbox(1) file:///etc/passwd',
    'https://',
  ])('keeps %s as plain text', (body) => {
    expect(bodySegments(body)).toEqual([{ kind: 'text', text: body }]);
  });

  it('a javascript: URL never becomes a link, even inside an http one', () => {
    const segs = bodySegments('[x](https://ok.example/javascript:alert(1))');
    const links = segs.filter((s) => s.kind === 'link');
    expect(links.every((s) => s.kind === 'link' && s.href.startsWith('https://ok.example/'))).toBe(true);
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
  });

  it('highlights the mentions the server resolved, with the member name', () => {
    const segs = bodySegments('@ann lee see https://x.org\nthanks', [{ userId: 'u1', name: 'Ann Lee', handle: 'Ann Lee' }]);
    expect(segs).toEqual([
      { kind: 'mention', text: '@ann lee', userId: 'u1', name: 'Ann Lee' },
      { kind: 'text', text: ' see ' },
      { kind: 'link', text: 'https://x.org', href: 'https://x.org/' },
      { kind: 'text', text: '\nthanks' },
    ]);
    expect(bodySegments('@nobody')).toEqual([{ kind: 'text', text: '@nobody' }]);
  });
});
