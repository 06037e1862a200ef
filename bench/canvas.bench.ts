/**
 * bench:canvas: the editor canvas at 100, 300 and 1,000 tables in headless Chromium against the
 * production build, median of 3 runs per size:
 *   - load -> idle: from navigation start until nodes are drawn, no node was added for 1 s and no
 *     long task (>= 50 ms) ran for 1 s; the time reported is the later of the last node added and
 *     the end of the last long task;
 *   - pan fps / drag fps: requestAnimationFrame callbacks per second while the mouse pans the view
 *     for 3 s, then while it drags one table for 3 s (main-thread responsiveness);
 *   - JS heap after load (after a forced GC) and DOM element count;
 *   - auto-layout: ELK time inside the worker, total time until the positions are applied, and the
 *     longest main-thread task meanwhile (Long Tasks API).
 *
 * Inputs: the synthetic schemas the peers were measured with (`../shared/bench/gen-schema.mjs`),
 * imported with the PostgreSQL importer (lib/importers/postgres), posted through POST /api/projects.
 *
 * Environment: BENCH_SKIP_BUILD=1 reuses the build in NEXT_DIST_DIR (default .next-canvas);
 * BENCH_SIZES=100,300 limits sizes; BENCH_RUNS=3; CHROMIUM_PATH as for the e2e tests.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { importPostgres } from '../lib/importers/postgres/import-postgres';
import type { SchemaDocument } from '../lib/model/document';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const generator = path.resolve(root, '../shared/bench/gen-schema.mjs');
const outDir = path.join(root, 'bench', 'out', 'canvas');
const sizes = (process.env.BENCH_SIZES ?? '100,300,1000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const distDir = process.env.NEXT_DIST_DIR ?? '.next-canvas';
const VIEWPORT = { width: 1280, height: 800 };

interface RunResult {
  loadToIdleMs: number;
  renderedNodes: number;
  domElements: number;
  heapMb: number;
  panFps: number;
  dragFps: number;
  elkMs: number;
  layoutTotalMs: number;
  longestTaskDuringLayoutMs: number;
  /** Zoomed out to fit every table (level of detail: names only). */
  fitAllToIdleMs: number;
  fitAllNodes: number;
  fitAllPanFps: number;
}

function log(msg: string) {
  process.stdout.write(`${msg}\n`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
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

async function startServer(): Promise<{ url: string; proc: ChildProcess }> {
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' };
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log(`building (${distDir})...`);
    try {
      execFileSync(process.execPath, [next, 'build'], { cwd: root, env, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const out = e as { stdout?: string; stderr?: string };
      throw new Error(`next build failed:\n${`${out.stdout ?? ''}${out.stderr ?? ''}`.split('\n').slice(-40).join('\n')}`);
    }
  }
  const port = freePort();
  const dbDir = mkdtempSync(path.join(os.tmpdir(), 'draftbase-bench-canvas-'));
  const proc = spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...env, DATABASE_URL: `file:${path.join(dbDir, 'bench.db')}` },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/projects`)).ok) return { url, proc };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  proc.kill();
  throw new Error('the server did not start');
}

/**
 * Installed before any page script: long tasks and the last time a canvas node was added.
 * Page-side code is kept as strings: tsx wraps named functions in a `__name` helper that does not
 * exist in the page.
 */
const INSTRUMENT = `
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
  await page.waitForSelector('.react-flow__node', { timeout: 180_000 });
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

async function measure(browser: Browser, url: string, projectId: string): Promise<RunResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript({ content: INSTRUMENT });
  await page.goto(`${url}/projects/${encodeURIComponent(projectId)}`, { waitUntil: 'commit' });
  const loadToIdleMs = await waitForIdle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counts = await page.evaluate(() => ({ nodes: document.querySelectorAll('.react-flow__node').length, dom: document.getElementsByTagName('*').length }));

  // Pan: press on a spot of empty pane (found by hit-testing) and wiggle.
  const pane = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    for (let y = c.top + c.height / 2; y < c.bottom - 20; y += 7) {
      for (let x = c.left + 20; x < c.right - 200; x += 7) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: c.left + 10, y: c.top + c.height / 2 };
  });
  const panX = pane.x;
  const panY = pane.y;
  const panFps = await countFrames(page, async () => {
    await page.mouse.move(panX, panY);
    await page.mouse.down();
    await wiggle(page, panX, panY, 3000, 250, 150);
    await page.mouse.up();
  });
  await page.waitForTimeout(500);

  // Drag one table (by its header when it shows one; at low zoom the whole node is the name).
  const node = page.locator('.react-flow__node-table').first();
  const nb = (await node.boundingBox())!;
  const hb = { x: nb.x, y: nb.y, height: Math.min(nb.height, 30) };
  const dragFps = await countFrames(page, async () => {
    await page.mouse.move(hb.x + Math.min(80, nb.width / 2), hb.y + hb.height / 2);
    await page.mouse.down();
    await wiggle(page, hb.x + Math.min(80, nb.width / 2), hb.y + hb.height / 2, 3000, 200, 120);
    await page.mouse.up();
  });
  await page.waitForTimeout(500);

  // Auto-layout of everything, in the worker.
  const before = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await page.getByRole('menuitem', { name: 'Lay out everything' }).click();
  const status = page.getByTestId('layout-status');
  await page.waitForFunction(() => document.querySelector('[data-testid="layout-status"]')?.getAttribute('data-state') === 'done', undefined, { timeout: 300_000 });
  const after = await page.evaluate(() => performance.now());
  const elkMs = Number(await status.getAttribute('data-elk-ms'));
  const layoutTotalMs = Number(await status.getAttribute('data-total-ms'));
  const longest = await page.evaluate(
    ([from, to]) => (window as unknown as BenchWindow).__bench.longTasks.filter((t) => t.end >= from && t.start <= to).reduce((m, t) => Math.max(m, t.end - t.start), 0),
    [before, after] as const,
  );
  // Then zoom to fit all (the laid-out) tables: every node is drawn, with names only.
  const fitClicked = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(400); // the fit animates for 300 ms
  const fitSettled = await waitForSettled(page);
  const fitAllNodes = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
  const fitPane = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    for (let y = c.top + 20; y < c.bottom - 20; y += 5) {
      for (let x = c.left + 20; x < c.right - 200; x += 5) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: c.left + 5, y: c.top + 5 };
  });
  const fitAllPanFps = await countFrames(page, async () => {
    await page.mouse.move(fitPane.x, fitPane.y);
    await page.mouse.down();
    await wiggle(page, fitPane.x, fitPane.y, 3000, 120, 80);
    await page.mouse.up();
  });
  await page.waitForTimeout(500);

  if (process.env.BENCH_DEBUG === '1') {
    const tasks = await page.evaluate(
      ([from, to]) => (window as unknown as BenchWindow).__bench.longTasks.filter((t) => t.end >= from && t.start <= to).map((t) => [Math.round(t.start - from), Math.round(t.end - t.start)]),
      [before, after] as const,
    );
    log(`long tasks during layout [start after click ms, duration ms]: ${JSON.stringify(tasks)}`);
  }
  await context.close();
  return {
    loadToIdleMs: Math.round(loadToIdleMs),
    renderedNodes: counts.nodes,
    domElements: counts.dom,
    heapMb: Math.round((heap.usedSize / 1024 / 1024) * 10) / 10,
    panFps: Math.round(panFps * 10) / 10,
    dragFps: Math.round(dragFps * 10) / 10,
    elkMs,
    layoutTotalMs,
    longestTaskDuringLayoutMs: Math.round(longest),
    fitAllToIdleMs: Math.round(Math.max(0, fitSettled - fitClicked)),
    fitAllNodes,
    fitAllPanFps: Math.round(fitAllPanFps * 10) / 10,
  };
}

function chromiumOptions() {
  const args = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (existsSync(chromium.executablePath())) return { args };
  return { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args };
}

async function main() {
  const docs = await makeDocuments();
  const { url, proc } = await startServer();
  const browser = await chromium.launch(chromiumOptions());
  const results: Record<number, { runs: RunResult[]; median: RunResult; tables: number; relationships: number; columns: number }> = {};
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
      const keys = Object.keys(all[0]) as (keyof RunResult)[];
      const med = Object.fromEntries(keys.map((k) => [k, median(all.map((r) => r[k]))])) as unknown as RunResult;
      results[n] = {
        runs: all,
        median: med,
        tables: Object.keys(doc.tables).length,
        relationships: Object.keys(doc.relationships).length,
        columns: Object.values(doc.tables).reduce((s, t) => s + t.columns.length, 0),
      };
    }
  } finally {
    await browser.close();
    proc.kill();
  }

  log('\nbench:canvas (median of ' + runs + ' runs, headless Chromium, ' + os.cpus().length + ' cores, viewport ' + VIEWPORT.width + 'x' + VIEWPORT.height + ')');
  log('| tables | columns | FKs | load->idle | pan fps | drag fps | JS heap | DOM elements | nodes drawn | fit all -> idle | nodes drawn (fit all) | pan fps (fit all) | ELK in worker | layout total | longest task during layout |');
  log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of sizes) {
    const r = results[n];
    const m = r.median;
    log(`| ${r.tables} | ${r.columns} | ${r.relationships} | ${(m.loadToIdleMs / 1000).toFixed(2)} s | ${m.panFps} | ${m.dragFps} | ${m.heapMb} MB | ${m.domElements} | ${m.renderedNodes} | ${(m.fitAllToIdleMs / 1000).toFixed(2)} s | ${m.fitAllNodes} | ${m.fitAllPanFps} | ${(m.elkMs / 1000).toFixed(2)} s | ${(m.layoutTotalMs / 1000).toFixed(2)} s | ${m.longestTaskDuringLayoutMs} ms |`);
  }
  writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
  log(`\nraw results: ${path.relative(root, path.join(outDir, 'results.json'))}`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
