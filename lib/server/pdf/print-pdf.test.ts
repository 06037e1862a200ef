/**
 * Printing the design document's HTML with the server's Chromium: a real PDF whose headings are
 * text and whose diagrams are Figures; hostile HTML fetches nothing and runs nothing; a missing
 * Chromium and an overrun budget say what to do. Needs a Chromium (DRAFTBASE_CHROMIUM_PATH or a
 * system one): required under CI=true, skipped with a note elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { designDocHtmlPage, designDocHtmlWithoutDom } from '../../design-doc/html-export';
import { generateDesignDoc } from '../../design-doc/generate-design-doc';
import { smallProjectDocument } from '../../design-doc/small-project.fixture';
import { TEMPLATE_HEADINGS } from '../../design-doc/template';
import { findChromium, PdfBudgetError, PdfUnavailableError, printHtmlToPdf } from './print-pdf';

const chromium = findChromium();
const haveChromium = 'path' in chromium;
if (!haveChromium && process.env.CI === 'true') throw new Error(`print-pdf tests need Chromium under CI=true: ${chromium.problem}`);

/** The structure tree's Figures (with their alt text), over every page. */
async function figures(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocumentProxy(pdf);
  const out: string[] = [];
  const walk = (node: { role?: string; alt?: string; children?: unknown[] } | null) => {
    if (!node) return;
    if (node.role === 'Figure' && node.alt) out.push(node.alt);
    for (const c of node.children ?? []) walk(c as never);
  };
  for (let p = 1; p <= doc.numPages; p++) walk((await (await doc.getPage(p)).getStructTree()) as never);
  return out;
}

describe('findChromium', () => {
  it('prefers DRAFTBASE_CHROMIUM_PATH, says when it points nowhere, and how to get one when none exists', () => {
    expect(findChromium({ DRAFTBASE_CHROMIUM_PATH: '/opt/c' }, (p) => p === '/opt/c')).toEqual({ path: '/opt/c' });
    expect(findChromium({ DRAFTBASE_CHROMIUM_PATH: '/opt/c' }, () => false)).toEqual({ problem: expect.stringContaining('DRAFTBASE_CHROMIUM_PATH is set to /opt/c, but no file is there') });
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toEqual({ path: '/usr/bin/chromium' });
    const none = findChromium({}, () => false);
    expect('problem' in none && none.problem).toMatch(/apt-get install chromium.*DRAFTBASE_CHROMIUM_PATH/);
  });

  it('a Chromium that is not one: pdf_unavailable with the path', async () => {
    await expect(printHtmlToPdf('<p>x</p>', { executablePath: '/bin/false' })).rejects.toThrow(PdfUnavailableError);
  });
});

describe.skipIf(!haveChromium)('printHtmlToPdf (Chromium)', () => {
  let server: Server;
  let hits: string[];
  let origin: string;
  beforeAll(async () => {
    hits = [];
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the design document: every template heading as text, a diagram as a Figure with its label', async () => {
    const md = generateDesignDoc(smallProjectDocument(), { dialect: 'postgres' });
    // A diagram as the app draws it (inline SVG, role=img, labelled), in the page the app builds.
    const svg = '<figure class="diagram"><svg role="img" aria-label="Diagram 1: Conceptual Model" xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120"><rect x="4" y="4" width="140" height="60" fill="#ececff" stroke="#9370db"/><text x="20" y="40">users</text></svg></figure>';
    const html = designDocHtmlWithoutDom(md).replace('<main class="markdown-body">', `<main class="markdown-body">${svg}`);
    const pdf = await printHtmlToPdf(html);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(pdf.slice()), { mergePages: true });
    for (const h of TEMPLATE_HEADINGS) expect(text).toContain(h.text);
    expect(await figures(pdf.slice())).toEqual(['Diagram 1: Conceptual Model']);
  });

  it('hostile HTML: nothing fetched (images, styles, frames, CSS urls, script), nothing run', async () => {
    const body = [
      `<img src="${origin}/img">`,
      `<link rel="stylesheet" href="${origin}/css">`,
      `<iframe src="${origin}/frame"></iframe>`,
      `<div style="background:url(${origin}/bg)">bg</div>`,
      `<script>fetch('${origin}/script'); document.body.textContent = 'SCRIPT RAN'</script>`,
      `<object data="${origin}/object"></object>`,
      '<p>still here</p>',
    ].join('\n');
    // Without the page's CSP as well: the browser settings alone must hold.
    for (const html of [designDocHtmlPage({ title: 't', bodyHtml: body }), `<!DOCTYPE html><html><body>${body}</body></html>`]) {
      const pdf = await printHtmlToPdf(html);
      const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
      expect(text).toContain('still here');
      expect(text).not.toContain('SCRIPT RAN');
    }
    expect(hits).toEqual([]);
  });

  it('over the budget: stopped with budget_exceeded, and no Chromium is left running', async () => {
    // Before the launch, and (on a busy machine) during it or the printing.
    for (const budgetMs of [5, 400, 900]) {
      const outcome = await printHtmlToPdf('<p>x</p>'.repeat(20_000), { budgetMs }).then(
        () => 'printed',
        (err: unknown) => err,
      );
      if (outcome !== 'printed') expect(outcome).toBeInstanceOf(PdfBudgetError);
    }
    const children = () => execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n').filter((c) => /chrom/i.test(c));
    await expect.poll(children, { timeout: 15_000 }).toEqual([]);
  });
});
