/**
 * The auto-layout as a user runs it, in Chromium against the production build: "Lay out
 * everything" on 100 tables in four areas fills the canvas's shape (wide and tall windows), with no
 * overlap and every area kept together; "Lay out the area" rearranges one area in place and
 * leaves the other tables where they were.
 */
import { expect, test, type Page } from '@playwright/test';
import { syntheticDocument } from '../bench/synthetic';
import { layoutInput } from '../components/editor/layout/layout-input';
import { measureLayout } from '../lib/layout/metrics';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, uniqueName } from './support/api';

async function storeDoc(page: Page): Promise<SchemaDocument> {
  return page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { doc: SchemaDocument } } }).__draftbaseStore.getState().doc);
}

/** 100 tables in areas of 25, all stacked at the origin. */
async function openStacked(page: Page): Promise<SchemaDocument> {
  const doc = syntheticDocument({ tables: 100 });
  for (const id of Object.keys(doc.tables)) doc.layout.tables[id] = { x: 0, y: 0 };
  const project = await createProjectViaApi(page.request, { name: uniqueName('layout'), document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  return doc;
}

async function layOut(page: Page, item: 'Lay out everything' | 'Lay out the area') {
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await expect(page.getByTestId('layout-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
}

/** Tables of `ids` that are not in the area but overlap the area's bounding box. */
function intruders(doc: SchemaDocument, areaTableIds: readonly string[], ids: readonly string[]): string[] {
  const { nodes } = layoutInput(doc, ids);
  const size = new Map(nodes.map((n) => [n.id, n]));
  const box = (id: string) => ({ ...doc.layout.tables[id], w: size.get(id)!.width, h: size.get(id)!.height });
  const members = areaTableIds.map(box);
  const x1 = Math.min(...members.map((b) => b.x));
  const y1 = Math.min(...members.map((b) => b.y));
  const x2 = Math.max(...members.map((b) => b.x + b.w));
  const y2 = Math.max(...members.map((b) => b.y + b.h));
  const inArea = new Set(areaTableIds);
  return ids.filter((id) => !inArea.has(id)).filter((id) => {
    const b = box(id);
    return b.x < x2 && x1 < b.x + b.w && b.y < y2 && y1 < b.y + b.h;
  });
}

for (const viewport of [
  { width: 1600, height: 900 },
  { width: 900, height: 1300 },
]) {
  test(`lay out everything: the picture takes the canvas's shape, no overlaps, areas together (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openStacked(page);
    await layOut(page, 'Lay out everything');
    const doc = await storeDoc(page);
    const ids = Object.keys(doc.tables);
    const { nodes, edges } = layoutInput(doc, ids);
    const m = measureLayout(nodes, edges, doc.layout.tables);
    expect(m.overlaps).toBe(0);
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const canvasAspect = canvas.width / canvas.height;
    expect(Math.abs(Math.log(m.aspect / canvasAspect)), `picture ${m.aspect.toFixed(2)} vs canvas ${canvasAspect.toFixed(2)}`).toBeLessThan(Math.log(1.25));
    for (const area of Object.values(doc.areas)) expect(intruders(doc, area.tableIds, ids), area.name).toEqual([]);
    // One undo step puts everything back on the stack at the origin.
    await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+z`);
    await expect.poll(async () => Object.values((await storeDoc(page)).layout.tables).every((p) => p.x === 0 && p.y === 0)).toBe(true);
  });
}

test('lay out the area: its tables are rearranged in place, the others stay', async ({ page }) => {
  await openStacked(page);
  await layOut(page, 'Lay out everything');
  const before = await storeDoc(page);
  const area = Object.values(before.areas)[1];
  await page.getByLabel('Show area').selectOption({ label: area.name });
  await layOut(page, 'Lay out the area');
  const after = await storeDoc(page);
  const inArea = new Set(area.tableIds);
  for (const id of Object.keys(after.tables)) if (!inArea.has(id)) expect(after.layout.tables[id], id).toEqual(before.layout.tables[id]);
  const { nodes, edges } = layoutInput(after, area.tableIds);
  expect(measureLayout(nodes, edges, after.layout.tables).overlaps).toBe(0);
  // Rearranged where the area was: the same top-left corner.
  const corner = (doc: SchemaDocument) => ({ x: Math.min(...area.tableIds.map((id) => doc.layout.tables[id].x)), y: Math.min(...area.tableIds.map((id) => doc.layout.tables[id].y)) });
  expect(corner(after)).toEqual(corner(before));
  expect(area.tableIds.some((id) => after.layout.tables[id].x !== before.layout.tables[id].x || after.layout.tables[id].y !== before.layout.tables[id].y)).toBe(true);
});
