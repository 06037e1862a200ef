/**
 * Edit latency between two people in a live session, measured inside the pages (one machine, one
 * clock): A and B each add `edits` columns named `lat_a<i>` / `lat_b<i>` to one table; each page
 * records when every such column first appears in its store. Returns each edit's send -> seen-on-the-
 * other-side time, sorted, once every edit has arrived on both sides.
 */
import { expect, type Page } from '@playwright/test';
import { makeColumn } from '../../lib/model/build';
import type { SchemaDocument } from '../../lib/model/document';

type StoreWindow = {
  __draftbaseStore: { getState(): { doc: SchemaDocument; dispatch(c: unknown): unknown }; subscribe(fn: (s: { doc: SchemaDocument }) => void): () => void };
  __seen?: Record<string, number>;
};


function watch(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as StoreWindow;
    w.__seen = {};
    const record = (d: SchemaDocument) => {
      const at = performance.timeOrigin + performance.now();
      for (const t of Object.values(d.tables)) for (const c of t.columns) if (c.name.startsWith('lat_') && !(c.name in w.__seen!)) w.__seen![c.name] = at;
    };
    record(w.__draftbaseStore.getState().doc);
    w.__draftbaseStore.subscribe((s) => record(s.doc));
  });
}

export async function measureLiveLatency(a: Page, b: Page, tableId: string, edits = 20): Promise<number[]> {
  await watch(a);
  await watch(b);
  const sent: Record<string, number> = {};
  const send = async (page: Page, name: string) => {
    sent[name] = await page.evaluate(
      ([column, table]) => {
        const t = performance.timeOrigin + performance.now();
        (window as unknown as StoreWindow).__draftbaseStore.getState().dispatch({ type: 'column.add', tableId: table, column });
        return t;
      },
      [makeColumn({ name }), tableId] as const,
    );
  };
  for (let i = 0; i < edits; i++) {
    await send(a, `lat_a${i}`);
    await send(b, `lat_b${i}`);
    await a.waitForTimeout(50);
  }
  const names = Object.keys(sent);
  const seenOn = async (page: Page) => (await page.evaluate(() => (window as unknown as StoreWindow).__seen ?? {})) as Record<string, number>;
  await expect.poll(async () => Object.keys(await seenOn(a)).length, { timeout: 20_000 }).toBe(names.length);
  await expect.poll(async () => Object.keys(await seenOn(b)).length, { timeout: 20_000 }).toBe(names.length);
  const [seenA, seenB] = [await seenOn(a), await seenOn(b)];
  return names.map((n) => (n.startsWith('lat_a') ? seenB[n] : seenA[n]) - sent[n]).sort((x, y) => x - y);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function latencySummary(sorted: number[]): string {
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
}
