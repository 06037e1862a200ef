/**
 * bench:canvas: the editor canvas at 100, 300, 1,000 and 5,000 tables in headless Chromium against
 * the production build, median of BENCH_RUNS runs per size. Every frame-rate figure is printed with
 * what was on screen: the relationships drawn and the relationships expected for that view (a
 * relationship is expected when one of its tables is in the view; at full detail it counts as drawn
 * only when its line ends on the right column rows — e2e/support/canvas-picture.ts). A figure taken
 * with lines missing is printed as INVALID, not as a result.
 *
 * Per run:
 *   - auto-layout of everything (the document arrives without positions): time in the worker, total
 *     until applied, longest main-thread task meanwhile;
 *   - then the laid-out project is opened afresh: open -> idle (from navigation until no node was
 *     added and no long task (>= 50 ms) ran for 1 s), the first view (zoom, tables, lines);
 *   - pan and drag fps in the first view, zoomed to fit all, and at zoom 1 on the best-connected
 *     table, each for 3 s: requestAnimationFrame callbacks per second (main-thread responsiveness),
 *     and the main thread's busy share (CDP TaskDuration) during the gesture — the CPU-time figure
 *     beside the wall-clock one.
 *
 * Inputs: the synthetic schemas the peers were measured with (`../shared/bench/gen-schema.mjs`),
 * imported with the PostgreSQL importer, posted through POST /api/projects without positions (so it
 * opens on the fallback grid, as a document made by a script does) and laid out during the run.
 *
 * Environment: BENCH_SKIP_BUILD=1 reuses the build in NEXT_DIST_DIR (default .next-canvas);
 * BENCH_SIZES=100,300; BENCH_RUNS=3; CHROMIUM_PATH as for the e2e tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumOptions, startServer } from './support/next-server';
import { importPostgres } from '../lib/importers/postgres/import-postgres';
import type { SchemaDocument } from '../lib/model/document';
import { readPicture, tableHeaderOnScreen, tableSpots, wheelZoomTo, type PictureReport } from '../e2e/support/canvas-picture';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const generator = path.resolve(root, '../shared/bench/gen-schema.mjs');
const outDir = path.join(root, 'bench', 'out', 'canvas');
const sizes = (process.env.BENCH_SIZES ?? '100,300,1000,5000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const distDir = process.env.NEXT_DIST_DIR ?? '.next-canvas';
const VIEWPORT = { width: 1280, height: 800 };

/** One gesture's figures, with what was on screen at its end. */
interface Gesture {
  fps: number;
  /** Main-thread busy share during the gesture (CDP TaskDuration / wall time), in %. */
  busyPct: number;
  zoom: number;
  tablesInView: number;
  edgesDrawn: number;
  edgesExpected: number;
  detail: string;
}

interface RunResult {
  loadToIdleMs: number;
  firstView: { zoom: number; tablesInView: number; edgesDrawn: number; edgesExpected: number };
  renderedNodes: number;
  domElements: number;
  heapMb: number;
  panFirst: Gesture;
  dragFirst: Gesture;
  panZoom1: Gesture;
  dragZoom1: Gesture;
  layoutWorkerMs: number;
  layoutTotalMs: number;
  longestTaskDuringLayoutMs: number;
  fitAllToIdleMs: number;
  fitAllNodes: number;
  panFit: Gesture;
  dragFit: Gesture;
}

function log(msg: string) {
  process.stdout.write(`${msg}\n`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function makeDocuments(): Promise<Map<number, SchemaDocument>> {
  if (!existsSync(generator)) {
    const msg = `bench:canvas: generator not found at ${generator}`;
    if (process.env.CI === 'true') throw new Error(msg);
    log(`${msg}; skipping`);
    process.exit(0);
  }
  mkdirSync(outDir, { recursive: true });
  execFileSync(process.execPath, [generator, outDir, ...sizes.map(String)], { stdio: 'ignore' });
  const docs = new Map<number, SchemaDocument>();
  for (const n of sizes) {
    const sql = readFileSync(path.join(outDir, `schema_${n}.pg.sql`), 'utf8');
    const { document, report } = await importPostgres(sql);
    const tables = Object.keys(document.tables).length;
    if (tables !== n) throw new Error(`importing schema_${n}.pg.sql gave ${tables} tables (report: ${JSON.stringify(report.counts)})`);
    docs.set(n, document);
  }
  return docs;
}

/**
 * Installed before any page script: long tasks and the last time a canvas node was added.
 * Page-side code is kept as strings: tsx wraps named functions in a `__name` helper that does not
 * exist in the page.
 */
const INSTRUMENT = `
  window.__name = window.__name || ((f) => f); // tsx names functions passed to page.evaluate
  window.__bench = { longTasks: [], lastNodeAdded: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n instanceof HTMLElement && n.classList.contains('react-flow__node')) window.__bench.lastNodeAdded = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const START_FRAME_COUNTER = `
  window.__frames = 0;
  window.__counting = true;
  (function tick() { window.__frames++; if (window.__counting) requestAnimationFrame(tick); })();
`;

type BenchWindow = Window & { __bench: { longTasks: { start: number; end: number }[]; lastNodeAdded: number }; __frames: number; __counting: boolean };

async function waitForIdle(page: Page): Promise<number> {
  await page.waitForSelector('.react-flow__node, [data-testid="table-map"]', { state: 'attached', timeout: 180_000 });
  return waitForSettled(page);
}

/** Page time at which nodes stopped being added and long tasks stopped (1 s of quiet). */
async function waitForSettled(page: Page): Promise<number> {
  for (;;) {
    const s = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      const lastLong = b.longTasks.reduce((m, t) => Math.max(m, t.end), 0);
      return { now: performance.now(), settled: Math.max(lastLong, b.lastNodeAdded) };
    });
    if (s.now - s.settled >= 1000) return s.settled;
    await page.waitForTimeout(100);
  }
}

async function countFrames(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(START_FRAME_COUNTER);
  const started = Date.now();
  await action();
  const seconds = (Date.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__counting = false;
    return w.__frames;
  });
  return frames / seconds;
}

/** Moves the held mouse along a Lissajous path for `ms` milliseconds. */
async function wiggle(page: Page, x: number, y: number, ms: number, rx: number, ry: number) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    const t = (Date.now() - t0) / 1000;
    await page.mouse.move(x + rx * Math.sin(t * 2.1), y + ry * Math.sin(t * 1.3));
    await page.waitForTimeout(8);
  }
}

async function busyMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** A point of empty pane near the canvas centre (hit-tested), to press on for panning. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const c = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    for (let r = 0; r < Math.max(c.width, c.height) / 2; r += 9) {
      for (let a = 0; a < 16; a++) {
        const x = c.left + c.width / 2 + r * Math.cos((a * Math.PI) / 8);
        const y = c.top + c.height / 2 + r * Math.sin((a * Math.PI) / 8);
        if (x < c.left + 40 || x > c.right - 240 || y < c.top + 20 || y > c.bottom - 20) continue;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: c.left + 10, y: c.top + c.height / 2 };
  });
}

/** Runs `press` + wiggle + release; the picture is read while the mouse is still down. */
async function gesture(page: Page, cdp: CDPSession, at: { x: number; y: number }, rx: number, ry: number): Promise<Gesture> {
  let picture: PictureReport | undefined;
  const busy0 = await busyMs(cdp);
  const t0 = Date.now();
  const fps = await countFrames(page, async () => {
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await wiggle(page, at.x, at.y, 3000, rx, ry);
    picture = await readPicture(page);
    await page.mouse.up();
  });
  const busyPct = ((await busyMs(cdp)) - busy0) / (Date.now() - t0) * 100;
  await page.waitForTimeout(400);
  const p = picture!;
  return { fps: round1(fps), busyPct: Math.round(busyPct), zoom: Math.round(p.zoom * 1000) / 1000, tablesInView: p.tablesInView, edgesDrawn: p.drawn, edgesExpected: p.expected, detail: p.detail };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Pan on empty pane, then drag the table nearest the centre by its header. */
async function panAndDrag(page: Page, cdp: CDPSession, scale: number): Promise<{ pan: Gesture; drag: Gesture }> {
  const pane = await emptyPanePoint(page);
  const pan = await gesture(page, cdp, pane, 250 * scale, 150 * scale);
  // The table nearest the centre: by its node's header, or on the map by its name (which sits on its box).
  const header = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    let best: { x: number; y: number; d: number } | undefined;
    const consider = (x: number, y: number) => {
      if (x < c.left + 20 || x > c.right - 220 || y < c.top + 20 || y > c.bottom - 20) return;
      const d = Math.hypot(x - (c.left + c.width / 2), y - (c.top + c.height / 2));
      if (!best || d < best.d) best = { x, y, d };
    };
    for (const n of document.querySelectorAll('.react-flow__node-table')) {
      const r = n.getBoundingClientRect();
      consider(r.left + Math.min(60, r.width / 2), r.top + Math.min(12, r.height / 2));
    }
    for (const l of document.querySelectorAll('.db-map-label')) {
      const r = l.getBoundingClientRect();
      consider(r.left + r.width / 2, r.top + r.height / 2);
    }
    return best;
  });
  const drag = header ? await gesture(page, cdp, header, 200 * scale, 120 * scale) : { ...pan, fps: 0, busyPct: 0 };
  return { pan, drag };
}

async function longestTaskBetween(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) => (window as unknown as BenchWindow).__bench.longTasks.filter((t) => t.end >= a && t.start <= b).reduce((m, t) => Math.max(m, t.end - t.start), 0),
    [from, to] as const,
  );
}

async function measure(browser: Browser, url: string, projectId: string): Promise<RunResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript({ content: INSTRUMENT });
  await page.goto(`${url}/projects/${encodeURIComponent(projectId)}`, { waitUntil: 'commit' });
  await waitForIdle(page);

  // Auto-layout of everything, in the worker (the document arrives without positions).
  const before = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await page.getByRole('menuitem', { name: 'Lay out everything' }).click();
  const status = page.getByTestId('layout-status');
  await page.waitForFunction(() => document.querySelector('[data-testid="layout-status"]')?.getAttribute('data-state') === 'done', undefined, { timeout: 600_000 });
  const after = await page.evaluate(() => performance.now());
  const layoutWorkerMs = Number((await status.getAttribute('data-worker-ms')) ?? (await status.getAttribute('data-elk-ms')));
  const layoutTotalMs = Number(await status.getAttribute('data-total-ms'));
  const longest = await longestTaskBetween(page, before, after);
  if (process.env.BENCH_DEBUG === '1') {
    const tasks = await page.evaluate(
      ([from, to]) => (window as unknown as BenchWindow).__bench.longTasks.filter((t) => t.end >= from && t.start <= to).map((t) => [Math.round(t.start - from), Math.round(t.end - t.start)]),
      [before, after] as const,
    );
    log(`long tasks during layout [start after click ms, duration ms]: ${JSON.stringify(tasks)}`);
  }
  await page.getByTestId('save-status').and(page.locator('[data-status="saved"]')).waitFor({ timeout: 120_000 });

  // Open the laid-out project as a user would (no remembered view).
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: 'commit' });
  const loadToIdleMs = await waitForIdle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counts = await page.evaluate(() => ({ nodes: document.querySelectorAll('.react-flow__node').length, dom: document.getElementsByTagName('*').length }));
  const first = await readPicture(page);
  const { pan: panFirst, drag: dragFirst } = await panAndDrag(page, cdp, 1);

  // Zoom to fit all.
  const fitClicked = await page.evaluate(() => performance.now());
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400); // the fit animates
  const fitSettled = await waitForSettled(page);
  const fitAllNodes = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
  const { pan: panFit, drag: dragFit } = await panAndDrag(page, cdp, 0.5);

  // Zoom 1 on the best-connected table.
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  const [busiest] = await tableSpots(page, 1);
  const at = await tableHeaderOnScreen(page, busiest);
  if (at) await wheelZoomTo(page, at, 1);
  await waitForSettled(page);
  const { pan: panZoom1, drag: dragZoom1 } = await panAndDrag(page, cdp, 1);

  await context.close();
  return {
    loadToIdleMs: Math.round(loadToIdleMs),
    firstView: { zoom: Math.round(first.zoom * 1000) / 1000, tablesInView: first.tablesInView, edgesDrawn: first.drawn, edgesExpected: first.expected },
    renderedNodes: counts.nodes,
    domElements: counts.dom,
    heapMb: round1(heap.usedSize / 1024 / 1024),
    panFirst,
    dragFirst,
    panZoom1,
    dragZoom1,
    layoutWorkerMs,
    layoutTotalMs,
    longestTaskDuringLayoutMs: Math.round(longest),
    fitAllToIdleMs: Math.round(Math.max(0, fitSettled - fitClicked)),
    fitAllNodes,
    panFit,
    dragFit,
  };
}

/** "52.1 fps (busy 40 %, 212/212 lines, 31 tables, zoom 0.6)", or INVALID when lines were missing. */
function describeGesture(g: Gesture): string {
  const lines = `${g.edgesDrawn}/${g.edgesExpected} lines`;
  const what = `${lines}, ${g.tablesInView} tables, zoom ${g.zoom}, ${g.detail}`;
  return g.edgesDrawn < g.edgesExpected ? `INVALID (${what})` : `${g.fps} fps (busy ${g.busyPct} %; ${what})`;
}

/** The run whose fps is the median for this gesture (so its on-screen counts go with the figure). */
function medianGesture(runs: RunResult[], key: 'panFirst' | 'dragFirst' | 'panZoom1' | 'dragZoom1' | 'panFit' | 'dragFit'): Gesture {
  const sorted = runs.map((r) => r[key]).sort((a, b) => a.fps - b.fps);
  const worstLines = runs.map((r) => r[key]).find((g) => g.edgesDrawn < g.edgesExpected);
  return worstLines ?? sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const docs = await makeDocuments();
  const { url, proc } = await startServer({ distDir, build: process.env.BENCH_SKIP_BUILD !== '1', log });
  const browser = await chromium.launch(chromiumOptions());
  const results: Record<number, { runs: RunResult[]; tables: number; relationships: number; columns: number }> = {};
  try {
    for (const n of sizes) {
      const doc = docs.get(n)!;
      const res = await fetch(`${url}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `bench ${n} tables`, document: doc }) });
      if (res.status !== 201) throw new Error(`POST /api/projects: HTTP ${res.status} ${await res.text()}`);
      const { project } = (await res.json()) as { project: { id: string } };
      const all: RunResult[] = [];
      for (let i = 0; i < runs; i++) {
        // Each run starts from the imported document: the previous run's layout was autosaved.
        await fetch(`${url}/api/projects/${project.id}`).then(async (r) => {
          const cur = (await r.json()) as { version: number };
          await fetch(`${url}/api/projects/${project.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': String(cur.version) }, body: JSON.stringify({ document: doc }) });
        });
        const r = await measure(browser, url, project.id);
        log(`${n} tables, run ${i + 1}: ${JSON.stringify(r)}`);
        all.push(r);
      }
      results[n] = {
        runs: all,
        tables: Object.keys(doc.tables).length,
        relationships: Object.keys(doc.relationships).length,
        columns: Object.values(doc.tables).reduce((s, t) => s + t.columns.length, 0),
      };
    }
  } finally {
    await browser.close();
    proc.kill();
  }

  const med = (values: number[]) => median(values);
  log(`\nbench:canvas: median of ${runs} runs, headless Chromium (software raster), ${os.cpus().length} cores, viewport ${VIEWPORT.width}x${VIEWPORT.height}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log('Lines: drawn/expected in the view at the end of the gesture (expected = a relationship with a table in view).');
  for (const n of sizes) {
    const r = results[n];
    const runsOf = r.runs;
    const f = runsOf[0].firstView;
    log(`\n${r.tables} tables, ${r.columns} columns, ${r.relationships} relationships`);
    log(`  open (laid out) -> idle ${(med(runsOf.map((x) => x.loadToIdleMs)) / 1000).toFixed(2)} s; first view zoom ${f.zoom}, ${f.tablesInView} tables, ${f.edgesDrawn}/${f.edgesExpected} lines; ${med(runsOf.map((x) => x.renderedNodes))} nodes mounted, ${med(runsOf.map((x) => x.domElements))} DOM elements, JS heap ${med(runsOf.map((x) => x.heapMb))} MB`);
    log(`  auto-layout: ${(med(runsOf.map((x) => x.layoutWorkerMs)) / 1000).toFixed(2)} s in the worker, ${(med(runsOf.map((x) => x.layoutTotalMs)) / 1000).toFixed(2)} s until applied, longest main-thread task ${med(runsOf.map((x) => x.longestTaskDuringLayoutMs))} ms`);
    log(`  first view: pan ${describeGesture(medianGesture(runsOf, 'panFirst'))}; drag ${describeGesture(medianGesture(runsOf, 'dragFirst'))}`);
    log(`  fit all:    ${(med(runsOf.map((x) => x.fitAllToIdleMs)) / 1000).toFixed(2)} s to idle, ${med(runsOf.map((x) => x.fitAllNodes))} nodes mounted; pan ${describeGesture(medianGesture(runsOf, 'panFit'))}; drag ${describeGesture(medianGesture(runsOf, 'dragFit'))}`);
    log(`  zoom 1:     pan ${describeGesture(medianGesture(runsOf, 'panZoom1'))}; drag ${describeGesture(medianGesture(runsOf, 'dragZoom1'))}`);
  }
  writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
  log(`\nraw results: ${path.relative(root, path.join(outDir, 'results.json'))}`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
