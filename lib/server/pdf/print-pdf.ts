/**
 * The design document's PDF: the single-file HTML the Design doc tab builds (components/design-doc/
 * export-html.ts: diagrams already inline SVG) printed by headless Chromium through playwright-core.
 * Chromium prints SVG as vectors and text as text; `tagged: true` keeps each diagram as a Figure
 * with its label and `outline: true` turns the headings into PDF bookmarks.
 *
 * The HTML comes from the client, so it is treated as hostile even though the app sanitised it:
 * JavaScript is off in the page, the context is offline and every request the page would make is
 * aborted (nothing is fetched: no SSRF, no file:// read), and the page's own CSP (no script, nothing
 * external) applies too. The HTML is set as content of about:blank, never navigated to.
 *
 * Cost: one Chromium per PDF (~1 s to start, ~100-200 MB), so at most DRAFTBASE_PDF_CONCURRENCY (default 1)
 * run at once and a few wait; waiting and printing together get the compute budget
 * (DRAFTBASE_COMPUTE_BUDGET_MS), over which the browser is killed. Chromium is found at
 * DRAFTBASE_CHROMIUM_PATH, else the usual system paths; without one the error says how to install it.
 */
import 'server-only';
import { existsSync } from 'node:fs';
import { computeConfig } from '../compute/config';

/** The HTML a PDF may be made from (the diagrams of a 1,000-table document are a few MB). */
export const PDF_MAX_HTML_CHARS = 24 * 1024 * 1024;

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class PdfUnavailableError extends Error {
  readonly code = 'pdf_unavailable';
}
export class PdfBusyError extends Error {
  readonly code = 'server_busy';
}
export class PdfBudgetError extends Error {
  readonly code = 'budget_exceeded';
}

/** The Chromium to print with, or why there is none (an actionable message). */
export function findChromium(env: Record<string, string | undefined> = process.env, exists: (p: string) => boolean = existsSync): { path: string } | { problem: string } {
  const configured = env.DRAFTBASE_CHROMIUM_PATH?.trim();
  if (configured) {
    return exists(configured)
      ? { path: configured }
      : { problem: `DRAFTBASE_CHROMIUM_PATH is set to ${configured}, but no file is there. Point it at a Chromium or Chrome executable.` };
  }
  const found = SYSTEM_CHROMIUMS.find((p) => exists(p));
  return found
    ? { path: found }
    : {
        problem: `PDF export needs Chromium on the server, and none was found (looked at ${SYSTEM_CHROMIUMS.join(', ')}). Install it (Debian/Ubuntu: apt-get install chromium) or set DRAFTBASE_CHROMIUM_PATH to a Chromium or Chrome executable.`,
      };
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** At most `limit` PDFs at once; `queue` more may wait. */
class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(
    readonly limit: number,
    readonly queue: number,
  ) {}

  /** Resolves with a release function once a slot is free; undefined when the queue is full. */
  acquire(signal: AbortSignal): Promise<(() => void) | undefined> {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const go = () => {
        signal.removeEventListener('abort', abort);
        this.running++;
        resolve(this.releaser());
      };
      const abort = () => {
        const at = this.waiting.indexOf(go);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', abort, { once: true });
      this.waiting.push(go);
    });
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }
}

let gate: Gate | undefined;
function pdfGate(): Gate {
  gate ??= new Gate(positiveInt(process.env.DRAFTBASE_PDF_CONCURRENCY, 1), positiveInt(process.env.DRAFTBASE_PDF_QUEUE, 4));
  return gate;
}

export interface PrintOptions {
  /** Chromium's executable (default: findChromium()). */
  executablePath?: string;
  /** Waiting plus printing (default: the compute budget). */
  budgetMs?: number;
}

/** Footer: page numbers only (Chromium fills the spans; no user text goes into the template). */
const FOOTER = '<div style="width:100%;font-size:8px;color:#59636e;text-align:center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** Prints `html` to PDF. Throws PdfUnavailableError, PdfBusyError or PdfBudgetError with a message for the user. */
export async function printHtmlToPdf(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  let executablePath = options.executablePath;
  if (!executablePath) {
    const found = findChromium();
    if ('problem' in found) throw new PdfUnavailableError(found.problem);
    executablePath = found.path;
  }
  const budgetMs = options.budgetMs ?? computeConfig().budgetMs;
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new PdfBudgetError(`The PDF did not finish within the ${Math.round(budgetMs / 100) / 10} s one request may take, and was stopped. Export the HTML and print it from the browser, or ask the operator to raise DRAFTBASE_COMPUTE_BUDGET_MS.`)), budgetMs);
  let release: (() => void) | undefined;
  try {
    release = await pdfGate().acquire(budget.signal);
    if (!release) throw new PdfBusyError('The server is busy printing other PDFs. Retry in a few seconds.');
    return await withBudget(budget.signal, print(html, executablePath, budget.signal));
  } finally {
    clearTimeout(timer);
    release?.();
  }
}

/** `work`, or the signal's reason as soon as it aborts (print() stops its browser on the same signal). */
function withBudget<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  // Whichever loses is still handled (Promise.race subscribes to both).
  return Promise.race([work, aborted]);
}

async function print(html: string, executablePath: string, signal: AbortSignal): Promise<Uint8Array> {
  signal.throwIfAborted();
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      // Chromium refuses to start its sandbox as root (containers): the page runs no script and
      // fetches nothing, which is what the sandbox would contain.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
  } catch (err) {
    throw new PdfUnavailableError(`Chromium at ${executablePath} could not be started: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}. Check the installation or set DRAFTBASE_CHROMIUM_PATH.`);
  }
  // Over the budget: the browser goes at once, whatever step it is in (a launch under way ends first).
  const stop = () => void browser.close().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  try {
    signal.throwIfAborted();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, acceptDownloads: false, serviceWorkers: 'block' });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: FOOTER,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    signal.removeEventListener('abort', stop);
    await browser.close().catch(() => undefined);
  }
}
