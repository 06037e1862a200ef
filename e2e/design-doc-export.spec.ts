/**
 * The design document's exports (issue 16), end to end on projects imported from the corpus
 * (Chinook from PostgreSQL DDL: one diagram; dub's Prisma folder: several): DATABASE_DESIGN.md from
 * the Download menu, then "Download HTML" and "Download PDF" in the Design doc tab.
 *
 * - the Markdown holds no raw HTML outside code;
 * - the HTML is one safe file (no script, nothing external, the CSP meta), every template heading
 *   carries its GitHub anchor and every in-page link resolves, and every mermaid block of the
 *   Markdown is an inline SVG figure;
 * - the PDF (server's Chromium) has every template heading as text, and each of those diagrams as a
 *   tagged Figure whose marked content draws the diagram's own labels (vector text and shapes);
 * - without Chromium on the server the tab says how to get it and offers the print dialog instead
 *   (simulated by answering the PDF request with the server's 503);
 * - hostile names, a hostile project name and raw HTML in a narrative: nothing runs while the file
 *   is built, and the file has no script, handler, unsafe link or external resource.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { TEMPLATE_HEADINGS } from '../lib/design-doc/template';
import { githubSlug } from '../lib/design-doc/front-matter';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import { createProjectViaApi, uniqueName } from './support/api';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');
const haveCorpus = existsSync(corpus);
if (!haveCorpus && process.env.CI === 'true') throw new Error(`the test corpus is missing at ${corpus} (required under CI=true)`);

/** Imports a corpus schema through the API (as the Import dialog does) and stores it as a project. */
async function importCorpus(page: Page, source: { file: string; format: string }) {
  const where = path.join(corpus, source.file);
  const content = statSync(where).isDirectory()
    ? { files: await Promise.all(readdirSync(where).filter((f) => f.endsWith('.prisma')).sort().map(async (name) => ({ name, content: await readFile(path.join(where, name), 'utf8') }))) }
    : await readFile(where, 'utf8');
  const res = await page.request.post('/api/import', { data: { format: source.format, source: content }, timeout: 120_000 });
  expect(res.status(), await res.text()).toBe(200);
  const { document } = (await res.json()) as { document: { tables: Record<string, { name: string }> } };
  const project = await createProjectViaApi(page.request, { name: uniqueName(`${path.basename(source.file)} export`), document });
  return { project, tableNames: Object.values(document.tables).map((t) => t.name) };
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Markdown outside fenced code blocks (the DDL and diagrams may hold anything). */
const outsideCode = (md: string) => md.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1[ \t]*$/gm, '');

interface PdfFigure {
  alt: string;
  text: string;
}

/** The PDF's text, and its tagged Figures with the text drawn inside each (over every page). */
async function readPdf(bytes: Buffer): Promise<{ text: string; figures: PdfFigure[]; pages: number }> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const figures: PdfFigure[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    // Marked content id -> the text drawn inside it.
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const open: string[] = [];
    for (const item of content.items as Array<{ type?: string; id?: string; str?: string }>) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str !== undefined) for (const id of open) if (id) byId.set(id, `${byId.get(id) ?? ''} ${item.str}`);
    }
    type Node = { role?: string; alt?: string; type?: string; id?: string; children?: Node[] };
    const contentIds = (n: Node): string[] => (n.type === 'content' && n.id ? [n.id] : (n.children ?? []).flatMap(contentIds));
    const walk = (n: Node | null) => {
      if (!n) return;
      if (n.role === 'Figure' && n.alt) {
        figures.push({ alt: n.alt, text: contentIds(n).map((id) => byId.get(id) ?? '').join(' ') });
        return;
      }
      for (const c of n.children ?? []) walk(c);
    };
    walk((await page.getStructTree()) as Node);
  }
  return { text, figures, pages: doc.numPages };
}

// Chinook: one ER diagram; dub (85 Prisma models): an overview and one diagram per part.
const SUBJECTS = [
  { file: 'postgres/chinook-postgresql-schema.sql', format: 'postgres' },
  { file: 'prisma/dub-schema-folder', format: 'prisma' },
];

for (const subject of SUBJECTS) test(`${subject.file}: DATABASE_DESIGN.md, the single-file HTML and the PDF, with every heading, resolving anchors and the diagrams as images`, async ({ page, browser }) => {
  test.skip(!haveCorpus, 'corpus not available');
  test.setTimeout(300_000);
  const { project, tableNames } = await importCorpus(page, subject);
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await page.getByRole('tab', { name: 'Design doc' }).click();
  await expect(page.getByTestId('design-doc-tab')).toBeVisible();

  // 1. The Markdown, as the Download menu writes it: no raw HTML outside code.
  await page.getByRole('button', { name: 'Download files' }).click();
  const mdFile = await download(page, () => page.getByRole('menuitem', { name: 'DATABASE_DESIGN.md' }).click());
  expect(mdFile.name).toBe('DATABASE_DESIGN.md');
  const md = mdFile.bytes.toString('utf8');
  expect(outsideCode(md)).not.toMatch(/<\/?[a-z][a-z0-9-]*(\s[^>]*)?>/i);
  const mermaidBlocks = (md.match(/^```mermaid$/gm) ?? []).length;
  expect(mermaidBlocks).toBeGreaterThan(0);
  for (const t of tableNames) expect(md).toContain(t);

  // 2. The single-file HTML.
  const htmlFile = await download(page, () => page.getByRole('button', { name: 'Download HTML' }).click());
  expect(htmlFile.name).toBe('DATABASE_DESIGN.html');
  await expect(page.getByTestId('design-doc-export-status')).toContainText(`DATABASE_DESIGN.html saved (${mermaidBlocks} diagram`);
  const html = htmlFile.bytes.toString('utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  // Opened as a reviewer would, offline: nothing is requested, nothing runs.
  const reviewer = await browser.newContext({ offline: true });
  const view = await reviewer.newPage();
  const requests: string[] = [];
  view.on('request', (r) => {
    if (!r.url().startsWith('data:')) requests.push(r.url());
  });
  await view.setContent(html, { waitUntil: 'load' });
  const facts = await view.evaluate(() => ({
    scripts: document.querySelectorAll('script, iframe, object, embed, link, base, form').length,
    handlers: Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    externalSrc: Array.from(document.querySelectorAll('[src]')).map((el) => el.getAttribute('src')!).filter((s) => !s.startsWith('data:')),
    headings: Array.from(document.querySelectorAll('h1, h2, h3, h4')).map((h) => ({ level: Number(h.tagName[1]), text: h.textContent!.trim(), id: h.id })),
    inPageLinks: Array.from(document.querySelectorAll('a[href^="#"]')).map((a) => a.getAttribute('href')!.slice(1)),
    figures: Array.from(document.querySelectorAll('figure.diagram > svg')).map((svg) => ({ role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'), texts: svg.querySelectorAll('text').length })),
    mermaidSourceLeft: document.querySelectorAll('code.language-mermaid').length,
  }));
  expect(facts.scripts).toBe(0);
  expect(facts.handlers).toEqual([]);
  expect(facts.externalSrc).toEqual([]);
  expect(requests).toEqual([]);
  for (const h of TEMPLATE_HEADINGS) {
    // The title carries the project's name after the template's text.
    const found = facts.headings.find((x) => x.level === h.level && (h.level === 1 ? x.text.startsWith(h.text) : x.text === h.text));
    expect(found, `heading ${h.text}`).toBeTruthy();
    if (h.level > 1) expect(found!.id).toMatch(new RegExp(`^${githubSlug(h.text)}(-\\d+)?$`));
  }
  // The table of contents links every template section; every in-page link lands on an element.
  for (const h of TEMPLATE_HEADINGS.filter((x) => x.level > 1)) expect(facts.inPageLinks, `TOC link to ${h.text}`).toContain(githubSlug(h.text));
  const resolved = await view.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), facts.inPageLinks);
  expect(resolved).toEqual([]);
  expect(facts.figures).toHaveLength(mermaidBlocks);
  expect(facts.mermaidSourceLeft).toBe(0);
  for (const f of facts.figures) {
    expect(f.role).toBe('img');
    expect(f.label).toMatch(/^Diagram \d+/);
    expect(f.texts).toBeGreaterThan(0);
  }
  await reviewer.close();

  // 3. The PDF, printed by the server from that HTML.
  const pdfFile = await download(page, () => page.getByRole('button', { name: 'Download PDF' }).click());
  expect(pdfFile.name).toBe('DATABASE_DESIGN.pdf');
  expect(pdfFile.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = await readPdf(pdfFile.bytes);
  for (const h of TEMPLATE_HEADINGS) expect(pdf.text, `heading ${h.text}`).toContain(h.text);
  // Each diagram of the HTML is a Figure of the PDF, with its label, drawing the entities' names.
  expect(pdf.figures.map((f) => f.alt)).toEqual(facts.figures.map((f) => f.label));
  for (const f of pdf.figures) expect(tableNames.some((t) => f.text.includes(t)), `${f.alt}: ${f.text.slice(0, 200)}`).toBe(true);
  // Kept with the test's results, for a human look at what a reviewer receives.
  for (const f of [mdFile, htmlFile, pdfFile]) await test.info().attach(f.name, { body: f.bytes });
  console.log(`[design-doc-export] ${subject.file}: ${md.length} chars of Markdown, ${html.length} of HTML, ${mermaidBlocks} diagrams, PDF ${pdfFile.bytes.length} bytes, ${pdf.pages} pages`);
});

test('without Chromium on the server: the message says how to get it, and Print… opens the print view of the same file', async ({ page }) => {
  test.skip(!haveCorpus, 'corpus not available');
  const { project } = await importCorpus(page, SUBJECTS[0]);
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await page.getByRole('tab', { name: 'Design doc' }).click();
  // The server's answer when it has no Chromium (app/api/design-doc/pdf/route.test.ts proves the route gives it).
  await page.route('**/api/design-doc/pdf', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'pdf_unavailable', message: 'PDF export needs Chromium on the server. Install it (Debian/Ubuntu: apt-get install chromium) or set DRAFTBASE_CHROMIUM_PATH.', fallback: 'print' } }) }),
  );
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const status = page.getByTestId('design-doc-export-status');
  await expect(status).toHaveAttribute('data-state', 'error');
  await expect(status).toContainText('apt-get install chromium');
  await expect(status).toContainText('Save as PDF');
  // Print… loads the same file in a frame that may not run script, and asks the browser to print it.
  await status.getByRole('button', { name: 'Print…' }).click();
  const frame = page.locator('iframe[sandbox="allow-same-origin allow-modals"]');
  await expect(frame).toHaveCount(1);
  // The frame is zero-sized (only its print matters): its content is there, diagrams drawn.
  await expect(frame.contentFrame().locator('h1').first()).toHaveText(/Database Design Document/);
  await expect(frame.contentFrame().locator('figure.diagram > svg[role="img"]').first()).toBeAttached();
  expect(await frame.contentFrame().locator('script').count()).toBe(0);
});

test('hostile names and narratives: the HTML file has no script, handler or external resource, and nothing ran while building it', async ({ page, browser }) => {
  const IMG = '<img src=x onerror="window.__pwned=1">';
  const SCRIPT = '<script>window.__pwned=1</script>';
  const evil = makeTable({
    id: 't_evil',
    name: IMG,
    comment: `${SCRIPT} and ${IMG}`,
    columns: [makeColumn({ id: 'c_evil_id', name: 'id', type: scalar('integer'), nullable: false }), makeColumn({ id: 'c_evil_script', name: SCRIPT, comment: IMG })],
    primaryKey: { columnIds: ['c_evil_id'] },
  });
  const other = makeTable({ id: 't_other', name: '"><svg onload=window.__pwned=1>', columns: [makeColumn({ id: 'c_other_ref', name: 'evil_id', type: scalar('integer'), nullable: false })] });
  const doc = documentOf({
    tables: [evil, other],
    relationships: [makeRelationship({ id: 'r_other', fromTableId: 't_other', toTableId: 't_evil', columnPairs: [{ fromColumnId: 'c_other_ref', toColumnId: 'c_evil_id' }] })],
  });
  doc.design.narrative.security = `Raw HTML: ${IMG} ${SCRIPT} <a href="javascript:window.__pwned=1">link</a> <iframe src="https://example.com/"></iframe> ![t](https://example.com/t.png)\n\n\`\`\`mermaid\nflowchart LR\n  a["${IMG}"] --> b\n\`\`\``;
  const project = await createProjectViaApi(page.request, { name: uniqueName(`${SCRIPT} doc`), document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await page.getByRole('tab', { name: 'Design doc' }).click();
  const file = await download(page, () => page.getByRole('button', { name: 'Download HTML' }).click());
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const html = file.bytes.toString('utf8');

  const reviewer = await browser.newContext({ offline: true });
  const view = await reviewer.newPage();
  const requests: string[] = [];
  view.on('request', (r) => {
    if (!r.url().startsWith('data:')) requests.push(r.url());
  });
  await view.setContent(html, { waitUntil: 'load' });
  const facts = await view.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    active: document.querySelectorAll('script, iframe, object, embed, link, base, form, foreignObject').length,
    handlers: Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
    badLinks: Array.from(document.querySelectorAll('[href], [src], [xlink\\:href]')).map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '').filter((v) => /^\s*(javascript|vbscript|data:text)/i.test(v)),
    figures: document.querySelectorAll('figure.diagram > svg[role="img"]').length,
    title: document.title,
  }));
  await reviewer.close();
  expect(facts.pwned).toBeUndefined();
  expect(facts.active).toBe(0);
  expect(facts.handlers).toEqual([]);
  expect(facts.badLinks).toEqual([]);
  expect(requests).toEqual([]);
  // Every diagram drawn (the model's and the narrative's flowchart), none failed.
  expect(facts.figures).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('design-doc-export-status')).toHaveText(`DATABASE_DESIGN.html saved (${facts.figures} diagrams).`);
  // The project's name is text in the title, not markup.
  expect(facts.title).toContain('<script>');
});
