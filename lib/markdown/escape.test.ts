import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { escapeInline, escapeLine, escapeText, heading, inlineCode, markdown, markdownTable, tableCell } from './escape';

/** Renders GFM with marked (the renderer the app uses) and returns HTML. */
function render(md: string): string {
  return marked.parse(md, { async: false, gfm: true });
}

/** HTML text content: tags removed, the entities marked emits decoded. */
function textOf(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** Strings that mean something to Markdown or HTML. */
const hostile: Array<[string, string]> = [
  ['plain', 'users'],
  ['pipe', 'a|b'],
  ['backticks', 'a `code` b'],
  ['script tag', '<script>alert(1)</script>'],
  ['entity', '&amp; &lt;'],
  ['emphasis', '*bold* _it_ __x__'],
  ['link', '[x](http://evil) ![img](y)'],
  ['autolink', '<http://example.com>'],
  ['heading start', '# not a heading'],
  ['list start', '- not a list'],
  ['plus list', '+ nope'],
  ['ordered list', '1. nope'],
  ['quote', '> not a quote'],
  ['backslash', 'C:\\path\\'],
  ['strike', '~~gone~~'],
  ['unicode', 'naïve 名前 🚀'],
  ['html comment', '<!-- hidden -->'],
  ['setext', '==='],
];

describe('escapeLine', () => {
  it.each(hostile)('%s renders as the literal text', (_label, text) => {
    const html = render(escapeLine(text));
    expect(html.startsWith('<p>')).toBe(true);
    expect(textOf(html)).toBe(text);
  });

  it('turns line breaks into spaces', () => {
    expect(escapeInline('a\nb\r\nc')).toBe('a b c');
  });
});

describe('tableCell / markdownTable', () => {
  it.each(hostile)('%s survives as one cell', (_label, text) => {
    const md = markdownTable(['Name', 'Other'], [[text, 'x']]);
    const html = render(md);
    const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]));
    expect(cells).toEqual([text, 'x']);
  });

  it('keeps line breaks as <br> inside the cell', () => {
    expect(tableCell('one\ntwo')).toBe('one<br>two');
    const html = render(markdownTable(['A'], [['one\ntwo|three']]));
    const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]));
    expect(cells).toEqual(['one\ntwo|three']);
  });

  it('passes pre-rendered Markdown cells through', () => {
    const html = render(markdownTable(['Col'], [[markdown(inlineCode('a|b', { inTable: true }))]]));
    expect(html).toContain('<td><code>a|b</code></td>');
  });

  it('rejects rows of the wrong width', () => {
    expect(() => markdownTable(['A', 'B'], [['x']])).toThrow(/expected 2/);
  });
});

describe('inlineCode', () => {
  const cases: Array<[string, string]> = [
    ['simple', 'varchar(255)'],
    ['backtick inside', 'a`b'],
    ['starts with backtick', '`x'],
    ['double backticks', 'a``b`c'],
    ['html', '<b>&amp;'],
    ['asterisks', '*x*'],
  ];
  it.each(cases)('%s shows verbatim', (_label, text) => {
    const html = render(inlineCode(text));
    const code = html.match(/<code>([\s\S]*?)<\/code>/)?.[1];
    expect(code === undefined ? undefined : textOf(code)).toBe(text);
  });

  it('escapes pipes for tables', () => {
    expect(inlineCode('a|b', { inTable: true })).toBe('`a\\|b`');
  });

  it('never produces an empty code span', () => {
    expect(inlineCode('')).toBe('` `');
  });
});

describe('heading', () => {
  it.each(hostile)('%s is a heading with the literal text', (_label, text) => {
    const html = render(heading(3, text));
    expect(html.startsWith('<h3')).toBe(true);
    expect(textOf(html)).toBe(text);
  });

  it('keeps trailing hashes', () => {
    expect(textOf(render(heading(2, 'C#')))).toBe('C#');
    expect(textOf(render(heading(2, 'x ##')))).toBe('x ##');
  });
});

describe('escapeText', () => {
  it('keeps paragraphs and line breaks without opening blocks', () => {
    const text = '# title\n- item\n\n> quote <b>';
    const html = render(escapeText(text));
    expect(html).not.toMatch(/<h1|<ul|<blockquote|<b>/);
    expect(html.match(/<p>/g)?.length).toBe(2);
    expect(textOf(html)).toBe('# title\n- item\n\n> quote <b>'.replace('\n\n', '\n'));
  });
});
