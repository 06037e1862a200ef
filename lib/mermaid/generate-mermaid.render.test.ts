/**
 * Beyond `mermaid.parse`: render the generated ER diagrams with mermaid's own browser bundle in
 * Chromium (default settings: securityLevel strict, maxTextSize 50,000, as GitHub renders them), and
 * check that the SVG shows every exact name (entity codes decoded, `<script>` as text) and that split
 * diagrams stay under the size mermaid refuses. Needs Chromium: CHROMIUM_PATH, /usr/bin/chromium or
 * Playwright's own; skipped with a notice when none is available (an error under CI=true).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { displayName } from '../model/lookup';
import { documentOf, makeColumn, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import { assertDocument } from '../model/validate';
import { syntheticDocument } from '../../bench/synthetic';
import { generateMermaid, generateMermaidDiagrams } from './generate-mermaid';
import { attributeWord } from './mermaid-text';
import { conceptualModelSection } from '../design-doc/conceptual-model';

const MERMAID_BUNDLE = path.resolve(__dirname, '../../node_modules/mermaid/dist/mermaid.min.js');

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return existsSync(chromium.executablePath()) ? undefined : 'missing';
}

const executable = chromiumPath();
if (executable === 'missing') {
  if (process.env.CI === 'true') throw new Error('Chromium is required under CI=true for the mermaid render test');
  console.warn('[skip] no Chromium found (set CHROMIUM_PATH): skipping the mermaid render test');
}

/** SVG text content with entities decoded: what a reader sees. */
function svgText(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

describe.skipIf(executable === 'missing')('mermaid ERDs render in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: executable,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    await page.evaluate(() => (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false }));
  });
  afterAll(async () => browser?.close());

  let counter = 0;
  const render = (text: string) =>
    page.evaluate(
      async ([id, source]) => {
        const m = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        return (await m.render(id, source)).svg;
      },
      [`erd${++counter}`, text] as const,
    );

  it.each([
    ['kitchen sink', kitchenSinkDocument],
    ['hostile names', hostileNamesDocument],
  ])('%s: the SVG shows every table name exactly and runs no markup from names', async (_label, make) => {
    const doc = make();
    const svg = await render(generateMermaid(doc));
    expect(svg).not.toMatch(/Syntax error|Maximum text size/);
    expect(svg).not.toMatch(/<script/i);
    const text = svgText(svg);
    for (const t of Object.values(doc.tables)) expect(text, displayName(doc, t)).toContain(displayName(doc, t));
    expect(text).not.toMatch(/Unsupported markdown/);
    for (const t of Object.values(doc.tables)) {
      for (const c of t.columns) {
        expect(text).toContain(attributeWord(c.name, 'column'));
        // A renamed attribute shows its real name in the comment; comments show verbatim.
        if (attributeWord(c.name, 'column') !== c.name) expect(text).toContain(`column ${c.name.replace(/\s+/g, ' ')}`);
        if (c.comment) expect(text).toContain(c.comment.replace(/\s+/g, ' ').trim());
      }
    }
  });

  it.each([
    ['kitchen sink', kitchenSinkDocument],
    ['hostile names', hostileNamesDocument],
  ])('%s: the conceptual diagram (no columns) renders every entity name exactly', async (_label, make) => {
    const doc = make();
    const section = conceptualModelSection(doc);
    const source = /```mermaid\n([\s\S]*?)```/.exec(section)![1];
    const svg = await render(source);
    expect(svg).not.toMatch(/Syntax error|Maximum text size|<script/i);
    const text = svgText(svg);
    for (const t of Object.values(doc.tables)) expect(text, displayName(doc, t)).toContain(displayName(doc, t));
  });

  it('Markdown, generics, KaTeX, icons and links in names render as plain text', async () => {
    const names = [
      '*bold* and _it_', '`code`', '- list', '+ plus', '1. item', '2) item', '~~strike~~', 'List~int~', '$$x^2$$',
      'fa:fa-user', 'http://example.com/x', 'www.example.com', 'a@b.com', '[link](http://x)', '   indented', '---',
      '__init__', '# heading', '> quote', 'a | b', '<b>bold</b>', '&amp;',
    ];
    const ids = sequentialIds();
    const tables = names.map((name) => {
      const c = makeColumn({ name, type: scalar('integer'), comment: name }, ids);
      return makeTable({ name, columns: [c] }, ids);
    });
    const svg = await render(generateMermaid(assertDocument(documentOf({ tables }))));
    expect(svg).not.toMatch(/<em>|<strong>|<del>|<code>|<i class|katex|<b>|Unsupported markdown/i);
    const text = svgText(svg);
    for (const name of names) expect(text, name).toContain(name.trim() === name ? name : name.trimStart());
  });

  it('split diagrams of a large schema each render (none over maxTextSize)', async () => {
    const doc = syntheticDocument({ tables: 250, areaSize: 50 });
    const diagrams = generateMermaidDiagrams(doc);
    expect(diagrams.length).toBeGreaterThan(2);
    // The overview and the largest area diagram: rendering all of them takes minutes on 2 cores.
    const largest = diagrams.slice(1).reduce((a, b) => (b.text.length > a.text.length ? b : a));
    for (const d of [diagrams[0], largest]) {
      const svg = await render(d.text);
      expect(svg, d.title).not.toMatch(/Syntax error|Maximum text size/);
      expect(svg.length).toBeGreaterThan(10_000);
    }
    // The whole schema as one diagram is what mermaid refuses: the reason for splitting.
    const whole = await render(generateMermaid(doc));
    expect(whole).toMatch(/Maximum text size/);
  });
});
